#include <cmath>
#include <cstdio>
#include <set>

#include "app/cli/commands.h"
#include "core/report/compare_report.h"
#include "core/session/fallback_workflow.h"
#include "core/session/workflows.h"
#include "core/util/atomic_file.h"

namespace ql::cli {

namespace {
std::string db(double v) {
    char b[32];
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}

std::string percent(const profile::LayerError& e, double share) {
    if (!e.hasGrid) return "-";
    char b[32];
    std::snprintf(b, sizeof b, "%.3f", 100.0 * share);
    return b;
}
}  // namespace

// --fallback-until: the automatic FP32 fallback loop after the comparison.
int fallback(const CompareOptions& o, const session::Session& s, const session::RunConfig& config, const session::CompareRequest& compare,
             const DataOptions::Resolved& data) {
    auto target = session::parseFallbackTarget(o.fallbackUntil);
    if (!target) return fail(target.status());
    session::FallbackRequest request;
    request.target = *target;
    request.compare = compare;
    request.maxLayers = int(o.maxFallback);
    if (target->metric == session::FallbackTarget::Metric::Top1Drop) {
        if (data.dataset.empty()) return fail(Status::error("--fallback-until drop=... needs a labelled --dataset (top-1 is measured on it)"));
        data.fill(request.eval);
        request.eval.calibDataset = data.calibDataset;
        request.eval.limit = o.fallbackImages;
    }
    std::printf("\nautomatic FP32 fallback until %s:\n", o.fallbackUntil.c_str());
    auto r = session::autoFallback(s, config, request, {interrupt(), {}});
    if (!r) return fail(r.status());
    const bool sqnr = target->metric == session::FallbackTarget::Metric::OutputSqnr;
    auto value = [&](double v) { return sqnr ? db(v) + " dB output SQNR" : db(v) + " points top-1 drop"; };
    std::printf("  sensitivity ranking (isolated output SQNR):");
    for (size_t i = 0; i < r->ranking.size(); ++i) std::printf("%s %s (%s dB)", i ? "," : "", r->ranking[i].c_str(), db(r->rankingSqnr[i]).c_str());
    std::printf("\n");
    for (const auto& step : r->steps) {
        std::printf("  %-14s %s%s\n", step.fp32Layers.empty() ? "all INT8:" : ("+ " + step.fp32Layers.back() + ":").c_str(), value(step.metric).c_str(),
                    step.kept ? "" : " (no better: it stays INT8)");
    }
    const auto chosen = r->fallback();
    std::printf("  %s: %zu layer(s) in FP32 (%s -> %s)\n", r->met ? "met" : "NOT met (ranking exhausted or --max-fallback reached)", chosen.size(),
                value(r->steps.front().metric).c_str(), value(r->chosen().metric).c_str());
    std::printf("  latency (median, batch %lld): FP32 %.3f ms, all INT8 %.3f ms, with the fallback %.3f ms: the fallback costs %+.3f ms "
                "(speed-up %.2fx -> %.2fx)\n",
                (long long)config.batch, r->fp32Ms, r->int8Ms, r->mixedMs, r->mixedMs - r->int8Ms, r->int8Ms > 0 ? r->fp32Ms / r->int8Ms : 0.0,
                r->mixedMs > 0 ? r->fp32Ms / r->mixedMs : 0.0);
    if (!chosen.empty()) {
        std::string list;
        for (const auto& c : chosen) list += (list.empty() ? "" : ",") + c;
        std::printf("  repeat with: --fp32-fallback %s\n", list.c_str());
    }
    return kExitOk;  // a threshold not met is a finding, said above, not an error
}

int compareCommand(const CompareOptions& o) {
    session::RunConfig defaults;
    auto config = o.exec.resolve(defaults);
    if (!config) return fail(config.status());
    if (o.batch) config->batch = *o.batch;
    if (o.seed) config->seed = *o.seed;
    if (Status st = config->validate(); !st) return fail(st);
    if (Status st = checkOutput(o.json, "--json", o.force); !st) return fail(st);
    auto mode = session::parseCompareMode(o.mode);
    if (!mode) return fail(mode.status());
    auto data = o.data.resolve(config->batch);
    if (!data) return fail(data.status());

    data->open.batchFollowsModel = !o.exec.batchChosen(o.batch);
    auto s = session::Session::open(o.model, data->open);
    if (!s) return fail(s.status());
    config->batch = (*s)->batch();  // a model that fixes its batch runs at it unless --batch says otherwise
    session::CompareRequest request;
    data->fill(request);
    request.calibDataset = data->calibDataset;
    request.samples = o.samples;
    request.mode = *mode;
    request.maxIsolatedLayers = o.maxLayers;
    if (!o.referenceModel.empty()) {
        auto reference = session::Session::open(o.referenceModel, data->open);
        if (!reference) return fail(reference.status());
        request.reference = std::move(*reference);
    }
    auto result = session::compareModel(**s, *config, request, {interrupt(), {}});
    if (!result) return fail(result.status());
    const session::ComparisonResult& r = **result;

    std::printf("compare %s: FP32 vs INT8 (%s executor), %s mode, %lld samples from %s, batch %lld\n", o.model.c_str(), config->executor.c_str(),
                session::compareModeName(r.mode).c_str(), (long long)r.samples, r.inputSource.c_str(), (long long)config->batch);
    std::printf("cpu %s, oneDNN %s on %s, ISA %s%s, %d threads\n", r.cpu.cpuModel.c_str(), r.cpu.onednnVersion.c_str(), r.cpu.openmp.c_str(), r.cpu.isa.c_str(),
                r.cpu.int8Vnni ? " (VNNI)" : " (no VNNI)", r.cpu.threads);
    if (!r.int8Note.empty()) std::printf("int8: %s\n", r.int8Note.c_str());
    if (!r.referenceModel.empty()) std::printf("fp32: %s (layers matched by tensor name)\n", r.referenceModel.c_str());
    const size_t top = size_t(o.top);
    // Marks single out the `top` worst layers: on a model with no more layers than that they
    // would mark every row and say nothing.
    std::set<const session::LayerComparison*> worst, sensitive;
    if (r.worstPropagated(top + 1).size() > top)
        for (const auto* l : r.worstPropagated(top)) worst.insert(l);
    if (r.mostSensitive(top + 1).size() > top)
        for (const auto* l : r.mostSensitive(top)) sensitive.insert(l);
    const bool iso = r.mode != session::CompareMode::Propagated, prop = r.mode != session::CompareMode::Isolated;
    std::printf("\n%-3s %-34s %-14s %-4s", "#", "layer (execution order)", "op", "type");
    if (prop) std::printf(" %9s %9s %11s %11s %9s %7s", "SQNR dB", "cosine", "max |err|", "MSE", "clipped%", "sat%");
    if (iso) std::printf(" %10s %7s", "iso SQNR", "iso top1");
    std::printf("\n");
    int index = 0;
    for (const auto& l : r.layers) {
        ++index;
        if (iso && !prop && !l.isolated && !o.all) continue;
        std::printf("%-3d %-34s %-14s %-4s", index, l.name.substr(0, 34).c_str(), l.opType.substr(0, 14).c_str(), l.int8Dtype.c_str());
        if (prop) {
            if (l.propagated) {
                const auto& e = *l.propagated;
                std::printf(" %9s %9.5f %11.4g %11.4g %9s %7s", db(e.sqnrDb).c_str(), e.cosine, e.maxAbsError, e.mse,
                            percent(e, e.clippedShare).c_str(), percent(e, e.saturatedShare).c_str());
            } else {
                std::printf(" %9s %9s %11s %11s %9s %7s", "-", "-", "-", "-", "-", "-");
            }
        }
        if (iso) {
            if (l.isolated) std::printf(" %10s %6.1f%%", db(l.isolated->output.sqnrDb).c_str(), 100.0 * l.isolated->top1Agreement);
            else std::printf(" %10s %7s", "-", "-");
        }
        std::printf("%s%s\n", worst.count(&l) ? "  <== worst" : "", sensitive.count(&l) ? "  <== sensitive" : "");
    }
    for (const auto& out : r.outputs) {
        std::printf("\noutput %s: SQNR %s dB, cosine %.5f, max |error| %.4g", out.output.c_str(), db(out.error.sqnrDb).c_str(), out.error.cosine,
                    out.error.maxAbsError);
        if (out.hasTop1) std::printf(", same top-1 on %.2f%% of samples", 100.0 * out.top1Agreement);
        std::printf("\n");
    }
    if (prop) {
        std::printf("\ntop-%zu worst layers by propagated SQNR:\n", top);
        for (const auto* l : r.worstPropagated(top))
            std::printf("  %-34s %-14s %8s dB  (fused from %zu node(s))\n", l->name.substr(0, 34).c_str(), l->opType.c_str(),
                        db(l->propagated->sqnrDb).c_str(), l->fusedFrom.size());
    }
    if (iso) {
        std::printf("\ntop-%zu most sensitive layers (only that layer in INT8, output SQNR):\n", top);
        for (const auto* l : r.mostSensitive(top))
            std::printf("  %-34s %-14s %8s dB, same top-1 %.1f%%\n", l->name.substr(0, 34).c_str(), l->opType.c_str(),
                        db(l->isolated->output.sqnrDb).c_str(), 100.0 * l->isolated->top1Agreement);
        if (r.isolatedLayersSkipped)
            std::printf("  (%lld int8 layer(s) not isolated: --max-layers %lld)\n", (long long)r.isolatedLayersSkipped, (long long)o.maxLayers);
    }
    if (!r.unmatched.empty()) {
        std::printf("\n%zu INT8 value(s) with no FP32 counterpart", r.unmatched.size());
        for (size_t i = 0; i < r.unmatched.size() && i < 5; ++i) std::printf("%s'%s'", i ? ", " : ": ", r.unmatched[i].c_str());
        std::printf("%s\n", r.unmatched.size() > 5 ? ", ..." : "");
    }
    std::printf("\n%.2f s, peak RSS %.1f MiB\n", r.seconds, double(r.peakRssBytes) / (1 << 20));
    if (!o.json.empty()) {
        if (Status st = writeFileAtomically(o.json, report::toJson(r)); !st) return fail(st);
        std::printf("comparison written to %s\n", o.json.c_str());
    }
    if (!o.fallbackUntil.empty()) return fallback(o, **s, *config, request, *data);
    return kExitOk;
}

}  // namespace ql::cli
