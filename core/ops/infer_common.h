#pragma once
// Inference helpers shared between op families (float and quantized conv/matmul).
#include "core/ops/op_params.h"
#include "core/ops/op_registry.h"

namespace ql::ops {

Status inferConvLike(InferContext& c, size_t x, size_t w, ir::DType outType, bool transposed);
Status checkBias(const InferContext& c, size_t b, int64_t channels);
Expected<ir::Dims> matmulShape(const InferContext& c, ir::Dims a, ir::Dims b);
// Which dims a Reduce* node reduces (axes attribute or input 1).
Expected<std::vector<bool>> reduceAxes(const InferContext& c);

}  // namespace ql::ops

namespace ql::ops {

// Operand resolution that depends on the opset (attributes before, inputs after) and that
// kernels need as much as inference does. All take the inference context of the node.
Expected<SliceParams> sliceParamsOf(const InferContext& c);
Expected<std::vector<int64_t>> padsOf(const InferContext& c);          // [begin..., end...] over all dims
Expected<std::vector<int64_t>> splitSizesOf(const InferContext& c, int axis);
Expected<std::vector<int64_t>> unsqueezeAxesOf(const InferContext& c); // normalised, sorted, over the output rank
Expected<std::vector<bool>> squeezeMaskOf(const InferContext& c);       // per input dim
Expected<ResizeParams> resizeParamsOf(const InferContext& c);
std::vector<int64_t> transposePermOf(const InferContext& c);

}  // namespace ql::ops
