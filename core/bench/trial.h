#pragma once
// One trial of one configuration: the benchmark driver runs each trial in a fresh process (so
// allocator, cache and JIT state never carry over) that calls runTrial and writes its record.
#include <optional>
#include <string>
#include <vector>

#include "core/bench/grid.h"
#include "core/util/cancel.h"

namespace ql::bench {

struct TrialAccuracy {
    int64_t images = 0;
    double top1 = 0, top5 = 0;
};

struct TrialRecord {
    BenchConfig config;
    int trial = 0;
    std::vector<double> samplesMs;  // whole-model latency of each timed run, one batch per run
    int warmup = 0;
    int threadsUsed = 0;            // threads = 0 resolved to the physical cores
    int64_t weightBytes = 0, arenaBytes = 0;  // as the kernels hold them
    int64_t modelFileBytes = 0;     // the ONNX file as serialized on disk
    int64_t peakRssBytes = 0;       // of the trial's process
    std::string isa;                // what oneDNN dispatched to
    bool vnni = false, sevenBitActivations = false;
    std::string int8Note;           // how int8 ranges were obtained
    std::optional<TrialAccuracy> accuracy;
    double loadAverage = -1;        // 1-minute load average when the trial ended
    double seconds = 0;             // wall time of the whole trial (open, plan, runs)
};

struct TrialOptions {
    int warmup = 3, repeat = 20;
    uint64_t seed = 1;          // random inputs (the same in every trial)
    std::string calibTable;     // int8 ranges from this table, else calibrated on the random inputs
    std::string maxIsa;
    std::string dataset;        // when set: top-1/top-5 on `limit` images (0 = all) of it
    int64_t limit = 0;
    bool accuracy = false;      // measure accuracy in this trial (the driver asks in trial 0 only)
};

Expected<TrialRecord> runTrial(const BenchConfig& config, int trial, const TrialOptions& options, const CancelToken& cancel = {});

}  // namespace ql::bench
