#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "core/report/int8_diagnosis.h"
#include "core/report/profile_report.h"
#include "core/session/inputs.h"
#include "core/session/workflows.h"
#include "core/util/atomic_file.h"
#ifdef QL_HAVE_QT_REPORT
#include "app/report/report_writer.h"
#endif

namespace ql::cli {

namespace {
std::string mib(int64_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f MiB", double(bytes) / (1 << 20));
    return b;
}

void printProfile(const session::RunResult& rep, const session::PrecisionRun& p, bool verbose) {
    const auto& r = p.profile;
    std::printf("\n== %s ==\n", runtime::precisionName(p.precision).c_str());
    if (!p.int8Note.empty()) std::printf("int8: %s\n", p.int8Note.c_str());
    std::printf("whole model: median %.3f ms  mean %.3f  sd %.3f  p10 %.3f  p90 %.3f  95%% CI [%.3f, %.3f]  (n=%d)\n", r.wholeMs.median,
                r.wholeMs.mean, r.wholeMs.stddev, r.wholeMs.p10, r.wholeMs.p90, r.wholeMs.ci95Low, r.wholeMs.ci95High, r.wholeMs.n);
    const double overhead = r.wholeMs.mean > 0 ? 100.0 * (r.wholeMs.mean - r.sumOfLayerMeansMs) / r.wholeMs.mean : 0;
    std::printf("sum of per-layer means: %.3f ms vs whole mean %.3f ms: %.1f%% of the time is outside the layers (sum of medians %.3f ms)\n",
                r.sumOfLayerMeansMs, r.wholeMs.mean, overhead, r.sumOfLayerMediansMs);
    if (r.memory)
        std::printf("memory: weights %s, activation arena %s (all activations %s, liveness lower bound %s, arena/bound %.2fx)\n",
                    mib(r.memory->weightBytes).c_str(), mib(r.memory->arenaBytes).c_str(), mib(r.memory->activationBytes).c_str(),
                    mib(r.memory->livenessLowerBound).c_str(),
                    r.memory->livenessLowerBound ? double(r.memory->arenaBytes) / double(r.memory->livenessLowerBound) : 0.0);
    int fallbacks = 0, reorders = 0;
    for (const auto& l : r.layers) {
        fallbacks += l.step.impl == "reference";
        reorders += l.step.inserted;
    }
    std::printf("%zu steps: %d inserted reorders, %d reference fallbacks\n", r.layers.size(), reorders, fallbacks);
    if (rep.macPeaks) {  // the whole model's MAC rate against the peak of its arithmetic
        int64_t macs = 0;
        double peakMs = 0;  // the time the MACs would take at the peaks
        for (const auto& l : r.layers) {
            if (l.step.macs <= 0) continue;
            const double peak = session::peakFor(rep, l);
            macs += l.step.macs;
            if (peak > 0) peakMs += double(l.step.macs) / peak / 1e6;
        }
        if (r.wholeMs.median > 0 && peakMs > 0) {
            const double share = 100.0 * peakMs / r.wholeMs.median;
            std::printf("MACs: %.2f G at %.1f GMAC/s, %.0f%% of this CPU's peak (at the peak of each layer's arithmetic they take %.3f ms)%s\n",
                        double(macs) / 1e9, double(macs) / r.wholeMs.median / 1e6, share, peakMs,
                        // a peak can only be beaten if its own measurement was slowed (another process on the cores)
                        share > 100.0 ? "; above 100 %: the peak measurement was disturbed, measure again on a quiet machine" : "");
        }
    }
    std::printf("%-34s %-16s %-22s %-8s %-4s %9s %8s %6s %9s %9s %9s\n", "layer", "op", "impl", "format", "type", "MMACs", "GMAC/s", "%peak",
                "median ms", "p10", "p90");
    int hidden = 0;
    for (const auto& l : r.layers) {
        if (!verbose && l.ms.median < 0.005 && l.step.macs == 0) {
            ++hidden;
            continue;
        }
        const auto share = session::shareOfPeak(rep, l);
        const std::string shareText = share ? std::to_string(int(std::lround(100.0 * *share))) : "-";
        std::printf("%-34s %-16s %-22s %-8s %-4s %9.2f %8.1f %6s %9.3f %9.3f %9.3f%s\n", l.step.name.substr(0, 34).c_str(),
                    l.step.opType.substr(0, 16).c_str(), l.step.impl.substr(0, 22).c_str(), l.step.format.c_str(), l.step.dtype.c_str(),
                    double(l.step.macs) / 1e6, l.gmacPerSecond, shareText.c_str(), l.ms.median, l.ms.p10, l.ms.p90,
                    l.step.fallbackReason.empty() ? (l.step.note.empty() ? "" : ("  (" + l.step.note + ")").c_str())
                                                  : ("  <- " + l.step.fallbackReason).c_str());
    }
    if (hidden) std::printf("(%d step(s) without arithmetic under 5 us not listed: --verbose lists every step)\n", hidden);
}
}  // namespace

int profileCommand(const ProfileOptions& o) {
    auto config = o.exec.resolve({});
    if (!config) return fail(config.status());
    if (o.batch) config->batch = *o.batch;
    if (o.warmup) config->warmup = int(*o.warmup);
    if (o.repeat) config->repeat = int(*o.repeat);
    if (o.seed) config->seed = *o.seed;
    if (Status st = config->validate(); !st) return fail(st);
    // profile calibrates INT8 on the inputs it times (or a table): a sample count would be ignored
    if (o.exec.samples)
        return fail(Status::error("--samples: profile calibrates INT8 on the profiled input batch (random or --input), not on a data set; "
                                  "to calibrate on N images, run `quantlens-cli calibrate MODEL --samples N -o table.json` and profile with "
                                  "--calib-table table.json"));
#ifndef QL_HAVE_QT_REPORT
    if (!o.report.empty()) return fail(Status::unsupported("--report needs the Qt report library (build with QL_BUILD_GUI=ON)"));
#else
    if (!o.report.empty())
        if (Status st = report::checkReportPath(o.report); !st) return fail(st);
#endif
    // every output path is checked before the (long) run, not after it
    // (and no two of them name the same file: the last written would replace the others)
    std::map<std::filesystem::path, std::string> taken;
    for (const auto& [path, option] : {std::pair{o.json, "--json"}, std::pair{o.csv, "--csv"}, std::pair{o.saveConfig, "--save-config"}, std::pair{o.report, "--report"}}) {
        if (Status st = checkOutput(path, option, o.force); !st) return fail(st);
        if (path.empty()) continue;
        std::error_code ec;
        const auto [at, fresh] = taken.emplace(std::filesystem::weakly_canonical(path, ec), option);
        if (!fresh) return fail(Status::error(std::string(option) + " " + path + ": the same file as " + at->second));
    }

    auto given = session::loadInputFiles(o.inputs);
    if (!given) return fail(given.status());
    // symbolic dimensions (height, width): --shape, else the input files' shapes
    session::OpenOptions open{config->batch, interrupt(), {}};
    const bool batchChosen = o.exec.batchChosen(o.batch);
    open.batchFollowsModel = !batchChosen;
    auto shapes = session::parseShapeSpecs(o.shapes);
    if (!shapes) return fail(shapes.status());
    open.shapes = std::move(shapes).value();
    session::addShapesOf(*given, open.shapes, o.inputs);
    auto s = session::Session::open(o.model, open);
    if (!s) return fail(s.status());
    config->batch = (*s)->batch();  // a model that fixes its batch runs at it unless --batch says otherwise
    auto inputs = session::completeWithRandom(*(*s)->original(), std::move(given).value(), config->seed);
    if (!inputs) return fail(inputs.status().withContext(o.model + ": "));
    // a report shows per-layer SQNR and calibration histograms: compare the layers and keep the
    // histograms then (untimed runs after the timing)
    session::ProfileRequest request{*inputs, false, /*compareLayers=*/!o.report.empty()};
    request.rangeInsight = !o.report.empty();
    request.measurePeak = o.peak;
    auto result = session::profileModel(**s, *config, request, {interrupt(), {}});
    if (!result) return fail(result.status());
    const session::RunResult& rep = **result;
    const auto* fp32 = rep.find(runtime::Precision::Fp32);
    const auto* int8 = rep.find(runtime::Precision::Int8);
    const std::string executor = rep.runs.front().executor, layout = runtime::layoutName(rep.runs.front().layout);

    std::printf("model %s, batch %lld%s, executor %s, layout %s\n", o.model.c_str(), (long long)config->batch,
                (*s)->fixedBatch() && !batchChosen ? " (fixed by the model)" : "", executor.c_str(), layout.c_str());
    std::printf("cpu %s, oneDNN %s on %s, ISA %s%s, %d threads; warm-up %d, repeats %d%s\n", rep.cpu.cpuModel.c_str(), rep.cpu.onednnVersion.c_str(), rep.cpu.openmp.c_str(),
                rep.cpu.isa.c_str(), rep.cpu.int8Vnni ? " (VNNI)" : " (no VNNI)", rep.cpu.threads, config->warmup, config->repeat,
                rep.runs.size() > 1 ? " (precisions interleaved in blocks of 4 timed runs, each after >= 25 ms of untimed runs of the same precision)" : "");
    if (rep.macPeaks)
        std::printf("MAC peaks (measured after the runs, %d threads): fp32 %.1f GMAC/s (%s), int8 %.1f GMAC/s (%s)\n", rep.macPeaks->threads,
                    rep.macPeaks->fp32.gmacPerSecond, rep.macPeaks->fp32.kernel.c_str(), rep.macPeaks->int8.gmacPerSecond,
                    rep.macPeaks->int8.kernel.c_str());
    for (const auto& r : rep.runs) printProfile(rep, r, o.verbose);
    if (fp32 && int8) {
        std::printf("\nint8 vs fp32: speed-up %.2fx (median %.3f -> %.3f ms), weights %s -> %s\n", fp32->profile.wholeMs.median / int8->profile.wholeMs.median,
                    fp32->profile.wholeMs.median, int8->profile.wholeMs.median,
                    mib(fp32->profile.memory ? fp32->profile.memory->weightBytes : 0).c_str(), mib(int8->profile.memory ? int8->profile.memory->weightBytes : 0).c_str());
        for (const auto& a : rep.agreement)
            std::printf("output %s: cosine %.5f, SQNR %.1f dB, max |error| %.4g, same top-1 %s\n", a.output.c_str(), a.cosine, a.sqnrDb,
                        a.maxAbsError, a.sameArgmax ? "yes" : "no");
    }
    if (const report::Int8Diagnosis d = report::diagnoseInt8(rep); d.available) std::printf("\n%s", report::formatDiagnosis(d).c_str());
    std::printf("peak RSS %s\n", mib(rep.peakRssBytes).c_str());
    if (rep.loadAverage > 0 && rep.loadAverage > double(rep.cpu.threads) + 0.5)
        std::printf("warning: load average %.1f with %d thread(s): other processes compete for the cores; timings are not trustworthy\n",
                    rep.loadAverage, rep.cpu.threads);
    // The outputs together: a failure removes the ones written before it.
    OutputFiles outputs;
    for (const auto& [path, text] : {std::pair{o.json, report::toJson(rep)}, std::pair{o.csv, report::toCsv(rep)},
                                     std::pair{o.saveConfig, session::toJson(rep.config)}}) {
        if (path.empty()) continue;
        if (Status st = outputs.write(path, text); !st) {
            outputs.rollback();
            return fail(st);
        }
    }
#ifdef QL_HAVE_QT_REPORT
    if (!o.report.empty()) {
        std::string inputsText = o.inputs.empty() ? "random inputs, seed " + std::to_string(config->seed) : "";
        for (const auto& i : o.inputs) inputsText += (inputsText.empty() ? "" : ", ") + i;
        Status st = report::writeReportFile(*result, {o.report, o.force, inputsText, std::string("quantlens-cli ") + QL_VERSION});
        if (!st) {
            outputs.rollback();
            return fail(st);
        }
        std::printf("report written to %s\n", o.report.c_str());
    }
#endif
    return kExitOk;
}

}  // namespace ql::cli
