// Shape/type inference for convolution, pooling, normalisation, Gemm/MatMul, Softmax, reductions.
#include "core/ops/fused_ops.h"
#include "core/ops/infer_common.h"
#include "core/ops/op_params.h"
#include "core/ops/op_registry.h"
#include "core/util/strings.h"

namespace ql::ops {

namespace {
using ir::DType;

OpSchema op(std::string type, int minIn, int maxIn, InferFn f, int minOut = 1, int maxOut = 1) {
    return OpSchema{"", std::move(type), minIn, maxIn, minOut, maxOut, std::move(f)};
}

Status requireFloat(const InferContext& c, size_t i) {
    DType t = c.in(i).dtype;
    if (t != DType::F32 && t != DType::F16)
        return c.fail("input " + std::to_string(i) + " has type " + std::string(dtypeName(t)) + ", expected a float type");
    return Status::ok();
}
}  // namespace

Status inferConvLike(InferContext& c, size_t x, size_t w, DType outType, bool transposed) {
    auto p = transposed ? resolveConvTranspose(c.node, c.in(x).dims, c.in(w).dims) : resolveConv(c.node, c.in(x).dims, c.in(w).dims);
    if (!p) return p.status();
    c.setOutput(0, outType, p->outDims);
    return Status::ok();
}

Status checkBias(const InferContext& c, size_t b, int64_t channels) {
    if (!c.has(b)) return Status::ok();
    if (c.in(b).dims.size() != 1 || c.in(b).dims[0] != channels)
        return c.fail("bias shape " + shapeToString(c.in(b).dims) + " does not match " + std::to_string(channels) + " output channels");
    return Status::ok();
}

Expected<ir::Dims> matmulShape(const InferContext& c, ir::Dims a, ir::Dims b) {
    if (a.empty() || b.empty()) return c.fail("MatMul inputs must have rank >= 1");
    bool aVec = a.size() == 1, bVec = b.size() == 1;
    if (aVec) a.insert(a.begin(), 1);
    if (bVec) b.push_back(1);
    int64_t k = a.back(), k2 = b[b.size() - 2];
    if (k != k2) return c.fail("inner dimensions differ: " + shapeToString(a) + " x " + shapeToString(b));
    ir::Dims ab(a.begin(), a.end() - 2), bb(b.begin(), b.end() - 2);
    auto batch = broadcastShapes({ab, bb});
    if (!batch) return c.fail(batch.message());
    ir::Dims out = *batch;
    if (!aVec) out.push_back(a[a.size() - 2]);
    if (!bVec) out.push_back(b.back());
    return out;
}

void addNnOps(std::vector<OpSchema>& ops) {
    ops.push_back(op("Conv", 2, 3, [](InferContext& c) {
        QL_TRY(requireFloat(c, 0));
        QL_TRY(inferConvLike(c, 0, 1, c.in(0).dtype, false));
        return checkBias(c, 2, c.in(1).dims[0]);
    }));
    OpSchema fused = op(kFusedConv, 2, 4, [](InferContext& c) {
        QL_TRY(requireFloat(c, 0));
        QL_TRY(inferConvLike(c, 0, 1, c.in(0).dtype, false));
        QL_TRY(checkBias(c, 2, c.in(1).dims[0]));
        if (c.has(3) && c.in(3).dims != c.outputs[0].dims)
            return c.fail("sum input shape " + shapeToString(c.in(3).dims) + " differs from the output " + shapeToString(c.outputs[0].dims));
        return Status::ok();
    });
    fused.domain = kQlDomain;
    ops.push_back(fused);
    ops.push_back(op("ConvTranspose", 2, 3, [](InferContext& c) {
        QL_TRY(requireFloat(c, 0));
        QL_TRY(inferConvLike(c, 0, 1, c.in(0).dtype, true));
        return checkBias(c, 2, c.outputs[0].dims[1]);
    }));
    for (const char* t : {"MaxPool", "AveragePool"})
        ops.push_back(op(t, 1, 1, [](InferContext& c) {
            if (c.node.opType == "AveragePool") QL_TRY(requireFloat(c, 0));
            auto p = resolvePool(c.node, c.in(0).dims);
            if (!p) return p.status();
            c.setOutput(0, c.in(0).dtype, p->outDims);
            if (c.node.outputs.size() > 1) c.setOutput(1, DType::S64, p->outDims);
            return Status::ok();
        }, 1, 2));
    for (const char* t : {"GlobalAveragePool", "GlobalMaxPool"})
        ops.push_back(op(t, 1, 1, [](InferContext& c) {
            if (c.in(0).dims.size() < 3) return c.fail("input must have rank >= 3");
            ir::Dims out = c.in(0).dims;
            for (size_t i = 2; i < out.size(); ++i) out[i] = 1;
            c.setOutput(0, c.in(0).dtype, out);
            return Status::ok();
        }));
    ops.push_back(op("BatchNormalization", 5, 5, [](InferContext& c) {
        QL_TRY(requireFloat(c, 0));
        if (c.node.attrs.getInt("training_mode", 0) != 0 || c.node.outputs.size() > 1)
            return c.fail("training-mode BatchNormalization is not supported (export the model in eval mode)");
        const auto& x = c.in(0).dims;
        if (x.size() < 2) return c.fail("input must have rank >= 2");
        for (size_t i = 1; i < 5; ++i)
            if (c.in(i).dims.size() != 1 || c.in(i).dims[0] != x[1])
                return c.fail("parameter " + std::to_string(i) + " has shape " + shapeToString(c.in(i).dims) +
                              ", expected [" + std::to_string(x[1]) + "]");
        c.setOutput(0, c.in(0).dtype, x);
        return Status::ok();
    }, 1, 3));
    ops.push_back(op("Gemm", 2, 3, [](InferContext& c) {
        QL_TRY(requireFloat(c, 0));
        const auto& a = c.in(0).dims;
        const auto& b = c.in(1).dims;
        if (a.size() != 2 || b.size() != 2) return c.fail("Gemm inputs must be 2-D, got " + shapeToString(a) + " and " + shapeToString(b));
        bool ta = c.node.attrs.getInt("transA", 0), tb = c.node.attrs.getInt("transB", 0);
        int64_t m = ta ? a[1] : a[0], k = ta ? a[0] : a[1], k2 = tb ? b[1] : b[0], n = tb ? b[0] : b[1];
        if (k != k2) return c.fail("inner dimensions differ: " + shapeToString(a) + " x " + shapeToString(b));
        if (c.has(2)) {
            auto bc = broadcastShapes({c.in(2).dims, {m, n}});
            if (!bc || *bc != ir::Dims{m, n}) return c.fail("C shape " + shapeToString(c.in(2).dims) + " does not broadcast to [" + std::to_string(m) + "," + std::to_string(n) + "]");
        }
        c.setOutput(0, c.in(0).dtype, {m, n});
        return Status::ok();
    }));
    ops.push_back(op("MatMul", 2, 2, [](InferContext& c) {
        if (c.in(0).dtype != c.in(1).dtype) return c.fail("input types differ");
        auto out = matmulShape(c, c.in(0).dims, c.in(1).dims);
        if (!out) return out.status();
        c.setOutput(0, c.in(0).dtype, *out);
        return Status::ok();
    }));
    for (const char* t : {"Softmax", "LogSoftmax"})
        ops.push_back(op(t, 1, 1, [](InferContext& c) {
            QL_TRY(requireFloat(c, 0));
            auto axis = normalizeAxis(c.node.attrs.getInt("axis", c.opset >= 13 ? -1 : 1), int(c.in(0).dims.size()), c.node);
            if (!axis) return axis.status();
            c.setOutput(0, c.in(0).dtype, c.in(0).dims);
            return Status::ok();
        }));
    for (const char* t : {"ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin"})
        ops.push_back(op(t, 1, 2, [](InferContext& c) {
            QL_ASSIGN(auto axes, reduceAxes(c));
            bool keep = c.node.attrs.getInt("keepdims", 1) != 0;
            ir::Dims out;
            for (size_t i = 0; i < c.in(0).dims.size(); ++i) {
                if (!axes[i]) out.push_back(c.in(0).dims[i]);
                else if (keep) out.push_back(1);
            }
            c.setOutput(0, c.in(0).dtype, out);
            return Status::ok();
        }));
}

Expected<std::vector<bool>> reduceAxes(const InferContext& c) {
    const int rank = int(c.in(0).dims.size());
    std::vector<int64_t> axes = c.node.attrs.getInts("axes");
    if (c.has(1)) {
        QL_ASSIGN(axes, c.ints(1));
    }
    std::vector<bool> reduce(size_t(rank), axes.empty() && c.node.attrs.getInt("noop_with_empty_axes", 0) == 0);
    for (int64_t a : axes) {
        QL_ASSIGN(int ax, normalizeAxis(a, rank, c.node));
        reduce[size_t(ax)] = true;
    }
    return reduce;
}

}  // namespace ql::ops
