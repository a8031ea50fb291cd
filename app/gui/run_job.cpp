#include "app/gui/run_job.h"

#include <algorithm>
#include <chrono>

#include "core/data/idx_dataset.h"
#include "core/data/model_card.h"
#include "core/session/inputs.h"

namespace ql::gui {
namespace {

// Inputs for the profile: a batch of real images when the data set is used and the model has
// one input, so INT8 calibrates on realistic ranges; else seeded random tensors.
Expected<runtime::TensorMap> profileInputs(const RunRequest& request, const session::Session& at, std::string& what) {
    const ir::Graph& g = *at.original();
    if (request.evaluate && g.inputs.size() == 1) {
        auto card = data::readModelCard(at.modelPath());
        auto images = data::readFashionMnist(request.dataDir, "t10k");
        if (card && images && images->count >= request.config.batch) {
            float mean = 0.f, std = 1.f;
            if (*card) mean = (*card)->mean.value_or(0.f), std = (*card)->std.value_or(1.f);
            ir::Tensor x = images->batch(0, request.config.batch, mean, std);
            if (x.dims() == g.value(g.inputs[0]).dims) {
                what = "t10k images 0.." + std::to_string(request.config.batch - 1);
                return runtime::TensorMap{{g.value(g.inputs[0]).name, std::move(x)}};
            }
        }
    }
    what = "random inputs, seed " + std::to_string(request.config.seed);
    return session::completeWithRandom(g, {}, request.config.seed);
}

}  // namespace

RunOutcome runComparison(const RunRequest& request, const session::Job& job) {
    const auto t0 = std::chrono::steady_clock::now();
    RunOutcome out;
    auto fail = [&out, &t0](const Status& s) {
        if (s.isCancelled()) out.cancelled = true;
        else out.error = s.message();
        out.result.reset();
        out.fp32Eval.reset();
        out.int8Eval.reset();
        out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        return out;
    };
    if (!request.session) return fail(Status::error("no model is open"));
    const ProgressSpan span(job.progress);
    const double profileEnd = request.evaluate ? 0.6 : 1.0;

    // The session at the run's batch, so inputs have the right shape (profileModel then reuses it).
    std::shared_ptr<const session::Session> at = request.session;
    if (at->batch() != request.config.batch) {
        auto derived = at->withBatch(request.config.batch, job.cancel, span.sub(0.0, 0.03));
        if (!derived) return fail(derived.status());
        at = std::move(derived).value();
    }
    auto inputs = profileInputs(request, *at, out.inputs);
    if (!inputs) return fail(inputs.status());
    if (job.cancel.isCancelled()) return fail(Status::cancelled("run"));

    session::ProfileRequest profile;
    profile.inputs = std::move(inputs).value();
    profile.compareLayers = true;
    profile.rangeInsight = true;
    session::EvalRequest eval;
    eval.dataDir = request.dataDir;
    eval.limit = request.evalImages;
    // With a data set, INT8 calibrates on its calibration split (the samples the settings name),
    // as the accuracy run does, so the profiled plan is the evaluated one.
    const bool int8 = std::count(request.config.precisions.begin(), request.config.precisions.end(), runtime::Precision::Int8) > 0;
    if (request.evaluate && int8 && request.config.calibration.table.empty()) {
        auto calibration = session::calibrationDataFor(*at, request.config, eval);
        if (!calibration) return fail(calibration.status());
        profile.calibrationData = calibration->data;
        profile.calibrationSource = calibration->source;
    }
    auto profiled = session::profileModel(*at, request.config, profile, {job.cancel, span.sub(0.03, profileEnd)});
    if (!profiled) return fail(profiled.status());
    out.result = std::move(profiled).value();

    if (request.evaluate) {
        const runtime::Precision order[] = {runtime::Precision::Fp32, runtime::Precision::Int8};
        for (int i = 0; i < 2; ++i) {
            session::RunConfig c = request.config;
            c.precisions = {order[i]};
            const double lo = profileEnd + (1.0 - profileEnd) * i / 2.0, hi = profileEnd + (1.0 - profileEnd) * (i + 1) / 2.0;
            const std::string stage = i == 0 ? "accuracy FP32" : "accuracy INT8";
            const ProgressSpan share(span.sub(lo, hi));
            auto evaluated = session::evaluateModel(*at, c, eval, {job.cancel, [share, stage](double f, const std::string&) { share.report(f, stage); }});
            if (!evaluated) return fail(evaluated.status());
            (i == 0 ? out.fp32Eval : out.int8Eval) = std::move(evaluated).value();
        }
    }
    span.report(1.0, "done");
    out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

}  // namespace ql::gui
