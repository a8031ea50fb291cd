#pragma once
#include <memory>
#include <string>

#include "core/runtime/executor.h"

namespace ql::runtime {

// "reference" today; "planned" and "eager" (oneDNN) register here when they land.
Expected<std::unique_ptr<Executor>> createExecutor(const std::string& name, std::shared_ptr<const ir::Graph> graph);

}  // namespace ql::runtime
