#include "core/session/compare_isolated.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/session/prepare.h"

namespace ql::session::detail {

Status isolatedSensitivity(const Session& session, const RunConfig& config, const CompareRequest& request, ComparisonResult& result,
                           const CalibrationTable* table, const std::vector<runtime::TensorMap>& refOutputs, int64_t batch, int64_t samples,
                           const BatchFn& get, const CancelToken& cancel, const ProgressFn& progress) {
    const ProgressSpan span(progress);
    std::vector<size_t> picked;
    for (size_t i = 0; i < result.layers.size(); ++i)
        if (result.layers[i].int8Capable) picked.push_back(i);
    const size_t limit = request.maxIsolatedLayers > 0 ? size_t(request.maxIsolatedLayers) : picked.size();
    if (picked.size() > limit) {
        auto key = [&](size_t i) {  // worst propagated SQNR first, else the most MACs
            const LayerComparison& l = result.layers[i];
            return l.propagated ? l.propagated->sqnrDb : -double(l.macs);
        };
        std::stable_sort(picked.begin(), picked.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
        result.isolatedLayersSkipped = int64_t(picked.size() - limit);
        picked.resize(limit);
        std::sort(picked.begin(), picked.end());  // run in execution order
    }
    const ir::Graph& graph = *session.fused();
    const int64_t count = int64_t(refOutputs.size());
    for (size_t k = 0; k < picked.size(); ++k) {
        if (cancel.isCancelled()) return Status::cancelled("comparison");
        LayerComparison& row = result.layers[picked[k]];
        RunConfig only = config;
        only.fp32Fallback.clear();
        for (ir::NodeId id : graph.nodeIds()) {
            const ir::Node& n = graph.node(id);
            if (int64_t(id.v) != row.node && !n.name.empty()) only.fp32Fallback.push_back(n.name);
        }
        const ProgressSpan share(span.sub(double(k) / double(picked.size()), double(k + 1) / double(picked.size())));
        QL_ASSIGN(auto p, prepare(session, only, runtime::Precision::Int8, {}, cancel, share.sub(0.0, 0.3), table));
        runtime::RunOptions plain;
        plain.cancel = cancel;
        profile::LayerErrorAccumulator acc;
        int64_t same = 0, rowsSeen = 0;
        for (int64_t b = 0; b < count; ++b) {
            const int64_t rows = std::min(batch, samples - b * batch);
            QL_ASSIGN(auto in, get(b));
            auto out = p.executor->run(in, plain);
            if (!out) return out.status().isCancelled() ? Status::cancelled("comparison") : out.status().withContext(result.model + ": isolated '" + row.name + "': ");
            const auto& ref = refOutputs[size_t(b)];
            if (ref.empty() || out->empty()) continue;
            const ir::Tensor& a = ref.begin()->second;  // the first output (outputs are keyed by name)
            auto it = out->find(ref.begin()->first);
            if (it == out->end() || a.dtype() != ir::DType::F32 || it->second.dims() != a.dims()) continue;
            const ir::Tensor& y = it->second;
            const bool ranked = a.rank() == 2 && a.dims()[0] == batch;
            acc.add(a.data<float>(), y.data<float>(), ranked || (a.rank() > 0 && a.dims()[0] == batch) ? a.numel() / batch * rows : a.numel());
            if (ranked) {
                const int64_t cols = a.dims()[1];
                for (int64_t r = 0; r < rows; ++r) {
                    const float *x = a.data<float>() + r * cols, *z = y.data<float>() + r * cols;
                    same += (std::max_element(x, x + cols) - x) == (std::max_element(z, z + cols) - z);
                }
                rowsSeen += rows;
            }
            share.report(0.3 + 0.7 * double(b + 1) / double(count), "isolated sensitivity");
        }
        row.isolated = IsolatedError{acc.result(), rowsSeen ? double(same) / double(rowsSeen) : 0.0};
    }
    return Status::ok();
}

}  // namespace ql::session::detail
