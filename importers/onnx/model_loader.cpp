#include "importers/onnx/model_loader.h"

#include "core/passes/infer_shapes.h"
#include "importers/onnx/onnx_importer.h"

namespace ql::onnx_io {

Expected<std::shared_ptr<ir::Graph>> loadModel(const std::filesystem::path& file, const LoadOptions& options) {
    auto g = importOnnxFile(file);
    if (!g) return g.status();
    auto graph = std::make_shared<ir::Graph>(std::move(g).value());
    passes::InferShapesOptions inferOptions;
    inferOptions.batch = options.batch;
    Status st = passes::inferShapes(*graph, inferOptions);
    if (!st) return st.withContext(file.string() + ": ");
    return graph;
}

}  // namespace ql::onnx_io
