// BatchNormalization (inference), Softmax/LogSoftmax and Reduce* reference kernels.
#include <cmath>
#include <limits>

#include "core/ops/infer_common.h"
#include "kernels/reference/kernel_registry.h"
#include "kernels/reference/ref_util.h"

namespace ql::kernels {

namespace {
using ir::DType;

Status batchNorm(KernelContext& c) {
    for (size_t i = 0; i < 5; ++i)
        if (c.in(i).dtype() != DType::F32) return c.fail("reference BatchNormalization supports f32 only");
    const auto& d = c.in(0).dims();
    const int64_t C = d[1], inner = c.in(0).numel() / std::max<int64_t>(1, d[0] * C);
    const float eps = c.node().attrs.getFloat("epsilon", 1e-5f);
    const float *x = c.in(0).data<float>(), *scale = c.in(1).data<float>(), *bias = c.in(2).data<float>(),
                *mean = c.in(3).data<float>(), *var = c.in(4).data<float>();
    float* y = c.out(0).data<float>();
    for (int64_t n = 0; n < d[0]; ++n)
        for (int64_t ch = 0; ch < C; ++ch) {
            const double inv = 1.0 / std::sqrt(double(var[ch]) + eps);
            for (int64_t i = 0; i < inner; ++i) {
                int64_t o = (n * C + ch) * inner + i;
                y[o] = float((x[o] - double(mean[ch])) * inv * scale[ch] + bias[ch]);
            }
        }
    return Status::ok();
}

// Softmax over [outer, axisLen, inner]; before opset 13 the input is flattened at `axis`
// into 2-D and the whole trailing block is normalised.
template <bool Log>
Status softmax(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference Softmax supports f32 only");
    const auto& d = c.in(0).dims();
    QL_ASSIGN(int axis, ops::normalizeAxis(c.node().attrs.getInt("axis", c.info.opset >= 13 ? -1 : 1), int(d.size()), c.node()));
    int64_t outer = 1, len = 1, inner = 1;
    for (int i = 0; i < int(d.size()); ++i) {
        if (i < axis) outer *= d[size_t(i)];
        else if (i == axis || c.info.opset < 13) len *= d[size_t(i)];
        else inner *= d[size_t(i)];
    }
    const float* x = c.in(0).data<float>();
    float* y = c.out(0).data<float>();
    for (int64_t o = 0; o < outer; ++o)
        for (int64_t in = 0; in < inner; ++in) {
            auto at = [&](int64_t k) { return (o * len + k) * inner + in; };
            double mx = -std::numeric_limits<double>::infinity(), sum = 0;
            for (int64_t k = 0; k < len; ++k) mx = std::max(mx, double(x[at(k)]));
            for (int64_t k = 0; k < len; ++k) sum += std::exp(double(x[at(k)]) - mx);
            for (int64_t k = 0; k < len; ++k) {
                double v = double(x[at(k)]) - mx;
                y[at(k)] = float(Log ? v - std::log(sum) : std::exp(v) / sum);
            }
        }
    return Status::ok();
}

enum class Reduce { Mean, Sum, Max, Min };

template <Reduce R>
Status reduce(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference Reduce* supports f32 only");
    QL_ASSIGN(auto mask, ops::reduceAxes(c.info));
    const auto& d = c.in(0).dims();
    // Output index of every input element: drop (or zero) the reduced coordinates.
    ir::Dims kept;
    for (size_t i = 0; i < d.size(); ++i) kept.push_back(mask[i] ? 1 : d[i]);
    const int64_t outN = ir::elementCount(kept);
    std::vector<double> acc(size_t(outN), R == Reduce::Max ? -INFINITY : R == Reduce::Min ? INFINITY : 0.0);
    std::vector<int64_t> count(size_t(outN), 0);
    auto keptStrides = ops::stridesOf(kept);
    const float* x = c.in(0).data<float>();
    for (int64_t i = 0; i < c.in(0).numel(); ++i) {
        int64_t rem = i, o = 0;
        for (int k = int(d.size()) - 1; k >= 0; --k) {
            int64_t coord = rem % d[size_t(k)];
            rem /= d[size_t(k)];
            if (!mask[size_t(k)]) o += coord * keptStrides[size_t(k)];
        }
        double v = x[i];
        double& a = acc[size_t(o)];
        a = R == Reduce::Max ? std::max(a, v) : R == Reduce::Min ? std::min(a, v) : a + v;
        ++count[size_t(o)];
    }
    float* y = c.out(0).data<float>();
    for (int64_t o = 0; o < outN && o < c.out(0).numel(); ++o)
        y[o] = float(R == Reduce::Mean ? (count[size_t(o)] ? acc[size_t(o)] / double(count[size_t(o)]) : NAN) : acc[size_t(o)]);
    return Status::ok();
}
}  // namespace

void addNormalizationKernels(std::vector<KernelEntry>& k) {
    k.insert(k.end(), {{"BatchNormalization", batchNorm}, {"Softmax", softmax<false>}, {"LogSoftmax", softmax<true>},
                       {"ReduceMean", reduce<Reduce::Mean>}, {"ReduceSum", reduce<Reduce::Sum>},
                       {"ReduceMax", reduce<Reduce::Max>}, {"ReduceMin", reduce<Reduce::Min>}});
}

}  // namespace ql::kernels
