#include <algorithm>

#include "core/runtime/calibration_run.h"
#include "core/session/prepare.h"
#include "core/session/workflows.h"

namespace ql::session {

Expected<CalibrationTable> calibrateModel(const Session& session, const RunConfig& config, const CalibrationRequest& request, const Job& job) {
    QL_TRY(config.validate());
    const ProgressSpan span(job.progress);
    CalibrationTable table;
    table.model = session.modelPath().filename().string();
    table.observer = config.calibration.observer();
    table.perTensorWeights = config.calibration.perTensorWeights;
    table.asymmetricActivations = config.asymmetricActivations;
    const std::string model = session.modelPath().string();

    runtime::CalibrationBatches batches;
    std::shared_ptr<const ir::Graph> graph;
    detail::AtBatch at;
    data::DatasetPtr set = request.data;
    std::string inName;
    if (!request.inputs.empty()) {
        graph = session.fused();
        batches.count = int64_t(request.inputs.size());
        batches.batch = [&](int64_t i) -> Expected<runtime::TensorMap> { return request.inputs[size_t(i)]; };
        table.samples = batches.count * session.batch();
        table.source = "the run's inputs";
    } else {
        if (!set) {
            QL_ASSIGN(auto opened, detail::openData(session, {request.dataset, request.dataDir, request.split, request.preprocess, request.mean, request.std}));
            set = opened.data;
            table.source = opened.description;
        } else {
            table.source = set->description();
        }
        const int64_t samples = std::min(config.calibration.samples, set->size());
        if (samples < 1) return Status::error(set->description() + ": no samples to calibrate on");
        int64_t b = std::min<int64_t>(64, samples);
        while (samples % b) --b;
        QL_ASSIGN(at, detail::atBatch(session, b, job.cancel, span.sub(0.0, 0.05)));
        graph = at.session->fused();
        const ir::Graph& g = *at.session->original();
        QL_TRY(detail::checkSamplesFit(session, g, *set));
        inName = g.value(g.inputs[0]).name;
        batches.count = samples / b;
        batches.batch = [&, b](int64_t i) -> Expected<runtime::TensorMap> {
            QL_ASSIGN(auto batch, set->read(i * b, b, b));
            return runtime::TensorMap{{inName, std::move(batch.samples)}};
        };
        table.samples = samples;
    }
    auto stats = runtime::collectRanges(graph, batches, table.observer, job.cancel, span.sub(0.05, 1.0));
    if (!stats) return stats.status().isCancelled() ? stats.status() : stats.status().withContext(model + ": calibration: ");
    table.ranges = std::move(stats->ranges);
    table.summaries = std::move(stats->summaries);
    span.report(1.0, "calibration");
    return table;
}

}  // namespace ql::session

namespace ql::session {

Expected<CalibrationBatchSet> calibrationBatches(const Session& session, const RunConfig& config, const EvalRequest& data, const Job& job) {
    QL_TRY(config.validate());
    QL_ASSIGN(auto opened, detail::openData(session, {data.dataset, data.dataDir, data.split, data.preprocess, data.mean, data.std}));
    QL_ASSIGN(auto set, detail::calibrationSetFor(session, opened, data.calibDataset, config.calibration.samples));
    const ir::Graph& g = *session.original();
    if (g.inputs.size() != 1) return Status::error(session.modelPath().string() + ": calibrating on a data set needs a model with one input");
    QL_TRY(detail::checkSamplesFit(session, g, *set.calibration));
    const int64_t samples = std::min(config.calibration.samples, set.calibration->size()), count = samples / config.batch;
    if (count < 1)
        return Status::error(set.note + ": " + std::to_string(samples) + " calibration sample(s) fill no batch of " + std::to_string(config.batch) +
                             "; raise the samples or lower the batch");
    const ProgressSpan span(job.progress);
    CalibrationBatchSet out;
    const std::string inName = g.value(g.inputs[0]).name;
    for (int64_t i = 0; i < count; ++i) {
        if (job.cancel.isCancelled()) return Status::cancelled("reading calibration samples");
        QL_ASSIGN(auto batch, set.calibration->read(i * config.batch, config.batch, config.batch));
        out.batches.push_back(runtime::TensorMap{{inName, std::move(batch.samples)}});
        span.report(double(i + 1) / double(count), "calibration samples");
    }
    out.source = set.note + ", samples 0.." + std::to_string(count * config.batch - 1);
    return out;
}

}  // namespace ql::session
