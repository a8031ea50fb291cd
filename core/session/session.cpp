#include "core/session/session.h"

#include "core/passes/infer_shapes.h"
#include "importers/onnx/onnx_importer.h"

namespace ql::session {

namespace {
Expected<std::shared_ptr<ir::Graph>> inferAt(const ir::Graph& raw, const std::filesystem::path& file, int64_t batch,
                                             const CancelToken& cancel, const ProgressFn& progress,
                                             const std::map<std::string, ir::Tensor>& shapeOperands = {}) {
    auto graph = std::make_shared<ir::Graph>(raw);
    passes::InferShapesOptions o;
    o.batch = batch;
    o.inputValues = shapeOperands;
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
// The given input values that are shape operands: integer tensors, what Resize reads as scales
// or sizes and Range's bounds. Data inputs stay out, so shape inference does not fold the model on them.
std::map<std::string, ir::Tensor> shapeOperandsOf(const ir::Graph& g, const std::map<std::string, ir::Tensor>& given) {
    std::map<std::string, ir::Tensor> out;
    for (ir::ValueId id : g.inputs) {
        const ir::Value& v = g.value(id);
        auto it = given.find(v.name);
        if (it == given.end()) continue;
        const ir::DType t = it->second.dtype();
        bool operand = t == ir::DType::S64 || t == ir::DType::S32;
        if (!operand && !v.consumers.empty()) {
            operand = true;
            for (ir::NodeId c : v.consumers) {
                const ir::Node& n = g.node(c);
                // Resize's scales/sizes, Range's start/limit/delta (float too)
                operand = operand && ((n.opType == "Resize" && !(n.hasInput(0) && n.inputs[0] == id)) || n.opType == "Range");
            }
        }
        if (operand) out.emplace(v.name, it->second);
    }
    return out;
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
    auto operands = shapeOperandsOf(*raw, options.inputValues);
    return derive(model, std::move(raw), options.batch, options.batchFollowsModel, std::move(operands), options.cancel,
                  ProgressSpan(span.sub(0.5, 1.0)));
}

Expected<std::shared_ptr<const Session>> Session::withBatch(int64_t batch, const CancelToken& cancel, const ProgressFn& progress) const {
    return derive(path_, raw_, batch, false, shapeOperands_, cancel, ProgressSpan(progress));
}

std::optional<int64_t> Session::fixedBatch() const {
    if (auto f = fixedBatchOf(*raw_)) return f->batch;
    return std::nullopt;
}

Expected<std::shared_ptr<const Session>> Session::derive(std::filesystem::path path, std::shared_ptr<const ir::Graph> raw, int64_t batch,
                                                         bool batchFollowsModel, std::map<std::string, ir::Tensor> shapeOperands,
                                                         const CancelToken& cancel, const ProgressSpan& progress) {
    // Shape inference leaves a fixed leading dimension alone: running such a model "at batch 8"
    // would run batch 1 and report 8, so another batch is refused here, once for every caller.
    if (auto fixed = fixedBatchOf(*raw); fixed && fixed->batch != batch) {
        if (!batchFollowsModel) return fixedBatchRefusal(path.string(), *fixed, batch);
        batch = fixed->batch;
    }
    QL_ASSIGN(auto inferred, inferAt(*raw, path, batch, cancel, progress.sub(0.0, 0.6), shapeOperands));
    auto s = std::shared_ptr<Session>(new Session);
    s->path_ = std::move(path);
    s->batch_ = batch;
    s->raw_ = std::move(raw);
    s->shapeOperands_ = std::move(shapeOperands);
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
