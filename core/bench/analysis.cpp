#include "core/bench/analysis.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace ql::bench {

namespace {
// A stable seed per configuration: the same data always give the same interval, and the two
// sides of a pair draw independently.
uint64_t seedFor(const std::string& id) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
    return h;
}

ConfigSummary summarise(const BenchConfig& c, std::vector<const TrialRecord*> trials, int resamples, std::vector<double>& bootMedians) {
    std::sort(trials.begin(), trials.end(), [](const TrialRecord* a, const TrialRecord* b) { return a->trial < b->trial; });
    ConfigSummary s;
    s.config = c;
    s.trials = int(trials.size());
    std::vector<std::vector<double>> samples;
    std::vector<double> pooled;
    for (const TrialRecord* t : trials) {
        samples.push_back(t->samplesMs);
        pooled.insert(pooled.end(), t->samplesMs.begin(), t->samplesMs.end());
        s.trialMediansMs.push_back(profile::median(t->samplesMs));
        s.weightBytes = t->weightBytes;
        s.arenaBytes = t->arenaBytes;
        s.modelFileBytes = t->modelFileBytes;
        s.peakRssBytes = std::max(s.peakRssBytes, t->peakRssBytes);
        s.threadsUsed = t->threadsUsed;
        s.sevenBitActivations = t->sevenBitActivations;
        s.maxLoadAverage = std::max(s.maxLoadAverage, t->loadAverage);
        if (!t->int8Note.empty()) s.int8Note = t->int8Note;
        if (t->accuracy && !s.accuracy) s.accuracy = t->accuracy;
    }
    s.repeats = int(pooled.size());
    const double batch = double(c.batch);
    // median and mean only: the interval below is the two-level one, not summarize()'s
    s.msPerBatch = profile::median(pooled);
    s.msPerImage = s.msPerBatch / batch;
    s.meanMsPerImage = pooled.empty() ? 0 : std::accumulate(pooled.begin(), pooled.end(), 0.0) / double(pooled.size()) / batch;
    bootMedians = profile::hierarchicalBootstrapMedians(samples, resamples, seedFor(c.id()));
    const profile::Interval ci = profile::percentileInterval(bootMedians);
    s.ciMsPerImage = {ci.low / batch, ci.high / batch};
    s.imagesPerSecond = s.msPerImage > 0 ? 1000.0 / s.msPerImage : 0;
    s.ciImagesPerSecond = {ci.high > 0 ? 1000.0 * batch / ci.high : 0, ci.low > 0 ? 1000.0 * batch / ci.low : 0};
    s.ciHalfWidthPercent = s.msPerBatch > 0 ? 50.0 * (ci.high - ci.low) / s.msPerBatch : 0;
    return s;
}
}  // namespace

BenchAnalysis analyze(const BenchRun& run, int resamples) {
    BenchAnalysis a;
    std::map<std::string, std::vector<const TrialRecord*>> byId;
    for (const auto& t : run.trials) byId[t.config.id()].push_back(&t);
    std::map<std::string, std::vector<double>> boot;  // bootstrap medians per config id
    for (const auto& c : run.configs) {
        auto it = byId.find(c.id());
        if (it == byId.end()) {
            a.missing.push_back(c.id());
            continue;
        }
        ConfigSummary s = summarise(c, it->second, resamples, boot[c.id()]);
        s.serializedBytes = s.modelFileBytes;
        if (auto q = run.qdqFileBytes.find(c.modelName); c.precision == "int8" && q != run.qdqFileBytes.end() && q->second > 0)
            s.serializedBytes = q->second, s.serializedIsQdq = true;
        a.configs.push_back(std::move(s));
    }
    std::map<std::string, size_t> fp32ByKey;
    for (size_t i = 0; i < a.configs.size(); ++i)
        if (a.configs[i].config.precision == "fp32") fp32ByKey[a.configs[i].config.pairKey()] = i;
    for (size_t i = 0; i < a.configs.size(); ++i) {
        const ConfigSummary& int8 = a.configs[i];
        if (int8.config.precision != "int8") continue;
        auto f = fp32ByKey.find(int8.config.pairKey());
        if (f == fp32ByKey.end()) continue;
        const ConfigSummary& fp32 = a.configs[f->second];
        PairSummary p;
        p.key = int8.config.pairKey();
        p.fp32 = f->second;
        p.int8 = i;
        p.speedUp = int8.msPerBatch > 0 ? fp32.msPerBatch / int8.msPerBatch : 0;
        const auto& bf = boot[fp32.config.id()];
        const auto& bi = boot[int8.config.id()];
        std::vector<double> ratios;
        for (size_t k = 0; k < std::min(bf.size(), bi.size()); ++k)
            if (bi[k] > 0) ratios.push_back(bf[k] / bi[k]);
        p.ciSpeedUp = profile::percentileInterval(ratios);
        p.welch = profile::welchOnLogs(fp32.trialMediansMs, int8.trialMediansMs);
        p.mannWhitney = profile::mannWhitneyU(fp32.trialMediansMs, int8.trialMediansMs);
        p.weightRatio = int8.weightBytes > 0 ? double(fp32.weightBytes) / double(int8.weightBytes) : 0;
        a.pairs.push_back(p);
    }
    std::vector<double> ps;
    for (const auto& p : a.pairs) ps.push_back(p.welch.valid ? p.welch.p : 1.0);
    const std::vector<double> holm = profile::holmAdjust(ps);
    for (size_t k = 0; k < a.pairs.size(); ++k) {
        a.pairs[k].pHolm = holm[k];
        a.pairs[k].significant = a.pairs[k].welch.valid && holm[k] < 0.05;
    }
    return a;
}

}  // namespace ql::bench
