// QuantizeLinear / DequantizeLinear (per-tensor and per-axis) and DynamicQuantizeLinear.
#include <algorithm>
#include <cmath>

#include "kernels/reference/kernel_registry.h"
#include "kernels/reference/ref_util.h"

namespace ql::kernels {

namespace {
using ir::DType;

// Channel of flat element i along `axis` (0 for per-tensor parameters).
struct AxisIndexer {
    int64_t inner = 1, len = 1;
    bool perAxis = false;
    int64_t operator()(int64_t i) const { return perAxis ? (i / inner) % len : 0; }
};

Expected<AxisIndexer> axisIndexer(KernelContext& c, const ir::Tensor& x, const ir::Tensor& scale) {
    AxisIndexer ix;
    if (scale.numel() <= 1 && scale.rank() == 0) return ix;
    if (scale.numel() == 1 && x.rank() == 0) return ix;
    QL_ASSIGN(int axis, ops::normalizeAxis(c.node().attrs.getInt("axis", 1), x.rank(), c.node()));
    ix.perAxis = true;
    ix.len = x.dims()[size_t(axis)];
    for (int k = axis + 1; k < x.rank(); ++k) ix.inner *= x.dims()[size_t(k)];
    if (scale.numel() != ix.len) {
        if (scale.numel() == 1) { ix.perAxis = false; return ix; }
        return c.fail("scale has " + std::to_string(scale.numel()) + " entries for axis length " + std::to_string(ix.len));
    }
    return ix;
}

Status quantizeLinear(KernelContext& c) {
    const ir::Tensor &x = c.in(0), &scale = c.in(1);
    const ir::Tensor* zp = c.has(2) ? &c.in(2) : nullptr;
    QL_ASSIGN(AxisIndexer ix, axisIndexer(c, x, scale));
    ir::Tensor& y = c.out(0);
    for (int64_t i = 0; i < x.numel(); ++i) {
        const int64_t ch = ix(i);
        float v = ref::roundHalfEven(float(x.getAsDouble(i)) / scale.data<float>()[ch]) + float(ref::zeroPointAt(zp, ch));
        if (y.dtype() == DType::U8) y.data<uint8_t>()[i] = ref::saturate<uint8_t>(v);
        else y.data<int8_t>()[i] = ref::saturate<int8_t>(v);
    }
    return Status::ok();
}

Status dequantizeLinear(KernelContext& c) {
    const ir::Tensor &x = c.in(0), &scale = c.in(1);
    const ir::Tensor* zp = c.has(2) ? &c.in(2) : nullptr;
    QL_ASSIGN(AxisIndexer ix, axisIndexer(c, x, scale));
    float* y = c.out(0).data<float>();
    for (int64_t i = 0; i < x.numel(); ++i) {
        const int64_t ch = ix(i);
        y[i] = float(x.getAsInt64(i) - ref::zeroPointAt(zp, ch)) * scale.data<float>()[ch];
    }
    return Status::ok();
}

// u8 with a range that always includes 0, as the ONNX spec defines it.
Status dynamicQuantizeLinear(KernelContext& c) {
    const ir::Tensor& x = c.in(0);
    float lo = 0, hi = 0;
    for (int64_t i = 0; i < x.numel(); ++i) {
        lo = std::min(lo, x.data<float>()[i]);
        hi = std::max(hi, x.data<float>()[i]);
    }
    const float scale = (hi - lo) / 255.f;
    const float zpf = scale == 0 ? 0.f : std::clamp(ref::roundHalfEven(0.f - lo / scale), 0.f, 255.f);
    const uint8_t zp = uint8_t(zpf);
    for (int64_t i = 0; i < x.numel(); ++i)
        c.out(0).data<uint8_t>()[i] = scale == 0 ? zp : ref::saturate<uint8_t>(ref::roundHalfEven(x.data<float>()[i] / scale) + zpf);
    c.out(1).data<float>()[0] = scale;
    c.out(2).data<uint8_t>()[0] = zp;
    return Status::ok();
}
}  // namespace

void addQuantKernels(std::vector<KernelEntry>& k) {
    k.insert(k.end(), {{"QuantizeLinear", quantizeLinear}, {"DequantizeLinear", dequantizeLinear},
                       {"DynamicQuantizeLinear", dynamicQuantizeLinear}});
}

}  // namespace ql::kernels
