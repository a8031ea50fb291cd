// compareModel: per-layer FP32 vs INT8 error with bounded memory (see workflows.h).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "core/profile/profiler.h"
#include "core/session/compare_isolated.h"
#include "core/session/inputs.h"
#include "core/session/prepare.h"
#include "core/session/workflows.h"
#include "core/util/strings.h"

namespace ql::session {

namespace {

// The compared samples, one batch at a time: `rows` of each batch are real, the rest padding.
struct Batches {
    int64_t count = 0, batch = 1, samples = 0;
    std::function<Expected<runtime::TensorMap>(int64_t)> get;
    int64_t rows(int64_t i) const { return std::min(batch, samples - i * batch); }
};

// Values of the first `rows` samples of a batch tensor (all of it when it has no batch dim).
int64_t leadingValues(const ir::Tensor& t, int64_t batch, int64_t rows) {
    if (t.rank() == 0 || t.dims()[0] != batch || batch == 0) return t.numel();
    return t.numel() / batch * rows;
}

int64_t argmaxRow(const float* p, int64_t cols) { return int64_t(std::max_element(p, p + cols) - p); }

// The grid int8ParamsFor derives from a table range (what the plan quantizes the value to).
profile::Int8Grid gridFor(const quant::ValueRange& r, bool sevenBit, bool asymmetric) {
    const quant::Int8Params q = quant::int8ParamsFor(r, sevenBit, asymmetric);
    float qmin = 0, qmax = sevenBit ? 127.f : 255.f;
    if (q.dtype == ir::DType::S8) qmax = sevenBit ? 63.f : 127.f, qmin = -qmax;
    return {q.scale * (qmin - float(q.zeroPoint)), q.scale * (qmax - float(q.zeroPoint)), q.scale};
}


bool computeOp(const std::string& op) { return op == "Conv" || op == "FusedConv" || op == "ql.FusedConv" || op == "Gemm" || op == "MatMul" || op == "ConvTranspose"; }

// Streams one precision's final outputs against FP32's, batch by batch.
struct OutputAccumulator {
    std::vector<std::string> names;
    std::vector<profile::LayerErrorAccumulator> acc;
    std::vector<int64_t> same, rowsSeen;
    std::vector<bool> ranked;
    void add(const runtime::TensorMap& ref, const runtime::TensorMap& test, int64_t batch, int64_t rows) {
        for (const auto& [name, a] : ref) {
            auto it = test.find(name);
            if (it == test.end() || a.dtype() != ir::DType::F32 || it->second.dtype() != ir::DType::F32 || it->second.dims() != a.dims()) continue;
            size_t k = size_t(std::find(names.begin(), names.end(), name) - names.begin());
            if (k == names.size()) {
                names.push_back(name), acc.emplace_back(), same.push_back(0), rowsSeen.push_back(0);
                ranked.push_back(a.rank() == 2 && a.dims()[0] == batch);
            }
            acc[k].add(a.data<float>(), it->second.data<float>(), leadingValues(a, batch, rows));
            if (ranked[k]) {
                const int64_t cols = a.dims()[1];
                for (int64_t r = 0; r < rows; ++r)
                    same[k] += argmaxRow(a.data<float>() + r * cols, cols) == argmaxRow(it->second.data<float>() + r * cols, cols);
                rowsSeen[k] += rows;
            }
        }
    }
    std::vector<OutputComparison> result() const {
        std::vector<OutputComparison> v;
        for (size_t k = 0; k < names.size(); ++k)
            v.push_back({names[k], acc[k].result(), rowsSeen[k] ? double(same[k]) / double(rowsSeen[k]) : 0.0, bool(ranked[k])});
        return v;
    }
};

Status runFailed(const Status& s, const std::string& model) { return s.isCancelled() ? Status::cancelled("comparison") : s.withContext(model + ": "); }

// Names of `from`'s graph inputs or outputs as `to` calls them: equal names, else by position
// when both have as many with the same dims. Fails naming both files otherwise.
Expected<std::map<std::string, std::string>> matchIo(const ir::Graph& from, const ir::Graph& to, bool inputs, const std::string& fromFile,
                                                      const std::string& toFile) {
    const auto& a = inputs ? from.inputs : from.outputs;
    const auto& b = inputs ? to.inputs : to.outputs;
    std::map<std::string, std::string> names;
    const char* what = inputs ? "input" : "output";
    for (size_t i = 0; i < a.size(); ++i) {
        const ir::Value& va = from.value(a[i]);
        std::optional<ir::ValueId> same = to.findValue(va.name);
        const bool byName = same && std::find(b.begin(), b.end(), *same) != b.end();
        const ir::Value* vb = byName ? &to.value(*same) : a.size() == b.size() ? &to.value(b[i]) : nullptr;
        if (!vb || vb->dims != va.dims)
            return Status::error(fromFile + ": " + what + " '" + va.name + "' " + shapeToString(va.dims) + " has no counterpart in " + toFile +
                                 (vb ? " ('" + vb->name + "' is " + shapeToString(vb->dims) + ")" : ""));
        names[va.name] = vb->name;
    }
    return names;
}

runtime::TensorMap renamed(runtime::TensorMap m, const std::map<std::string, std::string>& names) {
    runtime::TensorMap out;
    for (auto& [k, v] : m) {
        auto it = names.find(k);
        out[it == names.end() ? k : it->second] = std::move(v);
    }
    return out;
}

}  // namespace

Expected<ComparisonPtr> compareModel(const Session& session, const RunConfig& config, const CompareRequest& request, const Job& job) {
    QL_TRY(config.validate());
    if (request.samples < 1) return Status::error("the sample count must be at least 1");
    if (config.executor == "reference" && request.against == runtime::Precision::Int8)
        return Status::unsupported("comparing INT8 needs the planned or eager executor (the reference executor runs FP32 only)");
    const auto t0 = std::chrono::steady_clock::now();
    const ProgressSpan span(job.progress);
    const std::string model = session.modelPath().string();
    QL_ASSIGN(auto at, detail::atBatch(session, config.batch, job.cancel, span.sub(0.0, 0.03)));
    const ir::Graph& original = *at.session->original();
    auto result = std::make_shared<ComparisonResult>();
    result->model = model;
    result->config = config;
    result->mode = request.mode;

    // The samples: given inputs, an IDX split, or seeded random batches.
    Batches batches;
    batches.batch = config.batch;
    data::DatasetPtr compared;
    std::string inName;
    std::optional<CalibrationTable> table;
    const bool int8 = request.against == runtime::Precision::Int8;
    if (int8 && config.calibration.table.empty() && request.table) table = *request.table;
    if (!request.inputs.empty()) {
        batches.count = 1;
        batches.samples = config.batch;
        batches.get = [&](int64_t) -> Expected<runtime::TensorMap> { return request.inputs; };
        result->inputSource = "the given inputs";
        if (int8 && config.calibration.table.empty() && !table) {
            CalibrationRequest cr;
            cr.inputs = {request.inputs};
            QL_ASSIGN(table, calibrateModel(*at.session, config, cr, {job.cancel, span.sub(0.03, 0.1)}));
        }
    } else if (!request.dataset.empty() || !request.dataDir.empty()) {
        QL_ASSIGN(auto opened, detail::openData(session, {request.dataset, request.dataDir, request.split, request.preprocess, request.mean, request.std}));
        QL_TRY(detail::checkSamplesFit(session, original, *opened.data));
        inName = original.value(original.inputs[0]).name;
        compared = opened.data;
        if (int8 && config.calibration.table.empty()) {
            // the compared samples never include the calibration ones, given table or not
            QL_ASSIGN(auto set, detail::calibrationSetFor(session, opened, request.calibDataset, config.calibration.samples));
            compared = set.evaluated;
            if (!table) {
                QL_ASSIGN(table, detail::calibrateOn(session, config, set.calibration, set.note, {job.cancel, span.sub(0.03, 0.1)}));
            }
        }
        batches.samples = std::min(request.samples, compared->size());
        batches.get = [&](int64_t i) -> Expected<runtime::TensorMap> {
            // a full batch; rows past batches.rows(i) are padding and left out of the statistics
            QL_ASSIGN(auto b, compared->read(i * batches.batch, batches.rows(i), batches.batch));
            return runtime::TensorMap{{inName, std::move(b.samples)}};
        };
        result->inputSource = compared->description() + " (normalisation " + opened.norm.source + ")";
    } else {
        batches.samples = request.samples;
        batches.get = [&](int64_t i) { return completeWithRandom(original, {}, config.seed + uint64_t(i)); };
        result->inputSource = "random N(0,1) (seed " + std::to_string(config.seed) + ", one seed per batch)";
        if (int8 && config.calibration.table.empty() && !table) {  // calibrate on the first compared batches (up to calibration.samples)
            CalibrationRequest cr;
            const int64_t count = (std::min(batches.samples, config.calibration.samples) + batches.batch - 1) / batches.batch;
            for (int64_t i = 0; i < count; ++i) {
                QL_ASSIGN(auto in, batches.get(i));
                cr.inputs.push_back(std::move(in));
            }
            QL_ASSIGN(table, calibrateModel(*at.session, config, cr, {job.cancel, span.sub(0.03, 0.1)}));
            table->source = "the compared random inputs";
        }
    }
    batches.count = (batches.samples + batches.batch - 1) / batches.batch;
    result->samples = batches.samples;

    // The FP32 side: this model (a pre-quantized one dequantized) or the float model it came from.
    detail::AtBatch refAt = at;
    std::map<std::string, std::string> refInputs, refOutputNames;
    if (request.reference) {
        if (request.mode != CompareMode::Propagated)
            return Status::unsupported("isolated sensitivity reverts layers of the model itself; a reference model works in propagated mode");
        QL_ASSIGN(refAt, detail::atBatch(*request.reference, config.batch, job.cancel, {}));
        const std::string refFile = request.reference->modelPath().string();
        QL_ASSIGN(refInputs, matchIo(original, *refAt.session->original(), true, model, refFile));
        QL_ASSIGN(refOutputNames, matchIo(*refAt.session->original(), original, false, refFile, model));
        result->referenceModel = refFile;
    }
    QL_ASSIGN(auto ref, detail::prepare(*refAt.session, config, runtime::Precision::Fp32, {}, job.cancel, span.sub(0.1, 0.13)));
    QL_ASSIGN(auto test, detail::prepare(*at.session, config, request.against, {}, job.cancel, span.sub(0.13, 0.2), table ? &*table : nullptr));
    result->cpu = test.cpu;
    result->int8Note = test.int8Note;
    result->sevenBitActivations = int8 && test.sevenBitActivations;
    const ir::Graph& graph = *test.graph;
    runtime::RunOptions plain;
    plain.cancel = job.cancel;
    if (test.executor->steps().empty()) {  // lazy executors know their steps after a run
        QL_ASSIGN(auto in, batches.get(0));
        if (auto r = test.executor->run(in, plain); !r) return runFailed(r.status(), model);
    }
    std::unordered_map<int64_t, const runtime::StepInfo*> stepOf;
    const std::vector<runtime::StepInfo> steps = test.executor->steps();
    for (const auto& s : steps)
        if (!s.inserted && s.node.valid()) stepOf[int64_t(s.node.v)] = &s;

    // Rows appear in the order the INT8 run hands node outputs over: execution order.
    std::vector<profile::LayerErrorAccumulator> acc;
    std::vector<std::optional<profile::Int8Grid>> grids;
    std::unordered_map<std::string, size_t> rowOf;
    std::set<std::string> unmatched;
    std::unordered_map<std::string, ir::Tensor> held;  // one batch's FP32 outputs not yet compared
    std::vector<runtime::TensorMap> refOutputs;        // final outputs per batch, for isolated mode
    OutputAccumulator outputs;
    const bool propagated = request.mode != CompareMode::Isolated;
    const double propEnd = request.mode == CompareMode::Propagated ? 1.0 : 0.5;
    for (int64_t b = 0; b < batches.count; ++b) {
        if (job.cancel.isCancelled()) return Status::cancelled("comparison");
        span.report(0.2 + (propEnd - 0.2) * double(b) / double(batches.count), "comparison");  // shown while the batch runs
        const int64_t rows = batches.rows(b);
        QL_ASSIGN(auto in, batches.get(b));
        runtime::RunOptions capture = plain;
        if (propagated)
            capture.hooks.onNodeOutputs = [&](const ir::Node& n, const std::vector<ir::Tensor>& outs) {
                for (size_t i = 0; i < outs.size() && i < n.outputs.size(); ++i)
                    if (outs[i].dtype() == ir::DType::F32 && outs[i].numel() > 0) held[ref.graph->value(n.outputs[i]).name] = outs[i];
            };
        auto fp = ref.executor->run(refInputs.empty() ? in : renamed(in, refInputs), capture);
        if (!fp) return runFailed(fp.status(), result->referenceModel.empty() ? model : result->referenceModel);
        if (!refOutputNames.empty()) *fp = renamed(std::move(*fp), refOutputNames);
        runtime::RunOptions compare = plain;
        if (propagated)
            compare.hooks.onNodeOutputs = [&](const ir::Node& n, const std::vector<ir::Tensor>& outs) {
                for (size_t i = 0; i < outs.size() && i < n.outputs.size(); ++i) {
                    if (outs[i].dtype() != ir::DType::F32 || outs[i].numel() == 0) continue;
                    const std::string& value = graph.value(n.outputs[i]).name;
                    auto h = held.find(value);
                    if (h == held.end() || h->second.dims() != outs[i].dims()) {
                        unmatched.insert(value);
                        continue;
                    }
                    auto [it, fresh] = rowOf.try_emplace(value, result->layers.size());
                    if (fresh) {
                        LayerComparison row;
                        row.node = int64_t(n.id.v);
                        row.name = n.name;
                        row.opType = n.opType;
                        row.value = value;
                        if (auto s = stepOf.find(row.node); s != stepOf.end()) {
                            row.fusedFrom = s->second->fusedFromNames;
                            row.int8Dtype = s->second->dtype;
                            row.int8Impl = s->second->impl;
                            row.macs = s->second->macs;
                        }
                        row.int8Capable = int8 && computeOp(row.opType) && row.int8Impl != "reference";
                        std::optional<profile::Int8Grid> grid;
                        if (test.ranges && runtime::StepInfo::isInt8DTypeName(row.int8Dtype))
                            if (auto r = test.ranges->find(value); r != test.ranges->end()) {
                                row.range = r->second;
                                grid = gridFor(r->second, test.sevenBitActivations, test.asymmetricActivations);
                            }
                        result->layers.push_back(std::move(row));
                        acc.emplace_back();
                        grids.push_back(grid);
                    }
                    acc[it->second].add(h->second.data<float>(), outs[i].data<float>(), leadingValues(outs[i], batches.batch, rows), grids[it->second]);
                    held.erase(h);  // released as soon as it is compared
                }
            };
        auto q = test.executor->run(in, compare);
        held.clear();
        if (!q) return runFailed(q.status(), model);
        outputs.add(*fp, *q, batches.batch, rows);
        if (request.mode != CompareMode::Propagated) refOutputs.push_back(std::move(fp).value());
        span.report(0.2 + (propEnd - 0.2) * double(b + 1) / double(batches.count), "comparison");
    }
    for (size_t k = 0; k < acc.size(); ++k) result->layers[k].propagated = acc[k].result();
    result->outputs = outputs.result();
    result->unmatched.assign(unmatched.begin(), unmatched.end());

    if (request.mode != CompareMode::Propagated) {
        if (!propagated)  // isolated only: the rows come from the plan's steps
            for (const auto& s : steps) {
                if (s.inserted || !s.node.valid()) continue;
                const ir::Node& n = graph.node(s.node);
                LayerComparison row;
                row.node = int64_t(n.id.v);
                row.name = n.name;
                row.opType = n.opType;
                row.value = n.outputs.empty() ? "" : graph.value(n.outputs[0]).name;
                row.fusedFrom = s.fusedFromNames;
                row.int8Dtype = s.dtype;
                row.int8Impl = s.impl;
                row.macs = s.macs;
                row.int8Capable = int8 && computeOp(row.opType) && row.int8Impl != "reference";
                result->layers.push_back(std::move(row));
            }
        QL_TRY(detail::isolatedSensitivity(*at.session, config, request, *result, table ? &*table : nullptr, refOutputs, batches.batch,
                                           batches.samples, [&](int64_t i) { return batches.get(i); }, job.cancel, span.sub(0.5, 1.0)));
    }
    result->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    result->peakRssBytes = profile::peakRssBytes();
    span.report(1.0, "comparison");
    return ComparisonPtr(std::move(result));
}

}  // namespace ql::session
