#include "core/profile/profiler.h"

#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <memory>

namespace ql::profile {

int64_t peakRssBytes() {
    struct rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return int64_t(u.ru_maxrss) * 1024;
}

double loadAverage() {
    std::ifstream in("/proc/loadavg");
    double load = -1;
    if (!(in >> load)) return -1;
    return load;
}

namespace {
// One executor's timed runs: whole-model times and per-step times from the same runs.
class RunCollector {
public:
    RunCollector(runtime::Executor& executor, const CancelToken& cancel) : executor_(executor) {
        options_.cancel = cancel;
        options_.onStepTimed = [this](size_t step, double ms) {
            if (!timed_) return;
            if (perStep_.size() <= step) perStep_.resize(step + 1);
            perStep_[step].push_back(ms);
        };
    }

    Status runOnce(const runtime::TensorMap& inputs, bool timed, bool keepOutputs) {
        timed_ = timed;
        const auto t0 = std::chrono::steady_clock::now();
        auto out = executor_.run(inputs, options_);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!out) return out.status();
        if (timed) whole_.push_back(ms);
        if (keepOutputs) outputs_ = std::move(out).value();
        return Status::ok();
    }

    RunCollector(const RunCollector&) = delete;  // the step callback holds `this`
    RunCollector& operator=(const RunCollector&) = delete;

    RunProfile finish() {
        RunProfile result;
        result.wholeMs = summarize(whole_);
        result.wholeSamplesMs = whole_;
        const auto steps = executor_.steps();
        for (size_t i = 0; i < steps.size(); ++i) {
            LayerProfile l;
            l.step = steps[i];
            l.ms = summarize(i < perStep_.size() ? perStep_[i] : std::vector<double>{});
            if (l.ms.median > 0) l.gmacPerSecond = double(l.step.macs) / (l.ms.median * 1e6);
            result.sumOfLayerMediansMs += l.ms.median;
            result.sumOfLayerMeansMs += l.ms.mean;
            result.layers.push_back(std::move(l));
        }
        result.memory = executor_.memoryStats();
        result.outputs = std::move(outputs_);
        return result;
    }

private:
    runtime::Executor& executor_;
    runtime::RunOptions options_;
    bool timed_ = false;
    std::vector<std::vector<double>> perStep_;
    std::vector<double> whole_;
    runtime::TensorMap outputs_;
};
}  // namespace

Expected<std::vector<RunProfile>> profileRunsInterleaved(const std::vector<runtime::Executor*>& executors, const runtime::TensorMap& inputs,
                                                         const ProfileOptions& options, const CancelToken& cancel, const ProgressFn& progress) {
    if (options.repeat < 1) return Status::error("the number of timed runs must be at least 1");
    if (options.warmup < 0) return Status::error("the number of warm-up runs cannot be negative");
    std::vector<std::unique_ptr<RunCollector>> collectors;
    for (auto* e : executors) collectors.push_back(std::make_unique<RunCollector>(*e, cancel));
    const int total = options.warmup + options.repeat;
    const size_t n = collectors.size();
    for (int round = 0; round < total; ++round) {
        const bool timed = round >= options.warmup;
        for (size_t k = 0; k < n; ++k) {
            if (cancel.isCancelled()) return Status::cancelled();
            const size_t e = round % 2 == 0 ? k : n - 1 - k;  // A B, then B A: neither always runs first
            // after another executor, one untimed run first brings this one's weights and arena
            // back into the caches: the timed run then measures the steady state a single
            // executor's back-to-back runs measure, not a cold start
            if (timed && n > 1) QL_TRY(collectors[e]->runOnce(inputs, false, false));
            QL_TRY(collectors[e]->runOnce(inputs, timed, round == total - 1));
            if (progress) progress((double(round) + double(k + 1) / double(n)) / total, timed ? "timed run" : "warm-up");
        }
    }
    std::vector<RunProfile> out;
    out.reserve(n);
    for (auto& c : collectors) out.push_back(c->finish());
    return out;
}

Expected<RunProfile> profileRuns(runtime::Executor& executor, const runtime::TensorMap& inputs, const ProfileOptions& options,
                                 const CancelToken& cancel, const ProgressFn& progress) {
    QL_ASSIGN(auto runs, profileRunsInterleaved({&executor}, inputs, options, cancel, progress));
    return std::move(runs.front());
}

}  // namespace ql::profile
