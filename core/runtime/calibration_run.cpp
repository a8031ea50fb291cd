#include "core/runtime/calibration_run.h"

#include "core/runtime/reference_executor.h"

namespace ql::runtime {

Expected<quant::RangeTable> collectMinMax(std::shared_ptr<const ir::Graph> graph, const std::vector<TensorMap>& inputs,
                                          const CancelToken& cancel, const ProgressFn& progress) {
    QL_ASSIGN(auto executor, ReferenceExecutor::create(graph));
    quant::MinMaxObserver observer;
    RunOptions options;
    options.cancel = cancel;
    options.hooks.onNodeOutputs = [&](const ir::Node& n, const std::vector<ir::Tensor>& outs) {
        for (size_t i = 0; i < n.outputs.size() && i < outs.size(); ++i)
            if (n.outputs[i].valid()) observer.observe(graph->value(n.outputs[i]).name, outs[i]);
    };
    for (size_t i = 0; i < inputs.size(); ++i) {
        for (const auto& [name, t] : inputs[i]) observer.observe(name, t);
        auto out = executor->run(inputs[i], options);
        if (!out) return out.status().isCancelled() ? Status::cancelled("calibration") : out.status();
        if (progress) progress(double(i + 1) / double(inputs.size()), "calibration");
    }
    return observer.ranges();
}

}  // namespace ql::runtime
