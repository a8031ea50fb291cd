#pragma once
// The one call front ends use: import an ONNX file, infer shapes for a batch size, verify.
#include <filesystem>
#include <memory>

#include "core/ir/graph.h"
#include "core/util/status.h"

namespace ql::onnx_io {

struct LoadOptions {
    int64_t batch = 1;
};

Expected<std::shared_ptr<ir::Graph>> loadModel(const std::filesystem::path& file, const LoadOptions& options = {});

}  // namespace ql::onnx_io
