#include "core/ops/op_registry.h"

#include <algorithm>

namespace ql::ops {

namespace {
const std::vector<OpSchema>& registry() {
    static const std::vector<OpSchema> ops = [] {
        std::vector<OpSchema> v;
        addElementwiseOps(v);
        addNnOps(v);
        addTensorOps(v);
        addQuantOps(v);
        addQLinearContribOps(v);
        return v;
    }();
    return ops;
}
}  // namespace

Expected<std::vector<int64_t>> InferContext::ints(size_t i) const {
    if (!has(i) || !inputs[i].value)
        return fail("input " + std::to_string(i) + " must be a constant (or computable from shapes) to infer the output shape");
    return inputs[i].value->toInt64Vector();
}

Expected<std::vector<float>> InferContext::floats(size_t i) const {
    if (!has(i) || !inputs[i].value)
        return fail("input " + std::to_string(i) + " must be a constant (or computable from shapes) to infer the output shape");
    return inputs[i].value->toFloatVector();
}

void InferContext::setOutput(size_t i, ir::DType dtype, ir::Dims dims) {
    if (outputs.size() <= i) outputs.resize(i + 1);
    outputs[i].present = true;
    outputs[i].dtype = dtype;
    outputs[i].dims = std::move(dims);
}

const OpSchema* findSchema(const std::string& domain, const std::string& type) {
    std::string d = domain == "ai.onnx" ? "" : domain;
    for (const OpSchema& s : registry())
        if (s.type == type && s.domain == d) return &s;
    return nullptr;
}

std::vector<const OpSchema*> allSchemas() {
    std::vector<const OpSchema*> v;
    for (const OpSchema& s : registry()) v.push_back(&s);
    return v;
}

Status inferNode(InferContext& ctx) {
    const OpSchema* s = findSchema(ctx.node.domain, ctx.node.opType);
    if (!s) return ctx.fail("unsupported operator");
    int nIn = 0;
    for (size_t i = 0; i < ctx.inputs.size(); ++i)
        if (ctx.inputs[i].present) nIn = int(i) + 1;
    for (int i = 0; i < s->minInputs; ++i)
        if (!ctx.has(size_t(i))) return ctx.fail("required input " + std::to_string(i) + " is missing");
    if (s->maxInputs >= 0 && nIn > s->maxInputs)
        return ctx.fail("has " + std::to_string(nIn) + " inputs, at most " + std::to_string(s->maxInputs) + " allowed");
    for (size_t i = 0; i < ctx.inputs.size(); ++i)
        if (ctx.inputs[i].present && ctx.inputs[i].dtype == ir::DType::Undefined)
            return ctx.fail("input " + std::to_string(i) + " has an unknown type");
    int nOut = int(ctx.node.outputs.size());
    if (nOut < s->minOutputs || (s->maxOutputs >= 0 && nOut > s->maxOutputs))
        return ctx.fail("has " + std::to_string(nOut) + " outputs, expected " + std::to_string(s->minOutputs) + ".." +
                        std::to_string(s->maxOutputs));
    ctx.outputs.assign(ctx.node.outputs.size(), TensorInfo{});
    return s->infer(ctx);
}

}  // namespace ql::ops
