#pragma once
// Latency profile of one executor: warm-up, then R timed runs. Per-step times come from the
// same runs as the whole-model time, so their sum next to the whole shows the overhead.
#include <optional>
#include <string>
#include <vector>

#include "core/profile/stats.h"
#include "core/runtime/executor.h"
#include "core/util/cancel.h"

namespace ql::profile {

struct ProfileOptions {
    int warmup = 3;
    int repeat = 20;
    // Interleaved executors: before each block of timed runs, untimed runs of the same executor
    // for at least this long (and at least 2 runs). On these machines MobileNet V2 INT8 right
    // after FP32 runs started ~40 % slower and took ~10 runs (~10 ms) to settle.
    double settleMs = 25.0;
};

struct LayerProfile {
    runtime::StepInfo step;
    Stats ms;
    double gmacPerSecond = 0;  // at the median
};

struct RunProfile {
    Stats wholeMs;
    std::vector<double> wholeSamplesMs;  // each timed run, in order (benchmarks pool them across trials)
    double sumOfLayerMediansMs = 0;
    double sumOfLayerMeansMs = 0;  // means add up: compare with wholeMs.mean for the overhead
    std::vector<LayerProfile> layers;
    std::optional<runtime::MemoryStats> memory;
    runtime::TensorMap outputs;  // of the last run
};

Expected<RunProfile> profileRuns(runtime::Executor& executor, const runtime::TensorMap& inputs, const ProfileOptions& options,
                                 const CancelToken& cancel = {}, const ProgressFn& progress = {});

// The progress stage of the timed runs: a front end that repaints on progress should not do so
// while they run (on two cores the app's repaints slowed them by 5-10 %).
inline constexpr const char* kTimedRunStage = "timed run";

// Several executors (FP32 and INT8 plans of one model) timed in alternation: warm-up rounds, then
// blocks of a few timed runs per executor (after untimed settling runs), the order reversed every
// other block (A B, B A, ...).
// A shared machine drifts by 10-20 % within minutes; running the precisions back to back makes a
// ratio of their medians compare like with like, where one block after the other compares two
// moments. One RunProfile per executor, in the order given.
Expected<std::vector<RunProfile>> profileRunsInterleaved(const std::vector<runtime::Executor*>& executors, const runtime::TensorMap& inputs,
                                                         const ProfileOptions& options, const CancelToken& cancel = {},
                                                         const ProgressFn& progress = {});

// Peak resident set size of this process so far, in bytes.
int64_t peakRssBytes();

// The 1-minute load average (/proc/loadavg), or -1 when unknown. Above the core count, other
// processes compete for the cores and OpenMP barriers stall: timings are not trustworthy.
double loadAverage();

}  // namespace ql::profile
