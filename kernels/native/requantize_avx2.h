#pragma once
// The int8 requantization the AVX2 native kernels share (depthwise_int8, pointwise_int8): int32
// accumulators to u8/s8 bytes with oneDNN's arithmetic, so their bytes equal its convolutions':
//   v   = (float(acc) + bias[c]) * scale[c]; v = min(max(v, actMin), actMax)
//   dst = saturate(round_half_even(v + dstZeroPoint))
// Included only by translation units whose callers are compiled for AVX2 (QL_AVX2).
#include <immintrin.h>

#include <algorithm>

#define QL_AVX2 __attribute__((target("avx2,fma")))

namespace ql::kernels::native {

struct RequantBounds {
    __m256 lo, hi;        // activation bounds merged with the type's (no zero point), or the activation's
    __m256 zp, tlo, thi;  // zero point and the type's bounds, applied after the activation
};

QL_AVX2 inline RequantBounds requantBounds(bool dstSigned, int dstZeroPoint, float actMin, float actMax) {
    RequantBounds e{};
    const float tlo = dstSigned ? -128.f : 0.f, thi = dstSigned ? 127.f : 255.f;
    const bool withZp = dstZeroPoint != 0;
    e.lo = _mm256_set1_ps(withZp ? actMin : std::max(actMin, tlo));  // max/min are exact: merging is too
    e.hi = _mm256_set1_ps(withZp ? actMax : std::min(actMax, thi));
    e.zp = _mm256_set1_ps(float(dstZeroPoint));
    e.tlo = _mm256_set1_ps(tlo);
    e.thi = _mm256_set1_ps(thi);
    return e;
}

// One accumulator vector -> rounded int32 in the destination's range.
template <bool WithZp>
QL_AVX2 inline __m256i requantize(__m256i acc, __m256 bias, __m256 scale, const RequantBounds& e) {
    __m256 v = _mm256_mul_ps(_mm256_add_ps(_mm256_cvtepi32_ps(acc), bias), scale);
    v = _mm256_min_ps(_mm256_max_ps(v, e.lo), e.hi);
    if constexpr (WithZp) v = _mm256_min_ps(_mm256_max_ps(_mm256_add_ps(v, e.zp), e.tlo), e.thi);
    return _mm256_cvtps_epi32(v);
}

// Four accumulator vectors whose lanes hold channels in "pack order" (vector i, 128-bit lane j,
// dword q <-> channel 16 j + 4 i + q) -> 32 bytes in channel order: packing 32 -> 16 -> 8 bits
// works within 128-bit lanes, which undoes that order for free.
template <bool WithZp, bool Signed>
QL_AVX2 inline __m256i requantize4(const __m256i acc[4], const __m256* bias, const __m256* scale, const RequantBounds& e) {
    __m256i r[4];
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) r[i] = requantize<WithZp>(acc[i], bias[i], scale[i], e);
    const __m256i w01 = _mm256_packs_epi32(r[0], r[1]), w23 = _mm256_packs_epi32(r[2], r[3]);
    if constexpr (Signed)
        return _mm256_packs_epi16(w01, w23);
    else
        return _mm256_packus_epi16(w01, w23);
}

// Two accumulator vectors in the 16-channel pack order (vector i, lane j, dword q <-> channel
// 8 j + 4 i + q) -> 16 bytes in channel order.
template <bool WithZp, bool Signed>
QL_AVX2 inline __m128i requantize2(const __m256i acc[2], const __m256* bias, const __m256* scale, const RequantBounds& e) {
    const __m256i r0 = requantize<WithZp>(acc[0], bias[0], scale[0], e), r1 = requantize<WithZp>(acc[1], bias[1], scale[1], e);
    const __m256i w = _mm256_packs_epi32(r0, r1);  // lane 0: channels 0-7, lane 1: 8-15
    const __m256i b = Signed ? _mm256_packs_epi16(w, w) : _mm256_packus_epi16(w, w);
    return _mm256_castsi256_si128(_mm256_permute4x64_epi64(b, 0x08));  // qwords 0 and 2
}

}  // namespace ql::kernels::native
