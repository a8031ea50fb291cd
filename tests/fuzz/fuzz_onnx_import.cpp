// ONNX bytes -> ir::Graph -> shape inference: any input is imported or refused with a message,
// never a crash, a hang or an unbounded allocation.
#include <string>

#include "core/passes/infer_shapes.h"
#include "importers/onnx/onnx_importer.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    auto g = ql::onnx_io::importOnnxBytes(bytes, ql::fuzz::scratchDir());
    if (!g) {
        if (g.message().empty()) __builtin_trap();  // every refusal says why
        return 0;
    }
    ql::passes::InferShapesOptions o;
    o.batch = 2;
    (void)ql::passes::inferShapes(*g, o);
    return 0;
}
