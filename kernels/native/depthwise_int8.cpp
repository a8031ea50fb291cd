#include "kernels/native/depthwise_int8.h"

#include <omp.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "kernels/native/depthwise_int8_vnni.h"
#include "kernels/native/requantize_avx2.h"

// Layout of the work. Channels go in blocks of 32 (two 128-bit lanes of 16). A "packed entry"
// holds, for padded columns p..p+3 of one input row, the block's bytes transposed so that each
// 32-bit lane has one channel's four columns; unpacking bytes then words within 128-bit lanes
// gives four vectors whose lanes hold channels in the order
//   vector i, lane j, dword q  <->  channel 16 j + 4 i + q,
// which the weights, bias and scales are stored in too, and which packing the results back
// (packs epi32 -> epi16 -> epi8, also within lanes) undoes for free: the "pack order" of
// requantize_avx2.h.
// Stride 1: entry k (columns 2k..2k+3) gives output 2k with weights A = (w0 w1 w2 0) and output
// 2k+1 with B = (0 w0 w1 w2). Stride 2: entry k gives output k with A.

namespace ql::kernels::native {
namespace {

constexpr int kVecs = 4;  // vectors per packed entry (32 channels)
// One block's parameters, in 32-byte vectors: weights A and B per kernel row, then per vector
// the compensation (int32), bias and scale (f32).
constexpr int kA = 0, kB = 3 * kVecs, kComp = 6 * kVecs, kBias = kComp + kVecs, kScale = kBias + kVecs, kParamVecs = kScale + kVecs;
static_assert(kParamVecs == kDepthwiseParamVecs);

struct Params {  // views into one block's parameter vectors
    const __m256i* a;      // [3][4]
    const __m256i* b;      // [3][4]
    const __m256i* comp;   // [4] int32
    const __m256* bias;    // [4]
    const __m256* scale;   // [4]
};

Params paramsOf(const uint8_t* block) {
    const auto* v = reinterpret_cast<const __m256i*>(block);
    return {v + kA, v + kB, v + kComp, reinterpret_cast<const __m256*>(v + kBias), reinterpret_cast<const __m256*>(v + kScale)};
}

int64_t entriesPerRow(const DepthwiseInt8& d) { return d.stride == 1 ? (d.outWidth + 1) / 2 : d.outWidth; }

// One block's 32 (or, for the last block, 16) channels at p.
template <bool Half>
QL_AVX2 inline __m256i loadBlock(const uint8_t* p) {
    if constexpr (Half)
        return _mm256_zextsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    else
        return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// The block at input column iw of a row, or the padding value outside the row.
template <bool Half>
QL_AVX2 inline __m256i column(const uint8_t* row, int64_t iw, int64_t width, int64_t channels, __m256i pad) {
    return iw < 0 || iw >= width ? pad : loadBlock<Half>(row + iw * channels);
}

// Input row `ih` of one image and block as packed entries (the whole row is padding when ih is
// outside the image).
template <bool Half>
QL_AVX2 void packRow(const DepthwiseInt8& d, const uint8_t* image, int64_t block, int64_t ih, __m256i* out) {
    const int64_t entries = entriesPerRow(d);
    const __m256i pad = _mm256_set1_epi8(char(uint8_t(d.srcZeroPoint)));
    if (ih < 0 || ih >= d.height) {
        for (int64_t k = 0; k < entries * kVecs; ++k) out[k] = pad;
        return;
    }
    const uint8_t* row = image + ih * d.width * d.channels + block * 32;
    for (int64_t k = 0; k < entries; ++k) {
        const int64_t iw = 2 * k - d.padLeft;
        __m256i x0, x1, x2, x3;
        if (iw >= 0 && iw + 3 < d.width) {  // interior: no bounds checks
            const uint8_t* p = row + iw * d.channels;
            x0 = loadBlock<Half>(p);
            x1 = loadBlock<Half>(p + d.channels);
            x2 = loadBlock<Half>(p + 2 * d.channels);
            x3 = loadBlock<Half>(p + 3 * d.channels);
        } else {
            x0 = column<Half>(row, iw, d.width, d.channels, pad);
            x1 = column<Half>(row, iw + 1, d.width, d.channels, pad);
            x2 = column<Half>(row, iw + 2, d.width, d.channels, pad);
            x3 = column<Half>(row, iw + 3, d.width, d.channels, pad);
        }
        const __m256i a = _mm256_unpacklo_epi8(x0, x1), b = _mm256_unpackhi_epi8(x0, x1);
        const __m256i c = _mm256_unpacklo_epi8(x2, x3), e = _mm256_unpackhi_epi8(x2, x3);
        __m256i* o = out + k * kVecs;
        _mm256_store_si256(o + 0, _mm256_unpacklo_epi16(a, c));
        _mm256_store_si256(o + 1, _mm256_unpackhi_epi16(a, c));
        _mm256_store_si256(o + 2, _mm256_unpacklo_epi16(b, e));
        _mm256_store_si256(o + 3, _mm256_unpackhi_epi16(b, e));
    }
}

template <bool Half>
QL_AVX2 inline void store(uint8_t* p, __m256i v) {
    if constexpr (Half)
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p), _mm256_castsi256_si128(v));
    else
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), v);
}

