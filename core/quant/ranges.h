#pragma once
// Activation ranges observed on calibration inputs, and the symmetric int8 parameters derived
// from them. (Min/max only for now; the calibration issue adds entropy, percentile and MSE.)
#include <map>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/runtime/executor.h"

namespace ql::quant {

struct ValueRange {
    float min = 0, max = 0;
};
using RangeTable = std::map<std::string, ValueRange>;  // by value name

// Runs the graph with the reference executor on each input set and records every float
// value's min/max.
Expected<RangeTable> collectMinMax(std::shared_ptr<const ir::Graph> graph, const std::vector<runtime::TensorMap>& inputs,
                                   const CancelToken& cancel = {});

// 8-bit (or 7-bit on CPUs without VNNI, see DESIGN.md) parameters for a range. Symmetric:
// u8 when the range is non-negative, s8 otherwise, zero point 0. Asymmetric: signed ranges
// become u8 with a zero point, so the whole code range covers [min, max].
struct Int8Params {
    ir::DType dtype = ir::DType::U8;
    float scale = 1.f;       // real = scale * (q - zeroPoint)
    int32_t zeroPoint = 0;
};
Int8Params int8ParamsFor(const ValueRange& r, bool sevenBit, bool asymmetric = false);

}  // namespace ql::quant
