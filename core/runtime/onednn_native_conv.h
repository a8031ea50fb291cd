#pragma once
// When an INT8 convolution runs on one of kernels/native's kernels instead of oneDNN's: on CPUs
// without VNNI, with 7-bit activations, for the shapes oneDNN 2.6 runs slowly there (a 3x3
// depthwise conv: it has no int8 kernel for AVX2; a 1x1 conv with a narrow input: its
// jit_uni_int8_1x1 kernel is no faster than FP32 for 16-64 input channels).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/ops/op_params.h"
#include "core/runtime/onednn_plan_builder.h"

namespace ql::runtime {

struct NativeConv {
    std::string impl;  // the step's implementation name, "native:..."
    std::string why;   // for the step's note: what oneDNN would have run, and why not
    std::function<void(const uint8_t* src, void* dst)> run;                             // on the OpenMP team
    std::function<void(const uint8_t* src, void* dst, int band, int bands)> runBand;  // batch 1: output rows [H b / n, H (b + 1) / n), this thread
    bool rowLocal = false;      // band r of output rows reads only band r of input rows (1x1, unit stride)
    int64_t constantBytes = 0;  // packed weights, bias and scales
};

// The quantized convolution n, as lowered for oneDNN: its geometry, the layouts oneDNN chose
// (src, dst), zero points (the source's is 0 when folded into the bias) and output scale,
// s8 weights [M][C/group * kh * kw], bias in accumulator units (may be empty), per-channel
// output scales.
struct QuantizedConv {
    const ops::WindowParams& geo;
    memory::desc src, dst;
    int32_t srcZeroPoint = 0, dstZeroPoint = 0;
    float dstScale = 1.f;
    const int8_t* weights = nullptr;
    const std::vector<float>& accBias;
    const std::vector<float>& outScales;
    std::string onednnImpl;  // what oneDNN chose
};

// A native kernel for n, or nullopt when oneDNN runs it (a VNNI CPU, 8-bit activations, a sum
// post-op, another shape, layout, type or activation).
std::optional<NativeConv> nativeConv(const PlanBuilder& b, const ir::Node& n, const QuantizedConv& c);

}  // namespace ql::runtime
