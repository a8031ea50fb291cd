#pragma once
// requantize_avx2.h's arithmetic on 512-bit vectors, for the AVX-512 VNNI native kernels
// (depthwise_int8_vnni): int32 accumulators to u8/s8 bytes exactly as oneDNN computes them,
//   v   = (float(acc) + bias[c]) * scale[c]; v = min(max(v, actMin), actMax)
//   dst = saturate(round_half_even(v + dstZeroPoint))
// Included only by translation units compiled for AVX-512 (QL_AVX512_VNNI functions).
#include <immintrin.h>

#include <algorithm>

#define QL_AVX512_VNNI __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni")))

namespace ql::kernels::native {

struct RequantBounds512 {
    __m512 lo, hi;        // activation bounds merged with the type's (no zero point), or the activation's
    __m512 zp, tlo, thi;  // zero point and the type's bounds, applied after the activation
};

QL_AVX512_VNNI inline RequantBounds512 requantBounds512(bool dstSigned, int dstZeroPoint, float actMin, float actMax) {
    RequantBounds512 e{};
    const float tlo = dstSigned ? -128.f : 0.f, thi = dstSigned ? 127.f : 255.f;
    const bool withZp = dstZeroPoint != 0;
    e.lo = _mm512_set1_ps(withZp ? actMin : std::max(actMin, tlo));
    e.hi = _mm512_set1_ps(withZp ? actMax : std::min(actMax, thi));
    e.zp = _mm512_set1_ps(float(dstZeroPoint));
    e.tlo = _mm512_set1_ps(tlo);
    e.thi = _mm512_set1_ps(thi);
    return e;
}

template <bool WithZp>
QL_AVX512_VNNI inline __m512i requantize512(__m512i acc, __m512 bias, __m512 scale, const RequantBounds512& e) {
    __m512 v = _mm512_mul_ps(_mm512_add_ps(_mm512_cvtepi32_ps(acc), bias), scale);
    v = _mm512_min_ps(_mm512_max_ps(v, e.lo), e.hi);
    if constexpr (WithZp) v = _mm512_min_ps(_mm512_max_ps(_mm512_add_ps(v, e.zp), e.tlo), e.thi);
    return _mm512_cvtps_epi32(v);  // rounds half to even (the default MXCSR mode), like oneDNN
}

// Four accumulator vectors in the 64-channel "pack order" (vector i, 128-bit lane j, dword q
// <-> channel 16 j + 4 i + q) -> 64 bytes in channel order: the packs work within 128-bit lanes.
template <bool WithZp, bool Signed>
QL_AVX512_VNNI inline __m512i requantize4x512(const __m512i acc[4], const __m512* bias, const __m512* scale, const RequantBounds512& e) {
    __m512i r[4];
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) r[i] = requantize512<WithZp>(acc[i], bias[i], scale[i], e);
    const __m512i w01 = _mm512_packs_epi32(r[0], r[1]), w23 = _mm512_packs_epi32(r[2], r[3]);
    if constexpr (Signed)
        return _mm512_packs_epi16(w01, w23);
    else
        return _mm512_packus_epi16(w01, w23);
}

}  // namespace ql::kernels::native
