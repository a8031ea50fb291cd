#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "core/session/workflows.h"
#include "core/util/atomic_file.h"

namespace ql::cli {

namespace {

double perSecond(int64_t images, double seconds) { return seconds > 0 ? double(images) / seconds : 0.0; }

std::string mcnemarText(const session::McNemar& m) {
    char b[200];
    if (m.exact) std::snprintf(b, sizeof b, "exact binomial, b=%lld c=%lld, p=%.4g", (long long)m.onlyFirst, (long long)m.onlySecond, m.p);
    else std::snprintf(b, sizeof b, "chi-square %.3f (continuity-corrected), b=%lld c=%lld, p=%.4g", m.statistic, (long long)m.onlyFirst, (long long)m.onlySecond, m.p);
    return b;
}

// Schema "quantlens.eval/1": docs/eval-json.md.
std::string toJson(const session::EvalResult& r, const std::string& model) {
    using nlohmann::json;
    auto precision = [&](runtime::Precision p, const std::string& executor, const std::string& note, int64_t top1, int64_t top5, double seconds) {
        return json{{"precision", runtime::precisionName(p)}, {"executor", executor}, {"top1", r.images ? double(top1) / double(r.images) : 0.0},
                    {"top1_count", top1}, {"top5", r.images ? double(top5) / double(r.images) : 0.0}, {"top5_count", top5},
                    {"run_seconds", seconds}, {"images_per_second", perSecond(r.images, seconds)}, {"int8_scheme", note.empty() ? json(nullptr) : json(note)}};
    };
    json j = {{"schema", "quantlens.eval/1"},
              {"model", model},
              {"dataset", r.dataset},
              {"split", r.split.empty() ? json(nullptr) : json(r.split)},
              {"images", r.images},
              {"batch", r.batch},
              {"classes", r.classes},
              {"normalisation", {{"mean", r.mean}, {"std", r.std}, {"source", r.normalisationSource}}},
              {"calibration", r.calibrationSource.empty() ? json(nullptr) : json(r.calibrationSource)},
              {"cpu", {{"model", r.cpu.cpuModel}, {"isa", r.cpu.isa}, {"vnni", r.cpu.int8Vnni}, {"onednn", r.cpu.onednnVersion}, {"openmp", r.cpu.openmp}, {"threads", r.cpu.threads}}},
              {"seconds", r.seconds}};
    j["precisions"] = json::array({precision(r.precision, r.executor, r.int8Note, r.top1Count, r.top5Count, r.runSeconds)});
    j["paired"] = nullptr;
    if (r.paired) {
        const auto& p = *r.paired;
        j["precisions"].push_back(precision(p.precision, p.executor, p.int8Note, p.top1Count, p.top5Count, p.runSeconds));
        const auto& m = p.mcnemar;
        j["paired"] = {{"first", runtime::precisionName(r.precision)},
                       {"second", runtime::precisionName(p.precision)},
                       {"same_top1_count", p.sameTop1},
                       {"agreement", p.agreement},
                       {"top1_difference_points", 100.0 * (p.top1 - r.top1)},
                       {"mcnemar", {{"only_first_correct", m.onlyFirst}, {"only_second_correct", m.onlySecond},
                                    {"test", m.exact ? "exact binomial" : "chi-square, continuity-corrected"},
                                    {"statistic", m.exact ? json(nullptr) : json(m.statistic)}, {"p", m.p}}}};
    }
    return j.dump(2) + "\n";
}

}  // namespace

int evalCommand(const EvalOptions& o) {
    session::RunConfig defaults;
    defaults.precisions = {runtime::Precision::Fp32};
    defaults.batch = 100;
    auto config = o.exec.resolve(defaults);
    if (!config) return fail(config.status());
    if (o.batch) config->batch = *o.batch;
    if (config->precisions.size() > 2 || (config->precisions.size() == 2 && config->precisions[0] == config->precisions[1]))
        return fail(Status::error("eval takes one --precision (fp32 or int8), or fp32,int8 to compare them side by side"));
    if (Status st = checkOutput(o.json, "--json", o.force); !st) return fail(st);
    auto data = o.data.resolve(config->batch);
    if (!data) return fail(data.status());

    data->open.batchFollowsModel = !o.exec.batchChosen(o.batch);
    auto s = session::Session::open(o.model, data->open);
    if (!s) return fail(s.status());
    config->batch = (*s)->batch();  // a model that fixes its batch runs at it unless --batch says otherwise
    session::EvalRequest request;
    data->fill(request);
    request.calibDataset = data->calibDataset;
    request.limit = o.limit;
    auto r = session::evaluateModel(**s, *config, request, {interrupt(), {}});
    if (!r) return fail(r.status());
    const std::string name = std::filesystem::path(o.model).filename().string();
    std::printf("data: %s\n", r->dataset.c_str());
    if (!r->calibrationSource.empty()) std::printf("int8 calibration: %s\n", r->calibrationSource.c_str());
    if (r->normalisationSource.find(".npy") != std::string::npos) std::printf("normalisation %s", r->normalisationSource.c_str());
    else std::printf("normalisation (pixel/255 - %g) / %g from %s", r->mean, r->std, r->normalisationSource.c_str());
    std::printf("; ISA %s, %d thread(s)%s%s\n", r->cpu.isa.c_str(), r->cpu.threads, r->int8Note.empty() ? "" : "; int8: ", r->int8Note.c_str());
    std::printf("eval %s on %lld images (%s executor, batch %lld): top-1 %.2f%%  top-5 %.2f%%  (%.1f s, %.0f images/s)\n", name.c_str(),
                (long long)r->images, (r->executor + " " + runtime::precisionName(r->precision)).c_str(), (long long)r->batch, 100.0 * r->top1,
                100.0 * r->top5, r->seconds, perSecond(r->images, r->runSeconds));
    if (r->paired) {
        const auto& p = *r->paired;
        if (!p.int8Note.empty()) std::printf("int8: %s\n", p.int8Note.c_str());
        std::printf("eval %s on %lld images (%s executor, batch %lld): top-1 %.2f%%  top-5 %.2f%%  (%.0f images/s)\n", name.c_str(),
                    (long long)r->images, (p.executor + " " + runtime::precisionName(p.precision)).c_str(), (long long)r->batch, 100.0 * p.top1,
                    100.0 * p.top5, perSecond(r->images, p.runSeconds));
        std::printf("%s vs %s: top-1 %+.2f points, same top-1 on %.2f%% of images\n", runtime::precisionName(p.precision).c_str(),
                    runtime::precisionName(r->precision).c_str(), 100.0 * (p.top1 - r->top1), 100.0 * p.agreement);
        std::printf("McNemar (b = right in %s only, c = right in %s only): %s\n", runtime::precisionName(r->precision).c_str(),
                    runtime::precisionName(p.precision).c_str(), mcnemarText(p.mcnemar).c_str());
    }
    if (!o.json.empty()) {
        if (Status st = writeFileAtomically(o.json, toJson(*r, o.model)); !st) return fail(st);
        std::printf("result written to %s\n", o.json.c_str());
    }
    return kExitOk;
}

}  // namespace ql::cli
