#include "kernels/native/depthwise_int8_vnni.h"

#include <algorithm>
#include <climits>
#include <cstring>

// GCC 12's AVX-512 intrinsics start some conversions from _mm512_undefined_*(), which
// -Wmaybe-uninitialized reports at every use; the values are fully written.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "kernels/native/requantize_avx512.h"

// The AVX2 kernel's layout (depthwise_int8.cpp) on 512-bit vectors: a packed entry holds one
// 64-channel block at padded columns p..p+3 of an input row as four vectors, vector i, 128-bit
// lane j, dword q <-> channel 16 j + 4 i + q, each dword one channel's four columns. Stride 1:
// entry k gives output 2k with weights A = (w0 w1 w2 0) and 2k+1 with B = (0 w0 w1 w2); stride
// 2: entry k gives output k with A. A block of fewer than 64 channels loads and stores under a
// byte mask; its missing channels have zero weights and are never stored. A last block of at
// most 32 channels runs "paired": lanes 0-1 hold entry 2p and lanes 2-3 entry 2p+1, so a
// 32-channel layer (MobileNet V2's first) fills its vectors instead of leaving half idle.

namespace ql::kernels::native::dw_vnni {
namespace {

constexpr int kVecs = 4;  // vectors per packed entry (64 channels)
constexpr int kA = 0, kB = 3 * kVecs, kComp = 6 * kVecs, kBias = kComp + kVecs, kScale = kBias + kVecs, kParamVecs = kScale + kVecs;
static_assert(kParamVecs == kDepthwiseParamVecs);
constexpr int64_t kVecBytes = 64;

struct Params {
    const __m512i* a;     // [3][4]
    const __m512i* b;     // [3][4]
    const __m512i* comp;  // [4] int32: -srcZeroPoint * sum(w)
    const __m512* bias;   // [4]
    const __m512* scale;  // [4]
};

Params paramsOf(const uint8_t* block) {
    const auto* v = reinterpret_cast<const __m512i*>(block);
    return {v + kA, v + kB, v + kComp, reinterpret_cast<const __m512*>(v + kBias), reinterpret_cast<const __m512*>(v + kScale)};
}

int64_t entriesPerRow(const DepthwiseInt8& d) { return d.stride == 1 ? (d.outWidth + 1) / 2 : d.outWidth; }

QL_AVX512_VNNI inline __m512i column(const uint8_t* row, int64_t iw, const DepthwiseInt8& d, __mmask64 mask, __m512i pad) {
    return iw < 0 || iw >= d.width ? pad : _mm512_maskz_loadu_epi8(mask, row + iw * d.channels);
}

// One entry's four 64-byte vectors from its four columns (see the layout note).
QL_AVX512_VNNI inline void transpose4(__m512i x0, __m512i x1, __m512i x2, __m512i x3, __m512i* o) {
    const __m512i a = _mm512_unpacklo_epi8(x0, x1), b = _mm512_unpackhi_epi8(x0, x1);
    const __m512i c = _mm512_unpacklo_epi8(x2, x3), e = _mm512_unpackhi_epi8(x2, x3);
    _mm512_store_si512(o + 0, _mm512_unpacklo_epi16(a, c));
    _mm512_store_si512(o + 1, _mm512_unpackhi_epi16(a, c));
    _mm512_store_si512(o + 2, _mm512_unpacklo_epi16(b, e));
    _mm512_store_si512(o + 3, _mm512_unpackhi_epi16(b, e));
}

// Columns iw and iw + 2 of a block of at most 32 channels, in the low and high halves.
QL_AVX512_VNNI inline __m256i columnHalf(const uint8_t* row, int64_t iw, const DepthwiseInt8& d, __mmask32 mask, __m256i pad) {
    return iw < 0 || iw >= d.width ? pad : _mm256_maskz_loadu_epi8(mask, row + iw * d.channels);
}

QL_AVX512_VNNI inline __m512i columnPair(const uint8_t* row, int64_t iw, const DepthwiseInt8& d, __mmask32 mask, __m256i pad) {
    return _mm512_inserti64x4(_mm512_castsi256_si512(columnHalf(row, iw, d, mask, pad)), columnHalf(row, iw + 2, d, mask, pad), 1);
}

// Input row `ih` of a paired block: entry pair p holds entries 2p and 2p + 1.
QL_AVX512_VNNI void packRowPaired(const DepthwiseInt8& d, const uint8_t* image, int64_t block, __mmask32 mask, int64_t ih, __m512i* out) {
    const int64_t pairs = (entriesPerRow(d) + 1) / 2;
    const __m256i pad = _mm256_set1_epi8(char(uint8_t(d.srcZeroPoint)));
    if (ih < 0 || ih >= d.height) {
        for (int64_t k = 0; k < pairs * kVecs; ++k) out[k] = _mm512_set1_epi8(char(uint8_t(d.srcZeroPoint)));
        return;
    }
    const uint8_t* row = image + ih * d.width * d.channels + block * 64;
    for (int64_t p = 0; p < pairs; ++p) {
        const int64_t iw = 4 * p - d.padLeft;
        transpose4(columnPair(row, iw, d, mask, pad), columnPair(row, iw + 1, d, mask, pad), columnPair(row, iw + 2, d, mask, pad),
                   columnPair(row, iw + 3, d, mask, pad), out + p * kVecs);
    }
}

// Input row `ih` of one image and block as packed entries (all padding outside the image).
QL_AVX512_VNNI void packRow(const DepthwiseInt8& d, const uint8_t* image, int64_t block, __mmask64 mask, int64_t ih, __m512i* out) {
    const int64_t entries = entriesPerRow(d);
    const __m512i pad = _mm512_set1_epi8(char(uint8_t(d.srcZeroPoint)));
    if (ih < 0 || ih >= d.height) {
        for (int64_t k = 0; k < entries * kVecs; ++k) out[k] = pad;
        return;
    }
    const uint8_t* row = image + ih * d.width * d.channels + block * 64;
    for (int64_t k = 0; k < entries; ++k) {
        const int64_t iw = 2 * k - d.padLeft;
        transpose4(column(row, iw, d, mask, pad), column(row, iw + 1, d, mask, pad), column(row, iw + 2, d, mask, pad),
                   column(row, iw + 3, d, mask, pad), out + k * kVecs);
    }
}

// acc = compensation + the three kernel rows' dot products with weights w (A or B)
QL_AVX512_VNNI inline void dot3(__m512i acc[kVecs], const Params& p, const __m512i* w, const __m512i* r0, const __m512i* r1,
                                const __m512i* r2) {
#pragma GCC unroll 4
    for (int i = 0; i < kVecs; ++i) {
        acc[i] = _mm512_dpbusd_epi32(p.comp[i], r0[i], w[i]);
        acc[i] = _mm512_dpbusd_epi32(acc[i], r1[i], w[kVecs + i]);
        acc[i] = _mm512_dpbusd_epi32(acc[i], r2[i], w[2 * kVecs + i]);
    }
}

// One output row of one block from the packed rows of its three kernel rows.
template <int Stride, bool WithZp, bool Signed>
QL_AVX512_VNNI void computeRow(const DepthwiseInt8& d, const Params& p, const RequantBounds512& e, __mmask64 mask,
                               const __m512i* const rows[3], uint8_t* out) {
    const int64_t entries = entriesPerRow(d), ow = d.outWidth, c = d.channels;
    for (int64_t k = 0; k < entries; ++k) {
        const __m512i *r0 = rows[0] + k * kVecs, *r1 = rows[1] + k * kVecs, *r2 = rows[2] + k * kVecs;
        __m512i accA[kVecs];
        dot3(accA, p, p.a, r0, r1, r2);
        if constexpr (Stride == 2) {
            _mm512_mask_storeu_epi8(out + k * c, mask, requantize4x512<WithZp, Signed>(accA, p.bias, p.scale, e));
        } else {
            __m512i accB[kVecs];
            dot3(accB, p, p.b, r0, r1, r2);
            _mm512_mask_storeu_epi8(out + 2 * k * c, mask, requantize4x512<WithZp, Signed>(accA, p.bias, p.scale, e));
            if (2 * k + 1 < ow) _mm512_mask_storeu_epi8(out + (2 * k + 1) * c, mask, requantize4x512<WithZp, Signed>(accB, p.bias, p.scale, e));
        }
    }
}

QL_AVX512_VNNI inline void storeHalf(uint8_t* out, int64_t col, int64_t ow, int64_t channels, __mmask32 mask, __m256i v) {
    if (col < ow) _mm256_mask_storeu_epi8(out + col * channels, mask, v);
}

// The same for a paired block: the low half of each result belongs to entry 2p, the high half
// to entry 2p + 1.
template <int Stride, bool WithZp, bool Signed>
QL_AVX512_VNNI void computeRowPaired(const DepthwiseInt8& d, const Params& p, const RequantBounds512& e, __mmask64 mask64,
                                     const __m512i* const rows[3], uint8_t* out) {
    const __mmask32 mask = __mmask32(mask64);
    const int64_t pairs = (entriesPerRow(d) + 1) / 2, ow = d.outWidth, c = d.channels;
    for (int64_t k = 0; k < pairs; ++k) {
        const __m512i *r0 = rows[0] + k * kVecs, *r1 = rows[1] + k * kVecs, *r2 = rows[2] + k * kVecs;
        __m512i accA[kVecs];
        dot3(accA, p, p.a, r0, r1, r2);
        const __m512i a = requantize4x512<WithZp, Signed>(accA, p.bias, p.scale, e);
        if constexpr (Stride == 2) {
            storeHalf(out, 2 * k, ow, c, mask, _mm512_castsi512_si256(a));
            storeHalf(out, 2 * k + 1, ow, c, mask, _mm512_extracti64x4_epi64(a, 1));
        } else {
            __m512i accB[kVecs];
            dot3(accB, p, p.b, r0, r1, r2);
            const __m512i b = requantize4x512<WithZp, Signed>(accB, p.bias, p.scale, e);
            storeHalf(out, 4 * k, ow, c, mask, _mm512_castsi512_si256(a));
            storeHalf(out, 4 * k + 1, ow, c, mask, _mm512_castsi512_si256(b));
            storeHalf(out, 4 * k + 2, ow, c, mask, _mm512_extracti64x4_epi64(a, 1));
            storeHalf(out, 4 * k + 3, ow, c, mask, _mm512_extracti64x4_epi64(b, 1));
        }
    }
}

using RowFn = void (*)(const DepthwiseInt8&, const Params&, const RequantBounds512&, __mmask64, const __m512i* const[3], uint8_t*);

template <bool Paired, int Stride>
RowFn rowFnFor(bool withZp, bool dstSigned) {
    if constexpr (Paired) {
        if (withZp) return dstSigned ? computeRowPaired<Stride, true, true> : computeRowPaired<Stride, true, false>;
        return dstSigned ? computeRowPaired<Stride, false, true> : computeRowPaired<Stride, false, false>;
    } else {
        if (withZp) return dstSigned ? computeRow<Stride, true, true> : computeRow<Stride, true, false>;
        return dstSigned ? computeRow<Stride, false, true> : computeRow<Stride, false, false>;
    }
}

template <bool Paired>
RowFn rowFnFor(const DepthwiseInt8& d) {
    return d.stride == 1 ? rowFnFor<Paired, 1>(d.dstZeroPoint != 0, d.dstSigned) : rowFnFor<Paired, 2>(d.dstZeroPoint != 0, d.dstSigned);
}

// A last block of at most 32 channels runs paired.
bool pairedBlock(const DepthwiseInt8& d, int64_t block) { return d.channels - block * 64 <= 32; }

// The calling thread's packed-row ring (bytes: no vector type outside the target functions).
__m512i* threadScratch(const DepthwiseInt8& d) {
    const int64_t bytes = 3 * entriesPerRow(d) * kVecs * kVecBytes;
    thread_local std::vector<uint8_t> scratch;
    if (int64_t(scratch.size()) < bytes + kVecBytes) scratch.resize(size_t(bytes + kVecBytes));
    return reinterpret_cast<__m512i*>((reinterpret_cast<uintptr_t>(scratch.data()) + kVecBytes - 1) & ~uintptr_t(kVecBytes - 1));
}

QL_AVX512_VNNI void runUnitsImpl(const DepthwiseInt8& d, const uint8_t* params, int64_t bands, const uint8_t* src, uint8_t* dst, int64_t from,
                                 int64_t to) {
    const int64_t entries = entriesPerRow(d), nBlocks = blocks(d);
    __m512i* scratch = threadScratch(d);
    const RequantBounds512 e = requantBounds512(d.dstSigned, d.dstZeroPoint, d.actMin, d.actMax);
    const RowFn full = rowFnFor<false>(d), paired = rowFnFor<true>(d);
    for (int64_t unit = from; unit < to; ++unit) {
        const int64_t n = unit / (bands * nBlocks), band = unit / nBlocks % bands, block = unit % nBlocks;
        const int64_t rowFrom = band * d.outHeight / bands, rowTo = (band + 1) * d.outHeight / bands;
        const int64_t held = std::min<int64_t>(64, d.channels - block * 64);
        const __mmask64 mask = held == 64 ? ~__mmask64(0) : (__mmask64(1) << held) - 1;
        const uint8_t* image = src + n * d.height * d.width * d.channels;
        const Params p = paramsOf(params + block * kParamVecs * kVecBytes);
        int64_t ringRow[3] = {INT64_MIN, INT64_MIN, INT64_MIN};  // the input row each slot holds
        for (int64_t oh = rowFrom; oh < rowTo; ++oh) {
            const __m512i* rows[3];
            for (int kh = 0; kh < 3; ++kh) {
                const int64_t ih = oh * d.stride - d.padTop + kh, slot = ((ih % 3) + 3) % 3;
                __m512i* r = scratch + slot * entries * kVecs;
                if (ringRow[slot] != ih) {
                    if (pairedBlock(d, block))
                        packRowPaired(d, image, block, __mmask32(mask), ih, r);
                    else
                        packRow(d, image, block, mask, ih, r);
                    ringRow[slot] = ih;
                }
                rows[kh] = r;
            }
            (pairedBlock(d, block) ? paired : full)(d, p, e, mask, rows, dst + ((n * d.outHeight + oh) * d.outWidth) * d.channels + block * 64);
        }
    }
}

}  // namespace

bool cpuHas() {
    static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
                            __builtin_cpu_supports("avx512vnni");
    return has;
}

int64_t blocks(const DepthwiseInt8& d) { return (d.channels + 63) / 64; }

size_t paramBytes(const DepthwiseInt8& d) { return size_t(blocks(d)) * kParamVecs * kVecBytes; }

void packParams(const DepthwiseInt8& d, const int8_t* weights, const std::vector<float>& bias, const std::vector<float>& scales,
                uint8_t* out) {
    std::memset(out, 0, paramBytes(d));
    for (int64_t blk = 0; blk < blocks(d); ++blk) {
        // see the layout note above; a paired block repeats its 32 channels in lanes 2-3
        const bool paired = pairedBlock(d, blk);
        packDepthwiseBlock(d, weights, bias, scales, 16, [blk, paired](int i, int e) { return blk * 64 + 16 * (paired ? e / 4 % 2 : e / 4) + 4 * i + e % 4; },
                           out + blk * kParamVecs * kVecBytes);
    }
}

void runUnits(const DepthwiseInt8& d, const uint8_t* params, int64_t bands, const uint8_t* src, uint8_t* dst, int64_t from, int64_t to) {
    runUnitsImpl(d, params, bands, src, dst, from, to);
}

}  // namespace ql::kernels::native::dw_vnni