// acc + four u8 x s8 products per 32-bit lane. Without VNNI: pairs summed into 16 bits, exact
// while the u8 side is 7-bit (x <= 127: |x0 w0 + x1 w1| <= 32512), then widened.
QL_AVX2 inline __m256i dot4(__m256i acc, __m256i x, __m256i w) {
    return _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(x, w), _mm256_set1_epi16(1)));
}

// acc = compensation + the three kernel rows' dot products with weights w (A or B)
QL_AVX2 inline void dot3(__m256i acc[kVecs], const Params& p, const __m256i* w, const __m256i* r0, const __m256i* r1, const __m256i* r2) {
#pragma GCC unroll 4
    for (int i = 0; i < kVecs; ++i) {
        acc[i] = dot4(p.comp[i], r0[i], w[i]);
        acc[i] = dot4(acc[i], r1[i], w[kVecs + i]);
        acc[i] = dot4(acc[i], r2[i], w[2 * kVecs + i]);
    }
}

// One output row of one block from the packed rows of its three kernel rows.
template <bool Half, int Stride, bool WithZp, bool Signed>
QL_AVX2 void computeRow(const DepthwiseInt8& d, const Params& p, const RequantBounds& e, const __m256i* const rows[3], uint8_t* out) {
    const int64_t entries = entriesPerRow(d), ow = d.outWidth, c = d.channels;
    for (int64_t k = 0; k < entries; ++k) {
        const __m256i *r0 = rows[0] + k * kVecs, *r1 = rows[1] + k * kVecs, *r2 = rows[2] + k * kVecs;
        __m256i accA[kVecs];
        dot3(accA, p, p.a, r0, r1, r2);
        if constexpr (Stride == 2) {
            store<Half>(out + k * c, requantize4<WithZp, Signed>(accA, p.bias, p.scale, e));
        } else {
            __m256i accB[kVecs];
            dot3(accB, p, p.b, r0, r1, r2);
            store<Half>(out + 2 * k * c, requantize4<WithZp, Signed>(accA, p.bias, p.scale, e));
            if (2 * k + 1 < ow) store<Half>(out + (2 * k + 1) * c, requantize4<WithZp, Signed>(accB, p.bias, p.scale, e));
        }
    }
}

using RowFn = void (*)(const DepthwiseInt8&, const Params&, const RequantBounds&, const __m256i* const[3], uint8_t*);

template <bool Half, int Stride>
RowFn rowFnFor(bool withZp, bool dstSigned) {
    if (withZp) return dstSigned ? computeRow<Half, Stride, true, true> : computeRow<Half, Stride, true, false>;
    return dstSigned ? computeRow<Half, Stride, false, true> : computeRow<Half, Stride, false, false>;
}

RowFn rowFnFor(bool half, int stride, bool withZp, bool dstSigned) {
    if (half) return stride == 1 ? rowFnFor<true, 1>(withZp, dstSigned) : rowFnFor<true, 2>(withZp, dstSigned);
    return stride == 1 ? rowFnFor<false, 1>(withZp, dstSigned) : rowFnFor<false, 2>(withZp, dstSigned);
}

