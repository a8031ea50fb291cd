#include "core/session/range_insight.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/ops/fused_ops.h"
#include "core/passes/pass_manager.h"
#include "core/quant/weight_quant.h"
#include "core/runtime/calibration_run.h"
#include "core/session/workflows.h"

namespace ql::session {

const ActivationHistogram* RangeInsight::activationOf(ir::NodeId node) const {
    for (const auto& a : activations)
        if (a.producer == node) return &a;
    return nullptr;
}

const ActivationHistogram* RangeInsight::activation(const std::string& value) const {
    for (const auto& a : activations)
        if (a.value == value) return &a;
    return nullptr;
}

const WeightChannels* RangeInsight::weightsOf(ir::NodeId node) const {
    for (const auto& w : weights)
        if (w.node == node) return &w;
    return nullptr;
}

std::optional<WeightChannels> weightChannelsOf(const ir::Graph& g, const ir::Node& n, bool perTensor) {
    const bool conv = n.opType == "Conv" || (n.opType == ops::kFusedConv && n.domain == ops::kQlDomain);
    const bool gemm = n.opType == "Gemm", matmul = n.opType == "MatMul";
    if (!conv && !gemm && !matmul) return std::nullopt;
    const ir::Tensor* w = passes::constantOf(g, n, 1);
    if (!w || w->dtype() != ir::DType::F32 || w->numel() == 0) return std::nullopt;
    const auto& dims = w->dims();
    if (dims.size() < 2 || (!conv && dims.size() != 2)) return std::nullopt;
    // channels x perChannel with a stride between a channel's elements
    int64_t channels = dims[0], perChannel = w->numel() / dims[0], channelStride = perChannel, elementStride = 1;
    if (!conv && !(gemm && n.attrs.getInt("transB", 0))) {  // [K, N]: a channel is a column
        channels = dims[1], perChannel = dims[0], channelStride = 1, elementStride = dims[1];
    }
    WeightChannels out;
    out.node = n.id;
    out.name = n.name;
    out.op = n.opType;
    out.weight = g.value(n.inputs[1]).name;
    out.perTensorUsed = perTensor;
    std::vector<float> rows(size_t(channels * perChannel));  // channel-major copy for the quantizer
    const float* x = w->data<float>();
    for (int64_t c = 0; c < channels; ++c) {
        float mn = std::numeric_limits<float>::infinity(), mx = -mn;
        for (int64_t i = 0; i < perChannel; ++i) {
            const float v = x[c * channelStride + i * elementStride];
            rows[size_t(c * perChannel + i)] = v;
            if (!std::isfinite(v)) continue;
            mn = std::min(mn, v), mx = std::max(mx, v);
        }
        out.min.push_back(std::isfinite(mn) ? mn : 0.f);
        out.max.push_back(std::isfinite(mx) ? mx : 0.f);
    }
    // the limits from the quantizer the plans use, so the view cannot drift from what runs
    const quant::QuantizedRows perRow = quant::quantizeRowsS8(rows.data(), channels, perChannel, false);
    const quant::QuantizedRows whole = quant::quantizeRowsS8(rows.data(), channels, perChannel, true);
    for (int64_t c = 0; c < channels; ++c) {
        const bool zero = out.min[size_t(c)] == 0.f && out.max[size_t(c)] == 0.f;
        out.channelLimit.push_back(zero ? 0.f : perRow.scales[size_t(c)] * 127.f);
    }
    out.tensorLimit = whole.scales.empty() ? 0.f : whole.scales[0] * 127.f;
    return out;
}

Expected<RangeInsightPtr> rangeInsightModel(const Session& session, const RunConfig& config, const RangeInsightRequest& request, const Job& job) {
    QL_TRY(config.validate());
    if (request.calibration.empty() && request.stream.count < 1) return Status::error("range insight needs at least one input batch");
    const ProgressSpan span(job.progress);
    const std::shared_ptr<const ir::Graph> graph = session.fused();
    const ir::Graph& g = *graph;
    // one histogram observer serves every method: the kept histograms are what each derives from
    quant::ObserverOptions options = config.calibration.observer();
    options.method = quant::CalibrationMethod::Entropy;
    quant::Observer observer(options);
    const auto& c = request.calibration;
    const runtime::CalibrationBatches batches =
        c.empty() ? request.stream : runtime::CalibrationBatches{int64_t(c.size()), [&c](int64_t i) -> Expected<runtime::TensorMap> { return c[size_t(i)]; }};
    if (Status st = runtime::observeRun(graph, batches, observer, job.cancel, span.sub(0.0, 0.8)); !st)
        return st.isCancelled() ? st : st.withContext(session.modelPath().string() + ": range insight: ");

    auto insight = std::make_shared<RangeInsight>();
    insight->source = request.source;
    insight->configuredMethod = config.calibration.method;
    insight->percentile = options.percentile;
    insight->tableGiven = request.tableGiven;
    const int keep = std::clamp(request.bins, 16, options.bins);
    const int factor = std::max(1, options.bins / keep);
    auto wanted = [&](const std::string& v) {
        return request.values.empty() || std::find(request.values.begin(), request.values.end(), v) != request.values.end();
    };
    auto add = [&](ir::ValueId id, const ir::Node* producer) {
        const std::string& name = g.value(id).name;
        const quant::Histogram* h = observer.histogram(name);
        if (!h || !h->count() || !wanted(name) || insight->activation(name)) return;
        ActivationHistogram a;
        a.value = name;
        if (producer) a.producer = producer->id, a.producerName = producer->name, a.producerOp = producer->opType;
        a.binWidth = h->binWidth() * float(factor);
        a.positive = quant::mergeBins(h->positive(), factor);
        a.negative = quant::mergeBins(h->negative(), factor);
        a.count = h->count();
        a.nonFinite = h->nonFinite();
        a.methods = quant::methodRanges(*h, options.percentile);
        if (request.used)
            if (auto it = request.used->find(name); it != request.used->end()) a.used = it->second;
        insight->activations.push_back(std::move(a));
    };
    for (ir::ValueId in : g.inputs) add(in, nullptr);
    QL_ASSIGN(const auto order, g.topologicalOrder());
    for (size_t k = 0; k < order.size(); ++k) {
        if (job.cancel.isCancelled()) return Status::cancelled("range insight");
        const ir::Node& n = g.node(order[k]);
        for (ir::ValueId out : n.outputs)
            if (out.valid()) add(out, &n);
        if (auto w = weightChannelsOf(g, n, config.calibration.perTensorWeights); w && (request.values.empty() || insight->activationOf(n.id)))
            insight->weights.push_back(std::move(*w));
        span.report(0.8 + 0.2 * double(k + 1) / double(order.size()), "range insight");
    }
    return RangeInsightPtr(std::move(insight));
}

}  // namespace ql::session
