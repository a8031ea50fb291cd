#pragma once
// Symmetric s8 quantization of weights: one scale per row (per output channel), or one scale for
// the whole tensor repeated per row (per-tensor), so callers keep a per-row scale vector either way.
#include <cstdint>
#include <vector>

namespace ql::quant {

struct QuantizedRows {
    std::vector<float> scales;   // per row: real = scale * q; 1 for an all-zero row
    std::vector<int8_t> values;  // rows * perRow, in [-127, 127]
};

QuantizedRows quantizeRowsS8(const float* w, int64_t rows, int64_t perRow, bool perTensor = false);

// The same with scales given (a pre-quantized model's own: one per row, or one for all rows).
// Weights that were dequantized from s8 with these scales come back bit-exact; values outside
// [-128, 127] steps saturate. Empty when the count fits neither or a scale is not positive.
QuantizedRows quantizeRowsS8WithScales(const float* w, int64_t rows, int64_t perRow, const std::vector<float>& scales);

}  // namespace ql::quant
