// Element-wise reference kernels: unary maths, broadcasting binary ops, comparisons, Cast.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "kernels/reference/kernel_registry.h"
#include "kernels/reference/ref_util.h"

namespace ql::kernels {

namespace {
using ir::DType;
using ref::BroadcastIndexer;

template <typename F>
Status floatUnary(KernelContext& c, F f) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference kernel supports f32 only");
    const float* x = c.in(0).data<float>();
    float* y = c.out(0).data<float>();
    for (int64_t i = 0; i < c.in(0).numel(); ++i) y[i] = f(x[i]);
    return Status::ok();
}

// NaN stays NaN, as ONNX's reference computes it (np.maximum(x, 0)).
Status relu(KernelContext& c) { return floatUnary(c, [](float x) { return x < 0 ? 0.f : x; }); }
Status sigmoid(KernelContext& c) { return floatUnary(c, [](float x) { return 1.f / (1.f + std::exp(-x)); }); }
Status tanhK(KernelContext& c) { return floatUnary(c, [](float x) { return std::tanh(x); }); }
Status expK(KernelContext& c) { return floatUnary(c, [](float x) { return std::exp(x); }); }
Status logK(KernelContext& c) { return floatUnary(c, [](float x) { return std::log(x); }); }
Status sqrtK(KernelContext& c) { return floatUnary(c, [](float x) { return std::sqrt(x); }); }
Status erfK(KernelContext& c) { return floatUnary(c, [](float x) { return std::erf(x); }); }
Status reciprocal(KernelContext& c) { return floatUnary(c, [](float x) { return 1.f / x; }); }
Status floorK(KernelContext& c) { return floatUnary(c, [](float x) { return std::floor(x); }); }
Status ceilK(KernelContext& c) { return floatUnary(c, [](float x) { return std::ceil(x); }); }
Status softplus(KernelContext& c) { return floatUnary(c, [](float x) { return std::log1p(std::exp(x)); }); }
Status hardSwish(KernelContext& c) {
    return floatUnary(c, [](float x) { return x * std::fmax(0.f, std::fmin(1.f, x / 6.f + 0.5f)); });
}
Status hardSigmoid(KernelContext& c) {
    float a = c.node().attrs.getFloat("alpha", 0.2f), b = c.node().attrs.getFloat("beta", 0.5f);
    return floatUnary(c, [a, b](float x) { return std::fmax(0.f, std::fmin(1.f, a * x + b)); });
}
Status leakyRelu(KernelContext& c) {
    float a = c.node().attrs.getFloat("alpha", 0.01f);
    return floatUnary(c, [a](float x) { return x >= 0 ? x : a * x; });
}
Status elu(KernelContext& c) {
    float a = c.node().attrs.getFloat("alpha", 1.0f);
    return floatUnary(c, [a](float x) { return x >= 0 ? x : a * (std::exp(x) - 1.f); });
}

// Signed numeric unary ops over every numeric dtype.
template <typename F>
Status numericUnary(KernelContext& c, F f) {
    Status st = c.fail("unsupported type " + std::string(dtypeName(c.in(0).dtype())));
    visitDType(c.in(0).dtype(), [&]<typename T>() {
        if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, uint16_t>) {
            const T* x = c.in(0).data<T>();
            T* y = c.out(0).data<T>();
            for (int64_t i = 0; i < c.in(0).numel(); ++i) y[i] = T(f(x[i]));
            st = Status::ok();
        }
    });
    return st;
}
Status neg(KernelContext& c) { return numericUnary(c, [](auto x) { return -x; }); }
Status absK(KernelContext& c) { return numericUnary(c, [](auto x) { return x < 0 ? -x : x; }); }

Status copyInput0(KernelContext& c) {
    std::memcpy(c.out(0).raw(), c.in(0).raw(), c.in(0).byteSize());
    return Status::ok();
}

Status dropout(KernelContext& c) {  // inference: identity, mask all true
    if (c.has(2) && c.in(2).numel() == 1 && c.in(2).getAsInt64(0) != 0) return c.fail("training-mode Dropout is not supported (inference only)");
    QL_TRY(copyInput0(c));
    if (c.outputs.size() > 1 && !c.out(1).empty()) std::fill_n(c.out(1).data<bool>(), c.out(1).numel(), true);
    return Status::ok();
}

Status notK(KernelContext& c) {
    for (int64_t i = 0; i < c.in(0).numel(); ++i) c.out(0).data<bool>()[i] = !c.in(0).data<bool>()[i];
    return Status::ok();
}

