#pragma once
// `quantize`: writes the model as a standard QDQ ONNX file (s8 per-channel weights, calibrated
// activation ranges) that ONNX Runtime loads; prints both file sizes.
#include <functional>

namespace CLI {
class App;
}

namespace ql::cli {

// Registers `quantize`; the returned function runs it, or returns -1 when another command ran.
std::function<int()> addQuantizeCommand(CLI::App& app);

}  // namespace ql::cli
