#pragma once
// The op lowerers, one file per op family (onednn_lower_*.cpp); onednn_lowering.cpp maps op
// types to them. Each takes the node, builds its primitive through the PlanBuilder, and falls
// back to the reference kernel (with the reason) where oneDNN cannot run it.
#include "core/runtime/onednn_plan_builder.h"

namespace ql::runtime {

// onednn_lower_conv.cpp: Conv / FusedConv (FP32 or INT8, eltwise and sum post-ops); ConvTranspose.
Status lowerConv(PlanBuilder& b, const ir::Node& n);
bool convTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId input);
// A fused Clip's bounds in units of `scale` (an int8 output's), +-3.4e38 where a bound is absent.
std::pair<float, float> clipBoundsInUnits(const ir::Node& n, float scale);
Status lowerConvTranspose(PlanBuilder& b, const ir::Node& n);

// onednn_lower_pool.cpp: max / average / global pooling (int8 stays int8); Resize as resampling.
Status lowerPool(PlanBuilder& b, const ir::Node& n);
bool poolTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId input);
Status lowerResize(PlanBuilder& b, const ir::Node& n);

// onednn_lower_inner_product.cpp: Gemm / MatMul with constant weights as an inner product.
Status lowerGemm(PlanBuilder& b, const ir::Node& n);
bool gemmTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId input);

// onednn_lower_elementwise.cpp: eltwise (int8 where scale-invariant), binary, softmax, batch normalization (FP32).
Status lowerEltwise(PlanBuilder& b, const ir::Node& n);
bool eltwiseTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId input);  // ReLU, LeakyReLU, Clip
Status lowerBinary(PlanBuilder& b, const ir::Node& n);
Status lowerSoftmax(PlanBuilder& b, const ir::Node& n);
Status lowerBatchNorm(PlanBuilder& b, const ir::Node& n);

// onednn_lower_concat.cpp: Concat, int8 (operands and output in one shared scale) when its
// operands come from int8 layers. sharesInt8Scale: does n's output share its inputs' int8
// parameters (int8 concat, pools, views)? lowerGraph groups ranges by it before lowering.
Status lowerConcat(PlanBuilder& b, const ir::Node& n);
bool concatRunsInt8(const PlanBuilder& b, const ir::Node& n);
bool concatTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId input);
bool sharesInt8Scale(const PlanBuilder& b, const ir::Node& n);

// onednn_offset_storage.cpp: the values whose s8 form is stored as u8 with zero point 128 (so
// depthwise convs reading them get oneDNN's u8-only fast kernel); lowerGraph installs them.
std::set<int32_t> offsetStorageValues(const PlanBuilder& b);

// onednn_lower_view.cpp: Flatten / Reshape / Squeeze / Unsqueeze as views of the same bytes.
Status lowerView(PlanBuilder& b, const ir::Node& n);
bool viewTakesInt8(const PlanBuilder& b, const ir::Node& n, ir::ValueId input);

}  // namespace ql::runtime
