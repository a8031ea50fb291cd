#include <algorithm>

#include "core/session/prepare.h"
#include "core/session/workflows.h"

namespace ql::session {

Expected<RunResultPtr> profileModel(const Session& session, const RunConfig& config, const ProfileRequest& request, const Job& job) {
    QL_TRY(config.validate());
    const ProgressSpan span(job.progress);
    QL_ASSIGN(auto at, detail::atBatch(session, config.batch, job.cancel, span.sub(0.0, 0.05)));
    auto result = std::make_shared<RunResult>();
    result->model = session.modelPath().string();
    result->config = config;
    result->passes = at.session->passRecords();
    const double n = double(config.precisions.size());
    const bool insight = request.rangeInsight && std::count(config.precisions.begin(), config.precisions.end(), runtime::Precision::Int8);
    const double insightShare = insight ? 0.1 : 0.0;
    const double timedEnd = (request.compareLayers ? 0.8 : 1.0) - insightShare;  // the comparison and the range insight take the rest
    std::shared_ptr<const quant::RangeTable> int8Ranges;
    for (size_t i = 0; i < config.precisions.size(); ++i) {
        const runtime::Precision precision = config.precisions[i];
        const ProgressSpan share(span.sub(0.05 + (timedEnd - 0.05) * double(i) / n, 0.05 + (timedEnd - 0.05) * double(i + 1) / n));
        // until calibration lands: int8 ranges come from the run's own inputs
        QL_ASSIGN(auto prepared, detail::prepare(*at.session, config, precision, {request.inputs}, job.cancel, share.sub(0.0, 0.3)));
        PrecisionRun run;
        run.precision = precision;
        run.executor = prepared.executor->name();
        run.layout = config.executor == "eager" ? runtime::Layout::Nchw : config.layout;
        run.int8Note = prepared.int8Note;
        if (precision == runtime::Precision::Int8) int8Ranges = prepared.ranges;
        run.sevenBitActivations = precision == runtime::Precision::Int8 && prepared.sevenBitActivations;
        auto measured = profile::profileRuns(*prepared.executor, request.inputs, {config.warmup, config.repeat}, job.cancel, share.sub(0.3, 1.0));
        if (!measured) return measured.status().isCancelled() ? measured.status() : measured.status().withContext(result->model + ": ");
        run.profile = std::move(measured).value();
        result->cpu = prepared.cpu;
        result->runs.push_back(std::move(run));
    }
    const PrecisionRun* fp32 = result->find(runtime::Precision::Fp32);
    const PrecisionRun* int8 = result->find(runtime::Precision::Int8);
    if (fp32 && int8) result->agreement = profile::compareOutputs(fp32->profile.outputs, int8->profile.outputs);
    if (insight) {  // an untimed reference run on the inputs int8 calibrated on
        RangeInsightRequest ri;
        ri.calibration = {request.inputs};
        ri.used = int8Ranges;
        const ir::Graph& fg = *at.session->fused();
        bool modelScales = false;  // a QDQ model's own scales (fold-qdq keeps them on the values)
        for (size_t v = 0; v < fg.valueCount() && !modelScales; ++v) modelScales = fg.value(ir::ValueId{int32_t(v)}).quant.has_value();
        ri.tableGiven = !config.calibration.table.empty() || modelScales;
        ri.source = "the profiled inputs (batch " + std::to_string(config.batch) + ")";
        QL_ASSIGN(result->rangeInsight, rangeInsightModel(*at.session, config, ri, {job.cancel, span.sub(timedEnd, timedEnd + insightShare)}));
    }
    if (request.compareLayers && fp32 && int8) {  // separate capture runs: the timings above are untouched
        CompareRequest cr;
        cr.inputs = request.inputs;
        QL_ASSIGN(result->comparison, compareModel(*at.session, config, cr, {job.cancel, span.sub(timedEnd + insightShare, 1.0)}));
    }
    if (!request.keepOutputs)
        for (auto& r : result->runs) r.profile.outputs.clear();
    result->peakRssBytes = profile::peakRssBytes();
    result->loadAverage = profile::loadAverage();
    span.report(1.0, "done");
    return RunResultPtr(std::move(result));
}

}  // namespace ql::session
