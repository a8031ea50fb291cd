#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/session/prepare.h"
#include "core/session/workflows.h"

namespace ql::session {

namespace {

// Per-row top-1 class and whether the label is in the top 1 / top 5.
struct RowScore {
    int64_t argmax = 0;
    bool top1 = false, top5 = false;
};

RowScore scoreRow(const float* row, int64_t classes, int64_t label) {
    RowScore s;
    s.argmax = int64_t(std::max_element(row, row + classes) - row);
    // The label's rank: how many classes score strictly higher (ties count for the label).
    int64_t higher = 0;
    for (int64_t k = 0; k < classes; ++k) higher += row[k] > row[label];
    s.top1 = higher == 0;  // as profile::TopKAccuracy counts it
    s.top5 = higher < 5;
    return s;
}

}  // namespace

Expected<EvalResult> evaluateModel(const Session& session, const RunConfig& config, const EvalRequest& request, const Job& job) {
    QL_TRY(config.validate());
    if (config.precisions.size() > 2) return Status::error("evaluation takes one precision, or two to compare side by side");
    const ProgressSpan span(job.progress);
    QL_ASSIGN(auto opened, detail::openData(session, {request.dataset, request.dataDir, request.split, request.preprocess, request.mean, request.std}));
    EvalResult r;
    r.precision = config.precisions.front();
    r.split = opened.spec.kind == data::DatasetKind::Idx ? opened.spec.split : "";
    r.batch = config.batch;
    r.normalisationSource = opened.norm.source;
    r.mean = opened.norm.mean;
    r.std = opened.norm.std;

    QL_ASSIGN(auto at, detail::atBatch(session, config.batch, job.cancel, span.sub(0.0, 0.05)));
    const ir::Graph& graph = *at.session->original();
    const std::string model = session.modelPath().string();
    if (graph.inputs.size() != 1 || graph.outputs.size() != 1)
        return Status::error(model + ": evaluation needs a model with one input and one output");
    QL_TRY(detail::checkSamplesFit(session, graph, *opened.data));
    const std::string inName = graph.value(graph.inputs[0]).name;
    // int8 ranges: the config's table, else calibration on a set that is never the evaluated one
    std::optional<CalibrationTable> table;
    data::DatasetPtr evaluated = opened.data;
    const bool int8 = std::find(config.precisions.begin(), config.precisions.end(), runtime::Precision::Int8) != config.precisions.end();
    if (int8 && config.calibration.table.empty()) {
        QL_ASSIGN(auto set, detail::calibrationSetFor(session, opened, request.calibDataset, config.calibration.samples));
        evaluated = set.evaluated;
        r.calibrationSource = set.note;
        QL_ASSIGN(table, detail::calibrateOn(session, config, set.calibration, set.note, {job.cancel, span.sub(0.05, 0.15)}));
    } else if (int8) {
        r.calibrationSource = "calibration table " + config.calibration.table;
    }
    r.dataset = evaluated->description() + " (normalisation " + opened.norm.source + ")";
    std::vector<runtime::PreparedExecutor> prepared;
    for (size_t i = 0; i < config.precisions.size(); ++i) {
        QL_ASSIGN(auto p, detail::prepare(*at.session, config, config.precisions[i], {}, job.cancel,
                                          span.sub(0.15 + 0.05 * double(i), 0.2 + 0.05 * double(i)), table ? &*table : nullptr));
        prepared.push_back(std::move(p));
    }
    r.executor = prepared[0].executor->name();
    r.int8Note = prepared[0].int8Note;
    r.cpu = prepared[0].cpu;
    if (prepared.size() == 2) {
        r.paired = EvalResult::Paired{};
        r.paired->precision = config.precisions[1];
        r.paired->executor = prepared[1].executor->name();
        r.paired->int8Note = prepared[1].int8Note;
    }

    r.images = request.limit ? std::min<int64_t>(request.limit, evaluated->size()) : evaluated->size();
    std::vector<int64_t> top1(prepared.size()), top5(prepared.size());
    std::vector<double> runSeconds(prepared.size());
    int64_t same = 0, onlyFirst = 0, onlySecond = 0;
    runtime::RunOptions options;
    options.cancel = job.cancel;
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t first = 0; first < r.images; first += config.batch) {
        if (job.cancel.isCancelled()) return Status::cancelled("evaluation");
        const int64_t n = std::min<int64_t>(config.batch, r.images - first);
        QL_ASSIGN(auto batch, evaluated->read(first, n, config.batch));  // full batch; rows past n are not scored
        std::vector<std::vector<RowScore>> scores(prepared.size());
        for (size_t i = 0; i < prepared.size(); ++i) {
            const auto ts = std::chrono::steady_clock::now();
            auto out = prepared[i].executor->run({{inName, batch.samples}}, options);
            runSeconds[i] += std::chrono::duration<double>(std::chrono::steady_clock::now() - ts).count();
            if (!out) return out.status().isCancelled() ? Status::cancelled("evaluation") : out.status().withContext(model + ": ");
            const ir::Tensor& l = out->begin()->second;
            if (l.rank() != 2 || l.dims()[0] != config.batch || l.dtype() != ir::DType::F32)
                return Status::error(model + ": output is not f32 [batch, classes]");
            r.classes = l.dims()[1];
            for (int64_t k = 0; k < n; ++k) {
                const int64_t label = batch.labels[size_t(k)];
                if (label >= r.classes)
                    return Status::error(evaluated->description() + ": sample " + std::to_string(first + k) + " has label " + std::to_string(label) +
                                         " but the model has " + std::to_string(r.classes) + " classes");
                scores[i].push_back(scoreRow(l.data<float>() + k * r.classes, r.classes, label));
                top1[i] += scores[i].back().top1;
                top5[i] += scores[i].back().top5;
            }
        }
        if (scores.size() == 2)
            for (int64_t k = 0; k < n; ++k) {
                const RowScore &a = scores[0][size_t(k)], &b = scores[1][size_t(k)];
                same += a.argmax == b.argmax;
                onlyFirst += a.top1 && !b.top1;
                onlySecond += !a.top1 && b.top1;
            }
        span.report(0.25 + 0.75 * double(first + n) / double(r.images), "evaluation");
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double images = std::max<double>(1.0, double(r.images));
    r.top1Count = top1[0], r.top5Count = top5[0];
    r.top1 = double(top1[0]) / images, r.top5 = double(top5[0]) / images;
    r.runSeconds = runSeconds[0];
    if (r.paired) {
        r.paired->top1Count = top1[1], r.paired->top5Count = top5[1], r.paired->sameTop1 = same;
        r.paired->top1 = double(top1[1]) / images, r.paired->top5 = double(top5[1]) / images;
        r.paired->agreement = double(same) / images;
        r.paired->runSeconds = runSeconds[1];
        r.paired->mcnemar = mcnemarTest(onlyFirst, onlySecond);
    }
    span.report(1.0, "evaluation");
    return r;
}

}  // namespace ql::session
