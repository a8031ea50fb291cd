#include <cstdio>
#include <iostream>
#include <sstream>

#include "app/cli/cli_args.h"
#include "app/cli/commands.h"
#include "app/cli/executor_args.h"
#include "app/cli/model_inputs.h"
#include "core/report/profile_report.h"
#include "importers/onnx/model_loader.h"

namespace ql::cli {

namespace {
std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> v;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) v.push_back(item);
    return v;
}

std::string mib(int64_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f MiB", double(bytes) / (1 << 20));
    return b;
}

void printProfile(const report::PrecisionProfile& p, bool verbose) {
    const auto& r = p.run;
    std::printf("\n== %s ==\n", p.precision.c_str());
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
    std::printf("%-34s %-16s %-22s %-8s %-4s %9s %8s %9s %9s %9s\n", "layer", "op", "impl", "format", "type", "MMACs", "GMAC/s",
                "median ms", "p10", "p90");
    for (const auto& l : r.layers) {
        if (!verbose && l.ms.median < 0.005 && l.step.macs == 0) continue;
        std::printf("%-34s %-16s %-22s %-8s %-4s %9.2f %8.1f %9.3f %9.3f %9.3f%s\n", l.step.name.substr(0, 34).c_str(),
                    l.step.opType.substr(0, 16).c_str(), l.step.impl.substr(0, 22).c_str(), l.step.format.c_str(), l.step.dtype.c_str(),
                    double(l.step.macs) / 1e6, l.gmacPerSecond, l.ms.median, l.ms.p10, l.ms.p90,
                    l.step.fallbackReason.empty() ? (l.step.note.empty() ? "" : ("  (" + l.step.note + ")").c_str())
                                                  : ("  <- " + l.step.fallbackReason).c_str());
    }
}
}  // namespace

int profileCommand(const std::vector<std::string>& argv) {
    std::set<std::string> valued = {"batch", "warmup", "repeat", "json", "csv", "seed", "input"};
    valued.insert(kExecutorOptions.begin(), kExecutorOptions.end());
    auto args = Args::parse(argv, {"verbose"}, valued);
    if (!args) return fail(args.status());
    if (args->positional().size() != 1) return fail(Status::error("profile takes exactly one MODEL argument"));
    const std::string model = args->positional()[0];
    auto batch = args->getInt("batch", 1, 1, 1 << 16);
    auto warmup = args->getInt("warmup", 3, 0, 100000);
    auto repeat = args->getInt("repeat", 20, 1, 100000);
    auto seed = args->getInt("seed", 0, 0, INT64_MAX);
    for (auto* e : {&batch, &warmup, &repeat, &seed})
        if (!*e) return fail(e->status());
    const auto precisions = splitList(args->get("precision").value_or("fp32,int8"));
    if (precisions.empty()) return fail(Status::error("--precision needs at least one of fp32,int8"));

    auto graph = onnx_io::loadModel(model, {*batch});
    if (!graph) return fail(graph.status());
    auto given = loadInputFiles(args->getAll("input"));
    if (!given) return fail(given.status());
    auto inputs = completeWithRandom(**graph, std::move(given).value(), uint64_t(*seed));
    if (!inputs) return fail(inputs.status().withContext(model + ": "));

    report::ProfileReport rep;
    rep.model = model;
    rep.batch = *batch;
    rep.warmup = int(*warmup);
    rep.repeat = int(*repeat);
    profile::ProfileOptions po{int(*warmup), int(*repeat)};
    for (const std::string& precision : precisions) {
        auto options = executorOptions(*args, "planned", precision);
        if (!options) return fail(options.status());
        options->calibration = {*inputs};  // until calibration lands: ranges from the run's own inputs
        auto prepared = runtime::prepareExecutor(*graph, *options);
        if (!prepared) return fail(prepared.status().withContext(model + ": "));
        rep.executor = prepared->executor->name();
        rep.layout = runtime::layoutName(options->executor == "eager" ? runtime::Layout::Nchw : options->layout);
        rep.cpu = prepared->cpu;
        auto run = profile::profileRuns(*prepared->executor, *inputs, po);
        if (!run) return fail(run.status().withContext(model + ": "));
        rep.results.push_back({precision, std::move(run).value(), prepared->passes, prepared->int8Note});
    }
    rep.peakRssBytes = profile::peakRssBytes();
    const report::PrecisionProfile* fp32 = nullptr;
    const report::PrecisionProfile* int8 = nullptr;
    for (const auto& r : rep.results) (r.precision == "int8" ? int8 : fp32) = &r;
    if (fp32 && int8) rep.agreement = report::compareOutputs(fp32->run.outputs, int8->run.outputs);

    std::printf("model %s, batch %lld, executor %s, layout %s\n", model.c_str(), (long long)rep.batch, rep.executor.c_str(), rep.layout.c_str());
    std::printf("cpu %s, oneDNN %s, ISA %s%s, %d threads; warm-up %d, repeats %d\n", rep.cpu.cpuModel.c_str(), rep.cpu.onednnVersion.c_str(),
                rep.cpu.isa.c_str(), rep.cpu.int8Vnni ? " (VNNI)" : " (no VNNI)", rep.cpu.threads, rep.warmup, rep.repeat);
    for (const auto& r : rep.results) printProfile(r, args->flag("verbose"));
    if (fp32 && int8) {
        std::printf("\nint8 vs fp32: speed-up %.2fx (median %.3f -> %.3f ms), weights %s -> %s\n", fp32->run.wholeMs.median / int8->run.wholeMs.median,
                    fp32->run.wholeMs.median, int8->run.wholeMs.median,
                    mib(fp32->run.memory ? fp32->run.memory->weightBytes : 0).c_str(), mib(int8->run.memory ? int8->run.memory->weightBytes : 0).c_str());
        for (const auto& a : rep.agreement)
            std::printf("output %s: cosine %.5f, SQNR %.1f dB, max |error| %.4g, same top-1 %s\n", a.output.c_str(), a.cosine, a.sqnrDb,
                        a.maxAbsError, a.sameArgmax ? "yes" : "no");
    }
    std::printf("peak RSS %s\n", mib(rep.peakRssBytes).c_str());
    if (auto path = args->get("json")) {
        Status st = report::writeFileAtomically(*path, report::toJson(rep));
        if (!st) return fail(st);
    }
    if (auto path = args->get("csv")) {
        Status st = report::writeFileAtomically(*path, report::toCsv(rep));
        if (!st) return fail(st);
    }
    return kExitOk;
}

}  // namespace ql::cli
