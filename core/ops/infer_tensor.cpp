// Shape/type inference for data-movement operators (reshape, transpose, concat, slice, ...)
// and the shape arithmetic exporters emit (Shape, Gather, Cast, Constant, ...).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/ops/infer_common.h"
#include "core/util/strings.h"

namespace ql::ops {

namespace {
using ir::DType;

OpSchema op(std::string type, int minIn, int maxIn, InferFn f, int minOut = 1, int maxOut = 1) {
    return OpSchema{"", std::move(type), minIn, maxIn, minOut, maxOut, std::move(f)};
}

// Attribute before `inputFromOpset`, input `index` from then on.
Expected<std::vector<int64_t>> attrOrInput(const InferContext& c, const char* attr, size_t index) {
    if (c.has(index)) return c.ints(index);
    return c.node.attrs.getInts(attr);
}
}  // namespace

Expected<SliceParams> sliceParamsOf(const InferContext& c) {
    std::vector<int64_t> starts, ends, axes, steps;
    if (c.has(1)) {
        QL_ASSIGN(starts, c.ints(1));
        QL_ASSIGN(ends, c.ints(2));
        if (c.has(3)) { QL_ASSIGN(axes, c.ints(3)); }
        if (c.has(4)) { QL_ASSIGN(steps, c.ints(4)); }
    } else {
        starts = c.node.attrs.getInts("starts");
        ends = c.node.attrs.getInts("ends");
        axes = c.node.attrs.getInts("axes");
    }
    return resolveSlice(c.in(0).dims, starts, ends, axes, steps, c.node);
}

Expected<std::vector<int64_t>> padsOf(const InferContext& c) {
    const size_t rank = c.in(0).dims.size();
    std::vector<int64_t> pads;
    if (c.has(1)) {
        QL_ASSIGN(pads, c.ints(1));
    } else {
        pads = c.node.attrs.getInts("pads");
    }
    if (c.has(3)) {  // opset 18 axes: pads only for the listed axes
        QL_ASSIGN(auto axes, c.ints(3));
        if (pads.size() != 2 * axes.size()) return c.fail("pads and axes lengths differ");
        std::vector<int64_t> full(2 * rank, 0);
        for (size_t i = 0; i < axes.size(); ++i) {
            QL_ASSIGN(int ax, normalizeAxis(axes[i], int(rank), c.node));
            full[size_t(ax)] = pads[i];
            full[size_t(ax) + rank] = pads[i + axes.size()];
        }
        pads = full;
    }
    return pads;
}

Expected<std::vector<int64_t>> splitSizesOf(const InferContext& c, int axis) {
    const int64_t dim = c.in(0).dims[size_t(axis)];
    QL_ASSIGN(auto split, attrOrInput(c, "split", 1));
    const int64_t n = int64_t(c.node.outputs.size());
    if (split.empty()) {
        int64_t parts = c.node.attrs.getInt("num_outputs", n);
        int64_t chunk = (dim + parts - 1) / parts;
        for (int64_t i = 0; i < parts; ++i) split.push_back(std::max<int64_t>(0, std::min(chunk, dim - i * chunk)));
    }
    if (int64_t(split.size()) != n) return c.fail("split has " + std::to_string(split.size()) + " sizes for " + std::to_string(n) + " outputs");
    if (std::accumulate(split.begin(), split.end(), int64_t(0)) != dim)
        return c.fail("split sizes " + shapeToString(split) + " do not add up to dimension " + std::to_string(dim));
    for (int64_t s : split)
        if (s < 0) return c.fail("negative split size");
    return split;
}

Expected<std::vector<int64_t>> unsqueezeAxesOf(const InferContext& c) {
    QL_ASSIGN(auto axes, attrOrInput(c, "axes", 1));
    const int outRank = int(c.in(0).dims.size() + axes.size());
    for (auto& a : axes) {
        QL_ASSIGN(int ax, normalizeAxis(a, outRank, c.node));
        a = ax;
    }
    std::sort(axes.begin(), axes.end());
    if (std::adjacent_find(axes.begin(), axes.end()) != axes.end()) return c.fail("repeated axis in Unsqueeze");
    return axes;
}

Expected<std::vector<bool>> squeezeMaskOf(const InferContext& c) {
    QL_ASSIGN(auto axes, attrOrInput(c, "axes", 1));
    const auto& d = c.in(0).dims;
    std::vector<bool> mask(d.size(), false);
    if (axes.empty()) {
        for (size_t i = 0; i < d.size(); ++i) mask[i] = d[i] == 1;
        return mask;
    }
    for (int64_t a : axes) {
        QL_ASSIGN(int ax, normalizeAxis(a, int(d.size()), c.node));
        if (d[size_t(ax)] != 1) return c.fail("cannot squeeze axis " + std::to_string(ax) + " of size " + std::to_string(d[size_t(ax)]));
        mask[size_t(ax)] = true;
    }
    return mask;
}

Expected<ResizeParams> resizeParamsOf(const InferContext& c) {
    std::vector<float> scales;
    std::vector<int64_t> sizes;
    if (c.opset < 11 || c.node.inputs.size() == 2) {  // Resize-10 / Upsample: (X, scales)
        if (c.has(1)) { QL_ASSIGN(scales, c.floats(1)); }
    } else {
        if (c.has(2)) { QL_ASSIGN(scales, c.floats(2)); }
        if (c.has(3)) { QL_ASSIGN(sizes, c.ints(3)); }
    }
    if (scales.empty() && sizes.empty()) return c.fail("one of scales or sizes must be given");
    if (!scales.empty() && !sizes.empty()) return c.fail("only one of scales and sizes may be given");
    return resolveResize(c.in(0).dims, scales, sizes, c.node);
}

std::vector<int64_t> transposePermOf(const InferContext& c) {
    auto perm = c.node.attrs.getInts("perm");
    if (perm.empty())
        for (int64_t i = int64_t(c.in(0).dims.size()) - 1; i >= 0; --i) perm.push_back(i);
    return perm;
}

void addTensorOps(std::vector<OpSchema>& ops) {
    ops.push_back(op("Flatten", 1, 1, [](InferContext& c) {
        const auto& d = c.in(0).dims;
        int64_t axis = c.node.attrs.getInt("axis", 1);
        if (axis < 0) axis += int64_t(d.size());
        if (axis < 0 || axis > int64_t(d.size())) return c.fail("axis out of range");
        int64_t a = 1, b = 1;
        for (size_t i = 0; i < d.size(); ++i) (int64_t(i) < axis ? a : b) *= d[i];
        c.setOutput(0, c.in(0).dtype, {a, b});
        return Status::ok();
    }));
    ops.push_back(op("Reshape", 1, 2, [](InferContext& c) {
        QL_ASSIGN(auto shape, attrOrInput(c, "shape", 1));
        QL_ASSIGN(auto out, resolveReshape(c.in(0).dims, shape, c.node.attrs.getInt("allowzero", 0) != 0, c.node));
        c.setOutput(0, c.in(0).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("Transpose", 1, 1, [](InferContext& c) {
        const auto& d = c.in(0).dims;
        auto perm = transposePermOf(c);
        if (perm.size() != d.size()) return c.fail("perm " + shapeToString(perm) + " does not match rank " + std::to_string(d.size()));
        std::vector<bool> used(d.size(), false);
        ir::Dims out;
        for (int64_t p : perm) {
            if (p < 0 || p >= int64_t(d.size()) || used[size_t(p)]) return c.fail("perm " + shapeToString(perm) + " is not a permutation");
            used[size_t(p)] = true;
            out.push_back(d[size_t(p)]);
        }
        c.setOutput(0, c.in(0).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("Squeeze", 1, 2, [](InferContext& c) {
        QL_ASSIGN(auto mask, squeezeMaskOf(c));
        ir::Dims out;
        for (size_t i = 0; i < mask.size(); ++i)
            if (!mask[i]) out.push_back(c.in(0).dims[i]);
        c.setOutput(0, c.in(0).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("Unsqueeze", 1, 2, [](InferContext& c) {
        QL_ASSIGN(auto axes, unsqueezeAxesOf(c));
        ir::Dims out;
        size_t src = 0, next = 0;
        const size_t rank = c.in(0).dims.size() + axes.size();
        for (size_t i = 0; i < rank; ++i) {
            if (next < axes.size() && axes[next] == int64_t(i)) { out.push_back(1); ++next; }
            else out.push_back(c.in(0).dims[src++]);
        }
        c.setOutput(0, c.in(0).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("Concat", 1, -1, [](InferContext& c) {
        const int rank = int(c.in(0).dims.size());
        if (rank == 0) return c.fail("inputs are scalars; Concat needs rank 1 or more");
        QL_ASSIGN(int axis, normalizeAxis(c.node.attrs.getInt("axis", 1), rank, c.node));
        ir::Dims out = c.in(0).dims;
        out[size_t(axis)] = 0;
        for (size_t i = 0; i < c.inputs.size(); ++i) {
            if (!c.has(i)) continue;
            const auto& d = c.in(i).dims;
            if (c.in(i).dtype != c.in(0).dtype) return c.fail("input types differ");
            if (int(d.size()) != rank) return c.fail("input " + std::to_string(i) + " has rank " + std::to_string(d.size()) + ", expected " + std::to_string(rank));
            for (int j = 0; j < rank; ++j)
                if (j != axis && d[size_t(j)] != c.in(0).dims[size_t(j)])
                    return c.fail("input shapes " + shapeToString(c.in(0).dims) + " and " + shapeToString(d) + " differ outside axis " + std::to_string(axis));
            out[size_t(axis)] += d[size_t(axis)];
        }
        c.setOutput(0, c.in(0).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("Split", 1, 2, [](InferContext& c) {
        QL_ASSIGN(int axis, normalizeAxis(c.node.attrs.getInt("axis", 0), int(c.in(0).dims.size()), c.node));
        QL_ASSIGN(auto sizes, splitSizesOf(c, axis));
        for (size_t i = 0; i < sizes.size(); ++i) {
            ir::Dims d = c.in(0).dims;
            d[size_t(axis)] = sizes[i];
            c.setOutput(i, c.in(0).dtype, d);
        }
        return Status::ok();
    }, 1, -1));
    ops.push_back(op("Slice", 1, 5, [](InferContext& c) {
        QL_ASSIGN(auto p, sliceParamsOf(c));
        c.setOutput(0, c.in(0).dtype, p.outDims);
        return Status::ok();
    }));
    ops.push_back(op("Pad", 1, 4, [](InferContext& c) {
        std::string mode = c.node.attrs.getString("mode", "constant");
        if (mode != "constant" && mode != "reflect" && mode != "edge") return c.fail("unsupported pad mode '" + mode + "'");
        QL_ASSIGN(auto pads, padsOf(c));
        QL_ASSIGN(auto out, paddedShape(c.in(0).dims, pads, c.node));
        c.setOutput(0, c.in(0).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("Resize", 1, 4, [](InferContext& c) {
        std::string mode = c.node.attrs.getString("mode", "nearest");
        if (mode != "nearest" && mode != "linear") return c.fail("unsupported resize mode '" + mode + "' (nearest and linear are)");
        QL_ASSIGN(auto p, resizeParamsOf(c));
        c.setOutput(0, c.in(0).dtype, p.outDims);
        return Status::ok();
    }));
    ops.push_back(op("Shape", 1, 1, [](InferContext& c) {
        const auto& d = c.in(0).dims;
        int64_t rank = int64_t(d.size());
        int64_t start = c.node.attrs.getInt("start", 0), end = c.node.attrs.getInt("end", rank);
        if (start < 0) start += rank;
        if (end < 0) end += rank;
        start = std::clamp<int64_t>(start, 0, rank);
        end = std::clamp<int64_t>(end, start, rank);
        std::vector<int64_t> v(d.begin() + start, d.begin() + end);
        c.setOutput(0, DType::S64, {int64_t(v.size())});
        c.outputs[0].computed = ir::Tensor::fromInt64s({int64_t(v.size())}, v);
        return Status::ok();
    }));
    ops.push_back(op("Size", 1, 1, [](InferContext& c) {
        c.setOutput(0, DType::S64, {});
        c.outputs[0].computed = ir::Tensor::fromInt64s({}, {ir::elementCount(c.in(0).dims)});
        return Status::ok();
    }));
    ops.push_back(op("Gather", 2, 2, [](InferContext& c) {
        const auto& d = c.in(0).dims;
        if (d.empty()) return c.fail("data must have rank >= 1");
        if (c.in(1).dtype != DType::S64 && c.in(1).dtype != DType::S32) return c.fail("indices must be int32 or int64");
        QL_ASSIGN(int axis, normalizeAxis(c.node.attrs.getInt("axis", 0), int(d.size()), c.node));
        ir::Dims out(d.begin(), d.begin() + axis);
        out.insert(out.end(), c.in(1).dims.begin(), c.in(1).dims.end());
        out.insert(out.end(), d.begin() + axis + 1, d.end());
        c.setOutput(0, c.in(0).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("Constant", 0, 0, [](InferContext& c) {
        const ir::Tensor* t = c.node.attrs.getTensor("value");
        if (!t) return c.fail("Constant without a supported value attribute");
        c.setOutput(0, t->dtype(), t->dims());
        c.outputs[0].computed = *t;
        return Status::ok();
    }));
    ops.push_back(op("ConstantOfShape", 1, 1, [](InferContext& c) {
        QL_ASSIGN(auto shape, c.ints(0));
        const ir::Tensor* t = c.node.attrs.getTensor("value");
        DType dt = t ? t->dtype() : DType::F32;
        auto n = ir::checkedElementCount(shape, dt);
        if (!n) return c.fail(n.message());
        c.setOutput(0, dt, shape);
        return Status::ok();
    }));
    ops.push_back(op("Expand", 2, 2, [](InferContext& c) {
        QL_ASSIGN(auto shape, c.ints(1));
        auto out = broadcastShapes({c.in(0).dims, shape});
        if (!out) return c.fail(out.message());
        c.setOutput(0, c.in(0).dtype, *out);
        return Status::ok();
    }));
    ops.push_back(op("Tile", 2, 2, [](InferContext& c) {
        QL_ASSIGN(auto reps, c.ints(1));
        if (reps.size() != c.in(0).dims.size()) return c.fail("repeats length differs from input rank");
        ir::Dims out = c.in(0).dims;
        for (size_t i = 0; i < out.size(); ++i) {
            if (reps[i] < 0) return c.fail("negative repeat");
            out[i] *= reps[i];
        }
        c.setOutput(0, c.in(0).dtype, out);
        return Status::ok();
    }));
    ops.push_back(op("Range", 3, 3, [](InferContext& c) {
        QL_ASSIGN(auto start, c.floats(0));
        QL_ASSIGN(auto limit, c.floats(1));
        QL_ASSIGN(auto delta, c.floats(2));
        if (start.size() != 1 || limit.size() != 1 || delta.size() != 1 || delta[0] == 0) return c.fail("start, limit and delta must be scalars, delta non-zero");
        double n = std::ceil((double(limit[0]) - start[0]) / delta[0]);
        c.setOutput(0, c.in(0).dtype, {std::max<int64_t>(0, int64_t(n))});
        return Status::ok();
    }));
}

}  // namespace ql::ops
