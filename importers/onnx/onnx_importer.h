#pragma once
// ONNX ModelProto -> ir::Graph. Every error names the file, and where there is one the node.
#include <filesystem>

#include "core/ir/graph.h"
#include "core/util/status.h"

namespace ql::onnx_io {

inline constexpr int64_t kMinOpset = 7, kMaxOpset = 17;

// Parses and converts; Constant nodes become constant values. Does not infer shapes.
Expected<ir::Graph> importOnnxFile(const std::filesystem::path& file);
// Same from bytes in memory; modelDir resolves external data.
Expected<ir::Graph> importOnnxBytes(const std::string& bytes, const std::filesystem::path& modelDir);

}  // namespace ql::onnx_io
