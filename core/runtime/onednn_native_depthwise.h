#pragma once
// When an INT8 convolution runs on kernels/native's 3x3 depthwise kernel instead of oneDNN: on
// CPUs without VNNI (oneDNN 2.6 has no int8 depthwise kernel for AVX2) with 7-bit activations.
#include <optional>

#include "core/ops/op_params.h"
#include "core/runtime/onednn_plan_builder.h"
#include "kernels/native/depthwise_int8.h"

namespace ql::runtime {

// The kernel's description for node n (a grouped conv with geometry geo between the layouts
// oneDNN chose, src and dst, with these zero points and output scale), or nullopt when the
// native kernel does not apply (a VNNI CPU, 8-bit activations, another shape, layout, type or
// activation).
std::optional<kernels::native::DepthwiseInt8> nativeDepthwise(const PlanBuilder& b, const ir::Node& n, const ops::WindowParams& geo,
                                                              const memory::desc& src, const memory::desc& dst, int32_t srcZeroPoint,
                                                              int32_t dstZeroPoint, float dstScale);

}  // namespace ql::runtime
