#include "core/runtime/executor_factory.h"

#include "core/runtime/reference_executor.h"

namespace ql::runtime {

Expected<std::unique_ptr<Executor>> createExecutor(const std::string& name, std::shared_ptr<const ir::Graph> graph) {
    if (name == "reference") {
        auto e = ReferenceExecutor::create(std::move(graph));
        if (!e) return e.status();
        return std::unique_ptr<Executor>(std::move(e).value());
    }
    if (name == "planned" || name == "eager")
        return Status::error("executor '" + name + "' (oneDNN) is not built yet; use --executor reference");
    return Status::error("unknown executor '" + name + "' (choose reference, planned or eager)");
}

}  // namespace ql::runtime
