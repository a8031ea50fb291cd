#include <cstdio>
#include <filesystem>

#include "app/cli/commands.h"
#include "core/session/workflows.h"

namespace ql::cli {

int evalCommand(const EvalOptions& o) {
    session::RunConfig defaults;
    defaults.precisions = {runtime::Precision::Fp32};
    defaults.batch = 100;
    auto config = o.exec.resolve(defaults);
    if (!config) return fail(config.status());
    if (o.batch) config->batch = *o.batch;
    if (config->precisions.size() > 2 || (config->precisions.size() == 2 && config->precisions[0] == config->precisions[1]))
        return fail(Status::error("eval takes one --precision (fp32 or int8), or fp32,int8 to compare them side by side"));
    if (o.std && *o.std == 0.f) return fail(Status::error("--std must not be 0"));

    auto s = session::Session::open(o.model, {config->batch, interrupt(), {}});
    if (!s) return fail(s.status());
    session::EvalRequest request;
    request.dataDir = o.data;
    request.split = o.split;
    request.limit = o.limit;
    request.mean = o.mean;
    request.std = o.std;
    auto r = session::evaluateModel(**s, *config, request, {interrupt(), {}});
    if (!r) return fail(r.status());
    std::printf("normalisation (pixel/255 - %g) / %g from %s; ISA %s, %d thread(s)%s%s\n", r->mean, r->std, r->normalisationSource.c_str(),
                r->cpu.isa.c_str(), r->cpu.threads, r->int8Note.empty() ? "" : "; int8: ", r->int8Note.c_str());
    std::printf("eval %s on %lld %s images (%s executor, batch %lld): top-1 %.2f%%  top-5 %.2f%%  (%.1f s, %.0f images/s)\n",
                std::filesystem::path(o.model).filename().c_str(), (long long)r->images, r->split.c_str(),
                (r->executor + " " + runtime::precisionName(r->precision)).c_str(), (long long)r->batch, 100.0 * r->top1, 100.0 * r->top5,
                r->seconds, double(r->images) / r->seconds);
    if (r->paired) {
        const auto& p = *r->paired;
        if (!p.int8Note.empty()) std::printf("int8: %s\n", p.int8Note.c_str());
        std::printf("eval %s on %lld %s images (%s executor, batch %lld): top-1 %.2f%%  top-5 %.2f%%\n",
                    std::filesystem::path(o.model).filename().c_str(), (long long)r->images, r->split.c_str(),
                    (r->executor + " " + runtime::precisionName(p.precision)).c_str(), (long long)r->batch, 100.0 * p.top1, 100.0 * p.top5);
        std::printf("%s vs %s: top-1 %+.2f points, same top-1 on %.2f%% of images\n", runtime::precisionName(p.precision).c_str(),
                    runtime::precisionName(r->precision).c_str(), 100.0 * (p.top1 - r->top1), 100.0 * p.agreement);
    }
    return kExitOk;
}

}  // namespace ql::cli
