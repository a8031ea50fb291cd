#pragma once
// oneDNN executors. `planned` compiles once (primitives, reordered weights, one activation
// arena planned by liveness) and allocates nothing per run but the returned outputs. `eager`
// lowers and allocates again on every run in plain layout: the naive path, kept so users can
// see what planning buys.
#include <memory>

#include "core/runtime/onednn_plan.h"

namespace ql::runtime {

class PlannedExecutor : public Executor {
public:
    static Expected<std::unique_ptr<PlannedExecutor>> create(std::shared_ptr<const ir::Graph> graph,
                                                             std::shared_ptr<kernels::onednn::Context> ctx, const PlanOptions& options,
                                                             const CancelToken& cancel = {}, const ProgressFn& progress = {});
    std::string name() const override { return "planned"; }
    Expected<TensorMap> run(const TensorMap& inputs, const RunOptions& options = {}) override;
    std::vector<StepInfo> steps() const override { return plan_->steps(); }
    std::optional<MemoryStats> memoryStats() const override { return plan_->memory(); }
    const OnednnPlan& plan() const { return *plan_; }

private:
    std::unique_ptr<OnednnPlan> plan_;
};

class EagerExecutor : public Executor {
public:
    EagerExecutor(std::shared_ptr<const ir::Graph> graph, std::shared_ptr<kernels::onednn::Context> ctx, PlanOptions options,
                  std::shared_ptr<const quant::RangeTable> ranges = nullptr);
    std::string name() const override { return "eager"; }
    Expected<TensorMap> run(const TensorMap& inputs, const RunOptions& options = {}) override;
    std::vector<StepInfo> steps() const override { return steps_; }
    std::optional<MemoryStats> memoryStats() const override { return memory_; }

private:
    std::shared_ptr<const ir::Graph> graph_;
    std::shared_ptr<kernels::onednn::Context> ctx_;
    PlanOptions options_;
    std::shared_ptr<const quant::RangeTable> ranges_;
    std::vector<StepInfo> steps_;
    MemoryStats memory_;
};

}  // namespace ql::runtime
