#include "core/ops/qlinear_contrib.h"

#include <cstring>

#include "core/ops/infer_common.h"
#include "core/ops/op_registry.h"

namespace ql::ops {

const std::vector<const char*>& qlinearContribOps() {
    static const std::vector<const char*> ops{"QLinearAdd",         "QLinearMul",       "QLinearGlobalAveragePool", "QLinearAveragePool",
                                              "QLinearConcat",      "QLinearLeakyRelu", "QLinearSigmoid"};
    return ops;
}

std::optional<QLinearForm> qlinearFormOf(const ir::Node& n) {
    if (n.domain != kMicrosoftDomain) return std::nullopt;
    const std::string& t = n.opType;
    QLinearForm f;
    if (t == "QLinearAdd" || t == "QLinearMul") {  // A, A_scale, A_zp, B, B_scale, B_zp, C_scale, C_zp
        f.floatOp = t == "QLinearAdd" ? "Add" : "Mul";
        f.inputs = {{0, 1, 2}, {3, 4, 5}};
        f.outScale = 6, f.outZeroPoint = 7;
    } else if (t == "QLinearGlobalAveragePool" || t == "QLinearAveragePool") {  // X, x_scale, x_zp, y_scale, y_zp
        if (n.attrs.getInt("channels_last", 0) != 0) return std::nullopt;
        f.floatOp = t == "QLinearGlobalAveragePool" ? "GlobalAveragePool" : "AveragePool";
        f.inputs = {{0, 1, 2}};
        f.outScale = 3, f.outZeroPoint = 4;
        for (const auto& [name, value] : n.attrs.all())
            if (name != "channels_last") f.floatAttrs.set(name, value);
    } else if (t == "QLinearLeakyRelu" || t == "QLinearSigmoid") {  // X, X_scale, X_zp, Y_scale, Y_zp
        f.floatOp = t == "QLinearLeakyRelu" ? "LeakyRelu" : "Sigmoid";
        f.inputs = {{0, 1, 2}};
        f.outScale = 3, f.outZeroPoint = 4;
        if (n.attrs.has("alpha")) f.floatAttrs.set("alpha", n.attrs.getFloat("alpha", 0.01f));
    } else if (t == "QLinearConcat") {  // Y_scale, Y_zp, then (X, X_scale, X_zp) per operand
        if (n.inputs.size() < 5 || (n.inputs.size() - 2) % 3 != 0) return std::nullopt;
        f.floatOp = "Concat";
        for (size_t i = 2; i + 2 < n.inputs.size(); i += 3) f.inputs.push_back({i, i + 1, i + 2});
        f.outScale = 0, f.outZeroPoint = 1;
        f.floatAttrs.set("axis", n.attrs.getInt("axis", 0));
    } else {
        return std::nullopt;
    }
    return f;
}

namespace {
bool is8bit(ir::DType t) { return t == ir::DType::U8 || t == ir::DType::S8; }

// The float op's shapes on the operands' dims; the output takes the zero point's type (else the
// first operand's).
Status inferQLinear(InferContext& c) {
    const auto form = qlinearFormOf(c.node);
    if (!form) return c.fail("this variant is not supported (channels_last, or operands not in threes)");
    ir::Node floatNode;
    floatNode.name = c.node.name;
    floatNode.opType = form->floatOp;
    floatNode.attrs = form->floatAttrs;
    InferContext f{floatNode, 13, {}, {}};
    for (const QOperand& o : form->inputs) {
        if (!c.has(o.tensor) || !c.has(o.scale)) return c.fail("operand " + std::to_string(o.tensor) + " or its scale is missing");
        if (!is8bit(c.in(o.tensor).dtype)) return c.fail("input " + std::to_string(o.tensor) + " must be 8-bit");
        if (c.in(o.scale).dtype != ir::DType::F32 || ir::elementCount(c.in(o.scale).dims) != 1)
            return c.fail("input " + std::to_string(o.scale) + " must be a scalar float scale");
        floatNode.inputs.push_back(ir::ValueId{int32_t(floatNode.inputs.size())});
        f.inputs.push_back({true, ir::DType::F32, c.in(o.tensor).dims, nullptr, {}});
    }
    floatNode.outputs = {ir::ValueId{0}};
    QL_TRY(inferNode(f));
    const ir::DType out = c.has(form->outZeroPoint) ? c.in(form->outZeroPoint).dtype : c.in(form->inputs[0].tensor).dtype;
    if (!is8bit(out)) return c.fail("the output zero point must be 8-bit");
    c.setOutput(0, out, f.outputs[0].dims);
    return Status::ok();
}
}  // namespace

void addQLinearContribOps(std::vector<OpSchema>& ops) {
    for (const char* t : qlinearContribOps()) {
        const bool concat = std::strcmp(t, "QLinearConcat") == 0;
        const bool binary = std::strcmp(t, "QLinearAdd") == 0 || std::strcmp(t, "QLinearMul") == 0;
        ops.push_back(OpSchema{kMicrosoftDomain, t, concat ? 5 : binary ? 7 : 4, concat ? -1 : binary ? 8 : 5, 1, 1, inferQLinear});
    }
}

}  // namespace ql::ops
