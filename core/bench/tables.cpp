#include "core/bench/tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

namespace ql::bench {

namespace {
std::string fmt(const char* f, double v) {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}
std::string mib(int64_t bytes) { return fmt("%.2f", double(bytes) / (1 << 20)); }
// Three significant digits, whatever the magnitude (0.0123, 1.23, 123).
std::string sig3(double v) {
    if (v == 0 || !std::isfinite(v)) return fmt("%g", v);
    const int digits = std::max(0, 2 - int(std::floor(std::log10(std::abs(v)))));
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", digits, v);
    return b;
}
std::string interval(double lo, double hi) { return "[" + sig3(lo) + ", " + sig3(hi) + "]"; }
std::string pValue(const profile::TestResult& t) {
    if (!t.valid) return "n/a";
    return t.p < 0.0001 ? "<0.0001" : fmt("%.4f", t.p);
}
std::string pct(double share) { return fmt("%.2f", 100.0 * share); }
std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}
std::string threadsText(const ConfigSummary& s) {
    return s.config.threads == 0 ? std::to_string(s.threadsUsed) + " (all)" : std::to_string(s.config.threads);
}
}  // namespace

std::string toMarkdown(const BenchRun& run, const BenchAnalysis& a) {
    std::ostringstream o;
    const Machine& m = run.machine;
    o << "# QuantLens benchmark\n\n";
    o << "- Machine: " << m.cpuModel << ", " << m.cores << " cores, oneDNN ISA " << m.isa << (m.vnni ? " (VNNI)" : " (no VNNI)") << ", oneDNN "
      << m.onednn << ", quantlens " << m.quantlens << (m.host.empty() ? "" : ", host " + m.host) << "\n";
    for (const auto& other : run.otherMachines) o << "- Also (merged with --allow-mixed): " << other.fingerprint() << "\n";
    o << "- Runs: " << run.spec.trials << " trials per configuration, each a fresh process, in a seeded interleaved order (seed "
      << run.spec.seed << "); per trial " << run.spec.warmup << " warm-up and " << run.spec.repeat << " timed runs";
    if (run.spec.targetCiPercent > 0) o << "; more trials (up to " << run.spec.maxTrials << ") until the CI half-width is under " << run.spec.targetCiPercent << " %";
    o << ".\n";
    if (!run.shards.empty()) {
        o << "- Shards:";
        for (const auto& s : run.shards) o << " " << s.text();
        o << (run.complete ? "" : " (incomplete: not every trial or shard finished)") << "\n";
    }
    o << "- Started " << run.started << (run.finished.empty() ? "" : ", finished " + run.finished) << ".\n";
    o << "- Intervals: 95 % two-level bootstrap of the median (trials drawn, then runs within them). p: Welch's t test on the log "
         "trial medians (two-sided); Holm-corrected over the "
      << a.pairs.size() << " FP32/INT8 pair(s); * marks p(Holm) < 0.05, \"n.s.\" a difference that is not significant, \"untested\" a pair with too few trials for the test (2 or more each).\n\n";

    if (!a.pairs.empty()) {
        o << "## FP32 vs INT8\n\n";
        o << "| Model | Batch | Threads | Layout | Executor | FP32 ms/image [95% CI] | INT8 ms/image [95% CI] | Speed-up [95% CI] | p (Welch) | p (Holm) | "
             "Significant | Weights FP32 / INT8 MiB | Ratio | File FP32 / INT8 MiB | Top-1 FP32 / INT8 % |\n";
        o << "|---|---:|---:|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n";
        for (const auto& p : a.pairs) {
            const ConfigSummary& f = a.configs[p.fp32];
            const ConfigSummary& i = a.configs[p.int8];
            std::string acc = "–";
            if (f.accuracy && i.accuracy) acc = pct(f.accuracy->top1) + " / " + pct(i.accuracy->top1);
            o << "| " << f.config.modelName << " | " << f.config.batch << " | " << threadsText(f) << " | " << f.config.layout << " | "
              << f.config.executor << " | " << sig3(f.msPerImage) << " " << interval(f.ciMsPerImage.low, f.ciMsPerImage.high) << " | "
              << sig3(i.msPerImage) << " " << interval(i.ciMsPerImage.low, i.ciMsPerImage.high) << " | " << fmt("%.2f", p.speedUp) << "× "
              << "[" << fmt("%.2f", p.ciSpeedUp.low) << ", " << fmt("%.2f", p.ciSpeedUp.high) << "] | " << pValue(p.welch) << " | "
              << (p.welch.valid ? (p.pHolm < 0.0001 ? std::string("<0.0001") : fmt("%.4f", p.pHolm)) : std::string("n/a")) << " | " << (!p.welch.valid ? "untested" : p.significant ? "*" : "n.s.") << " | " << mib(f.weightBytes)
              << " / " << mib(i.weightBytes) << " | " << fmt("%.2f", p.weightRatio) << "× | " << mib(f.serializedBytes) << " / "
              << mib(i.serializedBytes) << (i.serializedIsQdq ? "" : " (no QDQ file)") << " | " << acc << " |\n";
        }
        o << "\n";
    }
    o << "## Every configuration\n\n";
    o << "| Model | Precision | Batch | Threads | Layout | Executor | Trials × runs | ms/image median [95% CI] | CI ± % | Mean ms/image | Images/s "
         "[95% CI] | Weights MiB | Arena MiB | File MiB | Peak RSS MiB | Top-1 % | Top-5 % |\n";
    o << "|---|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& s : a.configs) {
        o << "| " << s.config.modelName << " | " << s.config.precision << (s.sevenBitActivations ? " (7-bit)" : "") << " | " << s.config.batch
          << " | " << threadsText(s) << " | " << s.config.layout << " | " << s.config.executor << " | " << s.trials << " × "
          << (s.trials ? s.repeats / s.trials : 0) << " | " << sig3(s.msPerImage) << " " << interval(s.ciMsPerImage.low, s.ciMsPerImage.high)
          << " | " << fmt("%.1f", s.ciHalfWidthPercent) << " | " << sig3(s.meanMsPerImage) << " | " << sig3(s.imagesPerSecond) << " "
          << interval(s.ciImagesPerSecond.low, s.ciImagesPerSecond.high) << " | " << mib(s.weightBytes) << " | " << mib(s.arenaBytes) << " | "
          << mib(s.serializedBytes) << " | " << mib(s.peakRssBytes) << " | " << (s.accuracy ? pct(s.accuracy->top1) : "–") << " | "
          << (s.accuracy ? pct(s.accuracy->top5) : "–") << " |\n";
    }
    bool notes = false;
    auto note = [&](const std::string& text) {
        if (!notes) o << "\n## Notes\n\n";
        notes = true;
        o << "- " << text << "\n";
    };
    int loaded = 0;
    double worst = 0;
    for (const auto& s : a.configs)
        if (s.maxLoadAverage > double(s.threadsUsed) + 0.5) ++loaded, worst = std::max(worst, s.maxLoadAverage);
    if (loaded)
        note("In " + std::to_string(loaded) + " of " + std::to_string(a.configs.size()) + " configurations the load average rose above the "
             "thread count (up to " + fmt("%.1f", worst) + " on " + std::to_string(run.machine.cores) + " cores): other processes competed for "
             "the cores, which widens the intervals and can stall OpenMP barriers. Repeat on a quiet machine.");
    for (const auto& id : a.missing) note(id + ": no finished trial");
    for (const auto& f : run.failures) note(f.config + " trial " + std::to_string(f.trial) + " failed (exit " + std::to_string(f.exitCode) + "): " + f.message);
    for (const auto& s : a.configs)
        if (!s.int8Note.empty()) {
            note("INT8 of " + s.config.modelName + ": " + s.int8Note);
            break;
        }
    note("File MiB: the ONNX file for FP32; for INT8 the same model exported as QDQ (quantlens-cli quantize: s8 weights, calibrated "
         "activation ranges) when the export ran, in qdq/ of the bench folder. The trials themselves load the float file and quantize "
         "in memory when the plan is built.");
    return o.str();
}

