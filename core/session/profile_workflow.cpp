#include <algorithm>
#include <optional>

#include "core/session/prepare.h"
#include "core/session/workflows.h"
#include "kernels/onednn/mac_peak.h"

namespace ql::session {

namespace {
quant::ValueRange rangeOf(const quant::MethodRanges& m, quant::CalibrationMethod method) {
    switch (method) {
        case quant::CalibrationMethod::Entropy: return m.entropy;
        case quant::CalibrationMethod::Percentile: return m.percentile;
        case quant::CalibrationMethod::Mse: return m.mse;
        case quant::CalibrationMethod::MinMax: break;
    }
    return m.minMax;
}

// A QDQ model's own scales, kept on the values by the fold-qdq pass.
bool hasModelScales(const ir::Graph& g) {
    for (size_t v = 0; v < g.valueCount(); ++v)
        if (g.value(ir::ValueId{int32_t(v)}).quant) return true;
    return false;
}
}  // namespace

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
    const double timedStart = insight ? 0.15 : 0.05;               // the range insight's run comes first
    const double timedEnd = request.compareLayers ? 0.8 : 1.0;    // the comparison takes the rest

    // int8 calibrates on the request's calibration data set, else on the profiled inputs. The
    // range insight streams them through one histogram observer (the data set as calibrateModel
    // streams it, on the session at its batch); unless a table file gives the ranges, int8 takes
    // its ranges from the same histograms (identical to a separate calibration run), the plan and
    // the layer comparison alike, so the calibration run is not repeated.
    const bool int8Runs = std::count(config.precisions.begin(), config.precisions.end(), runtime::Precision::Int8) > 0;
    const bool fromData = request.calibrationData && int8Runs && config.calibration.table.empty();
    std::shared_ptr<RangeInsight> kept;
    std::shared_ptr<const CalibrationTable> calibration;
    if (insight) {
        RangeInsightRequest ri;
        ri.tableGiven = !config.calibration.table.empty() || hasModelScales(*at.session->fused());
        detail::CalibrationStream stream;
        const Session* observed = at.session;
        if (fromData) {
            QL_ASSIGN(stream, detail::calibrationStream(session, request.calibrationData, config.calibration.samples, {job.cancel, {}}));
            ri.stream = stream.batches;
            ri.source = request.calibrationSource;
            observed = stream.at.session;
        } else {
            ri.calibration = {request.inputs};
            ri.source = "the profiled inputs (batch " + std::to_string(config.batch) + ")";
        }
        QL_ASSIGN(auto in, rangeInsightModel(*observed, config, ri, {job.cancel, span.sub(0.05, timedStart)}));
        kept = std::make_shared<RangeInsight>(*in);
        if (config.calibration.table.empty()) {  // a QDQ model's own scales are laid over it by prepare()
            CalibrationTable t;
            t.model = session.modelPath().filename().string();
            t.observer = config.calibration.observer();
            t.samples = fromData ? stream.samples : config.batch;
            t.source = fromData ? request.calibrationSource : "the profiled inputs";
            for (const auto& a : kept->activations) t.ranges[a.value] = rangeOf(a.methods, t.observer.method);
            calibration = std::make_shared<const CalibrationTable>(std::move(t));
        }
    } else if (fromData) {  // one calibration for the plan and the layer comparison alike
        QL_ASSIGN(auto t, detail::calibrateOn(session, config, request.calibrationData, request.calibrationSource, {job.cancel, span.sub(0.05, timedStart)}));
        if (t) calibration = std::make_shared<const CalibrationTable>(std::move(*t));
    }
    // Every precision's plan is built first, then they are timed in alternation (profileRunsInterleaved):
    // on a shared machine that drifts, the FP32/INT8 ratio then compares runs of the same minutes.
    std::shared_ptr<const quant::RangeTable> int8Ranges;
    const double builtAt = timedStart + (timedEnd - timedStart) * 0.3;
    std::vector<runtime::PreparedExecutor> prepared;
    for (size_t i = 0; i < config.precisions.size(); ++i) {
        const runtime::Precision precision = config.precisions[i];
        const auto share = span.sub(timedStart + (builtAt - timedStart) * double(i) / n, timedStart + (builtAt - timedStart) * double(i + 1) / n);
        // int8 ranges come from the calibration inputs unless the config names a table
        QL_ASSIGN(auto p, detail::prepare(*at.session, config, precision, {request.inputs}, job.cancel, share, calibration.get()));
        prepared.push_back(std::move(p));
    }
    std::vector<runtime::Executor*> executors;
    for (auto& p : prepared) executors.push_back(p.executor.get());
    auto measured = profile::profileRunsInterleaved(executors, request.inputs, {config.warmup, config.repeat}, job.cancel, span.sub(builtAt, timedEnd));
    if (!measured) return measured.status().isCancelled() ? measured.status() : measured.status().withContext(result->model + ": ");
    for (size_t i = 0; i < prepared.size(); ++i) {
        const runtime::Precision precision = config.precisions[i];
        PrecisionRun run;
        run.precision = precision;
        run.executor = prepared[i].executor->name();
        run.layout = config.executor == "eager" ? runtime::Layout::Nchw : config.layout;
        run.int8Note = prepared[i].int8Note;
        if (precision == runtime::Precision::Int8) int8Ranges = prepared[i].ranges;
        run.sevenBitActivations = precision == runtime::Precision::Int8 && prepared[i].sevenBitActivations;
        run.profile = std::move((*measured)[i]);
        result->cpu = prepared[i].cpu;
        result->runs.push_back(std::move(run));
    }
    const PrecisionRun* fp32 = result->find(runtime::Precision::Fp32);
    const PrecisionRun* int8 = result->find(runtime::Precision::Int8);
    if (fp32 && int8) result->agreement = profile::compareOutputs(fp32->profile.outputs, int8->profile.outputs);
    if (kept) {  // the ranges the INT8 plan used (scale-shared groups widened)
        if (int8Ranges)
            for (auto& a : kept->activations)
                if (auto it = int8Ranges->find(a.value); it != int8Ranges->end()) a.used = it->second;
        result->rangeInsight = std::move(kept);
    }
    if (request.compareLayers && fp32 && int8) {  // separate capture runs: the timings above are untouched
        CompareRequest cr;
        cr.inputs = request.inputs;
        cr.table = calibration;
        QL_ASSIGN(result->comparison, compareModel(*at.session, config, cr, {job.cancel, span.sub(timedEnd, 1.0)}));
    }
    if (!request.keepOutputs)
        for (auto& r : result->runs) r.profile.outputs.clear();
    // after the timed runs (never between them): this CPU's MAC peaks for the ISA oneDNN ran
    if (request.measurePeak && !job.cancel.isCancelled()) result->macPeaks = kernels::onednn::measureMacPeaks(result->cpu.isa, result->cpu.threads);
    result->peakRssBytes = profile::peakRssBytes();
    result->loadAverage = profile::loadAverage();
    span.report(1.0, "done");
    return RunResultPtr(std::move(result));
}

}  // namespace ql::session
