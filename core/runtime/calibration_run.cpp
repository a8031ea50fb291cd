#include "core/runtime/calibration_run.h"

#include "core/runtime/reference_executor.h"

namespace ql::runtime {

Status observeRun(const std::shared_ptr<const ir::Graph>& graph, const CalibrationBatches& batches, quant::Observer& observer,
                  const CancelToken& cancel, const ProgressFn& progress, Executor* executor) {
    QL_TRY(quant::validate(observer.options()));
    if (batches.count < 1 || !batches.batch) return Status::error("calibration needs at least one input batch");
    std::unique_ptr<Executor> owned;
    if (!executor) {
        QL_ASSIGN(owned, ReferenceExecutor::create(graph));
        executor = owned.get();
    }
    RunOptions run;
    run.cancel = cancel;
    run.hooks.onNodeOutputs = [&](const ir::Node& n, const std::vector<ir::Tensor>& outs) {
        for (size_t i = 0; i < n.outputs.size() && i < outs.size(); ++i)
            if (n.outputs[i].valid()) observer.observe(graph->value(n.outputs[i]).name, outs[i]);
    };
    for (int64_t i = 0; i < batches.count; ++i) {
        if (cancel.isCancelled()) return Status::cancelled("calibration");
        if (progress) progress(double(i) / double(batches.count), "calibration");  // the stage shows while its first batch runs
        auto inputs = batches.batch(i);
        if (!inputs) return inputs.status();
        for (const auto& [name, t] : *inputs) observer.observe(name, t);
        auto out = executor->run(*inputs, run);
        if (!out) return out.status().isCancelled() ? Status::cancelled("calibration") : out.status();
        if (progress) progress(double(i + 1) / double(batches.count), "calibration");
    }
    return Status::ok();
}

Expected<CalibrationStats> collectRanges(std::shared_ptr<const ir::Graph> graph, const CalibrationBatches& batches,
                                         const quant::ObserverOptions& options, const CancelToken& cancel, const ProgressFn& progress,
                                         Executor* executor) {
    QL_TRY(quant::validate(options));
    quant::Observer observer(options);
    QL_TRY(observeRun(graph, batches, observer, cancel, progress, executor));
    CalibrationStats stats;
    stats.ranges = observer.ranges();
    stats.summaries = observer.summaries();
    stats.batches = batches.count;
    return stats;
}

Expected<quant::RangeTable> collectMinMax(std::shared_ptr<const ir::Graph> graph, const std::vector<TensorMap>& inputs,
                                          const CancelToken& cancel, const ProgressFn& progress) {
    CalibrationBatches b{int64_t(inputs.size()), [&](int64_t i) -> Expected<TensorMap> { return inputs[size_t(i)]; }};
    QL_ASSIGN(auto stats, collectRanges(graph, b, {}, cancel, progress));
    return stats.ranges;
}

}  // namespace ql::runtime
