#include "kernels/native/pointwise_int8.h"

#include <omp.h>

#include <cstdlib>
#include <cstring>

#include "kernels/native/requantize_avx2.h"

// Layout: output channels go in blocks of 32 (the last may hold 16). For each group of 4 input
// channels a block stores 4 weight vectors (2 for a 16-channel block) whose 32-bit lanes hold one
// output channel's 4 weights, in pack order (requantize_avx2.h); then its bias and scale vectors
// in the same order. A pixel's 4 input bytes, broadcast to every lane, times a weight vector
// (maddubs, then madd with ones) adds 4 products to each lane's accumulator, which starts at the
// block's initial values (the s8 source's shift, taken back: -64 sum_k w[c][k]).

namespace ql::kernels::native {
namespace {

constexpr int kTile = 3;  // pixels per register tile: 3 x 4 accumulators + broadcast, temp, ones
constexpr int64_t kMaxSignedInput = 1024;  // an s8 source's tile is shifted into a stack buffer

// The output channel of vector i, 128-bit lane j, dword q of a block (V vectors: 4 or 2).
int64_t channelOf(int64_t block, int V, int i, int j, int q) { return block * 32 + (V == 4 ? 16 : 8) * j + 4 * i + q; }

QL_AVX2 inline __m256i broadcast4(const uint8_t* p) {
    int32_t v;
    std::memcpy(&v, p, 4);
    return _mm256_set1_epi32(v);
}

// T pixels (src rows of K bytes, dst rows of N bytes) x one block of 8 V channels (32 or 16).
template <int T, int V, bool WithZp, bool Signed>
QL_AVX2 inline void tile(const uint8_t* src, int64_t K, const __m256i* w, const RequantBounds& e, uint8_t* dst, int64_t N) {
    const __m256i ones = _mm256_set1_epi16(1);
    const __m256i* init = w + K / 4 * V;  // after the weights: initial accumulators, bias, scale
    __m256i acc[T][V];
#pragma GCC unroll 4
    for (int t = 0; t < T; ++t)
#pragma GCC unroll 4
        for (int i = 0; i < V; ++i) acc[t][i] = _mm256_load_si256(init + i);
    for (int64_t k = 0; k < K; k += 4, w += V) {
#pragma GCC unroll 4
        for (int t = 0; t < T; ++t) {
            const __m256i x = broadcast4(src + t * K + k);
#pragma GCC unroll 4
            for (int i = 0; i < V; ++i)
                acc[t][i] = _mm256_add_epi32(acc[t][i], _mm256_madd_epi16(_mm256_maddubs_epi16(x, _mm256_load_si256(w + i)), ones));
        }
    }
    const __m256* bias = reinterpret_cast<const __m256*>(init + V);
    const __m256* scale = bias + V;
#pragma GCC unroll 4
    for (int t = 0; t < T; ++t) {
        if constexpr (V == 4)
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + t * N), requantize4<WithZp, Signed>(acc[t], bias, scale, e));
        else
            _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + t * N), requantize2<WithZp, Signed>(acc[t], bias, scale, e));
    }
}

// n pixels of s8 source (n * K bytes), clamped to [-64, 63] and shifted by +64 into out.
QL_AVX2 inline void shiftSigned(const uint8_t* src, int64_t bytes, uint8_t* out) {
    const __m128i lo = _mm_set1_epi8(-64), hi = _mm_set1_epi8(63), shift = _mm_set1_epi8(64);
    int64_t i = 0;
    for (; i + 16 <= bytes; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_add_epi8(_mm_min_epi8(_mm_max_epi8(x, lo), hi), shift));
    }
    for (; i < bytes; ++i) out[i] = uint8_t(std::clamp(int(int8_t(src[i])), -64, 63) + 64);
}

template <bool SignedSrc, bool WithZp, bool Signed>
QL_AVX2 void pixels(const PointwiseInt8& d, const uint8_t* params, int64_t blocks, int64_t blockVecs, const uint8_t* src, uint8_t* dst,
                    int64_t from, int64_t to) {
    const RequantBounds e = requantBounds(d.dstSigned, d.dstZeroPoint, d.actMin, d.actMax);
    const int64_t K = d.inChannels, N = d.outChannels;
    const bool halfTail = N % 32 != 0;
    alignas(32) uint8_t shifted[SignedSrc ? kTile * kMaxSignedInput : 1];
    for (int64_t p = from; p < to; p += kTile) {
        const int64_t n = std::min<int64_t>(kTile, to - p);
        const uint8_t* s = src + p * K;
        if constexpr (SignedSrc) {
            shiftSigned(s, n * K, shifted);
            s = shifted;
        }
        uint8_t* o = dst + p * N;
        for (int64_t b = 0; b < blocks; ++b) {
            const __m256i* w = reinterpret_cast<const __m256i*>(params) + b * blockVecs;
            if (halfTail && b == blocks - 1) {
                if (n == 3) tile<3, 2, WithZp, Signed>(s, K, w, e, o + b * 32, N);
                else if (n == 2) tile<2, 2, WithZp, Signed>(s, K, w, e, o + b * 32, N);
                else tile<1, 2, WithZp, Signed>(s, K, w, e, o + b * 32, N);
            } else {
                if (n == 3) tile<3, 4, WithZp, Signed>(s, K, w, e, o + b * 32, N);
                else if (n == 2) tile<2, 4, WithZp, Signed>(s, K, w, e, o + b * 32, N);
                else tile<1, 4, WithZp, Signed>(s, K, w, e, o + b * 32, N);
            }
        }
    }
}

}  // namespace

