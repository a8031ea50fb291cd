#pragma once
// A benchmark run as stored in OUT_DIR/bench.json: the machine, the grid spec, the shard(s) it
// covers, every finished trial and every failure. Rewritten atomically after each trial, so an
// interrupted run leaves a valid file with the trials done so far. bench-merge joins shards.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/bench/grid.h"
#include "core/bench/trial.h"

namespace ql::bench {

struct Machine {
    std::string host, cpuModel, isa, onednn, quantlens;
    bool vnni = false;
    int cores = 0;
    // Shards merge only when these agree: the same CPU model, ISA and software versions.
    std::string fingerprint() const { return cpuModel + " | " + isa + " | oneDNN " + onednn + " | quantlens " + quantlens; }
};

struct TrialFailure {
    std::string config;  // BenchConfig::id()
    int trial = 0;
    int exitCode = 0;
    std::string message;
};

struct BenchRun {
    Machine machine;
    std::vector<Machine> otherMachines;  // after a merge told to accept mixed machines
    GridSpec spec;
    std::vector<Shard> shards;           // what this run covers: one shard, or the merged ones
    std::vector<BenchConfig> configs;    // the configurations it ran (its shard's slice)
    std::vector<TrialRecord> trials;
    std::vector<TrialFailure> failures;
    // Per model name: its INT8 model as a QDQ ONNX file (quantlens-cli quantize), the serialized
    // size INT8 configurations report; empty when the export failed or INT8 did not run.
    std::map<std::string, int64_t> qdqFileBytes;
    std::string started, finished;       // UTC, ISO 8601; finished empty while running or if cut short
    bool complete = false;
};

std::string toJson(const BenchRun& run);  // schema "quantlens.bench/1"
// Names `source` and the offending entry in every message.
Expected<BenchRun> benchRunFromJson(const std::string& text, const std::string& source);
Expected<BenchRun> readBenchRun(const std::filesystem::path& dir);  // DIR/bench.json
Status writeBenchRun(const std::filesystem::path& dir, const BenchRun& run);

std::string trialToJson(const TrialRecord& t);
Expected<TrialRecord> trialFromJson(const std::string& text, const std::string& source);

struct MergeOptions {
    bool allowMixedMachines = false;
};
// Joins shards of one grid: refuses different machines or versions (unless allowed), different
// settings (trials, repeats, seed, data set) and a configuration trial present twice.
Expected<BenchRun> mergeRuns(const std::vector<BenchRun>& runs, const std::vector<std::string>& sources, const MergeOptions& options = {});

std::string utcNow();

// This machine as oneDNN sees it under the ISA cap ("" = none), with QuantLens' `version`.
Expected<Machine> describeThisMachine(const std::string& maxIsa, const std::string& version);

}  // namespace ql::bench
