#pragma once
// Activation ranges observed on calibration inputs, and the int8 parameters derived from them.
// Observers only look at tensors they are handed: running the model to produce them is the
// runtime's job (runtime/calibration_run.h), so quant sits below runtime.
// The histogram methods (entropy, percentile, MSE) are in observers.h.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/ir/tensor.h"

namespace ql::quant {

struct ValueRange {
    float min = 0, max = 0;
};
using RangeTable = std::map<std::string, ValueRange>;  // by value name

// Streams tensors into a running min/max per value name; holds nothing but the table.
// NaN/Inf are left out.
class MinMaxObserver {
public:
    void observe(const std::string& value, const ir::Tensor& t);  // f32 tensors; others ignored
    const RangeTable& ranges() const { return table_; }

private:
    RangeTable table_;
};

// 8-bit (or 7-bit on CPUs without VNNI, see DESIGN.md) parameters for a range. Symmetric:
// u8 when the range is non-negative, s8 otherwise, zero point 0. Asymmetric: signed ranges
// become u8 with a zero point, so the whole code range covers [min, max].
struct Int8Params {
    ir::DType dtype = ir::DType::U8;
    float scale = 1.f;       // real = scale * (q - zeroPoint)
    int32_t zeroPoint = 0;
};
Int8Params int8ParamsFor(const ValueRange& r, bool sevenBit, bool asymmetric = false);

// A pre-quantized model's own per-tensor parameters (ir::Value::quant, from its QuantizeLinear)
// as the real interval their code range covers (s8 with zero point 0: +-127 steps), and back:
// the plan uses them exactly while its range for the value is still this interval (a shared
// concat or pool scale may have widened it). nullopt for per-axis or non-8-bit parameters.
std::optional<ValueRange> rangeOfModelParams(const ir::QuantParams& q);
std::optional<Int8Params> modelParams(const ir::QuantParams& q);

}  // namespace ql::quant
