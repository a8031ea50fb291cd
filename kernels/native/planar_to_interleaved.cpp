#include "kernels/native/planar_to_interleaved.h"

#include <immintrin.h>
#include <omp.h>

#include <algorithm>
#include <cmath>

namespace ql::kernels::native {
namespace {

// 16 values of one plane as 16 int8 (packed with signed or unsigned saturation).
__attribute__((target("sse4.1"))) inline __m128i quantize16(const float* p, __m128 scale, __m128 zp, bool u8) {
    auto q4 = [&](int o) { return _mm_cvtps_epi32(_mm_add_ps(_mm_mul_ps(_mm_loadu_ps(p + o), scale), zp)); };
    const __m128i lo = _mm_packs_epi32(q4(0), q4(4)), hi = _mm_packs_epi32(q4(8), q4(12));
    return u8 ? _mm_packus_epi16(lo, hi) : _mm_packs_epi16(lo, hi);
}

// Byte j of output vector `out` (of the three 16-byte vectors holding 16 interleaved pixels)
// comes from plane (16 out + j) % 3, pixel (16 out + j) / 3: a pshufb mask per (out, plane).
__attribute__((target("sse4.1"))) inline __m128i interleaveMask(int out, int plane) {
    alignas(16) int8_t m[16];
    for (int j = 0; j < 16; ++j) {
        const int k = out * 16 + j;
        m[j] = k % 3 == plane ? int8_t(k / 3) : int8_t(-1);  // -1: pshufb writes zero
    }
    return _mm_load_si128(reinterpret_cast<const __m128i*>(m));
}

int8_t saturate(float v, bool u8) {
    v = u8 ? std::clamp(v, 0.f, 255.f) : std::clamp(v, -128.f, 127.f);
    return int8_t(int(v));  // u8 bytes pass through int8_t unchanged
}

__attribute__((target("sse4.1"))) void quantizeRange(const float* src, int8_t* dst, int64_t from, int64_t to, int64_t pixels, float scale,
                                                     int32_t zeroPoint, bool u8) {
    const __m128 s = _mm_set1_ps(scale), zp = _mm_set1_ps(float(zeroPoint));
    __m128i mask[3][3];
    for (int o = 0; o < 3; ++o)
        for (int c = 0; c < 3; ++c) mask[o][c] = interleaveMask(o, c);
    int64_t i = from;
    for (; i + 16 <= to; i += 16) {
        const __m128i x[3] = {quantize16(src + i, s, zp, u8), quantize16(src + pixels + i, s, zp, u8), quantize16(src + 2 * pixels + i, s, zp, u8)};
        for (int o = 0; o < 3; ++o) {
            const __m128i v = _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(x[0], mask[o][0]), _mm_shuffle_epi8(x[1], mask[o][1])), _mm_shuffle_epi8(x[2], mask[o][2]));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 3 * i + 16 * o), v);
        }
    }
    for (; i < to; ++i)  // the tail, rounded as cvtps2dq does (to nearest even)
        for (int c = 0; c < 3; ++c) dst[3 * i + c] = saturate(std::nearbyint(src[c * pixels + i] * scale + float(zeroPoint)), u8);
}

__attribute__((target("sse4.1"))) void copyRange(const float* src, float* dst, int64_t from, int64_t to, int64_t pixels) {
    int64_t i = from;
    for (; i + 4 <= to; i += 4) {
        const __m128 a = _mm_loadu_ps(src + i), b = _mm_loadu_ps(src + pixels + i), c = _mm_loadu_ps(src + 2 * pixels + i);
        // out: a0 b0 c0 a1 | b1 c1 a2 b2 | c2 a3 b3 c3
        const __m128 ab01 = _mm_unpacklo_ps(a, b);  // a0 b0 a1 b1
        const __m128 ab23 = _mm_unpackhi_ps(a, b);  // a2 b2 a3 b3
        __m128 o0 = _mm_shuffle_ps(ab01, c, _MM_SHUFFLE(0, 0, 1, 0));                      // a0 b0 c0 c0
        o0 = _mm_blend_ps(o0, _mm_shuffle_ps(ab01, ab01, _MM_SHUFFLE(2, 2, 2, 2)), 8);     // a0 b0 c0 a1
        __m128 o1 = _mm_shuffle_ps(ab01, ab23, _MM_SHUFFLE(1, 0, 3, 3));                   // b1 b1 a2 b2
        o1 = _mm_blend_ps(o1, _mm_shuffle_ps(c, c, _MM_SHUFFLE(1, 1, 1, 1)), 2);           // b1 c1 a2 b2
        __m128 o2 = _mm_shuffle_ps(c, ab23, _MM_SHUFFLE(3, 2, 3, 2));                      // c2 c3 a3 b3
        o2 = _mm_shuffle_ps(o2, o2, _MM_SHUFFLE(1, 3, 2, 0));                              // c2 a3 b3 c3
        _mm_storeu_ps(dst + 3 * i, o0);
        _mm_storeu_ps(dst + 3 * i + 4, o1);
        _mm_storeu_ps(dst + 3 * i + 8, o2);
    }
    for (; i < to; ++i)
        for (int c = 0; c < 3; ++c) dst[3 * i + c] = src[c * pixels + i];
}

}  // namespace

bool supported(const PlanarToInterleaved& p) {
    return p.channels == 3 && p.batch >= 1 && p.pixels >= 1 && __builtin_cpu_supports("sse4.1");
}

void run(const PlanarToInterleaved& p, const float* src, void* dst) {
    // Each thread takes a run of pixels of every image; 64-pixel grains keep stores apart.
    const int64_t grains = (p.pixels + 63) / 64;
    const bool parallel = p.batch * p.pixels >= 16384;  // smaller: not worth waking the team
#pragma omp parallel if (parallel)
    {
        const int64_t threads = omp_get_num_threads(), t = omp_get_thread_num();
        const int64_t per = (grains + threads - 1) / threads;
        const int64_t from = std::min(p.pixels, t * per * 64), to = std::min(p.pixels, (t + 1) * per * 64);
        for (int64_t n = 0; n < p.batch && from < to; ++n) {
            const float* s = src + n * 3 * p.pixels;
            if (p.dst == InterleavedType::F32)
                copyRange(s, static_cast<float*>(dst) + n * 3 * p.pixels, from, to, p.pixels);
            else
                quantizeRange(s, static_cast<int8_t*>(dst) + n * 3 * p.pixels, from, to, p.pixels, p.scale, p.zeroPoint,
                              p.dst == InterleavedType::U8);
        }
    }
}

}  // namespace ql::kernels::native
