// Graph rewrites that merge nodes. Each guards against multiple consumers and graph outputs,
// keeps value shapes, and extends the surviving node's fusedFrom provenance.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/ops/fused_ops.h"
#include "core/ops/op_params.h"
#include "core/passes/pass_manager.h"

namespace ql::passes {

namespace {
using ir::Graph;
using ir::Node;
using ir::NodeId;
using ir::ValueId;

// Producer of v if v has exactly one consumer and is not a graph output.
const Node* soleProducer(const Graph& g, ValueId v) {
    const ir::Value& val = g.value(v);
    if (!val.producer.valid() || val.consumers.size() != 1 || g.isGraphOutput(v)) return nullptr;
    return &g.node(val.producer);
}

bool isConv(const Node& n) { return n.opType == "Conv" && n.domain.empty(); }
bool isFusedConv(const Node& n) { return n.opType == ops::kFusedConv && n.domain == ops::kQlDomain; }

// `keep` takes over `gone`'s output and provenance; `gone` is removed.
void absorb(Graph& g, NodeId keep, NodeId gone) {
    ValueId out = g.node(gone).outputs[0];
    ValueId oldOut = g.node(keep).outputs[0];
    std::vector<NodeId> from = g.node(gone).fusedFrom;
    g.removeNode(gone);
    Node& k = g.node(keep);
    k.outputs[0] = out;
    g.value(out).producer = keep;
    g.value(oldOut).producer = NodeId{};
    k.fusedFrom.insert(k.fusedFrom.end(), from.begin(), from.end());
}

void toFusedConv(Node& n) {
    n.opType = ops::kFusedConv;
    n.domain = ops::kQlDomain;
}

}  // namespace

const ir::Tensor* constantOf(const Graph& g, const Node& n, size_t i) {
    if (!n.hasInput(i)) return nullptr;
    const auto& c = g.value(n.inputs[i]).constant;
    return c ? &*c : nullptr;
}

Status eliminateIdentities(Graph& g, std::vector<std::string>& changes) {
    for (NodeId id : g.nodeIds()) {
        const Node& n = g.node(id);
        bool droppable = n.opType == "Identity" ||
                         (n.opType == "Dropout" && (n.outputs.size() < 2 || g.value(n.outputs[1]).consumers.empty()) &&
                          !(n.outputs.size() > 1 && g.isGraphOutput(n.outputs[1])));
        if (!droppable || !n.domain.empty() || !n.hasInput(0) || g.isGraphOutput(n.outputs[0])) continue;
        ValueId in = n.inputs[0], out = n.outputs[0];
        std::string name = n.name, op = n.opType;
        g.removeNode(id);
        g.replaceAllUses(out, in);
        changes.push_back("remove " + op + " '" + name + "'");
    }
    return Status::ok();
}

Status foldBatchNorm(Graph& g, std::vector<std::string>& changes) {
    for (NodeId id : g.nodeIds()) {
        const Node& bn = g.node(id);
        if (bn.opType != "BatchNormalization" || bn.removed) continue;
        const Node* conv = soleProducer(g, bn.inputs[0]);
        if (!conv || !(isConv(*conv) || (isFusedConv(*conv) && !conv->hasInput(3) && conv->attrs.getString("activation").empty()))) continue;
        const ir::Tensor* w = constantOf(g, *conv, 1);
        const ir::Tensor* b = constantOf(g, *conv, 2);
        if (!w || w->dtype() != ir::DType::F32 || (conv->hasInput(2) && !b)) continue;
        const ir::Tensor *scale = constantOf(g, bn, 1), *shift = constantOf(g, bn, 2), *mean = constantOf(g, bn, 3), *var = constantOf(g, bn, 4);
        if (!scale || !shift || !mean || !var) continue;
        const int64_t M = w->dims()[0], perM = w->numel() / M;
        if (scale->numel() != M) continue;
        const float eps = bn.attrs.getFloat("epsilon", 1e-5f);
        ir::Tensor w2 = w->clone(), b2 = ir::Tensor::create(ir::DType::F32, {M}).value();
        const ops::ChannelAffine bnAffine = ops::batchNormAffine(*scale, *shift, *mean, *var, eps);
        for (int64_t m = 0; m < M; ++m) {
            const double k = bnAffine.k[size_t(m)];
            for (int64_t i = 0; i < perM; ++i) w2.data<float>()[m * perM + i] = float(w->data<float>()[m * perM + i] * k);
            const double bias = b ? b->data<float>()[m] : 0.0;
            b2.data<float>()[m] = float(bias * k + bnAffine.shift[size_t(m)]);
        }
        NodeId convId = conv->id;
        std::string convName = conv->name, bnName = bn.name;
        ValueId wv = g.addConstant(convName + ".folded_weight", std::move(w2));
        ValueId bv = g.addConstant(convName + ".folded_bias", std::move(b2));
        Node& c = g.node(convId);
        auto rewire = [&](size_t i, ValueId v) {
            if (c.hasInput(i)) {
                auto& cons = g.value(c.inputs[i]).consumers;
                cons.erase(std::find(cons.begin(), cons.end(), convId));
            }
            if (c.inputs.size() <= i) c.inputs.resize(i + 1);
            c.inputs[i] = v;
            g.value(v).consumers.push_back(convId);
        };
        rewire(1, wv);
        rewire(2, bv);
        absorb(g, convId, id);
        changes.push_back("fold BatchNormalization '" + bnName + "' into Conv '" + convName + "'");
    }
    return Status::ok();
}

Status foldPad(Graph& g, std::vector<std::string>& changes) {
    for (NodeId id : g.nodeIds()) {
        const Node& pad = g.node(id);
        if (pad.opType != "Pad" || !pad.domain.empty() || pad.removed || pad.attrs.getString("mode", "constant") != "constant") continue;
        const ir::Value& x = g.value(pad.inputs[0]);
        if (!x.shapeKnown || x.dims.size() < 3) continue;
        const size_t rank = x.dims.size();
        // pads: attribute before opset 11, constant input after; the fill value must be 0
        std::vector<int64_t> pads = pad.attrs.getInts("pads");
        if (pad.hasInput(1)) {
            const ir::Tensor* t = constantOf(g, pad, 1);
            if (!t) continue;
            pads = t->toInt64Vector();
        }
        if (pad.hasInput(3) || pads.size() != 2 * rank) continue;
        float fill = pad.attrs.getFloat("value", 0.f);
        if (pad.hasInput(2)) {
            const ir::Tensor* v = constantOf(g, pad, 2);
            if (!v || v->numel() != 1) continue;
            fill = float(v->getAsDouble(0));
        }
        bool spatialOnly = fill == 0.f && pads[0] == 0 && pads[1] == 0 && pads[rank] == 0 && pads[rank + 1] == 0;
        for (int64_t p : pads) spatialOnly &= p >= 0;
        const Node* next = nullptr;
        if (spatialOnly && g.value(pad.outputs[0]).consumers.size() == 1 && !g.isGraphOutput(pad.outputs[0]))
            next = &g.node(g.value(pad.outputs[0]).consumers[0]);
        if (!next || next->inputs[0] != pad.outputs[0]) continue;
        const bool conv = isConv(*next) || isFusedConv(*next);
        // zero-padding then an unpadded average = an average over padded windows counting the pad
        const bool avg = next->opType == "AveragePool" && next->domain.empty() && next->attrs.getInt("ceil_mode", 0) == 0;
        if (!conv && !avg) continue;
        if (next->attrs.getString("auto_pad", "NOTSET") != "NOTSET") continue;
        std::vector<int64_t> own = next->attrs.getInts("pads");
        if (own.empty()) own.assign(2 * (rank - 2), 0);
        if (avg && std::any_of(own.begin(), own.end(), [](int64_t v) { return v != 0; })) continue;
        if (own.size() != 2 * (rank - 2)) continue;
        for (size_t i = 0; i < rank - 2; ++i) {
            own[i] += pads[2 + i];
            own[i + rank - 2] += pads[rank + 2 + i];
        }
        NodeId nextId = next->id;
        std::string padName = pad.name, nextName = next->name;
        ValueId in = pad.inputs[0], out = pad.outputs[0];
        std::vector<NodeId> from = pad.fusedFrom;
        g.removeNode(id);
        g.replaceAllUses(out, in);
        Node& nx = g.node(nextId);
        nx.attrs.set("pads", own);
        if (avg) nx.attrs.set("count_include_pad", int64_t(1));
        nx.fusedFrom.insert(nx.fusedFrom.begin(), from.begin(), from.end());
        changes.push_back("fold Pad '" + padName + "' into " + nx.opType + " '" + nextName + "'");
    }
    return Status::ok();
}

Status fuseConvAdd(Graph& g, std::vector<std::string>& changes) {
    for (NodeId id : g.nodeIds()) {
        const Node& add = g.node(id);
        if (add.opType != "Add" || !add.domain.empty() || add.removed || add.inputs.size() != 2) continue;
        for (int side = 0; side < 2; ++side) {
            const Node* conv = soleProducer(g, add.inputs[size_t(side)]);
            ValueId other = add.inputs[size_t(1 - side)];
            if (!conv || !(isConv(*conv) || (isFusedConv(*conv) && !conv->hasInput(3) && conv->attrs.getString("activation").empty())))
                continue;
            const ir::Value& ov = g.value(other);
            if (!ov.shapeKnown || ov.dims != g.value(add.inputs[size_t(side)]).dims || ov.dtype != ir::DType::F32) continue;
            NodeId convId = conv->id;
            std::string convName = conv->name, addName = add.name;
            Node& c = g.node(convId);
            if (c.inputs.size() < 3) c.inputs.resize(3);
            c.inputs.push_back(other);
            g.value(other).consumers.push_back(convId);
            toFusedConv(c);
            absorb(g, convId, id);
            changes.push_back("fuse Add '" + addName + "' into Conv '" + convName + "' (sum)");
            break;
        }
    }
    return Status::ok();
}

Status fuseConvActivation(Graph& g, std::vector<std::string>& changes) {
    for (NodeId id : g.nodeIds()) {
        const Node& act = g.node(id);
        if (act.removed || !act.domain.empty() || !(act.opType == "Relu" || act.opType == "Clip" || act.opType == "LeakyRelu")) continue;
        const Node* conv = soleProducer(g, act.inputs[0]);
        if (!conv || !(isConv(*conv) || isFusedConv(*conv)) || !conv->attrs.getString("activation").empty()) continue;
        float lo = -INFINITY, hi = INFINITY;
        if (act.opType == "Clip") {
            auto bounds = ops::clipBounds(act, constantOf(g, act, 1), constantOf(g, act, 2));
            if (!bounds) continue;  // bounds computed at run time
            std::tie(lo, hi) = *bounds;
        }
        NodeId convId = conv->id;
        std::string convName = conv->name, actName = act.name, actOp = act.opType;
        float alpha = act.attrs.getFloat("alpha", 0.01f);
        Node& c = g.node(convId);
        toFusedConv(c);
        c.attrs.set("activation", actOp);
        if (actOp == "Clip") {
            c.attrs.set("act_min", lo);
            c.attrs.set("act_max", hi);
        }
        if (actOp == "LeakyRelu") c.attrs.set("act_alpha", alpha);
        absorb(g, convId, id);
        changes.push_back("fuse " + actOp + " '" + actName + "' into Conv '" + convName + "'");
    }
    return Status::ok();
}

}  // namespace ql::passes
