#include "core/session/session.h"

#include "core/passes/infer_shapes.h"
#include "importers/onnx/onnx_importer.h"

namespace ql::session {

namespace {
Expected<std::shared_ptr<ir::Graph>> inferAt(const ir::Graph& raw, const std::filesystem::path& file, int64_t batch,
                                             const CancelToken& cancel, const ProgressFn& progress) {
    auto graph = std::make_shared<ir::Graph>(raw);
    passes::InferShapesOptions o;
    o.batch = batch;
    o.cancel = cancel;
    o.progress = progress;
    Status st = passes::inferShapes(*graph, o);
    if (!st) return st.withContext(file.string() + ": ");
    return graph;
}

// Imports and fixes the symbolic input dimensions (errors name the file).
Expected<std::shared_ptr<const ir::Graph>> import(const std::filesystem::path& file, const CancelToken& cancel, const ProgressFn& progress,
                                                  const InputShapes& shapes, const std::optional<ir::Dims>& sampleShape) {
    QL_ASSIGN(auto g, onnx_io::importOnnxFile(file, {cancel, progress}));
    if (Status st = applyInputShapes(g, shapes, sampleShape); !st) return st.withContext(file.string() + ": ");
    return std::shared_ptr<const ir::Graph>(std::make_shared<ir::Graph>(std::move(g)));
}
}  // namespace

Expected<std::shared_ptr<ir::Graph>> loadModel(const std::filesystem::path& file, const LoadOptions& options) {
    const ProgressSpan span(options.progress);
    QL_ASSIGN(auto raw, import(file, options.cancel, span.sub(0.0, 0.6), options.shapes, options.sampleShape));
    return inferAt(*raw, file, options.batch, options.cancel, span.sub(0.6, 1.0));
}

Expected<std::shared_ptr<ir::Graph>> importModel(const std::filesystem::path& file, const CancelToken& cancel, const ProgressFn& progress) {
    QL_ASSIGN(auto g, onnx_io::importOnnxFile(file, {cancel, progress}));
    return std::make_shared<ir::Graph>(std::move(g));
}

Expected<std::shared_ptr<ir::Graph>> inferImported(const ir::Graph& imported, const std::filesystem::path& file, const LoadOptions& options) {
    ir::Graph g = imported;
    if (Status st = applyInputShapes(g, options.shapes, options.sampleShape); !st) return st.withContext(file.string() + ": ");
    return inferAt(g, file, options.batch, options.cancel, options.progress);
}

Expected<std::shared_ptr<const Session>> Session::open(const std::filesystem::path& model, const OpenOptions& options) {
    const ProgressSpan span(options.progress);
    QL_ASSIGN(auto raw, import(model, options.cancel, span.sub(0.0, 0.5), options.shapes, options.sampleShape));
    return derive(model, std::move(raw), options.batch, options.cancel, ProgressSpan(span.sub(0.5, 1.0)));
}

Expected<std::shared_ptr<const Session>> Session::withBatch(int64_t batch, const CancelToken& cancel, const ProgressFn& progress) const {
    return derive(path_, raw_, batch, cancel, ProgressSpan(progress));
}

Expected<std::shared_ptr<const Session>> Session::derive(std::filesystem::path path, std::shared_ptr<const ir::Graph> raw, int64_t batch,
                                                         const CancelToken& cancel, const ProgressSpan& progress) {
    QL_ASSIGN(auto inferred, inferAt(*raw, path, batch, cancel, progress.sub(0.0, 0.6)));
    auto s = std::shared_ptr<Session>(new Session);
    s->path_ = std::move(path);
    s->batch_ = batch;
    s->raw_ = std::move(raw);
    s->original_ = std::make_shared<const ir::Graph>(*inferred);
    // The passes rewrite `inferred` in place; each observer call keeps a copy (tensor storage
    // is shared between copies, so snapshots cost node and value tables, not weights).
    auto records = passes::runPasses(*inferred, passes::fusionPipeline(), cancel, progress.sub(0.6, 1.0),
                                     [&](const ir::Graph& g, const passes::PassRecord& r) {
                                         s->passes_.push_back({r, std::make_shared<const ir::Graph>(g)});
                                     });
    if (!records) return records.status().isCancelled() ? records.status() : records.status().withContext(s->path_.string() + ": ");
    progress.report(1.0, "fusion");
    return std::shared_ptr<const Session>(std::move(s));
}

std::vector<passes::PassRecord> Session::passRecords() const {
    std::vector<passes::PassRecord> v;
    for (const auto& p : passes_) v.push_back(p.record);
    return v;
}

}  // namespace ql::session
