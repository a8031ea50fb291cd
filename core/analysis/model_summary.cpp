#include "core/analysis/model_summary.h"

#include "core/util/strings.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <set>

namespace ql::analysis {

namespace {
// a * b, saturating at INT64_MAX (shapes here are declared, not checked: they may be absurd)
int64_t satMul(int64_t a, int64_t b) {
    int64_t r;
    return __builtin_mul_overflow(a, b, &r) || r < 0 ? INT64_MAX : r;
}

int64_t satCount(const ir::Dims& dims) {
    int64_t n = 1;
    for (int64_t d : dims) n = d < 0 ? 0 : satMul(n, d);
    return n;
}

int64_t satAdd(int64_t a, int64_t b) { return a > INT64_MAX - b ? INT64_MAX : a + b; }

// Why a value of this shape can never be run ("" when it can or when its shape is unknown).
std::string impossibleSize(const std::string& what, const ir::Value& v) {
    if (v.dims.empty() || std::any_of(v.dims.begin(), v.dims.end(), [](int64_t d) { return d < 0; })) return "";
    const std::string head = what + " '" + v.name + "' " + shapeToString(v.dims) + " " + std::string(dtypeName(v.dtype)) + ": ";
    int64_t n = 1;
    for (int64_t d : v.dims)
        if (__builtin_mul_overflow(n, d, &n)) return head + "its element count overflows 64 bits";
    const long double bytes = (long double)n * (long double)std::max<size_t>(1, ir::dtypeSize(v.dtype));
    if (bytes <= (long double)ir::kMaxTensorBytes) return "";
    char b[96];
    std::snprintf(b, sizeof b, "%.3Lg bytes, above the %lld GiB tensor limit", bytes, (long long)(ir::kMaxTensorBytes >> 30));
    return head + b;
}
}  // namespace

int64_t nodeMacs(const ir::Graph& g, const ir::Node& n) {
    auto dimsOf = [&](size_t i) -> const ir::Dims& { return g.value(n.inputs[i]).dims; };
    if (n.outputs.empty() || !g.value(n.outputs[0]).shapeKnown) return 0;
    const ir::Dims& out = g.value(n.outputs[0]).dims;
    const std::string& op = n.opType;
    if (op == "Conv" || op == "FusedConv" || op == "ConvInteger" || op == "QLinearConv") {
        // every output element: (Cin/group) * prod(kernel) MACs
        const ir::Dims& w = dimsOf(op == "QLinearConv" ? 3 : 1);
        int64_t perOut = 1;
        for (size_t i = 1; i < w.size(); ++i) perOut = satMul(perOut, w[i]);
        return satMul(satCount(out), perOut);
    }
    if (op == "ConvTranspose") {
        const ir::Dims& w = dimsOf(1);
        int64_t perIn = 1;
        for (size_t i = 1; i < w.size(); ++i) perIn = satMul(perIn, w[i]);
        return satMul(satCount(dimsOf(0)), perIn);
    }
    if (op == "Gemm" || op == "MatMul" || op == "MatMulInteger" || op == "QLinearMatMul") {
        const ir::Dims& a = dimsOf(0);
        int64_t k = a.empty() ? 1 : (op == "Gemm" && n.attrs.getInt("transA", 0) ? a[0] : a.back());
        return satMul(satCount(out), k);
    }
    return 0;
}

ModelSummary summarize(const ir::Graph& g, int64_t batch) {
    ModelSummary s;
    s.graphName = g.name;
    s.producer = g.producerName + (g.producerVersion.empty() ? "" : " " + g.producerVersion);
    s.opset = g.opsetVersion;
    s.irVersion = g.irVersion;
    s.batch = batch;
    for (ir::ValueId id : g.inputs) {
        const ir::Value& v = g.value(id);
        s.inputs.push_back({v.name, std::string(dtypeName(v.dtype)), v.dims, v.dimParams});
        if (auto w = impossibleSize("input", v); !w.empty()) s.warnings.push_back(w);
    }
    for (ir::ValueId id : g.outputs) {
        const ir::Value& v = g.value(id);
        s.outputs.push_back({v.name, std::string(dtypeName(v.dtype)), v.dims, v.dimParams});
    }
    std::set<int32_t> counted;  // a weight shared by several nodes counts once
    auto order = g.topologicalOrder();
    for (ir::NodeId id : order ? *order : g.nodeIds()) {
        const ir::Node& n = g.node(id);
        ++s.opHistogram[n.opType];
        ++s.nodeCount;
        LayerSummary l{n.name, n.opType, nodeMacs(g, n), 0, {}};
        for (ir::ValueId in : n.inputs) {
            if (!in.valid() || !g.value(in).constant) continue;
            const ir::Tensor& t = *g.value(in).constant;
            // at its first reader only, so the layers add up to the total
            if (counted.insert(in.v).second) {
                l.paramCount += t.numel();
                s.paramCount += t.numel();
                s.paramBytes += int64_t(t.byteSize());
            }
        }
        if (!n.outputs.empty() && n.outputs[0].valid()) {
            l.outputDims = g.value(n.outputs[0]).dims;
            if (auto w = impossibleSize("node '" + n.name + "' output", g.value(n.outputs[0])); !w.empty()) s.warnings.push_back(w);
        }
        s.totalMacs = satAdd(s.totalMacs, l.macs);
        s.layers.push_back(std::move(l));
    }
    constexpr size_t kMaxWarnings = 8;  // a model of absurd sizes warns about every layer: the first ones tell
    if (s.warnings.size() > kMaxWarnings) {
        const size_t more = s.warnings.size() - kMaxWarnings;
        s.warnings.resize(kMaxWarnings);
        s.warnings.push_back("... and " + std::to_string(more) + " more");
    }
    return s;
}

}  // namespace ql::analysis