// Work units [from, to) of the (image, band of output rows, block) space, on this thread.
QL_AVX2 void runUnits(const DepthwiseInt8& d, const uint8_t* params, int64_t blocks, int64_t bands, const uint8_t* src, uint8_t* dst,
                      int64_t from, int64_t to, __m256i* scratch) {
    const int64_t entries = entriesPerRow(d);
    const RequantBounds e = requantBounds(d.dstSigned, d.dstZeroPoint, d.actMin, d.actMax);
    const bool withZp = d.dstZeroPoint != 0;
    const RowFn full = rowFnFor(false, d.stride, withZp, d.dstSigned), half16 = rowFnFor(true, d.stride, withZp, d.dstSigned);
    for (int64_t unit = from; unit < to; ++unit) {
        const int64_t n = unit / (bands * blocks), band = unit / blocks % bands, block = unit % blocks;
        const int64_t rowFrom = band * d.outHeight / bands, rowTo = (band + 1) * d.outHeight / bands;
        const bool half = block * 32 + 16 >= d.channels;  // the last block of a 16-multiple
        const uint8_t* image = src + n * d.height * d.width * d.channels;
        const Params p = paramsOf(params + block * kParamVecs * 32);
        int64_t ringRow[3] = {INT64_MIN, INT64_MIN, INT64_MIN};  // the input row each slot holds
        for (int64_t oh = rowFrom; oh < rowTo; ++oh) {
            const __m256i* rows[3];
            for (int kh = 0; kh < 3; ++kh) {
                const int64_t ih = oh * d.stride - d.padTop + kh, slot = ((ih % 3) + 3) % 3;
                __m256i* r = scratch + slot * entries * kVecs;
                if (ringRow[slot] != ih) {
                    half ? packRow<true>(d, image, block, ih, r) : packRow<false>(d, image, block, ih, r);
                    ringRow[slot] = ih;
                }
                rows[kh] = r;
            }
            uint8_t* out = dst + ((n * d.outHeight + oh) * d.outWidth) * d.channels + block * 32;
            (half ? half16 : full)(d, p, e, rows, out);
        }
    }
}

}  // namespace

bool supported(const DepthwiseInt8& d) {
    static const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (d.vnni ? !dw_vnni::cpuHas() : !avx2 || d.srcZeroPoint > 127) return false;
    if (d.channels <= 0 || d.channels % 16 || d.batch < 1 || d.height < 1 || d.width < 1 || d.outHeight < 1 || d.outWidth < 1) return false;
    if ((d.stride != 1 && d.stride != 2) || d.padTop < 0 || d.padLeft < 0 || d.padTop > 2 || d.padLeft > 2) return false;
    if (d.srcZeroPoint < 0 || d.srcZeroPoint > 255) return false;
    if (d.dstSigned ? (d.dstZeroPoint < -128 || d.dstZeroPoint > 127) : (d.dstZeroPoint < 0 || d.dstZeroPoint > 255)) return false;
    // every window starts inside the padded input and ends within one padding's reach
    const int64_t lastRow = (d.outHeight - 1) * d.stride - d.padTop + 2, lastCol = (d.outWidth - 1) * d.stride - d.padLeft + 2;
    return lastRow <= d.height + 1 && lastCol <= d.width + 1 && lastRow >= 0 && lastCol >= 0;
}

DepthwiseInt8Kernel::DepthwiseInt8Kernel(const DepthwiseInt8& d, const int8_t* weights, const std::vector<float>& bias,
                                         const std::vector<float>& scales)
    : d_(d), blocks_(d.vnni ? dw_vnni::blocks(d) : (d.channels + 31) / 32) {
    const size_t bytes = d.vnni ? dw_vnni::paramBytes(d) : size_t(blocks_) * kParamVecs * 32;
    packed_.reset(static_cast<uint8_t*>(std::aligned_alloc(64, (bytes + 63) / 64 * 64)), std::free);
    if (d.vnni) {
        dw_vnni::packParams(d, weights, bias, scales, packed_.get());
        return;
    }
    std::memset(packed_.get(), 0, bytes);
    for (int64_t blk = 0; blk < blocks_; ++blk)  // see the layout note above
        packDepthwiseBlock(d, weights, bias, scales, 8, [blk](int i, int e) { return blk * 32 + 16 * (e / 4) + 4 * i + e % 4; },
                           packed_.get() + blk * kParamVecs * 32);
}

