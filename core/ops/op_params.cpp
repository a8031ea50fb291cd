#include "core/ops/op_params.h"

#include <limits>

#include <algorithm>
#include <cmath>

#include "core/util/strings.h"

namespace ql::ops {

namespace {
Status fail(const ir::Node& node, const std::string& why) { return Status::error(node.label() + ": " + why); }

std::vector<int64_t> intsOr(const ir::Node& n, const char* name, size_t count, int64_t def) {
    auto v = n.attrs.getInts(name);
    return v.empty() ? std::vector<int64_t>(count, def) : v;
}

// Fills strides/dilations/pads (auto_pad resolved) for `spatial` dims; kernel already set.
Status resolveWindow(const ir::Node& node, const Dims& x, WindowParams& p, bool transposed) {
    const size_t s = size_t(p.spatial);
    p.strides = intsOr(node, "strides", s, 1);
    p.dilations = intsOr(node, "dilations", s, 1);
    if (p.strides.size() != s || p.dilations.size() != s || p.kernel.size() != s)
        return fail(node, "strides/dilations/kernel_shape must have " + std::to_string(s) + " entries");
    for (size_t i = 0; i < s; ++i) {
        if (p.strides[i] <= 0) return fail(node, "stride " + std::to_string(p.strides[i]) + " must be positive");
        if (p.dilations[i] <= 0) return fail(node, "dilation must be positive");
        if (p.kernel[i] <= 0) return fail(node, "kernel size must be positive");
    }
    auto pads = node.attrs.getInts("pads");
    if (pads.empty()) pads.assign(2 * s, 0);
    if (pads.size() != 2 * s) return fail(node, "pads must have " + std::to_string(2 * s) + " entries");
    for (int64_t pd : pads)
        if (pd < 0) return fail(node, "negative pads are not supported");
    p.padsBegin.assign(pads.begin(), pads.begin() + long(s));
    p.padsEnd.assign(pads.begin() + long(s), pads.end());
    std::string autoPad = node.attrs.getString("auto_pad", "NOTSET");
    if (autoPad == "VALID") {
        std::fill(p.padsBegin.begin(), p.padsBegin.end(), 0);
        std::fill(p.padsEnd.begin(), p.padsEnd.end(), 0);
    } else if ((autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") && !transposed) {
        for (size_t i = 0; i < s; ++i) {
            int64_t in = x[2 + i], out = (in + p.strides[i] - 1) / p.strides[i];
            int64_t eff = (p.kernel[i] - 1) * p.dilations[i] + 1;
            int64_t total = std::max<int64_t>(0, (out - 1) * p.strides[i] + eff - in);
            int64_t small = total / 2, big = total - small;
            p.padsBegin[i] = autoPad == "SAME_UPPER" ? small : big;
            p.padsEnd[i] = autoPad == "SAME_UPPER" ? big : small;
        }
    } else if (autoPad != "NOTSET" && autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER") {
        return fail(node, "unknown auto_pad '" + autoPad + "'");
    }
    return Status::ok();
}

Status checkSpatialInput(const ir::Node& node, const Dims& x) {
    if (x.size() < 3) return fail(node, "input has rank " + std::to_string(x.size()) + ", expected at least 3 (N, C, spatial...)");
    for (int64_t d : x)
        if (d <= 0) return fail(node, "input shape " + shapeToString(x) + " has an empty or unknown dimension");
    return Status::ok();
}
}  // namespace

Expected<int> normalizeAxis(int64_t axis, int rank, const ir::Node& node) {
    if (axis < -rank || axis >= std::max(rank, 1))
        return fail(node, "axis " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank));
    return int(axis < 0 ? axis + rank : axis);
}

std::optional<std::pair<float, float>> clipBounds(const ir::Node& node, const ir::Tensor* min, const ir::Tensor* max) {
    if ((node.hasInput(1) && !min) || (node.hasInput(2) && !max)) return std::nullopt;
    constexpr float kMax = std::numeric_limits<float>::max();
    const float lo = min ? float(min->getAsDouble(0)) : node.attrs.getFloat("min", -kMax);
    const float hi = max ? float(max->getAsDouble(0)) : node.attrs.getFloat("max", kMax);
    return std::pair{lo, hi};
}

Expected<Dims> broadcastShapes(const std::vector<Dims>& shapes) {
    size_t rank = 0;
    for (const Dims& d : shapes) rank = std::max(rank, d.size());
    Dims out(rank, 1);
    for (const Dims& d : shapes) {
        for (size_t i = 0; i < d.size(); ++i) {
            int64_t& o = out[rank - d.size() + i];
            int64_t v = d[i];
            if (v == o || v == 1) continue;
            if (o == 1) { o = v; continue; }
            std::string all;
            for (const Dims& s : shapes) all += (all.empty() ? "" : " and ") + shapeToString(s);
            return Status::error("shapes " + all + " cannot be broadcast together");
        }
    }
    return out;
}

std::vector<int64_t> stridesOf(const Dims& dims) {
    std::vector<int64_t> s(dims.size(), 1);
    for (int i = int(dims.size()) - 2; i >= 0; --i) s[size_t(i)] = s[size_t(i) + 1] * dims[size_t(i) + 1];
    return s;
}

Expected<WindowParams> resolveConv(const ir::Node& node, const Dims& x, const Dims& w) {
    QL_TRY(checkSpatialInput(node, x));
    if (w.size() != x.size())
        return fail(node, "weight shape " + shapeToString(w) + " has rank " + std::to_string(w.size()) + ", expected " +
                              std::to_string(x.size()));
    WindowParams p;
    p.spatial = int(x.size()) - 2;
    p.group = node.attrs.getInt("group", 1);
    if (p.group <= 0) return fail(node, "group must be positive");
    if (x[1] % p.group != 0) return fail(node, "group " + std::to_string(p.group) + " does not divide the " + std::to_string(x[1]) + " input channels");
    if (w[0] % p.group != 0) return fail(node, "group " + std::to_string(p.group) + " does not divide the " + std::to_string(w[0]) + " output channels");
    if (w[1] * p.group != x[1])
        return fail(node, "weight shape " + shapeToString(w) + " expects " + std::to_string(w[1] * p.group) +
                              " input channels, input has " + std::to_string(x[1]));
    p.kernel.assign(w.begin() + 2, w.end());
    auto ks = node.attrs.getInts("kernel_shape");
    if (!ks.empty() && ks != p.kernel) return fail(node, "kernel_shape does not match the weight shape " + shapeToString(w));
    QL_TRY(resolveWindow(node, x, p, false));
    p.outDims = {x[0], w[0]};
    for (int i = 0; i < p.spatial; ++i) {
        int64_t eff = (p.kernel[size_t(i)] - 1) * p.dilations[size_t(i)] + 1;
        int64_t span = x[size_t(i) + 2] + p.padsBegin[size_t(i)] + p.padsEnd[size_t(i)] - eff;
        if (span < 0) return fail(node, "kernel is larger than the padded input " + shapeToString(x));
        p.outDims.push_back(span / p.strides[size_t(i)] + 1);
    }
    return p;
}

Expected<WindowParams> resolveConvTranspose(const ir::Node& node, const Dims& x, const Dims& w) {
    QL_TRY(checkSpatialInput(node, x));
    if (w.size() != x.size()) return fail(node, "weight shape " + shapeToString(w) + " rank does not match input rank");
    WindowParams p;
    p.spatial = int(x.size()) - 2;
    p.group = node.attrs.getInt("group", 1);
    if (p.group <= 0 || x[1] % p.group != 0) return fail(node, "group does not divide the input channels");
    if (w[0] != x[1]) return fail(node, "weight shape " + shapeToString(w) + " expects " + std::to_string(w[0]) + " input channels, input has " + std::to_string(x[1]));
    p.kernel.assign(w.begin() + 2, w.end());
    QL_TRY(resolveWindow(node, x, p, true));
    const size_t s = size_t(p.spatial);
    p.outputPadding = intsOr(node, "output_padding", s, 0);
    if (p.outputPadding.size() != s) return fail(node, "output_padding must have " + std::to_string(s) + " entries");
    auto outShape = node.attrs.getInts("output_shape");
    if (outShape.size() == s + 2) outShape.erase(outShape.begin(), outShape.begin() + 2);
    std::string autoPad = node.attrs.getString("auto_pad", "NOTSET");
    p.outDims = {x[0], w[1] * p.group};
    for (size_t i = 0; i < s; ++i) {
        int64_t eff = (p.kernel[i] - 1) * p.dilations[i] + 1;
        int64_t full = p.strides[i] * (x[i + 2] - 1) + p.outputPadding[i] + eff;
        int64_t out;
        if (!outShape.empty() || autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
            out = !outShape.empty() ? outShape[i] : x[i + 2] * p.strides[i];
            int64_t total = full - out;
            if (total < 0) total = 0;
            bool upper = autoPad != "SAME_LOWER";
            p.padsBegin[i] = upper ? total / 2 : total - total / 2;
            p.padsEnd[i] = total - p.padsBegin[i];
        } else {
            out = full - p.padsBegin[i] - p.padsEnd[i];
        }
        if (out <= 0) return fail(node, "output would be empty");
        p.outDims.push_back(out);
    }
    return p;
}

Expected<WindowParams> resolvePool(const ir::Node& node, const Dims& x) {
    QL_TRY(checkSpatialInput(node, x));
    WindowParams p;
    p.spatial = int(x.size()) - 2;
    p.kernel = node.attrs.getInts("kernel_shape");
    if (int(p.kernel.size()) != p.spatial)
        return fail(node, "kernel_shape must have " + std::to_string(p.spatial) + " entries");
    QL_TRY(resolveWindow(node, x, p, false));
    bool ceilMode = node.attrs.getInt("ceil_mode", 0) != 0;
    p.outDims = {x[0], x[1]};
    for (size_t i = 0; i < size_t(p.spatial); ++i) {
        int64_t eff = (p.kernel[i] - 1) * p.dilations[i] + 1;
        int64_t span = x[i + 2] + p.padsBegin[i] + p.padsEnd[i] - eff;
        if (span < 0) return fail(node, "kernel is larger than the padded input " + shapeToString(x));
        int64_t out = (ceilMode ? (span + p.strides[i] - 1) / p.strides[i] : span / p.strides[i]) + 1;
        // a last window that would start in the end padding is dropped (as PyTorch and ONNX Runtime do)
        if (ceilMode && (out - 1) * p.strides[i] >= x[i + 2] + p.padsBegin[i]) --out;
        p.outDims.push_back(out);
    }
    return p;
}

Expected<SliceParams> resolveSlice(const Dims& in, const std::vector<int64_t>& starts, const std::vector<int64_t>& ends,
                                   std::vector<int64_t> axes, std::vector<int64_t> steps, const ir::Node& node) {
    const int rank = int(in.size());
    if (starts.size() != ends.size()) return fail(node, "starts and ends differ in length");
    if (axes.empty())
        for (size_t i = 0; i < starts.size(); ++i) axes.push_back(int64_t(i));
    if (steps.empty()) steps.assign(starts.size(), 1);
    if (axes.size() != starts.size() || steps.size() != starts.size())
        return fail(node, "starts, ends, axes and steps differ in length");
    SliceParams p;
    p.starts.assign(size_t(rank), 0);
    p.steps.assign(size_t(rank), 1);
    p.outDims = in;
    std::vector<bool> seen(size_t(rank), false);
    for (size_t i = 0; i < starts.size(); ++i) {
        QL_ASSIGN(int axis, normalizeAxis(axes[i], rank, node));
        if (seen[size_t(axis)]) return fail(node, "axis " + std::to_string(axis) + " repeated");
        seen[size_t(axis)] = true;
        int64_t dim = in[size_t(axis)], step = steps[i];
        if (step == 0) return fail(node, "slice step must not be 0");
        int64_t s = starts[i], e = ends[i];
        if (s < 0) s += dim;
        if (e < 0) e += dim;
        int64_t count;
        if (step > 0) {
            s = std::clamp<int64_t>(s, 0, dim);
            e = std::clamp<int64_t>(e, 0, dim);
            count = e > s ? (e - s + step - 1) / step : 0;
        } else {
            s = std::clamp<int64_t>(s, 0, dim - 1);
            e = std::clamp<int64_t>(e, -1, dim - 1);
            count = s > e ? (s - e + (-step) - 1) / (-step) : 0;
        }
        p.starts[size_t(axis)] = s;
        p.steps[size_t(axis)] = step;
        p.outDims[size_t(axis)] = count;
    }
    return p;
}

Expected<Dims> paddedShape(const Dims& in, const std::vector<int64_t>& pads, const ir::Node& node) {
    if (pads.size() != 2 * in.size())
        return fail(node, "pads has " + std::to_string(pads.size()) + " entries, expected " + std::to_string(2 * in.size()));
    Dims out(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        out[i] = in[i] + pads[i] + pads[i + in.size()];
        if (out[i] < 0) return fail(node, "pads crop more than the input dimension");
    }
    return out;
}

Expected<Dims> resolveReshape(const Dims& in, const std::vector<int64_t>& shape, bool allowZero, const ir::Node& node) {
    Dims out(shape.size());
    int inferred = -1;
    int64_t known = 1;
    for (size_t i = 0; i < shape.size(); ++i) {
        int64_t d = shape[i];
        if (d == 0 && !allowZero) {
            if (i >= in.size()) return fail(node, "shape entry 0 at position " + std::to_string(i) + " has no input dim to copy");
            d = in[i];
        }
        if (d == -1) {
            if (inferred >= 0) return fail(node, "shape " + shapeToString(shape) + " has more than one -1");
            inferred = int(i);
            continue;
        }
        if (d < -1) return fail(node, "shape " + shapeToString(shape) + " has a negative entry");
        out[i] = d;
        known *= d;
    }
    int64_t total = ir::elementCount(in);
    if (inferred >= 0) {
        if (known == 0 || total % known != 0)
            return fail(node, "cannot reshape " + shapeToString(in) + " to " + shapeToString(shape));
        out[size_t(inferred)] = total / known;
    } else if (known != total) {
        return fail(node, "cannot reshape " + shapeToString(in) + " (" + std::to_string(total) + " elements) to " +
                              shapeToString(shape));
    }
    return out;
}

Expected<ResizeParams> resolveResize(const Dims& in, const std::vector<float>& scales, const std::vector<int64_t>& sizes,
                                     const ir::Node& node) {
    ResizeParams p;
    if (!sizes.empty()) {
        if (sizes.size() != in.size()) return fail(node, "sizes has " + std::to_string(sizes.size()) + " entries for rank " + std::to_string(in.size()));
        p.outDims = sizes;
        for (size_t i = 0; i < in.size(); ++i) p.scales.push_back(in[i] ? float(sizes[i]) / float(in[i]) : 1.f);
    } else {
        if (scales.size() != in.size()) return fail(node, "scales has " + std::to_string(scales.size()) + " entries for rank " + std::to_string(in.size()));
        p.scales = scales;
        for (size_t i = 0; i < in.size(); ++i) {
            if (!(scales[i] > 0)) return fail(node, "scales must be positive");
            p.outDims.push_back(int64_t(std::floor(double(in[i]) * double(scales[i]))));
        }
    }
    return p;
}

ChannelAffine batchNormAffine(const ir::Tensor& scale, const ir::Tensor& bias, const ir::Tensor& mean, const ir::Tensor& var, float epsilon) {
    ChannelAffine a;
    const int64_t n = scale.numel();
    a.k.resize(size_t(n));
    a.shift.resize(size_t(n));
    for (int64_t c = 0; c < n; ++c) {
        a.k[size_t(c)] = double(scale.data<float>()[c]) / std::sqrt(double(var.data<float>()[c]) + epsilon);
        a.shift[size_t(c)] = double(bias.data<float>()[c]) - double(mean.data<float>()[c]) * a.k[size_t(c)];
    }
    return a;
}

}  // namespace ql::ops