bool supported(const PointwiseInt8& d) {
    static const bool cpu = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (!cpu || d.batch < 1 || d.height < 1 || d.width < 1) return false;
    if (d.inChannels <= 0 || d.inChannels % 4 || d.outChannels <= 0 || d.outChannels % 16) return false;
    if (d.srcSigned && d.inChannels > kMaxSignedInput) return false;
    return d.dstSigned ? d.dstZeroPoint >= -128 && d.dstZeroPoint <= 127 : d.dstZeroPoint >= 0 && d.dstZeroPoint <= 255;
}

PointwiseInt8Kernel::PointwiseInt8Kernel(const PointwiseInt8& d, const int8_t* weights, const std::vector<float>& bias,
                                         const std::vector<float>& scales)
    : d_(d), blocks_((d.outChannels + 31) / 32), blockVecs_(d.inChannels / 4 * 4 + 12) {
    const size_t bytes = size_t(blocks_ * blockVecs_) * 32;
    packed_.reset(static_cast<uint8_t*>(std::aligned_alloc(64, (bytes + 63) / 64 * 64)), std::free);
    std::memset(packed_.get(), 0, bytes);
    const int64_t K = d.inChannels;
    for (int64_t blk = 0; blk < blocks_; ++blk) {
        const int V = blk * 32 + 32 <= d.outChannels ? 4 : 2;
        uint8_t* base = packed_.get() + blk * blockVecs_ * 32;
        int8_t* w = reinterpret_cast<int8_t*>(base);
        int32_t* init = reinterpret_cast<int32_t*>(base + K / 4 * V * 32);
        float* bs = reinterpret_cast<float*>(init + V * 8);
        float* sc = bs + V * 8;
        for (int i = 0; i < V; ++i)
            for (int j = 0; j < 2; ++j)
                for (int q = 0; q < 4; ++q) {
                    const int64_t c = channelOf(blk, V, i, j, q), lane = (i * 2 + j) * 4 + q;  // dword within the V vectors
                    int32_t sum = 0;
                    for (int64_t k = 0; k < K; ++k) {
                        w[(k / 4 * V * 8 + lane) * 4 + k % 4] = weights[c * K + k];
                        sum += weights[c * K + k];
                    }
                    init[lane] = d.srcSigned ? -64 * sum : 0;
                    bs[lane] = bias.empty() ? 0.f : bias[size_t(c)];
                    sc[lane] = scales[size_t(c)];
                }
    }
}

void PointwiseInt8Kernel::runPixels(const uint8_t* src, uint8_t* dst, int64_t from, int64_t to) const {
    using Fn = void (*)(const PointwiseInt8&, const uint8_t*, int64_t, int64_t, const uint8_t*, uint8_t*, int64_t, int64_t);
    static constexpr Fn fns[2][2][2] = {{{pixels<false, false, false>, pixels<false, false, true>}, {pixels<false, true, false>, pixels<false, true, true>}},
                                        {{pixels<true, false, false>, pixels<true, false, true>}, {pixels<true, true, false>, pixels<true, true, true>}}};
    fns[d_.srcSigned][d_.dstZeroPoint != 0][d_.dstSigned](d_, packed_.get(), blocks_, blockVecs_, src, dst, from, to);
}

void PointwiseInt8Kernel::runBand(const uint8_t* src, void* dst, int band, int bands) const {
    const int64_t rowFrom = d_.height * band / bands, rowTo = d_.height * (band + 1) / bands;
    runPixels(src, static_cast<uint8_t*>(dst), rowFrom * d_.width, rowTo * d_.width);
}

void PointwiseInt8Kernel::run(const uint8_t* src, void* dst) const {
    const int64_t total = d_.batch * d_.height * d_.width;
    // ~ MACs: wake the team only when each thread gets a few microseconds of work
    const bool parallel = total * d_.inChannels * d_.outChannels >= 200000;
#pragma omp parallel if (parallel)
    {
        const int64_t threads = omp_get_num_threads(), t = omp_get_thread_num();
        // whole tiles per thread, so only the last thread has a partial one
        const int64_t tiles = (total + kTile - 1) / kTile;
        const int64_t from = std::min(total, tiles * t / threads * kTile), to = std::min(total, tiles * (t + 1) / threads * kTile);
        runPixels(src, static_cast<uint8_t*>(dst), from, to);
    }
}

}  // namespace ql::kernels::native