// Broadcasting binary op; Out = T (arithmetic) or bool (comparison).
template <typename Out, typename F>
Status binary(KernelContext& c, F f, bool allowBool = false) {
    const ir::Tensor& a = c.in(0);
    const ir::Tensor& b = c.in(1);
    ir::Tensor& y = c.out(0);
    Status st = c.fail("unsupported type " + std::string(dtypeName(a.dtype())));
    visitDType(a.dtype(), [&]<typename T>() {
        if constexpr (std::is_same_v<T, uint16_t>) {
            return;
        } else {
            if (std::is_same_v<T, bool> && !allowBool) return;
            BroadcastIndexer ia(a.dims(), y.dims()), ib(b.dims(), y.dims());
            const T* pa = a.data<T>();
            const T* pb = b.data<T>();
            using R = std::conditional_t<std::is_same_v<Out, bool>, bool, T>;
            R* py = y.data<R>();
            for (int64_t i = 0; i < y.numel(); ++i) py[i] = R(f(pa[ia(i)], pb[ib(i)]));
            st = Status::ok();
        }
    });
    return st;
}

Status add(KernelContext& c) { return binary<void>(c, [](auto x, auto y) { return x + y; }); }
Status sub(KernelContext& c) { return binary<void>(c, [](auto x, auto y) { return x - y; }); }
Status mul(KernelContext& c) { return binary<void>(c, [](auto x, auto y) { return x * y; }); }
Status divK(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) {
        const ir::Tensor& b = c.in(1);
        for (int64_t i = 0; i < b.numel(); ++i)
            if (b.getAsInt64(i) == 0) return c.fail("integer division by zero");
    }
    return binary<void>(c, [](auto x, auto y) { return x / y; });
}
Status equal(KernelContext& c) { return binary<bool>(c, [](auto x, auto y) { return x == y; }, true); }
Status less(KernelContext& c) { return binary<bool>(c, [](auto x, auto y) { return x < y; }); }
Status greater(KernelContext& c) { return binary<bool>(c, [](auto x, auto y) { return x > y; }); }
Status lessEq(KernelContext& c) { return binary<bool>(c, [](auto x, auto y) { return x <= y; }); }
Status greaterEq(KernelContext& c) { return binary<bool>(c, [](auto x, auto y) { return x >= y; }); }
Status andK(KernelContext& c) { return binary<bool>(c, [](auto x, auto y) { return x && y; }, true); }
Status orK(KernelContext& c) { return binary<bool>(c, [](auto x, auto y) { return x || y; }, true); }
Status xorK(KernelContext& c) { return binary<bool>(c, [](auto x, auto y) { return bool(x) != bool(y); }, true); }

Status powK(KernelContext& c) {
    BroadcastIndexer ia(c.in(0).dims(), c.out(0).dims()), ib(c.in(1).dims(), c.out(0).dims());
    ir::Tensor& y = c.out(0);
    Status st = c.fail("unsupported type " + std::string(dtypeName(y.dtype())));
    visitDType(y.dtype(), [&]<typename T>() {
        if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, uint16_t>) {
            for (int64_t i = 0; i < y.numel(); ++i)
                y.data<T>()[i] = T(std::pow(c.in(0).getAsDouble(ia(i)), c.in(1).getAsDouble(ib(i))));
            st = Status::ok();
        }
    });
    return st;
}

// Max/Min/Sum/Mean over any number of broadcast inputs.
template <typename F>
Status variadic(KernelContext& c, F f, bool mean = false) {
    ir::Tensor& y = c.out(0);
    Status st = c.fail("unsupported type " + std::string(dtypeName(y.dtype())));
    visitDType(y.dtype(), [&]<typename T>() {
        if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, uint16_t>) {
            T* py = y.data<T>();
            int count = 0;
            for (size_t k = 0; k < c.inputs.size(); ++k) {
                if (!c.has(k)) continue;
                BroadcastIndexer ix(c.in(k).dims(), y.dims());
                const T* px = c.in(k).data<T>();
                for (int64_t i = 0; i < y.numel(); ++i) py[i] = count == 0 ? px[ix(i)] : T(f(py[i], px[ix(i)]));
                ++count;
            }
            if (mean)
                for (int64_t i = 0; i < y.numel(); ++i) py[i] = T(py[i] / T(count));
            st = Status::ok();
        }
    });
    return st;
}
Status maxK(KernelContext& c) { return variadic(c, [](auto a, auto b) { return a > b ? a : b; }); }
Status minK(KernelContext& c) { return variadic(c, [](auto a, auto b) { return a < b ? a : b; }); }
Status sumK(KernelContext& c) { return variadic(c, [](auto a, auto b) { return a + b; }); }
Status meanK(KernelContext& c) { return variadic(c, [](auto a, auto b) { return a + b; }, true); }

