#include "core/session/fallback_workflow.h"

#include <cmath>

#include "core/session/inputs.h"

namespace ql::session {

Expected<FallbackTarget> parseFallbackTarget(const std::string& text) {
    FallbackTarget t;
    const size_t eq = text.find('=');
    const std::string key = text.substr(0, eq);
    try {
        if (eq == std::string::npos) throw std::invalid_argument("no =");
        size_t used = 0;
        t.threshold = std::stod(text.substr(eq + 1), &used);
        if (used != text.size() - eq - 1 || !std::isfinite(t.threshold)) throw std::invalid_argument("trailing");
    } catch (const std::exception&) {
        return Status::error("--fallback-until '" + text + "': expected sqnr=DB or drop=POINTS, e.g. sqnr=30 or drop=0.5");
    }
    if (key == "sqnr") t.metric = FallbackTarget::Metric::OutputSqnr;
    else if (key == "drop") t.metric = FallbackTarget::Metric::Top1Drop;
    else return Status::error("--fallback-until '" + text + "': '" + key + "' is neither sqnr nor drop");
    if (t.metric == FallbackTarget::Metric::Top1Drop && t.threshold < 0) return Status::error("--fallback-until drop must not be negative");
    return t;
}

namespace {
bool meets(const FallbackTarget& t, double v) {
    return t.metric == FallbackTarget::Metric::OutputSqnr ? v >= t.threshold : v <= t.threshold;
}

Expected<double> measure(const Session& session, RunConfig config, const FallbackRequest& request, double fp32Top1, const Job& job) {
    if (request.target.metric == FallbackTarget::Metric::OutputSqnr) {
        CompareRequest cr = request.compare;
        cr.mode = CompareMode::Propagated;
        QL_ASSIGN(auto cmp, compareModel(session, config, cr, job));
        if (cmp->outputs.empty()) return Status::error("the comparison has no model output to measure SQNR on");
        return cmp->outputs.front().error.sqnrDb;
    }
    config.precisions = {runtime::Precision::Int8};
    QL_ASSIGN(auto eval, evaluateModel(session, config, request.eval, job));
    return 100.0 * (fp32Top1 - eval.top1);
}

Expected<double> int8Median(const Session& session, RunConfig config, const runtime::TensorMap& inputs, const Job& job) {
    config.precisions = {runtime::Precision::Int8};
    QL_ASSIGN(auto r, profileModel(session, config, {inputs}, job));
    return r->runs.front().profile.wholeMs.median;
}
}  // namespace

const FallbackStep& FallbackResult::chosen() const {
    static const FallbackStep none;  // a result with no steps (never from autoFallback)
    for (size_t i = steps.size(); i-- > 1;)
        if (steps[i].kept) return steps[i];
    return steps.empty() ? none : steps.front();
}

Expected<FallbackResult> autoFallback(const Session& session, const RunConfig& config, const FallbackRequest& request, const Job& job) {
    QL_TRY(config.validate());
    if (request.maxLayers < 1) return Status::error("--max-fallback must be at least 1");
    FallbackResult r;
    r.target = request.target;
    const Job sub{job.cancel, {}};
    // sensitivity: each int8 layer alone in INT8, the rest FP32
    CompareRequest iso = request.compare;
    iso.mode = CompareMode::Isolated;
    QL_ASSIGN(auto ranking, compareModel(session, config, iso, sub));
    for (const LayerComparison* l : ranking->mostSensitive(size_t(request.maxLayers))) {
        r.ranking.push_back(l->name);
        r.rankingSqnr.push_back(l->isolated->output.sqnrDb);
    }
    double fp32Top1 = 0;
    if (request.target.metric == FallbackTarget::Metric::Top1Drop) {
        RunConfig fp32 = config;
        fp32.precisions = {runtime::Precision::Fp32};
        QL_ASSIGN(auto e, evaluateModel(session, fp32, request.eval, sub));
        fp32Top1 = e.top1;
    }
    RunConfig mixed = config;
    QL_ASSIGN(double metric, measure(session, mixed, request, fp32Top1, sub));
    r.steps.push_back({{}, metric});
    const bool higherIsBetter = request.target.metric == FallbackTarget::Metric::OutputSqnr;
    for (const std::string& layer : r.ranking) {
        if (meets(request.target, metric)) break;
        if (job.cancel.isCancelled()) return Status::cancelled();
        RunConfig tried = mixed;
        tried.fp32Fallback.push_back(layer);
        QL_ASSIGN(double v, measure(session, tried, request, fp32Top1, sub));
        const bool better = higherIsBetter ? v > metric : v < metric;
        r.steps.push_back({tried.fp32Fallback, v, better});
        if (better) mixed = std::move(tried), metric = v;
    }
    r.met = meets(request.target, metric);
    // what the reverted layers cost: INT8 with and without them, on the same inputs
    runtime::TensorMap inputs = request.timingInputs;
    if (inputs.empty()) {
        QL_ASSIGN(auto at, session.withBatch(config.batch, job.cancel));
        QL_ASSIGN(inputs, completeWithRandom(*at->original(), {}, config.seed));
    }
    RunConfig fp32 = config;
    fp32.precisions = {runtime::Precision::Fp32};
    QL_ASSIGN(auto f, profileModel(session, fp32, {inputs}, sub));
    r.fp32Ms = f->runs.front().profile.wholeMs.median;
    QL_ASSIGN(r.int8Ms, int8Median(session, config, inputs, sub));
    QL_ASSIGN(r.mixedMs, int8Median(session, mixed, inputs, sub));
    return r;
}

}  // namespace ql::session
