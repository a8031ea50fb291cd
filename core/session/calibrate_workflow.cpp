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
