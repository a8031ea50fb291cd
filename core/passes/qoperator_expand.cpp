// expand-qoperators: a QOperator model (QLinearConv, QLinearMatMul, and ONNX Runtime's
// com.microsoft QLinearAdd / QLinearGlobalAveragePool / QLinearConcat / ...) computes int8 layer by layer
// in operators no oneDNN lowering knows, so each one would run as a reference kernel. The pass
// rewrites each as the QDQ form it stands for -- DequantizeLinear on its inputs, the float op
// (bias dequantized with x_scale * w_scale), QuantizeLinear on its output -- with the model's own
// scales and zero points. fold-qdq then turns the Q -> DQ pairs between layers into
// ir::Value::quant, and the int8 plan runs the float ops on its int8 kernels with those
// parameters (weights keep their own scales: onednn_lowering notes DequantizeLinear of s8
// constants). Max pooling and views that a QOperator model runs directly on u8 move behind the
// QuantizeLinear before them (max and reshapes commute with quantization), so the chain stays one.
// The float value after each rewritten op takes the op's output name (the quantized tensor
// becomes "<name>.quantized"), so a float model's tensors match by name.
#include <algorithm>

#include "core/ops/qlinear_contrib.h"
#include "core/passes/pass_manager.h"

namespace ql::passes {

namespace {
using ir::DType;
using ir::Graph;
using ir::Node;
using ir::NodeId;
using ir::ValueId;

bool is8bit(DType t) { return t == DType::U8 || t == DType::S8; }

// A new f32 value shaped like `like`.
ValueId floatLike(Graph& g, ValueId like, const std::string& name) {
    const ValueId v = g.addValue(name, DType::F32, g.value(like).dims);
    g.value(v).shapeKnown = g.value(like).shapeKnown;
    return v;
}

NodeId addFrom(Graph& g, const std::vector<NodeId>& from, std::string op, std::string name, std::vector<ValueId> ins, std::vector<ValueId> outs,
               ir::Attributes attrs = {}) {
    const NodeId id = g.addNode(std::move(op), std::move(name), std::move(ins), std::move(outs), std::move(attrs));
    g.node(id).fusedFrom = from;
    return id;
}

// DequantizeLinear(x, scale, zp) -> a new f32 value; per-axis parameters along `axis`.
ValueId dequantize(Graph& g, const Node& n, ValueId x, ValueId scale, ValueId zp, const std::string& what, int axis = -1) {
    const ValueId out = floatLike(g, x, g.value(x).name + ".dequantized");
    ir::Attributes attrs;
    if (axis >= 0) attrs.set("axis", int64_t(axis));
    addFrom(g, n.fusedFrom, "DequantizeLinear", n.name + "/dequantize_" + what, {x, scale, zp}, {out}, std::move(attrs));
    return out;
}

// The float output standing for quantized output y, quantized back into y by a new
// QuantizeLinear. y keeps its name when it is a model output; else the float value takes it.
ValueId quantizeInto(Graph& g, const Node& n, ValueId y, ValueId scale, ValueId zp) {
    const std::string name = g.value(y).name;
    ValueId yf;
    if (g.isGraphOutput(y)) {
        yf = floatLike(g, y, name + ".float");
    } else {
        g.value(y).name = name + ".quantized";
        yf = floatLike(g, y, name);
    }
    addFrom(g, n.fusedFrom, "QuantizeLinear", n.name + "/quantize", {yf, scale, zp}, {y});
    return yf;
}

// The bias of a QLinearConv in f32: B * x_scale * w_scale (per output channel), or nullopt when
// a scale is not constant.
std::optional<ir::Tensor> floatBias(const Graph& g, const Node& n) {
    const ir::Tensor *b = constantOf(g, n, 8), *xs = constantOf(g, n, 1), *ws = constantOf(g, n, 4);
    if (!b || !xs || !ws || b->dtype() != DType::S32 || xs->numel() != 1 || xs->dtype() != DType::F32 || ws->dtype() != DType::F32) return std::nullopt;
    if (ws->numel() != 1 && ws->numel() != b->numel()) return std::nullopt;
    auto t = ir::Tensor::create(DType::F32, b->dims());
    if (!t) return std::nullopt;
    for (int64_t i = 0; i < b->numel(); ++i)
        t->data<float>()[i] = float(double(b->data<int32_t>()[i]) * xs->data<float>()[0] * ws->data<float>()[ws->numel() == 1 ? 0 : i]);
    return std::move(*t);
}

bool expandQLinearConv(Graph& g, NodeId id, std::vector<std::string>& changes) {
    const Node n = g.node(id);  // a copy: the node is removed below
    std::optional<ir::Tensor> bias;
    if (n.hasInput(8) && !(bias = floatBias(g, n))) return false;
    const ir::Tensor* ws = constantOf(g, n, 4);
    const bool perChannel = ws && ws->numel() > 1;
    g.removeNode(id);
    const ValueId xf = dequantize(g, n, n.inputs[0], n.inputs[1], n.inputs[2], "x");
    const ValueId wf = dequantize(g, n, n.inputs[3], n.inputs[4], n.inputs[5], "w", perChannel ? 0 : -1);
    std::vector<ValueId> ins{xf, wf};
    if (bias) ins.push_back(g.addConstant(n.name + ".bias_float", std::move(*bias)));
    const ValueId yf = quantizeInto(g, n, n.outputs[0], n.inputs[6], n.inputs[7]);
    addFrom(g, n.fusedFrom, "Conv", n.name, std::move(ins), {yf}, n.attrs);
    changes.push_back("expand QLinearConv '" + n.name + "' into DequantizeLinear -> Conv -> QuantizeLinear with its own scales");
    return true;
}

bool expandQLinearMatMul(Graph& g, NodeId id, std::vector<std::string>& changes) {
    const Node n = g.node(id);
    // per-row scales of a or per-column scales of b beyond 2-D have no single DequantizeLinear axis
    const ir::Tensor *as = constantOf(g, n, 1), *bs = constantOf(g, n, 4);
    if (!as || !bs || as->numel() != 1) return false;
    const ir::Dims& bd = g.value(n.inputs[3]).dims;
    if (bs->numel() > 1 && bd.size() != 2) return false;
    g.removeNode(id);
    const ValueId af = dequantize(g, n, n.inputs[0], n.inputs[1], n.inputs[2], "a");
    const ValueId bf = dequantize(g, n, n.inputs[3], n.inputs[4], n.inputs[5], "b", bs->numel() > 1 ? 1 : -1);
    const ValueId yf = quantizeInto(g, n, n.outputs[0], n.inputs[6], n.inputs[7]);
    addFrom(g, n.fusedFrom, "MatMul", n.name, {af, bf}, {yf});
    changes.push_back("expand QLinearMatMul '" + n.name + "' into DequantizeLinear -> MatMul -> QuantizeLinear with its own scales");
    return true;
}

// ONNX Runtime's com.microsoft QLinearAdd, QLinearGlobalAveragePool, QLinearConcat, ...: the
// float op between DequantizeLinear and QuantizeLinear, as the catalogue describes it.
bool expandQLinearContrib(Graph& g, NodeId id, std::vector<std::string>& changes) {
    const Node n = g.node(id);
    const auto form = ops::qlinearFormOf(n);
    if (!form) return false;
    for (const ops::QOperand& o : form->inputs) {
        const ir::Tensor* s = constantOf(g, n, o.scale);
        if (!n.hasInput(o.tensor) || !s || s->numel() != 1) return false;
    }
    g.removeNode(id);
    std::vector<ValueId> ins;
    for (size_t k = 0; k < form->inputs.size(); ++k) {
        const ops::QOperand& o = form->inputs[k];
        ins.push_back(dequantize(g, n, n.inputs[o.tensor], n.inputs[o.scale], n.hasInput(o.zeroPoint) ? n.inputs[o.zeroPoint] : ValueId{},
                                 std::to_string(k)));
    }
    const ValueId out = n.hasInput(form->outZeroPoint) ? n.inputs[form->outZeroPoint] : ValueId{};
    const ValueId yf = quantizeInto(g, n, n.outputs[0], n.inputs[form->outScale], out);
    addFrom(g, n.fusedFrom, form->floatOp, n.name, std::move(ins), {yf}, form->floatAttrs);
    changes.push_back("expand " + n.opType + " '" + n.name + "' into DequantizeLinear -> " + form->floatOp + " -> QuantizeLinear with its own scales");
    return true;
}

// y = Q(x); z = op(y) on 8-bit data  ->  z' = op(x); z = Q(z') with the same parameters.
bool commutesWithQuantization(const Node& n) {
    static const char* ops[] = {"MaxPool", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose", "Identity"};
    return n.domain.empty() && std::any_of(std::begin(ops), std::end(ops), [&](const char* op) { return n.opType == op; }) && n.outputs.size() == 1;
}

bool moveBehindQuantize(Graph& g, NodeId id, std::vector<std::string>& changes) {
    const Node& n = g.node(id);
    if (!commutesWithQuantization(n) || !n.hasInput(0) || !is8bit(g.value(n.inputs[0]).dtype)) return false;
    const ValueId y = n.inputs[0];
    const NodeId qId = g.value(y).producer;
    if (!qId.valid() || g.node(qId).opType != "QuantizeLinear" || !g.node(qId).domain.empty()) return false;
    const Node q = g.node(qId);
    const Node op = n;
    const ValueId z = op.outputs[0];
    g.removeNode(id);
    const ValueId zf = quantizeInto(g, op, z, q.inputs[1], q.hasInput(2) ? q.inputs[2] : ValueId{});
    std::vector<ValueId> ins = op.inputs;
    ins[0] = q.inputs[0];
    addFrom(g, op.fusedFrom, op.opType, op.name, std::move(ins), {zf}, op.attrs);
    // the float input now stands for the quantized one: it keeps the parameters it had
    if (auto p = quantParamsOf(g, q)) g.value(q.inputs[0]).quant = *p;
    if (g.value(y).consumers.empty() && !g.isGraphOutput(y)) g.removeNode(qId);
    changes.push_back("run " + op.opType + " '" + op.name + "' on the float tensor before QuantizeLinear '" + q.name + "'");
    return true;
}
}  // namespace

Status expandQOperators(Graph& g, std::vector<std::string>& changes) {
    for (NodeId id : g.nodeIds()) {
        const Node& n = g.node(id);
        if (n.removed) continue;
        // (n dangles once an expansion added nodes: decide first)
        const bool contrib = n.domain == ops::kMicrosoftDomain, onnx = n.domain.empty();
        if (contrib) expandQLinearContrib(g, id, changes);
        else if (onnx && n.opType == "QLinearConv") expandQLinearConv(g, id, changes);
        else if (onnx && n.opType == "QLinearMatMul") expandQLinearMatMul(g, id, changes);
    }
    // in topological order, so a chain of 8-bit pool/views moves behind its quantize one by one
    QL_ASSIGN(auto order, g.topologicalOrder());
    for (NodeId id : order)
        if (!g.node(id).removed) moveBehindQuantize(g, id, changes);
    return Status::ok();
}

}  // namespace ql::passes