void packDepthwiseBlock(const DepthwiseInt8& d, const int8_t* weights, const std::vector<float>& bias, const std::vector<float>& scales, int lanes,
                        const std::function<int64_t(int, int)>& channelOf, uint8_t* block) {
    const int vecBytes = lanes * 4;
    int8_t* a = reinterpret_cast<int8_t*>(block + kA * vecBytes);
    int8_t* b = reinterpret_cast<int8_t*>(block + kB * vecBytes);
    int32_t* comp = reinterpret_cast<int32_t*>(block + kComp * vecBytes);
    float* bs = reinterpret_cast<float*>(block + kBias * vecBytes);
    float* sc = reinterpret_cast<float*>(block + kScale * vecBytes);
    for (int i = 0; i < kVecs; ++i)
        for (int e = 0; e < lanes; ++e) {
            const int64_t c = channelOf(i, e);
            if (c >= d.channels) continue;  // zero weights, bias and scale: zero bytes
            const int8_t* w = weights + c * 9;
            int32_t sum = 0;
            for (int kh = 0; kh < 3; ++kh) {
                int8_t* ad = a + ((kh * kVecs + i) * lanes + e) * 4;
                int8_t* bd = b + ((kh * kVecs + i) * lanes + e) * 4;
                for (int kw = 0; kw < 3; ++kw) {
                    ad[kw] = w[kh * 3 + kw];
                    bd[kw + 1] = w[kh * 3 + kw];
                    sum += w[kh * 3 + kw];
                }
            }
            comp[i * lanes + e] = -d.srcZeroPoint * sum;
            bs[i * lanes + e] = bias.empty() ? 0.f : bias[size_t(c)];
            sc[i * lanes + e] = scales[size_t(c)];
        }
}

namespace {
// The calling thread's packed-row ring (bytes: no vector type outside the target functions).
__m256i* threadScratch(const DepthwiseInt8& d) {
    const int64_t scratchVecs = 3 * entriesPerRow(d) * kVecs;
    thread_local std::vector<uint8_t> scratch;
    if (int64_t(scratch.size()) < scratchVecs * 32 + 32) scratch.resize(size_t(scratchVecs * 32 + 32));
    return reinterpret_cast<__m256i*>((reinterpret_cast<uintptr_t>(scratch.data()) + 31) & ~uintptr_t(31));
}
}  // namespace

void DepthwiseInt8Kernel::runBand(const uint8_t* src, void* dst, int band, int bands) const {
    if (d_.vnni)
        return dw_vnni::runUnits(d_, packed_.get(), bands, src, static_cast<uint8_t*>(dst), int64_t(band) * blocks_, int64_t(band + 1) * blocks_);
    runUnits(d_, packed_.get(), blocks_, bands, src, static_cast<uint8_t*>(dst), int64_t(band) * blocks_, int64_t(band + 1) * blocks_, threadScratch(d_));
}

void DepthwiseInt8Kernel::run(const uint8_t* src, void* dst) const {
    // ~ MACs: wake the team only when each thread gets a few microseconds of work
    const bool parallel = d_.batch * d_.channels * d_.outHeight * d_.outWidth * 9 >= 200000;
#pragma omp parallel if (parallel)
    {
        const int64_t threads = omp_get_num_threads(), t = omp_get_thread_num();
        // Tall maps: each thread a band of rows over all channels, the rows the previous layer
        // most likely wrote on this core; short ones (the ring's two rows of priming would
        // dominate): each thread a share of the channel blocks.
        const int64_t bands = d_.outHeight >= 8 * threads ? threads : 1, units = d_.batch * bands * blocks_;
        const int64_t from = units * t / threads, to = units * (t + 1) / threads;
        if (d_.vnni)
            dw_vnni::runUnits(d_, packed_.get(), bands, src, static_cast<uint8_t*>(dst), from, to);
        else
            runUnits(d_, packed_.get(), blocks_, bands, src, static_cast<uint8_t*>(dst), from, to, threadScratch(d_));
    }
}

}  // namespace ql::kernels::native
