// Pooling reference kernels: MaxPool (with optional indices), AveragePool, global pools.
#include <cmath>
#include <limits>

#include "kernels/reference/kernel_registry.h"
#include "kernels/reference/ref_util.h"
#include "kernels/reference/window_geometry.h"

namespace ql::kernels {

namespace {
using ir::DType;

// Visits the in-bounds input positions of every output window; `count` is the number of
// positions inside the padded input (for count_include_pad).
template <typename F>
void poolLoop(const ref::Window3& g, F f) {
    const int64_t inSize = g.inSize(), outSize = g.outSize();
    for (int64_t nc = 0; nc < g.N * g.C; ++nc)
        for (int64_t o = 0; o < outSize; ++o) {
            const int64_t od = o / (g.out[1] * g.out[2]), oh = (o / g.out[2]) % g.out[1], ow = o % g.out[2];
            std::vector<int64_t> positions;
            int64_t padded = 1;
            int64_t start[3] = {od * g.stride[0] - g.pad[0], oh * g.stride[1] - g.pad[1], ow * g.stride[2] - g.pad[2]};
            for (int d = 0; d < 3; ++d) {
                int64_t inPadded = 0;
                for (int64_t k = 0; k < g.k[d]; ++k) {
                    int64_t p = start[d] + k * g.dil[d];
                    if (p >= -g.pad[d] && p < g.in[d] + g.padEnd[d]) ++inPadded;
                }
                padded *= inPadded;
            }
            for (int64_t kd = 0; kd < g.k[0]; ++kd) {
                int64_t id = start[0] + kd * g.dil[0];
                if (id < 0 || id >= g.in[0]) continue;
                for (int64_t kh = 0; kh < g.k[1]; ++kh) {
                    int64_t ih = start[1] + kh * g.dil[1];
                    if (ih < 0 || ih >= g.in[1]) continue;
                    for (int64_t kw = 0; kw < g.k[2]; ++kw) {
                        int64_t iw = start[2] + kw * g.dil[2];
                        if (iw < 0 || iw >= g.in[2]) continue;
                        positions.push_back((id * g.in[1] + ih) * g.in[2] + iw);
                    }
                }
            }
            f(nc, nc * inSize, nc * outSize + o, positions, padded);
        }
}

Expected<ref::Window3> poolWindow(KernelContext& c) {
    auto p = ops::resolvePool(c.node(), c.in(0).dims());
    if (!p) return p.status();
    ref::Window3 g;
    if (!ref::makeWindow3(*p, c.in(0).dims(), c.out(0).dims(), g)) return c.fail("only 1-D, 2-D and 3-D pooling is supported");
    return g;
}

Status maxPool(KernelContext& c) {
    QL_ASSIGN(ref::Window3 g, poolWindow(c));
    const ir::Tensor& x = c.in(0);
    ir::Tensor& y = c.out(0);
    int64_t* indices = c.outputs.size() > 1 && !c.out(1).empty() ? c.out(1).data<int64_t>() : nullptr;
    const bool columnMajor = c.node().attrs.getInt("storage_order", 0) == 1;
    Status st = c.fail("unsupported type " + std::string(dtypeName(x.dtype())));
    visitDType(x.dtype(), [&]<typename T>() {
        if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, uint16_t>) {
            poolLoop(g, [&](int64_t nc, int64_t inBase, int64_t o, const std::vector<int64_t>& pos, int64_t) {
                T best = std::numeric_limits<T>::lowest();
                int64_t bestPos = pos.empty() ? 0 : pos[0];
                // a NaN in the window wins, as in ONNX's reference (numpy's max propagates it)
                for (int64_t p : pos) {
                    const T v = x.data<T>()[inBase + p];
                    if (v > best || (v != v && best == best)) best = v, bestPos = p;
                }
                y.data<T>()[o] = best;
                if (indices) {
                    int64_t flat = bestPos;
                    if (columnMajor) {  // index as if the spatial dims were stored transposed (2-D only)
                        int64_t h = bestPos / g.in[2], w = bestPos % g.in[2];
                        flat = w * g.in[1] + h;
                    }
                    indices[o] = nc * g.inSize() + flat;
                }
            });
            st = Status::ok();
        }
    });
    return st;
}

Status averagePool(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference AveragePool supports f32 only");
    QL_ASSIGN(ref::Window3 g, poolWindow(c));
    const bool includePad = c.node().attrs.getInt("count_include_pad", 0) != 0;
    const float* x = c.in(0).data<float>();
    float* y = c.out(0).data<float>();
    poolLoop(g, [&](int64_t, int64_t inBase, int64_t o, const std::vector<int64_t>& pos, int64_t padded) {
        double s = 0;
        for (int64_t p : pos) s += x[inBase + p];
        int64_t n = includePad ? padded : int64_t(pos.size());
        y[o] = n ? float(s / double(n)) : 0.f;
    });
    return Status::ok();
}

template <bool IsMax>
Status globalPool(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference global pooling supports f32 only");
    const auto& d = c.in(0).dims();
    const int64_t nc = d[0] * d[1], spatial = c.in(0).numel() / std::max<int64_t>(1, nc);
    const float* x = c.in(0).data<float>();
    float* y = c.out(0).data<float>();
    for (int64_t i = 0; i < nc; ++i) {
        double acc = IsMax ? -std::numeric_limits<double>::infinity() : 0.0;
        for (int64_t j = 0; j < spatial; ++j) {
            double v = x[i * spatial + j];
            acc = IsMax ? (std::isnan(acc) || v <= acc ? acc : v) : acc + v;  // a NaN wins, as in numpy
        }
        y[i] = float(IsMax ? acc : acc / double(spatial));
    }
    return Status::ok();
}
}  // namespace

void addPoolKernels(std::vector<KernelEntry>& k) {
    k.insert(k.end(), {{"MaxPool", maxPool}, {"AveragePool", averagePool}, {"GlobalAveragePool", globalPool<false>},
                       {"GlobalMaxPool", globalPool<true>}});
}

}  // namespace ql::kernels
