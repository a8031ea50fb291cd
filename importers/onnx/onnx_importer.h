#pragma once
// ONNX ModelProto -> ir::Graph. Every error names the file, and where there is one the node.
#include <filesystem>

#include "core/ir/graph.h"
#include "core/util/cancel.h"
#include "core/util/status.h"

namespace ql::onnx_io {

inline constexpr int64_t kMinOpset = 7, kMaxOpset = 17;

struct ImportOptions {
    CancelToken cancel;   // checked per initializer and per node
    ProgressFn progress;  // stage "import"
};

// Parses and converts; Constant nodes become constant values. Runs nothing: no shape inference,
// no kernels (core/session does those as stages of their own).
Expected<ir::Graph> importOnnxFile(const std::filesystem::path& file, const ImportOptions& options = {});
// Same from bytes in memory; modelDir resolves external data.
Expected<ir::Graph> importOnnxBytes(const std::string& bytes, const std::filesystem::path& modelDir, const ImportOptions& options = {});

}  // namespace ql::onnx_io
