// Shape/type inference for element-wise operators (unary, broadcasting binary, variadic).
#include "core/ops/op_params.h"
#include "core/ops/op_registry.h"
#include "core/util/strings.h"

namespace ql::ops {

namespace {
using ir::DType;

bool isFloat(DType t) { return t == DType::F32 || t == DType::F16; }

Status sameAsInput0(InferContext& c) {
    c.setOutput(0, c.in(0).dtype, c.in(0).dims);
    return Status::ok();
}

Status floatUnary(InferContext& c) {
    if (!isFloat(c.in(0).dtype)) return c.fail("input type " + std::string(dtypeName(c.in(0).dtype)) + " is not supported (float only)");
    return sameAsInput0(c);
}

Status broadcastAll(InferContext& c, bool boolOutput, size_t first = 0) {
    std::vector<ir::Dims> shapes;
    for (size_t i = first; i < c.inputs.size(); ++i) {
        if (!c.has(i)) continue;
        if (c.in(i).dtype != c.in(first).dtype)
            return c.fail("input types differ (" + std::string(dtypeName(c.in(first).dtype)) + " vs " +
                          std::string(dtypeName(c.in(i).dtype)) + ")");
        shapes.push_back(c.in(i).dims);
    }
    auto out = broadcastShapes(shapes);
    if (!out) return c.fail(out.message());
    c.setOutput(0, boolOutput ? DType::Bool : c.in(first).dtype, *out);
    return Status::ok();
}

OpSchema op(std::string type, int minIn, int maxIn, InferFn f, int minOut = 1, int maxOut = 1) {
    return OpSchema{"", std::move(type), minIn, maxIn, minOut, maxOut, std::move(f)};
}
}  // namespace

void addElementwiseOps(std::vector<OpSchema>& ops) {
    for (const char* t : {"Relu", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "LeakyRelu", "Elu", "Exp", "Log",
                          "Sqrt", "Erf", "Reciprocal", "Floor", "Ceil", "Softplus"})
        ops.push_back(op(t, 1, 1, floatUnary));
    ops.push_back(op("Neg", 1, 1, sameAsInput0));
    ops.push_back(op("Abs", 1, 1, sameAsInput0));
    ops.push_back(op("Identity", 1, 1, sameAsInput0));
    ops.push_back(op("Not", 1, 1, [](InferContext& c) {
        if (c.in(0).dtype != DType::Bool) return c.fail("Not expects a bool input");
        return sameAsInput0(c);
    }));
    ops.push_back(op("Clip", 1, 3, [](InferContext& c) {
        for (size_t i = 1; i < 3; ++i)
            if (c.has(i) && !c.in(i).dims.empty() && ir::elementCount(c.in(i).dims) != 1)
                return c.fail("min/max must be scalars");
        return sameAsInput0(c);
    }));
    ops.push_back(op("Dropout", 1, 3, [](InferContext& c) {
        if (c.has(2) && c.in(2).value && c.in(2).value->numel() == 1 && c.in(2).value->getAsInt64(0) != 0)
            return c.fail("training-mode Dropout is not supported (inference only)");
        c.setOutput(0, c.in(0).dtype, c.in(0).dims);
        if (c.node.outputs.size() > 1) c.setOutput(1, DType::Bool, c.in(0).dims);
        return Status::ok();
    }, 1, 2));
    for (const char* t : {"Add", "Sub", "Mul", "Div", "Pow"})
        ops.push_back(op(t, 2, 2, [](InferContext& c) {
            if (c.node.opType == "Pow") {  // exponent may have another type
                auto out = broadcastShapes({c.in(0).dims, c.in(1).dims});
                if (!out) return c.fail(out.message());
                c.setOutput(0, c.in(0).dtype, *out);
                return Status::ok();
            }
            return broadcastAll(c, false);
        }));
    for (const char* t : {"Max", "Min", "Sum", "Mean"})
        ops.push_back(op(t, 1, -1, [](InferContext& c) { return broadcastAll(c, false); }));
    for (const char* t : {"Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual"})
        ops.push_back(op(t, 2, 2, [](InferContext& c) { return broadcastAll(c, true); }));
    for (const char* t : {"And", "Or", "Xor"})
        ops.push_back(op(t, 2, 2, [](InferContext& c) { return broadcastAll(c, true); }));
    ops.push_back(op("Where", 3, 3, [](InferContext& c) {
        if (c.in(0).dtype != DType::Bool) return c.fail("condition must be bool");
        if (c.in(1).dtype != c.in(2).dtype) return c.fail("X and Y types differ");
        auto out = broadcastShapes({c.in(0).dims, c.in(1).dims, c.in(2).dims});
        if (!out) return c.fail(out.message());
        c.setOutput(0, c.in(1).dtype, *out);
        return Status::ok();
    }));
    ops.push_back(op("PRelu", 2, 2, [](InferContext& c) {
        auto out = broadcastShapes({c.in(0).dims, c.in(1).dims});
        if (!out || *out != c.in(0).dims)
            return c.fail("slope shape " + shapeToString(c.in(1).dims) + " does not broadcast to input " + shapeToString(c.in(0).dims));
        return floatUnary(c);
    }));
    ops.push_back(op("Cast", 1, 1, [](InferContext& c) {
        // attribute "to" is stored as an ir::DType by the importer
        int64_t to = c.node.attrs.getInt("to", -1);
        if (to <= 0 || to > int64_t(DType::Bool)) return c.fail("unsupported target type for Cast");
        c.setOutput(0, DType(to), c.in(0).dims);
        return Status::ok();
    }));
}

}  // namespace ql::ops
