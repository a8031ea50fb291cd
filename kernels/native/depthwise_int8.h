#pragma once
// A 3x3 depthwise convolution on u8 NHWC activations with s8 per-channel weights for AVX2 CPUs
// without VNNI, where MobileNet-style models spend a third of their INT8 time in it: oneDNN
// 2.6 has no int8 depthwise kernel for AVX2 (its generic jit_uni_int8 convolution runs it at about
// the speed of FP32). This kernel packs four neighbouring columns of each channel into one 32-bit
// lane, so one u8 x s8 multiply-add does three taps of a kernel row, and one packed input row
// serves two output columns and three output rows: about 1.7x faster than oneDNN's.
// The source must be 7-bit (u8 <= 127, as the INT8 plan makes it without VNNI): products are
// summed in pairs in 16 bits, like oneDNN's AVX2 kernels.
// With `vnni`, the same scheme runs on 512-bit vectors with vpdpbusd (depthwise_int8_vnni.cpp):
// 64 channels per block, any u8 source. oneDNN's brdgmm depthwise kernel converts each byte to
// 32 bits and does one multiply-add per tap; this one does three taps per instruction.
//
// Arithmetic is oneDNN's, so the bytes equal its convolution's:
//   acc = sum_taps w * (x - srcZeroPoint)                      (int32; padding reads x = srcZeroPoint)
//   v   = (float(acc) + bias[c]) * scale[c]; v = min(max(v, actMin), actMax)
//   dst = saturate(round_half_even(v + dstZeroPoint))            (u8 or s8)
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace ql::kernels::native {

struct DepthwiseInt8 {
    int64_t batch = 1, channels = 0, height = 0, width = 0, outHeight = 0, outWidth = 0;
    int stride = 1;              // 1 or 2, both axes
    int padTop = 1, padLeft = 1; // bottom / right padding follow from the output size
    int32_t srcZeroPoint = 0;    // the source is u8
    bool dstSigned = false;      // s8 or u8 destination
    int32_t dstZeroPoint = 0;
    float actMin = -std::numeric_limits<float>::infinity();  // ReLU: 0; Clip: its bounds (output units)
    float actMax = std::numeric_limits<float>::infinity();
    bool vnni = false;           // the AVX-512 VNNI variant (8-bit sources) instead of AVX2's
};

// Does this CPU (AVX2, or AVX-512 VNNI for `vnni`) and shape have the kernel? Channels must be a multiple of 16; the
// geometry a 3x3 window, stride 1 or 2, within one padding of the input.
bool supported(const DepthwiseInt8& d);

// Weights, bias and scales rearranged once into the kernel's packed channel order.
class DepthwiseInt8Kernel {
public:
    // weights [channels][3][3] s8; bias [channels] in accumulator units (may be empty);
    // scales [channels]. Call only when supported().
    DepthwiseInt8Kernel(const DepthwiseInt8& d, const int8_t* weights, const std::vector<float>& bias, const std::vector<float>& scales);
    // src NHWC u8, dst NHWC u8/s8; runs on the calling thread's OpenMP team.
    void run(const uint8_t* src, void* dst) const;
    // Output rows [outHeight * band / bands, outHeight * (band + 1) / bands) of a batch-1 image,
    // on the calling thread only (a row-band group's thread, core/runtime/onednn_row_bands.h).
    void runBand(const uint8_t* src, void* dst, int band, int bands) const;
    const DepthwiseInt8& desc() const { return d_; }

private:
    DepthwiseInt8 d_;
    int64_t blocks_ = 0;                 // 32-channel blocks (the last may hold 16); 64 for vnni
    std::shared_ptr<uint8_t> packed_;    // per block: weights A/B, compensation, bias, scales (64-byte aligned)
};

}  // namespace ql::kernels::native
