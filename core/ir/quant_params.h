#pragma once
#include <cstdint>
#include <vector>

#include "core/ir/dtype.h"

namespace ql::ir {

// Affine quantization of a value: real = scale * (q - zeroPoint).
// Per-tensor when scales has one entry (axis ignored), per-axis otherwise.
struct QuantParams {
    DType storage = DType::U8;  // u8, s8 or s32
    std::vector<float> scales;
    std::vector<int32_t> zeroPoints;
    int axis = -1;

    bool perTensor() const { return scales.size() <= 1; }
};

}  // namespace ql::ir
