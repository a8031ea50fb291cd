// Shape/type inference for quantized operators (QDQ, QLinear*, *Integer).
#include "core/ops/infer_common.h"
#include "core/util/strings.h"

namespace ql::ops {

namespace {
using ir::DType;

OpSchema op(std::string type, int minIn, int maxIn, InferFn f, int minOut = 1, int maxOut = 1) {
    return OpSchema{"", std::move(type), minIn, maxIn, minOut, maxOut, std::move(f)};
}

bool is8bit(DType t) { return t == DType::U8 || t == DType::S8; }

// Scale/zero-point pair: scalar or 1-D of the axis length; zero point type must match `q`.
Status checkQParams(const InferContext& c, size_t scale, size_t zp, DType q, int64_t axisLen, const char* what) {
    const auto& s = c.in(scale).dims;
    int64_t n = ir::elementCount(s);
    if (c.in(scale).dtype != DType::F32) return c.fail(std::string(what) + " scale must be float");
    if (!(s.empty() || (s.size() == 1 && (n == 1 || n == axisLen))))
        return c.fail(std::string(what) + " scale shape " + shapeToString(s) + " is neither scalar nor [" + std::to_string(axisLen) + "]");
    if (c.has(zp)) {
        if (c.in(zp).dtype != q) return c.fail(std::string(what) + " zero point type " + std::string(dtypeName(c.in(zp).dtype)) + " differs from the data type " + std::string(dtypeName(q)));
        if (ir::elementCount(c.in(zp).dims) != n) return c.fail(std::string(what) + " zero point and scale differ in size");
    }
    return Status::ok();
}

int64_t axisLength(const InferContext& c, size_t x) {
    const auto& d = c.in(x).dims;
    int64_t axis = c.node.attrs.getInt("axis", 1);
    if (axis < 0) axis += int64_t(d.size());
    return axis >= 0 && axis < int64_t(d.size()) ? d[size_t(axis)] : 1;
}
}  // namespace

void addQuantOps(std::vector<OpSchema>& ops) {
    ops.push_back(op("QuantizeLinear", 2, 3, [](InferContext& c) {
        DType q = c.has(2) ? c.in(2).dtype : DType::U8;
        if (!is8bit(q)) return c.fail("zero point must be uint8 or int8");
        if (c.in(0).dtype != DType::F32 && c.in(0).dtype != DType::S32) return c.fail("input must be float or int32");
        QL_TRY(checkQParams(c, 1, 2, q, axisLength(c, 0), "y"));
        c.setOutput(0, q, c.in(0).dims);
        return Status::ok();
    }));
    ops.push_back(op("DequantizeLinear", 2, 3, [](InferContext& c) {
        DType q = c.in(0).dtype;
        if (!is8bit(q) && q != DType::S32) return c.fail("input must be uint8, int8 or int32");
        QL_TRY(checkQParams(c, 1, 2, q, axisLength(c, 0), "x"));
        c.setOutput(0, DType::F32, c.in(0).dims);
        return Status::ok();
    }));
    ops.push_back(op("DynamicQuantizeLinear", 1, 1, [](InferContext& c) {
        if (c.in(0).dtype != DType::F32) return c.fail("input must be float");
        c.setOutput(0, DType::U8, c.in(0).dims);
        c.setOutput(1, DType::F32, {});
        c.setOutput(2, DType::U8, {});
        return Status::ok();
    }, 3, 3));
    ops.push_back(op("QLinearConv", 8, 9, [](InferContext& c) {
        if (!is8bit(c.in(0).dtype) || !is8bit(c.in(3).dtype)) return c.fail("x and w must be 8-bit");
        const auto& w = c.in(3).dims;
        if (w.size() < 3) return c.fail("weight shape " + shapeToString(w) + " has rank " + std::to_string(w.size()) + ", expected at least 3");
        QL_TRY(checkQParams(c, 1, 2, c.in(0).dtype, 1, "x"));
        QL_TRY(checkQParams(c, 4, 5, c.in(3).dtype, w[0], "w"));
        QL_TRY(checkQParams(c, 6, 7, c.in(7).dtype, 1, "y"));
        if (c.has(8) && c.in(8).dtype != DType::S32) return c.fail("bias must be int32");
        QL_TRY(inferConvLike(c, 0, 3, c.in(7).dtype, false));
        return checkBias(c, 8, w[0]);
    }));
    ops.push_back(op("ConvInteger", 2, 4, [](InferContext& c) {
        if (!is8bit(c.in(0).dtype) || !is8bit(c.in(1).dtype)) return c.fail("x and w must be 8-bit");
        return inferConvLike(c, 0, 1, DType::S32, false);
    }));
    ops.push_back(op("QLinearMatMul", 8, 8, [](InferContext& c) {
        if (!is8bit(c.in(0).dtype) || !is8bit(c.in(3).dtype)) return c.fail("a and b must be 8-bit");
        QL_TRY(checkQParams(c, 1, 2, c.in(0).dtype, ir::elementCount(c.in(1).dims), "a"));
        QL_TRY(checkQParams(c, 4, 5, c.in(3).dtype, ir::elementCount(c.in(4).dims), "b"));
        QL_TRY(checkQParams(c, 6, 7, c.in(7).dtype, 1, "y"));
        QL_ASSIGN(auto out, matmulShape(c, c.in(0).dims, c.in(3).dims));
        c.setOutput(0, c.in(7).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("MatMulInteger", 2, 4, [](InferContext& c) {
        if (!is8bit(c.in(0).dtype) || !is8bit(c.in(1).dtype)) return c.fail("a and b must be 8-bit");
        QL_ASSIGN(auto out, matmulShape(c, c.in(0).dims, c.in(1).dims));
        c.setOutput(0, DType::S32, out);
        return Status::ok();
    }));
}

}  // namespace ql::ops
