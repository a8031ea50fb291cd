#pragma once
// The benchmark's configuration grid: which (model, precision, layout, executor, threads, batch)
// combinations run, how a shard of a cluster job picks its slice, and the interleaved, seeded
// order in which trials run so machine drift spreads evenly over configurations.
#include <cstdint>
#include <string>
#include <vector>

#include "core/util/status.h"

namespace ql::bench {

struct BenchConfig {
    std::string model;      // path as given
    std::string modelName;  // file name without .onnx: the name tables and merges use
    std::string precision;  // fp32 | int8
    std::string layout;     // auto | nchw | nhwc | blocked
    std::string executor;   // planned | eager | reference
    int threads = 0;        // 0 = physical cores
    int64_t batch = 1;

    // "resnet18|int8|auto|planned|t2|b8": stable across machines and shards.
    std::string id() const;
    // The id without the precision: an FP32 and an INT8 configuration with the same key form a pair.
    std::string pairKey() const;
};

struct GridSpec {
    std::vector<std::string> models;
    std::vector<std::string> precisions{"fp32", "int8"}, layouts{"auto"}, executors{"planned"};
    std::vector<int> threads{0};
    std::vector<int64_t> batches{1};
    int trials = 3;          // independent trials per configuration, each a fresh process
    int warmup = 3, repeat = 20;  // inside each trial
    uint64_t seed = 1;       // trial order and random inputs
    double targetCiPercent = 0;   // > 0: add trials until the CI half-width is under this % of the median
    int maxTrials = 10;           // cap for targetCiPercent
    std::string dataset;     // accuracy data set (empty: none) and how many images
    int64_t limit = 0;
    std::string calibTable;  // int8 ranges from this table (else calibrated in the trial)
    std::string maxIsa;      // oneDNN ISA cap, applied to every trial
};

// Checks the spec (names "--batch", "--models", ... in its messages) and expands it into the
// grid, in a fixed order: models, batches, threads, executors, layouts, precisions.
Expected<std::vector<BenchConfig>> expandGrid(const GridSpec& spec);

struct Shard {
    int index = 0, count = 1;  // 0-based, as SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are
    std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};
Expected<Shard> parseShard(const std::string& text);  // "i/N"

// The shard's deterministic slice of the grid: configuration k goes to shard k mod N, so every
// shard holds a similar mix of models and batch sizes.
std::vector<BenchConfig> shardOf(const std::vector<BenchConfig>& grid, const Shard& shard);

struct TrialTask {
    size_t config = 0;  // index into the shard's configurations
    int trial = 0;
};
// Rounds firstTrial..firstTrial+rounds-1; each round runs every listed configuration once, in an
// order shuffled by (seed, round). The same arguments give the same order.
std::vector<TrialTask> schedule(const std::vector<size_t>& configs, int firstTrial, int rounds, uint64_t seed);

}  // namespace ql::bench
