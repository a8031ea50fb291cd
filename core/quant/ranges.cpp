#include "core/quant/ranges.h"

#include <algorithm>
#include <cmath>

#include "core/runtime/reference_executor.h"

namespace ql::quant {

Expected<RangeTable> collectMinMax(std::shared_ptr<const ir::Graph> graph, const std::vector<runtime::TensorMap>& inputs,
                                   const CancelToken& cancel) {
    QL_ASSIGN(auto executor, runtime::ReferenceExecutor::create(graph));
    RangeTable table;
    auto observe = [&](const std::string& name, const ir::Tensor& t) {
        if (t.dtype() != ir::DType::F32 || t.numel() == 0) return;
        auto [mn, mx] = std::minmax_element(t.data<float>(), t.data<float>() + t.numel());
        auto it = table.find(name);
        if (it == table.end()) table[name] = {*mn, *mx};
        else it->second = {std::min(it->second.min, *mn), std::max(it->second.max, *mx)};
    };
    runtime::RunOptions options;
    options.cancel = cancel;
    options.hooks.onNodeOutputs = [&](const ir::Node& n, const std::vector<ir::Tensor>& outs) {
        for (size_t i = 0; i < n.outputs.size() && i < outs.size(); ++i)
            if (n.outputs[i].valid()) observe(graph->value(n.outputs[i]).name, outs[i]);
    };
    for (const auto& set : inputs) {
        for (const auto& [name, t] : set) observe(name, t);
        auto out = executor->run(set, options);
        if (!out) return out.status();
    }
    return table;
}

Int8Params int8ParamsFor(const ValueRange& r, bool sevenBit, bool asymmetric) {
    Int8Params p;
    const bool nonNegative = r.min >= 0.f;
    if (asymmetric && !nonNegative) {
        const float qmax = sevenBit ? 127.f : 255.f;
        const float lo = std::min(r.min, 0.f), hi = std::max(r.max, 0.f);
        p.dtype = ir::DType::U8;
        p.scale = hi > lo && std::isfinite(hi - lo) ? (hi - lo) / qmax : 1.f;
        p.zeroPoint = int32_t(std::clamp(std::nearbyint(-lo / p.scale), 0.f, qmax));
        return p;
    }
    p.dtype = nonNegative ? ir::DType::U8 : ir::DType::S8;
    const float qmax = nonNegative ? (sevenBit ? 127.f : 255.f) : (sevenBit ? 63.f : 127.f);
    const float amax = std::max(std::fabs(r.min), std::fabs(r.max));
    p.scale = amax > 0 && std::isfinite(amax) ? amax / qmax : 1.f;
    return p;
}

}  // namespace ql::quant
