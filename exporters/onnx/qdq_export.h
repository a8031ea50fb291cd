#pragma once
// Writes a float ONNX model as a standard QDQ model, the format ONNX Runtime, TensorRT and
// OpenVINO load as quantized: every Conv, Gemm and MatMul with constant weights gets s8 weight
// initializers (per output channel from opset 13, else per tensor) behind DequantizeLinear, an
// int32 bias, and QuantizeLinear -> DequantizeLinear on its activation input with the
// calibrated range. BatchNormalization that follows a Conv is folded first (a DQ'd weight is
// no longer a constant other tools could fold). The rest of the model is kept as it is.
#include <filesystem>
#include <string>
#include <vector>

#include "core/quant/ranges.h"
#include "core/util/status.h"

namespace ql::onnx_export {

struct QdqOptions {
    const quant::RangeTable* ranges = nullptr;  // activation ranges by value name (a calibration table)
    bool perTensorWeights = false;
    bool asymmetricActivations = false;         // u8 with zero points for signed ranges
    std::vector<std::string> fp32Fallback;      // node names or op types left in float
    bool overwrite = false;                     // replace an existing output file
};

struct QdqReport {
    int candidates = 0, quantized = 0;          // Conv/Gemm/MatMul nodes, and those quantized
    int foldedBatchNorms = 0;
    std::vector<std::string> leftFloat;         // "'name' (Conv): reason"
    bool perChannel = true;                     // false when the opset (< 13) has no per-axis DQ
    int64_t inputBytes = 0, outputBytes = 0;    // serialized sizes
    int opset = 0;
};

// Names the file, node or value and the reason when it cannot; the output is written
// atomically (nothing half-written is left behind).
Expected<QdqReport> writeQdqModel(const std::filesystem::path& model, const std::filesystem::path& output, const QdqOptions& options);

}  // namespace ql::onnx_export
