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
    detail::CalibrationStream stream;
    if (!request.inputs.empty()) {
        graph = session.fused();
        batches.count = int64_t(request.inputs.size());
        batches.batch = [&](int64_t i) -> Expected<runtime::TensorMap> { return request.inputs[size_t(i)]; };
        table.samples = batches.count * session.batch();
        table.source = request.inputsLabel;
    } else {
        data::DatasetPtr set = request.data;
        if (!set) {
            QL_ASSIGN(auto opened, detail::openData(session, {request.dataset, request.dataDir, request.split, request.preprocess, request.mean, request.std}));
            set = opened.data;
            table.source = opened.description;
        } else {
            table.source = set->description();
        }
        QL_ASSIGN(stream, detail::calibrationStream(session, set, config.calibration.samples, {job.cancel, span.sub(0.0, 0.05)}));
        graph = stream.at.session->fused();
        batches = stream.batches;
        table.samples = stream.samples;
    }
    auto stats = runtime::collectRanges(graph, batches, table.observer, job.cancel, span.sub(0.05, 1.0));
    if (!stats) return stats.status().isCancelled() ? stats.status() : stats.status().withContext(model + ": calibration: ");
    table.ranges = std::move(stats->ranges);
    table.summaries = std::move(stats->summaries);
    span.report(1.0, "calibration");
    return table;
}

Expected<CalibrationData> calibrationDataFor(const Session& session, const RunConfig& config, const EvalRequest& data) {
    QL_TRY(config.validate());
    QL_ASSIGN(auto opened, detail::openData(session, {data.dataset, data.dataDir, data.split, data.preprocess, data.mean, data.std}));
    QL_ASSIGN(auto set, detail::calibrationSetFor(session, opened, data.calibDataset, config.calibration.samples));
    QL_TRY(detail::checkSamplesFit(session, *session.original(), *set.calibration));
    return CalibrationData{set.calibration, set.note};
}

}  // namespace ql::session
