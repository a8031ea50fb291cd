#pragma once
// Attribute resolution shared by shape inference and every kernel (reference and optimised):
// one place decides what pads, strides, broadcasts and slices mean.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/ir/graph.h"
#include "core/util/status.h"

namespace ql::ops {

using ir::Dims;

Expected<int> normalizeAxis(int64_t axis, int rank, const ir::Node& node);

// Clip's float bounds: inputs 1 and 2 (opset 11+) or the min/max attributes (earlier opsets);
// an absent bound is the float range's end. nullopt when a bound input is present but its value
// is not known (computed at run time), so the caller cannot fold or fuse it.
std::optional<std::pair<float, float>> clipBounds(const ir::Node& node, const ir::Tensor* min, const ir::Tensor* max);
// Numpy-style multidirectional broadcast of any number of shapes.
Expected<Dims> broadcastShapes(const std::vector<Dims>& shapes);
// Row-major strides of dims.
std::vector<int64_t> stridesOf(const Dims& dims);

// Geometry of Conv / ConvTranspose / pooling windows over the spatial dims.
// BatchNormalization at inference as one affine map per channel, y = k * x + shift with
// k = scale / sqrt(var + eps) and shift = bias - mean * k: what every BN fold writes into a conv.
struct ChannelAffine {
    std::vector<double> k, shift;
};
ChannelAffine batchNormAffine(const ir::Tensor& scale, const ir::Tensor& bias, const ir::Tensor& mean, const ir::Tensor& var, float epsilon);

struct WindowParams {
    int spatial = 0;
    std::vector<int64_t> kernel, strides, dilations, padsBegin, padsEnd;
    std::vector<int64_t> outputPadding;  // ConvTranspose only
    int64_t group = 1;
    Dims outDims;                         // full output shape (N, C, spatial...)
    // Any padding at all (a padded position reads 0, which a zero point cannot fold through).
    bool padded() const {
        for (const auto* pads : {&padsBegin, &padsEnd})
            for (int64_t p : *pads)
                if (p != 0) return true;
        return false;
    }
};

// x: input [N, C, ...]; w: weights [M, C/group, k...] (Conv) or [C, M/group, k...] (ConvTranspose).
Expected<WindowParams> resolveConv(const ir::Node& node, const Dims& x, const Dims& w);
Expected<WindowParams> resolveConvTranspose(const ir::Node& node, const Dims& x, const Dims& w);
// MaxPool / AveragePool (kernel_shape attribute); outDims channels = input channels.
Expected<WindowParams> resolvePool(const ir::Node& node, const Dims& x);

// Slice: per-axis start and step for every input dim (untouched dims: start 0, step 1).
struct SliceParams {
    std::vector<int64_t> starts, steps;
    Dims outDims;
};
Expected<SliceParams> resolveSlice(const Dims& in, const std::vector<int64_t>& starts, const std::vector<int64_t>& ends,
                                   std::vector<int64_t> axes, std::vector<int64_t> steps, const ir::Node& node);

// Pad: pads as [begin..., end...] over every dim (negative pads crop).
Expected<Dims> paddedShape(const Dims& in, const std::vector<int64_t>& pads, const ir::Node& node);

// Reshape target with 0 (copy, unless allowzero) and -1 (infer) resolved.
Expected<Dims> resolveReshape(const Dims& in, const std::vector<int64_t>& shape, bool allowZero, const ir::Node& node);

// Resize: per-dim scale and output size (from scales or sizes).
struct ResizeParams {
    std::vector<float> scales;
    Dims outDims;
};
Expected<ResizeParams> resolveResize(const Dims& in, const std::vector<float>& scales, const std::vector<int64_t>& sizes,
                                     const ir::Node& node);

}  // namespace ql::ops
