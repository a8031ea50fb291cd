// Signed int8 values stored as u8 with zero point 128: the same 256 levels and scale as s8, each
// byte shifted by 128. u8 is the source VNNI multiplies natively: with an s8 source oneDNN 2.6
// adds a compensation term, and its fast depthwise kernel (brdgmm) takes no s8 source at all, so
// a depthwise conv falls to jit_int8, 1.2-1.8x slower here. A DenseNet's concats hold signed
// values (its 3x3 convs end without an activation) and feed depthwise 1x1 convs (the
// pre-activation BatchNorms, passes/batchnorm_to_conv): DenseNet-201 INT8 went 12.3 -> 9.6 ms.
//
// A scale-sharing group (quant::scaleGroups) switches only as a whole and only when every member
// can carry the shift exactly: producers are convs (a destination zero point) or byte-preserving
// members (concat, pools whose padding never enters an average, views); every other reader is a
// conv reading it as its source without padding, which folds the zero point into its bias
// (onednn_lower_conv.cpp), so no kernel ever sees a zero point.
#include <algorithm>
#include <map>

#include "core/ops/op_params.h"
#include "core/quant/shared_ranges.h"
#include "core/runtime/onednn_lowerers.h"

namespace ql::runtime {

namespace {

bool isConv(const ir::Node& n) {
    const Lowerer* l = findLowerer(n);
    return l && l->lower == lowerConv;
}

// A conv reading v as its source (never as weights or residual) with no padding: the zero point
// folds into its bias exactly.
bool unpaddedConvSource(const PlanBuilder& b, const ir::Node& c, ir::ValueId v) {
    if (!isConv(c) || !convTakesInt8(b, c, v) || c.inputs.empty() || c.inputs[0] != v) return false;
    for (size_t i = 1; i < c.inputs.size(); ++i)
        if (c.inputs[i] == v) return false;
    const ir::Tensor* w = b.constantOf(c.inputs[1]);
    if (!w) return false;
    auto geo = ops::resolveConv(c, b.value(v).dims, w->dims());
    return geo && !geo->padded();  // the same test as the fold in lowerConv
}

// Does n pass int8 bytes through unchanged whatever their zero point (the group's own members)?
bool bytePreserving(const PlanBuilder& b, const ir::Node& n) {
    if (!n.domain.empty()) return false;
    if (n.opType == "Concat" || n.opType == "MaxPool" || n.opType == "GlobalMaxPool" || n.opType == "GlobalAveragePool") return true;
    if (n.opType == "Flatten" || n.opType == "Reshape" || n.opType == "Squeeze" || n.opType == "Unsqueeze") return true;
    if (n.opType == "AveragePool") {
        if (!n.attrs.getInt("count_include_pad", 0)) return true;
        auto geo = ops::resolvePool(n, b.value(n.inputs[0]).dims);
        return geo && !geo->padded() && !n.attrs.getInt("ceil_mode", 0);
    }
    return false;
}

}  // namespace

std::set<int32_t> offsetStorageValues(const PlanBuilder& b) {
    std::set<int32_t> out;
    if (!b.int8Plan() || b.sevenBitActivations() || b.asymmetricActivations()) return out;
    const ir::Graph& g = b.graph();
    const std::vector<int32_t> root = quant::scaleGroups(g, [&b](const ir::Node& n) { return sharesInt8Scale(b, n); });
    struct Verdict {
        bool ok = true, read = false;  // every member can carry the shift; some conv reads the group
        std::vector<int32_t> members;
    };
    std::map<int32_t, Verdict> groups;
    for (size_t i = 0; i < g.valueCount(); ++i) {
        const ir::ValueId v{int32_t(i)};
        const ir::Value& val = g.value(v);
        if (val.constant || b.constantOf(v)) continue;
        Verdict& d = groups[root[i]];
        d.members.push_back(v.v);
        const auto p = b.int8Of(v);
        // signed (s8) values only; a QDQ model's own parameters and the graph's edges stay as they are
        if (!p || p->dtype != DType::S8 || p->zeroPoint != 0 || val.quant || std::find(g.inputs.begin(), g.inputs.end(), v) != g.inputs.end() || g.isGraphOutput(v) || !val.producer.valid()) {
            d.ok = false;
            continue;
        }
        const ir::Node& producer = g.node(val.producer);
        const bool inGroup = sharesInt8Scale(b, producer) && bytePreserving(b, producer);
        if (!(isConv(producer) && producer.outputs[0] == v) && !inGroup) d.ok = false;
        for (ir::NodeId c : val.consumers) {
            const ir::Node& consumer = g.node(c);
            if (sharesInt8Scale(b, consumer) && bytePreserving(b, consumer)) continue;  // a member: judged as one
            const bool folds = unpaddedConvSource(b, consumer, v);
            d.ok = d.ok && folds;
            d.read = d.read || folds;
        }
    }
    for (const auto& [_, d] : groups)
        if (d.ok && d.read) out.insert(d.members.begin(), d.members.end());
    return out;
}

}  // namespace ql::runtime
