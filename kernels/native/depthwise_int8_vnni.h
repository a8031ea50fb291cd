#pragma once
// The AVX-512 VNNI variant of the 3x3 depthwise kernel (depthwise_int8.h, DepthwiseInt8::vnni),
// internal to kernels/native: DepthwiseInt8Kernel packs its parameters and runs its work units
// here. Same scheme as the AVX2 kernel on 64-channel blocks, with one vpdpbusd per kernel row
// and 16 channels (exact for any u8 source, so 8-bit activations and source zero points work).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "kernels/native/depthwise_int8.h"

namespace ql::kernels::native {

// One block's parameters as both variants store them, in vectors of `lanes` 32-bit lanes:
// weights A = (w0 w1 w2 0) and B = (0 w0 w1 w2) per kernel row (3 x 4 vectors each), then 4
// vectors each of compensation (-srcZeroPoint * sum w, int32), bias and scale (f32).
// channelOf(i, e) is the channel in vector i, lane e; lanes of channels past the last stay zero.
// (depthwise_int8.cpp)
void packDepthwiseBlock(const DepthwiseInt8& d, const int8_t* weights, const std::vector<float>& bias, const std::vector<float>& scales, int lanes,
                        const std::function<int64_t(int, int)>& channelOf, uint8_t* block);
constexpr int kDepthwiseParamVecs = 36;  // vectors per block in that layout

}  // namespace ql::kernels::native

namespace ql::kernels::native::dw_vnni {

bool cpuHas();                                   // AVX-512 BW, VL and VNNI
int64_t blocks(const DepthwiseInt8& d);          // 64-channel blocks (the last may hold 16, 32 or 48)
size_t paramBytes(const DepthwiseInt8& d);
void packParams(const DepthwiseInt8& d, const int8_t* weights, const std::vector<float>& bias, const std::vector<float>& scales,
                uint8_t* out);
// Work units [from, to) of the (image, band of output rows, block) space, on this thread.
void runUnits(const DepthwiseInt8& d, const uint8_t* params, int64_t bands, const uint8_t* src, uint8_t* dst, int64_t from, int64_t to);

}  // namespace ql::kernels::native::dw_vnni
