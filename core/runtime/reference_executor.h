#pragma once
#include <memory>

#include "core/runtime/executor.h"

namespace ql::runtime {

// Interprets the graph node by node with the naive reference kernels: the oracle every other
// executor is compared against. Intermediate tensors are released after their last use.
class ReferenceExecutor : public Executor {
public:
    static Expected<std::unique_ptr<ReferenceExecutor>> create(std::shared_ptr<const ir::Graph> graph);
    std::string name() const override { return "reference"; }
    Expected<TensorMap> run(const TensorMap& inputs, const RunOptions& options = {}) override;
    std::vector<StepInfo> steps() const override;

private:
    std::shared_ptr<const ir::Graph> graph_;
    std::vector<ir::NodeId> order_;
    std::vector<int> useCount_;  // per value: consumers + (1 if graph output)
};

}  // namespace ql::runtime
