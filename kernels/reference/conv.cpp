// Convolution reference kernels: Conv, ConvTranspose (float), ConvInteger and QLinearConv
// (integer arithmetic with zero points, exact int32 accumulation).
#include <cmath>

#include "kernels/reference/kernel_registry.h"
#include "kernels/reference/ref_util.h"
#include "kernels/reference/window_geometry.h"

namespace ql::kernels {

namespace {
using ir::DType;

// Direct convolution: for every output element, acc = init(oc) + sum x(ic, pos) * w(oc, ic, k);
// loadX/loadW return the accumulator type (zero points already subtracted).
template <typename Acc, typename LoadX, typename LoadW, typename Store>
void convLoop(const ref::Window3& g, LoadX loadX, LoadW loadW, Store store) {
    const int64_t cPerG = g.C / g.G, mPerG = g.M / g.G, kSize = g.kSize(), inSize = g.inSize();
    for (int64_t n = 0; n < g.N; ++n)
        for (int64_t m = 0; m < g.M; ++m) {
            const int64_t grp = m / mPerG;
            for (int64_t od = 0; od < g.out[0]; ++od)
                for (int64_t oh = 0; oh < g.out[1]; ++oh)
                    for (int64_t ow = 0; ow < g.out[2]; ++ow) {
                        Acc acc = 0;
                        for (int64_t ci = 0; ci < cPerG; ++ci) {
                            const int64_t c = grp * cPerG + ci;
                            const int64_t xBase = (n * g.C + c) * inSize;
                            const int64_t wBase = (m * cPerG + ci) * kSize;
                            for (int64_t kd = 0; kd < g.k[0]; ++kd) {
                                int64_t id = od * g.stride[0] - g.pad[0] + kd * g.dil[0];
                                if (id < 0 || id >= g.in[0]) continue;
                                for (int64_t kh = 0; kh < g.k[1]; ++kh) {
                                    int64_t ih = oh * g.stride[1] - g.pad[1] + kh * g.dil[1];
                                    if (ih < 0 || ih >= g.in[1]) continue;
                                    for (int64_t kw = 0; kw < g.k[2]; ++kw) {
                                        int64_t iw = ow * g.stride[2] - g.pad[2] + kw * g.dil[2];
                                        if (iw < 0 || iw >= g.in[2]) continue;
                                        acc += loadX(xBase + (id * g.in[1] + ih) * g.in[2] + iw) *
                                               loadW(wBase + (kd * g.k[1] + kh) * g.k[2] + kw);
                                    }
                                }
                            }
                        }
                        store(((n * g.M + m) * g.out[0] + od) * g.out[1] * g.out[2] + oh * g.out[2] + ow, m, acc);
                    }
        }
}

Expected<ref::Window3> convWindow(KernelContext& c, size_t xi, size_t wi) {
    auto p = ops::resolveConv(c.node(), c.in(xi).dims(), c.in(wi).dims());
    if (!p) return p.status();
    ref::Window3 g;
    if (!ref::makeWindow3(*p, c.in(xi).dims(), c.out(0).dims(), g)) return c.fail("only 1-D, 2-D and 3-D convolutions are supported");
    return g;
}

Status conv(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference Conv supports f32 only");
    QL_ASSIGN(ref::Window3 g, convWindow(c, 0, 1));
    const float* x = c.in(0).data<float>();
    const float* w = c.in(1).data<float>();
    const float* b = c.has(2) ? c.in(2).data<float>() : nullptr;
    float* y = c.out(0).data<float>();
    convLoop<double>(
        g, [x](int64_t i) { return double(x[i]); }, [w](int64_t i) { return double(w[i]); },
        [y, b](int64_t o, int64_t m, double acc) { y[o] = float(acc + (b ? b[m] : 0.0)); });
    return Status::ok();
}

template <typename TX, typename TW>
Status integerConv(KernelContext& c, size_t xi, size_t wi, const ir::Tensor* xzp, const ir::Tensor* wzp,
                   const std::function<void(int64_t, int64_t, int32_t)>& store) {
    QL_ASSIGN(ref::Window3 g, convWindow(c, xi, wi));
    const TX* x = c.in(xi).data<TX>();
    const TW* w = c.in(wi).data<TW>();
    const int32_t xz = ref::zeroPointAt(xzp, 0);
    const int64_t perM = g.kSize() * (g.C / g.G);
    std::vector<int32_t> wz(size_t(g.M));
    for (int64_t m = 0; m < g.M; ++m) wz[size_t(m)] = ref::zeroPointAt(wzp, m);
    convLoop<int32_t>(
        g, [x, xz](int64_t i) { return int32_t(x[i]) - xz; },
        [w, &wz, perM](int64_t i) { return int32_t(w[i]) - wz[size_t(i / perM)]; }, store);
    return Status::ok();
}

// Dispatches on the (x, w) 8-bit type pair.
Status integerConvAny(KernelContext& c, size_t xi, size_t wi, const ir::Tensor* xzp, const ir::Tensor* wzp,
                      const std::function<void(int64_t, int64_t, int32_t)>& store) {
    bool xu = c.in(xi).dtype() == DType::U8, wu = c.in(wi).dtype() == DType::U8;
    if (xu && wu) return integerConv<uint8_t, uint8_t>(c, xi, wi, xzp, wzp, store);
    if (xu) return integerConv<uint8_t, int8_t>(c, xi, wi, xzp, wzp, store);
    if (wu) return integerConv<int8_t, uint8_t>(c, xi, wi, xzp, wzp, store);
    return integerConv<int8_t, int8_t>(c, xi, wi, xzp, wzp, store);
}

Status convInteger(KernelContext& c) {
    int32_t* y = c.out(0).data<int32_t>();
    return integerConvAny(c, 0, 1, c.has(2) ? &c.in(2) : nullptr, c.has(3) ? &c.in(3) : nullptr,
                          [y](int64_t o, int64_t, int32_t acc) { y[o] = acc; });
}

Status qlinearConv(KernelContext& c) {
    const ir::Tensor &xs = c.in(1), &ws = c.in(4), &ys = c.in(6), &yzp = c.in(7);
    const int32_t* bias = c.has(8) ? c.in(8).data<int32_t>() : nullptr;
    const float xScale = ref::scaleAt(xs, 0), yScale = ref::scaleAt(ys, 0);
    const int32_t yz = ref::zeroPointAt(&yzp, 0);
    ir::Tensor& y = c.out(0);
    const bool yu8 = y.dtype() == DType::U8;
    return integerConvAny(c, 0, 3, &c.in(2), &c.in(5), [&](int64_t o, int64_t m, int32_t acc) {
        if (bias) acc += bias[m];
        float v = ref::roundHalfEven(float(double(acc) * double(xScale) * double(ref::scaleAt(ws, m)) / double(yScale))) + float(yz);
        if (yu8) y.data<uint8_t>()[o] = ref::saturate<uint8_t>(v);
        else y.data<int8_t>()[o] = ref::saturate<int8_t>(v);
    });
}

Status convTranspose(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference ConvTranspose supports f32 only");
    auto p = ops::resolveConvTranspose(c.node(), c.in(0).dims(), c.in(1).dims());
    if (!p) return p.status();
    ref::Window3 g;
    if (!ref::makeWindow3(*p, c.in(0).dims(), c.out(0).dims(), g)) return c.fail("only 1-D, 2-D and 3-D transposed convolutions are supported");
    const float* x = c.in(0).data<float>();
    const float* w = c.in(1).data<float>();
    const float* b = c.has(2) ? c.in(2).data<float>() : nullptr;
    std::vector<double> acc(size_t(c.out(0).numel()), 0.0);
    const int64_t cPerG = g.C / g.G, mPerG = g.M / g.G, kSize = g.kSize(), outSize = g.outSize(), inSize = g.inSize();
    for (int64_t n = 0; n < g.N; ++n)
        for (int64_t ch = 0; ch < g.C; ++ch) {
            const int64_t grp = ch / cPerG;
            for (int64_t i = 0; i < inSize; ++i) {
                const int64_t id = i / (g.in[1] * g.in[2]), ih = (i / g.in[2]) % g.in[1], iw = i % g.in[2];
                const double xv = x[(n * g.C + ch) * inSize + i];
                for (int64_t mi = 0; mi < mPerG; ++mi) {
                    const int64_t m = grp * mPerG + mi;
                    const float* wk = w + (ch * mPerG + mi) * kSize;
                    for (int64_t kd = 0; kd < g.k[0]; ++kd) {
                        int64_t od = id * g.stride[0] - g.pad[0] + kd * g.dil[0];
                        if (od < 0 || od >= g.out[0]) continue;
                        for (int64_t kh = 0; kh < g.k[1]; ++kh) {
                            int64_t oh = ih * g.stride[1] - g.pad[1] + kh * g.dil[1];
                            if (oh < 0 || oh >= g.out[1]) continue;
                            for (int64_t kw = 0; kw < g.k[2]; ++kw) {
                                int64_t ow = iw * g.stride[2] - g.pad[2] + kw * g.dil[2];
                                if (ow < 0 || ow >= g.out[2]) continue;
                                acc[size_t((n * g.M + m) * outSize + (od * g.out[1] + oh) * g.out[2] + ow)] +=
                                    xv * wk[(kd * g.k[1] + kh) * g.k[2] + kw];
                            }
                        }
                    }
                }
            }
        }
    float* y = c.out(0).data<float>();
    for (int64_t o = 0; o < c.out(0).numel(); ++o) y[o] = float(acc[size_t(o)] + (b ? b[(o / outSize) % g.M] : 0.0));
    return Status::ok();
}
}  // namespace

void addConvKernels(std::vector<KernelEntry>& k) {
    k.insert(k.end(), {{"Conv", conv}, {"ConvTranspose", convTranspose}, {"ConvInteger", convInteger}, {"QLinearConv", qlinearConv}});
}

}  // namespace ql::kernels
