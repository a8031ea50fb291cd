// Resize reference kernel: nearest (all nearest_modes) and N-linear, every
// coordinate_transformation_mode of opsets 10-17.
#include <cmath>
#include <cstring>

#include "core/ops/infer_common.h"
#include "kernels/reference/kernel_registry.h"

namespace ql::kernels {

namespace {
using ir::DType;

struct AxisMap {
    std::string coordMode;
    const std::vector<float>* roi = nullptr;  // tf_crop_and_resize: [starts..., ends...]
};

// Original-image coordinate of output coordinate x along dim d; nullopt = outside (extrapolate).
std::optional<double> sourceCoord(const AxisMap& m, int64_t x, int64_t inLen, int64_t outLen, double scale, size_t d, size_t rank) {
    const std::string& mode = m.coordMode;
    if (mode == "asymmetric") return double(x) / scale;
    if (mode == "align_corners") {  // the unrounded resized length, as the ONNX reference uses
        const double resized = double(inLen) * scale;
        return outLen == 1 ? 0.0 : double(x) * double(inLen - 1) / (resized - 1.0);
    }
    if (mode == "pytorch_half_pixel") return outLen > 1 ? (double(x) + 0.5) / scale - 0.5 : 0.0;
    if (mode == "tf_half_pixel_for_nn") return (double(x) + 0.5) / scale;
    if (mode == "tf_crop_and_resize") {
        double start = (*m.roi)[d], end = (*m.roi)[d + rank];
        double v = outLen > 1 ? start * double(inLen - 1) + double(x) * (end - start) * double(inLen - 1) / double(outLen - 1)
                              : 0.5 * (start + end) * double(inLen - 1);
        if (v < 0 || v > double(inLen - 1)) return std::nullopt;
        return v;
    }
    return (double(x) + 0.5) / scale - 0.5;  // half_pixel
}

int64_t nearestIndex(double x, const std::string& mode, int64_t len) {
    double r;
    if (mode == "floor") r = std::floor(x);
    else if (mode == "ceil") r = std::ceil(x);
    else if (mode == "round_prefer_ceil") r = std::floor(x + 0.5);
    else r = (x - std::floor(x) == 0.5) ? std::floor(x) : std::round(x);  // round_prefer_floor
    return std::clamp<int64_t>(int64_t(r), 0, len - 1);
}

Status resize(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference Resize supports f32 only");
    QL_ASSIGN(auto p, ops::resizeParamsOf(c.info));
    const auto& attrs = c.node().attrs;
    const bool linear = attrs.getString("mode", "nearest") == "linear";
    AxisMap m;
    m.coordMode = attrs.getString("coordinate_transformation_mode", c.info.opset < 11 ? "asymmetric" : "half_pixel");
    const std::string nearestMode = attrs.getString("nearest_mode", c.info.opset < 11 ? "floor" : "round_prefer_floor");
    std::vector<float> roi;
    if (m.coordMode == "tf_crop_and_resize") {
        if (!c.has(1)) return c.fail("tf_crop_and_resize needs roi");
        roi = c.in(1).toFloatVector();
        if (roi.size() != 2 * size_t(c.in(0).rank())) return c.fail("roi must have 2*rank entries");
        m.roi = &roi;
    }
    const float extrapolation = attrs.getFloat("extrapolation_value", 0.f);
    const auto& id = c.in(0).dims();
    const auto& od = c.out(0).dims();
    const size_t rank = id.size();
    const auto inStrides = ops::stridesOf(id);
    const float* x = c.in(0).data<float>();
    float* y = c.out(0).data<float>();
    std::vector<int64_t> lo(rank), hi(rank);
    std::vector<double> w(rank);
    for (int64_t i = 0; i < c.out(0).numel(); ++i) {
        int64_t rem = i;
        bool outside = false;
        for (int k = int(rank) - 1; k >= 0; --k) {
            const size_t d = size_t(k);
            const int64_t oc = rem % od[d];
            rem /= od[d];
            auto src = sourceCoord(m, oc, id[d], od[d], p.scales[d], d, rank);
            if (!src) { outside = true; continue; }
            if (linear) {
                double s = std::clamp(*src, 0.0, double(id[d] - 1));
                lo[d] = int64_t(std::floor(s));
                hi[d] = std::min(lo[d] + 1, id[d] - 1);
                w[d] = s - double(lo[d]);
            } else {
                lo[d] = hi[d] = nearestIndex(*src, nearestMode, id[d]);
                w[d] = 0;
            }
        }
        if (outside) { y[i] = extrapolation; continue; }
        double acc = 0;
        for (uint32_t corner = 0; corner < (1u << rank); ++corner) {
            double weight = 1;
            int64_t off = 0;
            for (size_t d = 0; d < rank; ++d) {
                bool upper = (corner >> d) & 1u;
                weight *= upper ? w[d] : 1.0 - w[d];
                off += (upper ? hi[d] : lo[d]) * inStrides[d];
            }
            if (weight != 0) acc += weight * x[off];
        }
        y[i] = float(acc);
    }
    return Status::ok();
}
}  // namespace

void addResizeKernels(std::vector<KernelEntry>& k) { k.push_back({"Resize", resize}); }

}  // namespace ql::kernels
