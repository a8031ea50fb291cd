#include "core/runtime/planned_executor.h"

namespace ql::runtime {

Expected<std::unique_ptr<PlannedExecutor>> PlannedExecutor::create(std::shared_ptr<const ir::Graph> graph,
                                                                   std::shared_ptr<kernels::onednn::Context> ctx, const PlanOptions& options,
                                                                   const CancelToken& cancel, const ProgressFn& progress) {
    auto plan = OnednnPlan::build(std::move(graph), std::move(ctx), options, cancel, progress);
    if (!plan) return plan.status();
    auto e = std::unique_ptr<PlannedExecutor>(new PlannedExecutor);
    e->plan_ = std::move(plan).value();
    return e;
}

Expected<TensorMap> PlannedExecutor::run(const TensorMap& inputs, const RunOptions& options) { return plan_->run(inputs, options); }

EagerExecutor::EagerExecutor(std::shared_ptr<const ir::Graph> graph, std::shared_ptr<kernels::onednn::Context> ctx, PlanOptions options,
                             std::shared_ptr<const quant::RangeTable> ranges)
    : graph_(std::move(graph)), ctx_(std::move(ctx)), options_(options), ranges_(std::move(ranges)) {
    options_.separateAllocations = true;
    options_.ranges = ranges_.get();
}

Expected<TensorMap> EagerExecutor::run(const TensorMap& inputs, const RunOptions& options) {
    // Everything a naive interpreter redoes per run: primitives, weight reorders, allocations.
    auto plan = OnednnPlan::build(graph_, ctx_, options_, options.cancel);
    if (!plan) return plan.status();
    steps_ = (*plan)->steps();
    memory_ = (*plan)->memory();
    return (*plan)->run(inputs, options);
}

}  // namespace ql::runtime
