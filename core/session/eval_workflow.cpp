#include <algorithm>
#include <chrono>

#include "core/data/idx_dataset.h"
#include "core/profile/accuracy.h"
#include "core/session/prepare.h"
#include "core/session/workflows.h"

namespace ql::session {

namespace {
// Index of the largest logit of row `r`.
int64_t argmaxRow(const ir::Tensor& logits, int64_t r) {
    const int64_t c = logits.dims()[1];
    const float* row = logits.data<float>() + r * c;
    return int64_t(std::max_element(row, row + c) - row);
}
}  // namespace

Expected<EvalResult> evaluateModel(const Session& session, const RunConfig& config, const EvalRequest& request, const Job& job) {
    QL_TRY(config.validate());
    if (request.split != "t10k" && request.split != "train") return Status::error("the split must be t10k or train, got '" + request.split + "'");
    if (config.precisions.size() > 2) return Status::error("evaluation takes one precision, or two to compare side by side");
    const ProgressSpan span(job.progress);
    QL_ASSIGN(auto dataset, data::readFashionMnist(request.dataDir, request.split));
    EvalResult r;
    r.precision = config.precisions.front();
    r.split = request.split;
    r.batch = config.batch;
    QL_ASSIGN(auto norm, detail::normalisationFor(session, request.mean, request.std));
    r.normalisationSource = norm.source;
    r.mean = norm.mean;
    r.std = norm.std;

    QL_ASSIGN(auto at, detail::atBatch(session, config.batch, job.cancel, span.sub(0.0, 0.05)));
    const ir::Graph& graph = *at.session->original();
    const std::string model = session.modelPath().string();
    if (graph.inputs.size() != 1 || graph.outputs.size() != 1)
        return Status::error(model + ": evaluation needs a model with one input and one output");
    const std::string inName = graph.value(graph.inputs[0]).name;
    // int8 ranges: the config's table, else calibration on the other split, never the evaluated one
    std::optional<CalibrationTable> table;
    const bool int8 = std::find(config.precisions.begin(), config.precisions.end(), runtime::Precision::Int8) != config.precisions.end();
    if (int8) {
        QL_ASSIGN(table, detail::calibrateOnOtherSplit(session, config, request.dataDir, request.split, norm, {job.cancel, span.sub(0.05, 0.15)}));
    }
    std::vector<runtime::PreparedExecutor> prepared;
    for (size_t i = 0; i < config.precisions.size(); ++i) {
        QL_ASSIGN(auto p, detail::prepare(*at.session, config, config.precisions[i], {}, job.cancel,
                                          span.sub(0.15 + 0.05 * double(i), 0.2 + 0.05 * double(i)), table ? &*table : nullptr));
        prepared.push_back(std::move(p));
    }
    r.executor = prepared[0].executor->name();
    r.int8Note = prepared[0].int8Note;
    r.cpu = prepared[0].cpu;
    if (prepared.size() == 2) r.paired = EvalResult::Paired{config.precisions[1], prepared[1].int8Note};

    r.images = request.limit ? std::min<int64_t>(request.limit, dataset.count) : dataset.count;
    std::vector<profile::TopKAccuracy> acc(prepared.size());
    int64_t agree = 0;
    runtime::RunOptions options;
    options.cancel = job.cancel;
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t first = 0; first < r.images; first += config.batch) {
        if (job.cancel.isCancelled()) return Status::cancelled("evaluation");
        const int64_t n = std::min<int64_t>(config.batch, r.images - first);
        const ir::Tensor x = dataset.batch(first, config.batch, r.mean, r.std);  // full batch; rows past n are not scored
        std::vector<ir::Tensor> logits;
        for (size_t i = 0; i < prepared.size(); ++i) {
            auto out = prepared[i].executor->run({{inName, x}}, options);
            if (!out) return out.status().isCancelled() ? Status::cancelled("evaluation") : out.status().withContext(model + ": ");
            const ir::Tensor& l = out->begin()->second;
            if (l.rank() != 2 || l.dims()[0] != config.batch) return Status::error(model + ": output shape is not [batch, classes]");
            QL_TRY(acc[i].add(l, dataset.labels, first, n));
            logits.push_back(l.clone());
        }
        if (logits.size() == 2)
            for (int64_t k = 0; k < n; ++k) agree += argmaxRow(logits[0], k) == argmaxRow(logits[1], k);
        span.report(0.25 + 0.75 * double(first + n) / double(r.images), "evaluation");
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.top1 = acc[0].top1();
    r.top5 = acc[0].top5();
    if (r.paired) {
        r.paired->top1 = acc[1].top1();
        r.paired->top5 = acc[1].top5();
        r.paired->agreement = r.images ? double(agree) / double(r.images) : 0.0;
    }
    span.report(1.0, "evaluation");
    return r;
}

}  // namespace ql::session
