#include "core/profile/profiler.h"

#include <sys/resource.h>

#include <chrono>
#include <fstream>

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

Expected<RunProfile> profileRuns(runtime::Executor& executor, const runtime::TensorMap& inputs, const ProfileOptions& options,
                                 const CancelToken& cancel, const ProgressFn& progress) {
    if (options.repeat < 1) return Status::error("the number of timed runs must be at least 1");
    RunProfile result;
    std::vector<std::vector<double>> perStep;
    std::vector<double> whole;
    runtime::RunOptions ro;
    ro.cancel = cancel;
    bool timed = false;
    ro.onStepTimed = [&](size_t step, double ms) {
        if (!timed) return;
        if (perStep.size() <= step) perStep.resize(step + 1);
        perStep[step].push_back(ms);
    };
    const int total = options.warmup + options.repeat;
    for (int i = 0; i < total; ++i) {
        if (cancel.isCancelled()) return Status::cancelled();
        timed = i >= options.warmup;
        auto t0 = std::chrono::steady_clock::now();
        auto out = executor.run(inputs, ro);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!out) return out.status();
        if (timed) whole.push_back(ms);
        if (i == total - 1) result.outputs = std::move(out).value();
        if (progress) progress(double(i + 1) / total, timed ? "timed run" : "warm-up");
    }
    result.wholeMs = summarize(whole);
    result.wholeSamplesMs = whole;
    const auto steps = executor.steps();
    for (size_t i = 0; i < steps.size(); ++i) {
        LayerProfile l;
        l.step = steps[i];
        l.ms = summarize(i < perStep.size() ? perStep[i] : std::vector<double>{});
        if (l.ms.median > 0) l.gmacPerSecond = double(l.step.macs) / (l.ms.median * 1e6);
        result.sumOfLayerMediansMs += l.ms.median;
        result.sumOfLayerMeansMs += l.ms.mean;
        result.layers.push_back(std::move(l));
    }
    result.memory = executor.memoryStats();
    return result;
}

}  // namespace ql::profile
