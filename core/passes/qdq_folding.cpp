// fold-qdq: a pre-quantized (QDQ) model marks the tensors it wants in int8 with
// QuantizeLinear -> DequantizeLinear pairs. Run as nodes, each pair is two reference-kernel steps
// and keeps the layers between them in f32 (the trap that makes int8 QDQ models slower than
// float). The pass removes every per-tensor pair on an activation and keeps what it said on the
// value instead (ir::Value::quant: scale, zero point, u8/s8), so the INT8 plan quantizes that
// value with the model's own parameters and the layers around it run on int8 kernels. Weight
// DequantizeLinear nodes on constants are already folded into constants at import.
#include <algorithm>
#include <cmath>

#include "core/passes/pass_manager.h"

namespace ql::passes {

namespace {
using ir::Graph;
using ir::Node;
using ir::NodeId;
using ir::ValueId;

using QParams = ir::QuantParams;
bool same(const QParams& a, const QParams& b) { return a.scales == b.scales && a.zeroPoints == b.zeroPoints && a.storage == b.storage; }
}  // namespace

Status foldQdq(Graph& g, std::vector<std::string>& changes) {
    for (NodeId id : g.nodeIds()) {
        const Node& q = g.node(id);
        if (q.removed || q.opType != "QuantizeLinear" || !q.domain.empty() || !q.hasInput(0) || q.outputs.size() != 1) continue;
        const ValueId x = q.inputs[0], y = q.outputs[0];
        if (g.value(x).constant || g.isGraphOutput(y) || g.isGraphOutput(x) || g.value(y).consumers.empty()) continue;
        const auto qp = quantParamsOf(g, q);
        if (!qp) continue;
        // every reader of the quantized tensor must be a DequantizeLinear with the same
        // parameters, directly or through a Cast to the type it already has (torch exports
        // QuantizeLinear -> Cast -> DequantizeLinear; the importer keeps Cast's "to" as an ir::DType)
        std::vector<NodeId> casts, dequantizers;
        bool foldable = true;
        for (NodeId c : g.value(y).consumers) {
            const Node& n = g.node(c);
            if (n.opType == "Cast" && n.domain.empty() && n.attrs.getInt("to", -1) == int64_t(qp->storage) && !g.isGraphOutput(n.outputs[0])) {
                casts.push_back(c);
                for (NodeId cc : g.value(n.outputs[0]).consumers) dequantizers.push_back(cc);
            } else {
                dequantizers.push_back(c);
            }
        }
        for (NodeId c : dequantizers) {
            const Node& d = g.node(c);
            const auto dp = d.opType == "DequantizeLinear" && d.domain.empty() && d.hasInput(0) ? quantParamsOf(g, d) : std::nullopt;
            foldable = foldable && dp && same(*qp, *dp);
        }
        // a model output that would become a model input keeps its pair (an identity model)
        const bool xIsInput = std::find(g.inputs.begin(), g.inputs.end(), x) != g.inputs.end();
        for (NodeId c : dequantizers) foldable = foldable && !(xIsInput && g.isGraphOutput(g.node(c).outputs[0]));
        if (!foldable || dequantizers.empty()) continue;
        const std::string qName = q.name, valueName = g.value(x).name;
        std::vector<NodeId> provenance = q.fusedFrom;
        for (NodeId c : casts) provenance.insert(provenance.end(), g.node(c).fusedFrom.begin(), g.node(c).fusedFrom.end());
        for (NodeId c : dequantizers) {
            const Node& d = g.node(c);
            provenance.insert(provenance.end(), d.fusedFrom.begin(), d.fusedFrom.end());
            const ValueId out = d.outputs[0];
            // the readers of the dequantized tensor now stand for the pair as well
            for (NodeId r : g.value(out).consumers) {
                auto& from = g.node(r).fusedFrom;
                from.insert(from.end(), provenance.begin(), provenance.end());
            }
            const bool modelOutput = g.isGraphOutput(out);
            if (modelOutput && g.value(x).producer.valid()) {  // no reader: x's producer stands for the pair
                auto& from = g.node(g.value(x).producer).fusedFrom;
                from.insert(from.end(), provenance.begin(), provenance.end());
            }
            g.removeNode(c);
            g.replaceAllUses(out, x);  // graph outputs included
            if (modelOutput) {  // the output keeps its name: x takes it over
                const std::string name = g.value(out).name;
                g.value(out).name += ".folded";
                g.value(x).name = name;
            }
        }
        for (NodeId c : casts) g.removeNode(c);
        g.removeNode(id);
        g.value(x).quant = *qp;
        char line[256];
        std::snprintf(line, sizeof line, "fold QuantizeLinear '%s' and %zu DequantizeLinear: '%s' keeps scale %g, zero point %d (%s)", qName.c_str(),
                      dequantizers.size(), valueName.c_str(), double(qp->scales[0]), qp->zeroPoints[0], qp->storage == ir::DType::U8 ? "u8" : "s8");
        changes.push_back(line);
    }
    return Status::ok();
}

namespace {
// A scalar constant input (scale or zero point), or nullptr.
const ir::Tensor* scalarInput(const Graph& g, const Node& n, size_t i) {
    const ir::Tensor* c = constantOf(g, n, i);
    return c && c->numel() == 1 ? c : nullptr;
}
}  // namespace

std::optional<ir::QuantParams> quantParamsOf(const Graph& g, const Node& n) {
    const ir::Tensor* scale = scalarInput(g, n, 1);
    if (!scale || scale->dtype() != ir::DType::F32) return std::nullopt;
    ir::QuantParams p;
    p.storage = ir::DType::U8;  // ONNX default when the zero point is omitted
    p.scales = {scale->data<float>()[0]};
    p.zeroPoints = {0};
    if (!(p.scales[0] > 0) || !std::isfinite(p.scales[0])) return std::nullopt;
    if (n.hasInput(2)) {
        const ir::Tensor* zp = scalarInput(g, n, 2);
        if (!zp) return std::nullopt;
        p.storage = zp->dtype();
        if (p.storage == ir::DType::U8) p.zeroPoints = {zp->data<uint8_t>()[0]};
        else if (p.storage == ir::DType::S8) p.zeroPoints = {zp->data<int8_t>()[0]};
        else return std::nullopt;
    }
    return p;
}

}  // namespace ql::passes