std::string configsCsv(const BenchAnalysis& a) {
    std::ostringstream o;
    o << "model,precision,batch,threads,threads_used,layout,executor,trials,runs,ms_per_image_median,ms_per_image_ci_low,ms_per_image_ci_high,"
         "ci_half_width_percent,ms_per_image_mean,images_per_second,images_per_second_ci_low,images_per_second_ci_high,weight_bytes,arena_bytes,"
         "model_file_bytes,serialized_bytes,peak_rss_bytes,top1,top5,seven_bit_activations\n";
    for (const auto& s : a.configs) {
        o << csvField(s.config.modelName) << "," << s.config.precision << "," << s.config.batch << "," << s.config.threads << "," << s.threadsUsed
          << "," << s.config.layout << "," << s.config.executor << "," << s.trials << "," << s.repeats << "," << fmt("%.6g", s.msPerImage) << ","
          << fmt("%.6g", s.ciMsPerImage.low) << "," << fmt("%.6g", s.ciMsPerImage.high) << "," << fmt("%.3f", s.ciHalfWidthPercent) << ","
          << fmt("%.6g", s.meanMsPerImage) << "," << fmt("%.6g", s.imagesPerSecond) << "," << fmt("%.6g", s.ciImagesPerSecond.low) << ","
          << fmt("%.6g", s.ciImagesPerSecond.high) << "," << s.weightBytes << "," << s.arenaBytes << "," << s.modelFileBytes << "," << s.serializedBytes << ","
          << s.peakRssBytes << "," << (s.accuracy ? fmt("%.6f", s.accuracy->top1) : "") << "," << (s.accuracy ? fmt("%.6f", s.accuracy->top5) : "")
          << "," << (s.sevenBitActivations ? "true" : "false") << "\n";
    }
    return o.str();
}

