#pragma once
// `bench`, `bench-merge` and the internal `bench-trial`: the FP32-vs-INT8 study across models,
// batch sizes and settings, each trial a fresh process, shardable over a cluster (docs/bench.md).
#include <functional>
#include <string>
#include <vector>

#include "core/bench/grid.h"
#include "core/bench/trial.h"

namespace CLI {
class App;
}

namespace ql::cli {

struct BenchOptions {
    bench::GridSpec spec;
    std::string out, shard = "0/1";
    bool force = false;
};

struct BenchMergeOptions {
    std::vector<std::string> dirs;
    std::string out;
    bool allowMixed = false, force = false;
};

struct BenchTrialOptions {
    bench::BenchConfig config;
    bench::TrialOptions trial;
    int trialIndex = 0;
    std::string output;
};

int benchCommand(const BenchOptions& o);
int benchMergeCommand(const BenchMergeOptions& o);
int benchTrialCommand(BenchTrialOptions o);

// Registers bench, bench-merge and bench-trial on `app`; the returned function runs the one the
// command line chose, or returns -1 when it chose another command.
std::function<int()> addBenchCommands(CLI::App& app);

}  // namespace ql::cli
