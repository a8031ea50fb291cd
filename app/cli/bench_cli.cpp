// The command line of bench, bench-merge and bench-trial (CLI11).
#include <CLI/CLI.hpp>

#include <memory>

#include "app/cli/bench_command.h"
#include "app/cli/number_check.h"

namespace ql::cli {

std::function<int()> addBenchCommands(CLI::App& app) {
    auto bench = std::make_shared<BenchOptions>();
    auto merge = std::make_shared<BenchMergeOptions>();
    auto trial = std::make_shared<BenchTrialOptions>();
    bench::GridSpec& s = bench->spec;

    auto* cb = app.add_subcommand("bench", "The FP32-vs-INT8 study: every configuration of the grid in independent trials (fresh processes), "
                                           "with bootstrap CIs, significance tests and tables (docs/bench.md)");
    cb->add_option("--models", s.models, "ONNX models, comma-separated")->required()->delimiter(',')->check(CLI::ExistingFile);
    cb->add_option("--precisions", s.precisions, "fp32,int8 or one of them")->delimiter(',')->capture_default_str();
    cb->add_option("--layouts", s.layouts, "Activation layouts: auto, nchw, nhwc, blocked")->delimiter(',')->capture_default_str();
    cb->add_option("--executors", s.executors, "planned, eager, reference")->delimiter(',')->capture_default_str();
    cb->add_option("--threads", s.threads, "Thread counts (0 = physical cores)")->delimiter(',')->capture_default_str();
    cb->add_option("--batch", s.batches, "Batch sizes, e.g. 1,8,64")->delimiter(',')->capture_default_str();
    cb->add_option("--trials", s.trials, "Independent trials per configuration")->capture_default_str()->check(numberIn(1, 1000));
    cb->add_option("--warmup", s.warmup, "Untimed runs at the start of each trial")->capture_default_str()->check(numberIn(0, 100000));
    cb->add_option("--repeat", s.repeat, "Timed runs in each trial")->capture_default_str()->check(numberIn(1, 100000));
    cb->add_option("--seed", s.seed, "Seed of the trial order and the random inputs")->capture_default_str();
    cb->add_option("--target-ci", s.targetCiPercent, "Add trials until each configuration's 95% CI half-width is under PCT % of its median")
        ->check(numberIn(0.0, 99.0));
    cb->add_option("--max-trials", s.maxTrials, "Cap on trials per configuration with --target-ci")->capture_default_str()->check(numberIn(1, 1000));
    cb->add_option("--dataset", s.dataset, "Labelled data set SPEC for top-1/top-5 of each configuration: DIR, idx:DIR, folder:DIR, "
                                           "npy:IMAGES.npy,LABELS.npy (docs/datasets.md)");
    cb->add_option("--limit", s.limit, "Images of the data set to evaluate (0 = all)")->capture_default_str()->check(numberAtLeast(int64_t(0)));
    cb->add_option("--calib-table", s.calibTable, "int8 ranges from this calibration table (else: calibrated on the data set when given, "
                                                  "or on each trial's random inputs)")->check(CLI::ExistingFile);
    cb->add_option("--max-isa", s.maxIsa, "Cap oneDNN's ISA in every trial: avx2, avx512_core, ... (reproduces a smaller CPU class)");
    cb->add_option("--shard", bench->shard, "Run only slice i of N of the grid (0-based: i/N), for cluster arrays")->capture_default_str();
    cb->add_option("--out", bench->out, "Output folder: bench.json, results.md/.json, configs.csv, pairs.csv, plots/, trials/, logs/")->required();
    cb->add_flag("--force", bench->force, "Replace the results in an existing output folder");

    auto* cm = app.add_subcommand("bench-merge", "Merge bench shards (same machine and versions) and compute the statistics over the whole grid");
    cm->add_option("dirs", merge->dirs, "bench output folders (one per shard)")->required()->check(CLI::ExistingDirectory);
    cm->add_option("--out", merge->out, "Output folder for the merged results")->required();
    cm->add_flag("--allow-mixed", merge->allowMixed, "Merge shards from different CPUs or versions (their timings will not be comparable)");
    cm->add_flag("--force", merge->force, "Replace the results in an existing output folder");

    // internal: one trial in this (fresh) process; bench starts it
    auto* ct = app.add_subcommand("bench-trial", "");
    ct->group("");
    BenchTrialOptions& t = *trial;
    ct->add_option("--model", t.config.model)->required();
    ct->add_option("--precision", t.config.precision)->required();
    ct->add_option("--layout", t.config.layout)->required();
    ct->add_option("--executor", t.config.executor)->required();
    ct->add_option("--threads", t.config.threads)->required();
    ct->add_option("--batch", t.config.batch)->required();
    ct->add_option("--trial", t.trialIndex)->required();
    ct->add_option("--warmup", t.trial.warmup);
    ct->add_option("--repeat", t.trial.repeat);
    ct->add_option("--seed", t.trial.seed);
    ct->add_option("--calib-table", t.trial.calibTable);
    ct->add_option("--max-isa", t.trial.maxIsa);
    ct->add_option("--dataset", t.trial.dataset);
    ct->add_option("--limit", t.trial.limit);
    ct->add_flag("--accuracy", t.trial.accuracy);
    ct->add_option("-o", t.output)->required();

    return [=]() -> int {
        if (*cb) return benchCommand(*bench);
        if (*cm) return benchMergeCommand(*merge);
        if (*ct) return benchTrialCommand(*trial);
        return -1;
    };
}

}  // namespace ql::cli
