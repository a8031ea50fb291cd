#pragma once
// A 1x1 (pointwise) convolution on 7-bit u8 NHWC activations with s8 per-channel weights, for
// AVX2 CPUs without VNNI. oneDNN 2.6's jit_uni_int8_1x1 kernel runs the narrow-input layers of
// MobileNet-style models (16-32 input channels expanded six-fold) no faster than FP32: with so few
// input channels each output needs few multiply-adds and oneDNN's loop overheads dominate. This
// kernel keeps a tile of 3 pixels x 32 output channels in registers, reads the whole (small)
// weight matrix from L1, and requantizes in the packing order (kernels/native/requantize_avx2.h).
// A u8 source must be 7-bit (u8 <= 127, as the INT8 plan makes it without VNNI): products are
// summed in pairs in 16 bits, like oneDNN's AVX2 kernels, whose bytes this kernel then equals.
// An s8 source (a linear bottleneck's output) is clamped to 7 bits, [-64, 63], and shifted by
// +64 into u8, the shift taken back in the accumulator's initial value: exact, where oneDNN's
// AVX2 kernels halve the weights to make room for s8 sources. The source zero point must be
// folded into the bias (exact for a 1x1 convolution, which has no padding).
//
//   acc = sum_k w[c][k] * x[k]                                   (int32)
//   v   = (float(acc) + bias[c]) * scale[c]; v = min(max(v, actMin), actMax)
//   dst = saturate(round_half_even(v + dstZeroPoint))            (u8 or s8)
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace ql::kernels::native {

struct PointwiseInt8 {
    int64_t batch = 1, height = 0, width = 0;  // stride 1: the output has the input's pixels
    int64_t inChannels = 0, outChannels = 0;   // multiples of 4 and 16
    bool srcSigned = false;                    // s8 or u8 source
    bool dstSigned = false;                    // s8 or u8 destination
    int32_t dstZeroPoint = 0;
    float actMin = -std::numeric_limits<float>::infinity();  // ReLU: 0; Clip: its bounds (output units)
    float actMax = std::numeric_limits<float>::infinity();
};

// Does this CPU (AVX2) and shape have the kernel?
bool supported(const PointwiseInt8& d);

// Weights, bias and scales rearranged once into the kernel's packed channel order.
class PointwiseInt8Kernel {
public:
    // weights [outChannels][inChannels] s8; bias [outChannels] in accumulator units (may be
    // empty); scales [outChannels]. Call only when supported().
    PointwiseInt8Kernel(const PointwiseInt8& d, const int8_t* weights, const std::vector<float>& bias, const std::vector<float>& scales);
    // src NHWC u8, dst NHWC u8/s8; runs on the calling thread's OpenMP team.
    void run(const uint8_t* src, void* dst) const;
    // Output rows [height * band / bands, height * (band + 1) / bands) of a batch-1 image, on the
    // calling thread only (a row-band group's thread, core/runtime/onednn_row_bands.h).
    void runBand(const uint8_t* src, void* dst, int band, int bands) const;
    const PointwiseInt8& desc() const { return d_; }

private:
    void runPixels(const uint8_t* src, uint8_t* dst, int64_t from, int64_t to) const;
    PointwiseInt8 d_;
    int64_t blocks_ = 0;               // 32-channel blocks (the last may hold 16)
    int64_t blockVecs_ = 0;            // 32-byte vectors per block's parameters
    std::shared_ptr<uint8_t> packed_;  // per block: weights per 4 input channels, initial accumulators, bias, scales (64-byte aligned)
};

}  // namespace ql::kernels::native
