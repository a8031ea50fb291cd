#include "core/profile/profiler.h"

#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>

namespace ql::profile {

int64_t peakRssBytes() {
    // VmHWM: this process image's own high-water mark. getrusage's ru_maxrss survives execve:
    // a process posix_spawn started (bench trials) reported its parent's peak when that was higher.
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;  // "VmHWM:   123456 kB"
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
    const size_t n = collectors.size();
    const int total = options.warmup + options.repeat;  // runs per executor, for progress
    int finished = 0;
    auto report = [&](bool timed) {
        if (progress) progress(double(++finished) / double(total * int(n)), timed ? kTimedRunStage : "warm-up");
    };
    for (int round = 0; round < options.warmup; ++round)
        for (auto& c : collectors) {
            if (cancel.isCancelled()) return Status::cancelled();
            QL_TRY(c->runOnce(inputs, false, false));
            report(false);
        }
    // Timed runs come in blocks per executor, the order reversed every other block (A B, B A).
    // After another executor ran, this one's first runs are slower for a while (MobileNet V2 INT8
    // after FP32 here: 1.46, 1.39, 1.25, 1.15 ms ... settling at ~1.04 ms after ~10 runs; longer
    // than a cache refill, like a clock or power state recovering), so a block starts with
    // untimed settling runs and then times several in a row: the steady state a single
    // executor's back-to-back runs measure.
    // (The executor that ran last, at a reversal, needs no settling.)
    constexpr int kBlock = 4, kMinSettleRuns = 2;
    size_t lastRun = n - 1;  // the warm-up rounds end with it
    for (int done = 0, block = 0; done < options.repeat; done += kBlock, ++block) {
        const int len = std::min(kBlock, options.repeat - done);
        for (size_t k = 0; k < n; ++k) {
            const size_t e = block % 2 == 0 ? k : n - 1 - k;
            const auto settleStart = std::chrono::steady_clock::now();
            for (int w = 0; n > 1 && e != lastRun && (w < kMinSettleRuns || std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - settleStart).count() < options.settleMs); ++w) {
                if (cancel.isCancelled()) return Status::cancelled();
                QL_TRY(collectors[e]->runOnce(inputs, false, false));
            }
            for (int j = 0; j < len; ++j) {
                if (cancel.isCancelled()) return Status::cancelled();
                QL_TRY(collectors[e]->runOnce(inputs, true, done + j == options.repeat - 1));
                report(true);
            }
            lastRun = e;
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