Status where(KernelContext& c) {
    ir::Tensor& y = c.out(0);
    BroadcastIndexer ic(c.in(0).dims(), y.dims()), ia(c.in(1).dims(), y.dims()), ib(c.in(2).dims(), y.dims());
    const size_t es = dtypeSize(y.dtype());
    auto* py = static_cast<std::byte*>(y.raw());
    for (int64_t i = 0; i < y.numel(); ++i) {
        bool cond = c.in(0).data<bool>()[ic(i)];
        const ir::Tensor& src = cond ? c.in(1) : c.in(2);
        int64_t j = cond ? ia(i) : ib(i);
        std::memcpy(py + size_t(i) * es, static_cast<const std::byte*>(src.raw()) + size_t(j) * es, es);
    }
    return Status::ok();
}

Status prelu(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference kernel supports f32 only");
    BroadcastIndexer is(c.in(1).dims(), c.out(0).dims());
    const float* x = c.in(0).data<float>();
    const float* s = c.in(1).data<float>();
    float* y = c.out(0).data<float>();
    for (int64_t i = 0; i < c.out(0).numel(); ++i) y[i] = x[i] >= 0 ? x[i] : x[i] * s[is(i)];
    return Status::ok();
}

Status clip(KernelContext& c) {
    Status st = c.fail("unsupported type " + std::string(dtypeName(c.in(0).dtype())));
    visitDType(c.in(0).dtype(), [&]<typename T>() {
        if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, uint16_t>) {
            T lo = std::numeric_limits<T>::lowest(), hi = std::numeric_limits<T>::max();
            if (c.has(1)) lo = c.in(1).data<T>()[0];
            else if (c.node().attrs.has("min")) lo = T(c.node().attrs.getFloat("min", 0));
            if (c.has(2)) hi = c.in(2).data<T>()[0];
            else if (c.node().attrs.has("max")) hi = T(c.node().attrs.getFloat("max", 0));
            const T* x = c.in(0).data<T>();
            T* y = c.out(0).data<T>();
            for (int64_t i = 0; i < c.in(0).numel(); ++i) y[i] = std::min(std::max(x[i], lo), hi);
            st = Status::ok();
        }
    });
    return st;
}

Status cast(KernelContext& c) {
    const ir::Tensor& x = c.in(0);
    ir::Tensor& y = c.out(0);
    if (x.dtype() == y.dtype()) return copyInput0(c);
    for (int64_t i = 0; i < x.numel(); ++i) {
        double v = x.getAsDouble(i);
        int64_t iv = (x.dtype() == DType::F32 || x.dtype() == DType::F16) ? 0 : x.getAsInt64(i);
        bool fromInt = x.dtype() != DType::F32 && x.dtype() != DType::F16;
        switch (y.dtype()) {
            case DType::F32: y.data<float>()[i] = float(v); break;
            case DType::F16: y.data<uint16_t>()[i] = ir::floatToHalf(float(v)); break;
            case DType::Bool: y.data<bool>()[i] = v != 0; break;
            // float -> int truncates toward zero (C semantics, as ONNX Runtime does)
            case DType::S64: y.data<int64_t>()[i] = fromInt ? iv : int64_t(v); break;
            case DType::S32: y.data<int32_t>()[i] = fromInt ? int32_t(iv) : int32_t(v); break;
            case DType::S8: y.data<int8_t>()[i] = fromInt ? int8_t(iv) : int8_t(int32_t(v)); break;
            case DType::U8: y.data<uint8_t>()[i] = fromInt ? uint8_t(iv) : uint8_t(int32_t(v)); break;
            default: return c.fail("unsupported Cast target");
        }
    }
    return Status::ok();
}
}  // namespace

void addElementwiseKernels(std::vector<KernelEntry>& k) {
    k.insert(k.end(), {{"Relu", relu}, {"Sigmoid", sigmoid}, {"Tanh", tanhK}, {"Exp", expK}, {"Log", logK},
                       {"Sqrt", sqrtK}, {"Erf", erfK}, {"Reciprocal", reciprocal}, {"Floor", floorK}, {"Ceil", ceilK},
                       {"Softplus", softplus}, {"HardSwish", hardSwish}, {"HardSigmoid", hardSigmoid},
                       {"LeakyRelu", leakyRelu}, {"Elu", elu}, {"Neg", neg}, {"Abs", absK}, {"Identity", copyInput0},
                       {"Dropout", dropout}, {"Not", notK}, {"Add", add}, {"Sub", sub}, {"Mul", mul}, {"Div", divK},
                       {"Pow", powK}, {"Equal", equal}, {"Less", less}, {"Greater", greater},
                       {"LessOrEqual", lessEq}, {"GreaterOrEqual", greaterEq}, {"And", andK}, {"Or", orK},
                       {"Xor", xorK}, {"Max", maxK}, {"Min", minK}, {"Sum", sumK}, {"Mean", meanK},
                       {"Where", where}, {"PRelu", prelu}, {"Clip", clip}, {"Cast", cast}});
}

}  // namespace ql::kernels
