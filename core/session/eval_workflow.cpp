#include <algorithm>
#include <chrono>

#include "core/data/idx_dataset.h"
#include "core/data/model_card.h"
#include "core/profile/accuracy.h"
#include "core/session/prepare.h"
#include "core/session/workflows.h"

namespace ql::session {

Expected<EvalResult> evaluateModel(const Session& session, const RunConfig& config, const EvalRequest& request, const Job& job) {
    QL_TRY(config.validate());
    if (request.split != "t10k" && request.split != "train") return Status::error("the split must be t10k or train, got '" + request.split + "'");
    const ProgressSpan span(job.progress);
    QL_ASSIGN(auto dataset, data::readFashionMnist(request.dataDir, request.split));
    EvalResult r;
    r.precision = config.precisions.front();
    r.split = request.split;
    r.batch = config.batch;
    // pixel/255 normalised as (x - mean) / std: the request, else the model card, else none
    QL_ASSIGN(auto card, data::readModelCard(session.modelPath()));
    r.normalisationSource = card ? "model card" : "none (no model card)";
    if (card) {
        r.mean = card->mean.value_or(0.f);
        r.std = card->std.value_or(1.f);
    }
    if (request.mean || request.std) r.normalisationSource = "command line";
    if (request.mean) r.mean = *request.mean;
    if (request.std) r.std = *request.std;
    if (r.std == 0.f) return Status::error("the normalisation std must not be 0");

    QL_ASSIGN(auto at, detail::atBatch(session, config.batch, job.cancel, span.sub(0.0, 0.05)));
    const ir::Graph& graph = *at.session->original();
    const std::string model = session.modelPath().string();
    if (graph.inputs.size() != 1 || graph.outputs.size() != 1)
        return Status::error(model + ": evaluation needs a model with one input and one output");
    const std::string inName = graph.value(graph.inputs[0]).name;
    std::vector<runtime::TensorMap> calibration;
    if (r.precision == runtime::Precision::Int8) {
        // int8 ranges from the first images of the other split, never from the evaluated ones
        QL_ASSIGN(auto calib, data::readFashionMnist(request.dataDir, request.split == "t10k" ? "train" : "t10k"));
        const int64_t samples = std::min(config.calibration.samples, calib.count);
        for (int64_t first = 0; first + config.batch <= std::max(samples, config.batch); first += config.batch)
            calibration.push_back({{inName, calib.batch(first, config.batch, r.mean, r.std)}});
    }
    QL_ASSIGN(auto prepared, detail::prepare(*at.session, config, r.precision, std::move(calibration), job.cancel, span.sub(0.05, 0.2)));
    r.executor = prepared.executor->name();
    r.int8Note = prepared.int8Note;
    r.cpu = prepared.cpu;

    r.images = request.limit ? std::min<int64_t>(request.limit, dataset.count) : dataset.count;
    profile::TopKAccuracy acc;
    runtime::RunOptions options;
    options.cancel = job.cancel;
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t first = 0; first < r.images; first += config.batch) {
        if (job.cancel.isCancelled()) return Status::cancelled("evaluation");
        const int64_t n = std::min<int64_t>(config.batch, r.images - first);
        ir::Tensor x = dataset.batch(first, config.batch, r.mean, r.std);  // full batch; the tail is padding
        if (n < config.batch) std::fill(x.data<float>() + n * dataset.height * dataset.width, x.data<float>() + x.numel(), 0.f);
        auto out = prepared.executor->run({{inName, x}}, options);
        if (!out) return out.status().isCancelled() ? Status::cancelled("evaluation") : out.status().withContext(model + ": ");
        const ir::Tensor& logits = out->begin()->second;
        if (logits.rank() != 2 || logits.dims()[0] != config.batch) return Status::error(model + ": output shape is not [batch, classes]");
        QL_TRY(acc.add(logits, dataset.labels, first, n));
        span.report(0.2 + 0.8 * double(first + n) / double(r.images), "evaluation");
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.top1 = acc.top1();
    r.top5 = acc.top5();
    span.report(1.0, "evaluation");
    return r;
}

}  // namespace ql::session