std::string pairsCsv(const BenchAnalysis& a) {
    std::ostringstream o;
    o << "model,batch,threads,layout,executor,fp32_ms_per_image,int8_ms_per_image,speed_up,speed_up_ci_low,speed_up_ci_high,p_welch,df_welch,"
         "p_mann_whitney,p_holm,significant,weight_ratio\n";
    for (const auto& p : a.pairs) {
        const BenchConfig& c = a.configs[p.fp32].config;
        o << csvField(c.modelName) << "," << c.batch << "," << c.threads << "," << c.layout << "," << c.executor << ","
          << fmt("%.6g", a.configs[p.fp32].msPerImage) << "," << fmt("%.6g", a.configs[p.int8].msPerImage) << "," << fmt("%.4f", p.speedUp) << ","
          << fmt("%.4f", p.ciSpeedUp.low) << "," << fmt("%.4f", p.ciSpeedUp.high) << "," << (p.welch.valid ? fmt("%.6g", p.welch.p) : "") << ","
          << (p.welch.valid ? fmt("%.3f", p.welch.df) : "") << "," << (p.mannWhitney.valid ? fmt("%.6g", p.mannWhitney.p) : "") << ","
          << fmt("%.6g", p.pHolm) << "," << (p.significant ? "true" : "false") << "," << fmt("%.4f", p.weightRatio) << "\n";
    }
    return o.str();
}

std::string resultsJson(const BenchRun& run, const BenchAnalysis& a) {
    using nlohmann::json;
    auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
    json configs = json::array(), pairs = json::array();
    for (const auto& s : a.configs) {
        json c = {{"id", s.config.id()}, {"model", s.config.modelName}, {"precision", s.config.precision}, {"batch", s.config.batch},
                  {"threads", s.config.threads}, {"threads_used", s.threadsUsed}, {"layout", s.config.layout}, {"executor", s.config.executor},
                  {"trials", s.trials}, {"runs", s.repeats}, {"trial_medians_ms", s.trialMediansMs},
                  {"ms_per_image", {{"median", s.msPerImage}, {"mean", s.meanMsPerImage}, {"ci95", {s.ciMsPerImage.low, s.ciMsPerImage.high}}}},
                  {"images_per_second", {{"median", s.imagesPerSecond}, {"ci95", {s.ciImagesPerSecond.low, s.ciImagesPerSecond.high}}}},
                  {"ci_half_width_percent", s.ciHalfWidthPercent}, {"weight_bytes", s.weightBytes}, {"arena_bytes", s.arenaBytes},
                  {"model_file_bytes", s.modelFileBytes}, {"serialized_bytes", s.serializedBytes},
                  {"serialized_is_qdq", s.serializedIsQdq}, {"peak_rss_bytes", s.peakRssBytes},
                  {"seven_bit_activations", s.sevenBitActivations}, {"int8_note", s.int8Note}};
        if (s.accuracy) c["accuracy"] = {{"images", s.accuracy->images}, {"top1", s.accuracy->top1}, {"top5", s.accuracy->top5}};
        configs.push_back(c);
    }
    for (const auto& p : a.pairs)
        pairs.push_back({{"key", p.key}, {"fp32", a.configs[p.fp32].config.id()}, {"int8", a.configs[p.int8].config.id()},
                         {"speed_up", p.speedUp}, {"speed_up_ci95", {p.ciSpeedUp.low, p.ciSpeedUp.high}},
                         {"welch_log", {{"valid", p.welch.valid}, {"t", num(p.welch.statistic)}, {"df", p.welch.df}, {"p", p.welch.p}}},
                         {"mann_whitney", {{"valid", p.mannWhitney.valid}, {"u", p.mannWhitney.statistic}, {"p", p.mannWhitney.p}}},
                         {"p_holm", p.pHolm}, {"significant", p.significant}, {"weight_ratio", p.weightRatio}});
    json shards = json::array();
    for (const auto& s : run.shards) shards.push_back(s.text());
    json j = {{"schema", "quantlens.bench-results/1"},
              {"machine", {{"cpu", run.machine.cpuModel}, {"isa", run.machine.isa}, {"vnni", run.machine.vnni}, {"cores", run.machine.cores},
                           {"onednn", run.machine.onednn}, {"quantlens", run.machine.quantlens}, {"host", run.machine.host}}},
              {"trials_per_config", run.spec.trials}, {"warmup", run.spec.warmup}, {"repeat", run.spec.repeat}, {"seed", run.spec.seed},
              {"shards", shards}, {"complete", run.complete}, {"configs", configs}, {"pairs", pairs}, {"missing", a.missing}};
    return j.dump(1);
}

}  // namespace ql::bench
