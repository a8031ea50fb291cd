// Matrix-product reference kernels: Gemm, MatMul (numpy semantics), MatMulInteger, QLinearMatMul.
#include <functional>

#include "kernels/reference/kernel_registry.h"
#include "kernels/reference/ref_util.h"

namespace ql::kernels {

namespace {
using ir::DType;

// Batched [.., M, K] x [.., K, N] with broadcast batch dims and 1-D promotion. `mac(i, j)` gets
// flat element offsets into a and b, store(outOffset, row, col, acc).
struct MatmulShape {
    int64_t M = 1, K = 1, N = 1, batch = 1;
    ir::Dims outBatch, aBatch, bBatch;
};

MatmulShape matmulShape(ir::Dims a, ir::Dims b) {
    if (a.size() == 1) a.insert(a.begin(), 1);
    if (b.size() == 1) b.push_back(1);
    MatmulShape s;
    s.M = a[a.size() - 2];
    s.K = a.back();
    s.N = b.back();
    s.aBatch.assign(a.begin(), a.end() - 2);
    s.bBatch.assign(b.begin(), b.end() - 2);
    auto bc = ops::broadcastShapes({s.aBatch, s.bBatch});
    s.outBatch = bc ? *bc : ir::Dims{};
    s.batch = ir::elementCount(s.outBatch);
    return s;
}

template <typename Acc, typename LoadA, typename LoadB, typename Store>
void matmulLoop(const MatmulShape& s, LoadA la, LoadB lb, Store st) {
    ref::BroadcastIndexer ia(s.aBatch, s.outBatch), ib(s.bBatch, s.outBatch);
    for (int64_t bt = 0; bt < s.batch; ++bt) {
        const int64_t aOff = ia(bt) * s.M * s.K, bOff = ib(bt) * s.K * s.N, yOff = bt * s.M * s.N;
        for (int64_t i = 0; i < s.M; ++i)
            for (int64_t j = 0; j < s.N; ++j) {
                Acc acc = 0;
                for (int64_t k = 0; k < s.K; ++k) acc += la(aOff + i * s.K + k) * lb(bOff + k * s.N + j);
                st(yOff + i * s.N + j, j, acc);
            }
    }
}

Status matmul(KernelContext& c) {
    MatmulShape s = matmulShape(c.in(0).dims(), c.in(1).dims());
    Status st = c.fail("unsupported type " + std::string(dtypeName(c.in(0).dtype())));
    visitDType(c.in(0).dtype(), [&]<typename T>() {
        if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, uint16_t>) {
            using Acc = std::conditional_t<std::is_floating_point_v<T>, double, int64_t>;
            const T* a = c.in(0).data<T>();
            const T* b = c.in(1).data<T>();
            T* y = c.out(0).data<T>();
            matmulLoop<Acc>(s, [a](int64_t i) { return Acc(a[i]); }, [b](int64_t i) { return Acc(b[i]); },
                            [y](int64_t o, int64_t, Acc v) { y[o] = T(v); });
            st = Status::ok();
        }
    });
    return st;
}

Status gemm(KernelContext& c) {
    if (c.in(0).dtype() != DType::F32) return c.fail("reference Gemm supports f32 only");
    const auto& ad = c.in(0).dims();
    const auto& bd = c.in(1).dims();
    const bool ta = c.node().attrs.getInt("transA", 0), tb = c.node().attrs.getInt("transB", 0);
    const float alpha = c.node().attrs.getFloat("alpha", 1.f), beta = c.node().attrs.getFloat("beta", 1.f);
    const int64_t M = ta ? ad[1] : ad[0], K = ta ? ad[0] : ad[1], N = tb ? bd[0] : bd[1];
    const float* a = c.in(0).data<float>();
    const float* b = c.in(1).data<float>();
    float* y = c.out(0).data<float>();
    std::optional<ref::BroadcastIndexer> ic;
    if (c.has(2)) ic.emplace(c.in(2).dims(), ir::Dims{M, N});
    for (int64_t i = 0; i < M; ++i)
        for (int64_t j = 0; j < N; ++j) {
            double acc = 0;
            for (int64_t k = 0; k < K; ++k) acc += double(a[ta ? k * M + i : i * K + k]) * b[tb ? j * K + k : k * N + j];
            double v = alpha * acc;
            if (ic) v += double(beta) * c.in(2).data<float>()[(*ic)(i * N + j)];
            y[i * N + j] = float(v);
        }
    return Status::ok();
}

// u8/s8 x u8/s8 products with zero points; per-column (N) zero point and scale for b allowed.
Status integerMatmul(KernelContext& c, size_t ai, size_t bi, const ir::Tensor* azp, const ir::Tensor* bzp,
                     const std::function<void(int64_t, int64_t, int32_t)>& store) {
    MatmulShape s = matmulShape(c.in(ai).dims(), c.in(bi).dims());
    const ir::Tensor &A = c.in(ai), &B = c.in(bi);
    const int32_t az = ref::zeroPointAt(azp, 0);
    std::vector<int32_t> bz(size_t(s.N));
    for (int64_t j = 0; j < s.N; ++j) bz[size_t(j)] = ref::zeroPointAt(bzp, j);
    const bool au = A.dtype() == DType::U8, bu = B.dtype() == DType::U8;
    auto la = [&](int64_t i) { return (au ? int32_t(A.data<uint8_t>()[i]) : int32_t(A.data<int8_t>()[i])) - az; };
    auto lb = [&](int64_t i) {
        return (bu ? int32_t(B.data<uint8_t>()[i]) : int32_t(B.data<int8_t>()[i])) - bz[size_t(i % s.N)];
    };
    matmulLoop<int32_t>(s, la, lb, store);
    return Status::ok();
}

Status matmulInteger(KernelContext& c) {
    int32_t* y = c.out(0).data<int32_t>();
    return integerMatmul(c, 0, 1, c.has(2) ? &c.in(2) : nullptr, c.has(3) ? &c.in(3) : nullptr,
                         [y](int64_t o, int64_t, int32_t v) { y[o] = v; });
}

Status qlinearMatmul(KernelContext& c) {
    const float as = ref::scaleAt(c.in(1), 0), ys = ref::scaleAt(c.in(6), 0);
    const int32_t yz = ref::zeroPointAt(&c.in(7), 0);
    ir::Tensor& y = c.out(0);
    const ir::Tensor& bs = c.in(4);
    const bool yu8 = y.dtype() == DType::U8;
    return integerMatmul(c, 0, 3, &c.in(2), &c.in(5), [&](int64_t o, int64_t col, int32_t acc) {
        float v = ref::roundHalfEven(float(double(acc) * double(as) * double(ref::scaleAt(bs, col)) / double(ys))) + float(yz);
        if (yu8) y.data<uint8_t>()[o] = ref::saturate<uint8_t>(v);
        else y.data<int8_t>()[o] = ref::saturate<int8_t>(v);
    });
}
}  // namespace

void addMatmulKernels(std::vector<KernelEntry>& k) {
    k.insert(k.end(), {{"MatMul", matmul}, {"Gemm", gemm}, {"MatMulInteger", matmulInteger}, {"QLinearMatMul", qlinearMatmul}});
}

}  // namespace ql::kernels
