// The benchmark driver: runs each trial of the grid as a fresh `quantlens-cli bench-trial`
// process in a seeded interleaved order, keeps bench.json current after every trial, then writes
// the tables and plots. bench-merge joins shards; bench-trial is the child side.
#include "app/cli/bench_command.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include "app/cli/commands.h"
#include "app/cli/subprocess.h"
#include "core/session/inputs.h"
#include "core/session/session.h"
#include "core/util/strings.h"
#include "core/bench/analysis.h"
#include "core/bench/bench_run.h"
#include "core/bench/tables.h"
#include "core/profile/profiler.h"
#include "core/util/atomic_file.h"
#ifdef QL_HAVE_QT_REPORT
#include "app/report/bench_plot_writer.h"
#endif

namespace ql::cli {

namespace {
namespace fs = std::filesystem;

std::string slug(const bench::BenchConfig& c, int trial) {
    std::string s = c.id();
    for (char& ch : s)
        if (ch == '|' || ch == '/' || ch == ' ') ch = '_';
    return s + "-t" + std::to_string(trial);
}

std::string clock(double seconds) {
    const long s = long(std::lround(std::max(0.0, seconds)));
    char b[32];
    if (s >= 3600) std::snprintf(b, sizeof b, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else std::snprintf(b, sizeof b, "%ld:%02ld", s / 60, s % 60);
    return b;
}

// One line on stderr per trial; redrawn in place on a terminal, with the time left estimated
// from the configurations' own finished trials (else the mean of all finished trials).
class ProgressBar {
public:
    explicit ProgressBar(size_t total) : total_(total), tty_(isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}
    void addWork(size_t more) { total_ += more; }
    void show(size_t done, const std::string& label, double etaSeconds) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const int width = 24, filled = total_ ? int(double(width) * double(done) / double(total_)) : width;
        std::string bar(size_t(filled), '#');
        bar.resize(size_t(width), '.');
        std::fprintf(stderr, "%s[%s] %zu/%zu trials  %s  elapsed %s  ETA %s%s", tty_ ? "\r\033[K" : "", bar.c_str(), done, total_, label.c_str(),
                     clock(elapsed).c_str(), done == total_ ? "0:00" : clock(etaSeconds).c_str(), tty_ ? "" : "\n");
        std::fflush(stderr);
    }
    void finish() {
        if (tty_) std::fputc('\n', stderr);
    }

private:
    size_t total_;
    bool tty_;
    std::chrono::steady_clock::time_point start_;
};

struct Outputs {
    fs::path dir;
    bool force = false;
};

// The folder must be new, empty or (with --force) an earlier bench output; never silently
// replaced.
Status prepareOutputFolder(const fs::path& dir, bool force) {
    std::error_code ec;
    if (fs::exists(dir / "bench.json") && !force)
        return Status::error(dir.string() + " already holds a benchmark (bench.json); use --force to replace it or choose another --out");
    if (fs::exists(dir) && !fs::is_directory(dir)) return Status::error(dir.string() + " exists and is not a folder");
    if (fs::exists(dir) && !fs::exists(dir / "bench.json") && !fs::is_empty(dir, ec))
        return Status::error(dir.string() + " is a folder with other files in it; choose an empty or new --out");
    for (const char* sub : {"", "trials", "logs"}) {
        fs::create_directories(dir / sub, ec);
        if (ec) return Status::error(dir.string() + ": cannot create the folder (" + ec.message() + ")");
    }
    if (force)
        for (const char* sub : {"trials", "logs", "plots"})
            for (const auto& e : fs::directory_iterator(dir / sub, ec)) fs::remove_all(e.path(), ec);
    return Status::ok();
}

Status writeResults(const fs::path& dir, const bench::BenchRun& run, std::string* markdown) {
    const bench::BenchAnalysis a = bench::analyze(run);
    const std::string md = bench::toMarkdown(run, a);
    for (const auto& [name, text] : {std::pair<const char*, std::string>{"results.md", md}, {"configs.csv", bench::configsCsv(a)},
                                     {"pairs.csv", bench::pairsCsv(a)}, {"results.json", bench::resultsJson(run, a)}})
        QL_TRY(writeFileAtomically(dir / name, text));
#ifdef QL_HAVE_QT_REPORT
    QL_TRY(report::writeBenchPlots(run, a, dir / "plots"));
#endif
    if (markdown) *markdown = md;
    return Status::ok();
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs this executable with `args` (a calibrate or quantize step of the study), output to `log`:
// "" when it succeeded, else its last line; cancelled when Ctrl-C reached it or us.
Expected<std::string> runHelper(std::vector<std::string> args, const fs::path& log) {
    args.insert(args.begin(), selfExecutable().string());
    QL_ASSIGN(int rc, runProcess(args, log));
    if (rc == kExitCancelled || interrupt().isCancelled()) return Status::cancelled("bench interrupted in " + args[1]);
    if (rc == 0) return std::string();
    const std::string why = lastLine(log);
    return why.empty() ? "exit code " + std::to_string(rc) : why;
}

// Runs the bench-trial child for `config`; the record, or why it failed.
struct TrialOutcome {
    std::optional<bench::TrialRecord> record;
    int exitCode = 0;
    std::string message;
};

TrialOutcome runTrialProcess(const fs::path& out, const bench::GridSpec& spec, const bench::BenchConfig& c, int trial, bool accuracy,
                             const std::map<std::string, std::string>& calibTables) {
    const auto table = calibTables.find(c.modelName);
    const std::string calibTable = c.precision == "int8" && table != calibTables.end() ? table->second : spec.calibTable;
    const fs::path record = out / "trials" / (slug(c, trial) + ".json"), log = out / "logs" / (slug(c, trial) + ".log");
    std::vector<std::string> args = {selfExecutable().string(), "bench-trial", "--model", c.model, "--precision", c.precision, "--layout", c.layout,
                                     "--executor", c.executor, "--threads", std::to_string(c.threads), "--batch", std::to_string(c.batch),
                                     "--trial", std::to_string(trial), "--warmup", std::to_string(spec.warmup), "--repeat",
                                     std::to_string(spec.repeat), "--seed", std::to_string(spec.seed), "-o", record.string()};
    if (!calibTable.empty()) args.insert(args.end(), {"--calib-table", calibTable});
    if (!spec.maxIsa.empty()) args.insert(args.end(), {"--max-isa", spec.maxIsa});
    if (accuracy && !spec.dataset.empty())
        args.insert(args.end(), {"--accuracy", "--dataset", spec.dataset, "--limit", std::to_string(spec.limit)});
    TrialOutcome o;
    std::error_code ec;
    fs::remove(record, ec);
    auto rc = runProcess(args, log);
    if (!rc) {
        o.exitCode = -1;
        o.message = rc.status().message();
        return o;
    }
    o.exitCode = *rc;
    if (*rc != 0) {
        o.message = lastLine(log);
        if (o.message.empty()) o.message = "exit code " + std::to_string(*rc) + ", no message (see " + log.string() + ")";
        return o;
    }
    auto parsed = bench::trialFromJson(readFile(record), record.string());
    if (!parsed) {
        o.exitCode = -1;
        o.message = parsed.status().message();
        return o;
    }
    o.record = std::move(parsed).value();
    return o;
}
}  // namespace

int benchCommand(const BenchOptions& o) {
    auto grid = bench::expandGrid(o.spec);
    if (!grid) return fail(grid.status());
    auto shard = bench::parseShard(o.shard);
    if (!shard) return fail(shard.status());
    const std::vector<bench::BenchConfig> mine = bench::shardOf(*grid, *shard);
    // Every model imports and the data set opens before any trial starts (or a folder is made),
    // and a model that fixes its batch runs at no other
    if (!o.spec.dataset.empty()) {
        auto spec = data::parseDatasetSpec(o.spec.dataset);
        if (!spec) return fail(spec.status().withContext("--dataset: "));
        if (auto shape = data::peekSampleShape(*spec, {}); !shape) return fail(shape.status().withContext("--dataset: "));
    }
    std::set<std::string> checked;
    for (const auto& c : mine) {
        if (!checked.insert(c.model).second) continue;
        auto imported = session::importModel(c.model);
        if (!imported) return fail(imported.status());
        if (auto fixed = session::fixedBatchOf(**imported))
            for (const auto& other : mine)
                if (other.model == c.model && other.batch != fixed->batch)
                    return fail(Status::error(c.model + ": the model fixes its batch at " + std::to_string(fixed->batch) + " (input '" + fixed->input + "' is " +
                                              shapeToString(fixed->dims) + "), so the grid's batch " + std::to_string(other.batch) +
                                              " cannot run it: use --batch " + std::to_string(fixed->batch) +
                                              ", or export the model with a symbolic batch dimension"));
    }
    const fs::path out = o.out;
    if (Status st = prepareOutputFolder(out, o.force); !st) return fail(st);
    auto machine = bench::describeThisMachine(o.spec.maxIsa, QL_VERSION);
    if (!machine) return fail(machine.status());

    bench::BenchRun run;
    run.machine = *machine;
    run.spec = o.spec;
    run.shards = {*shard};
    run.configs = mine;
    run.started = bench::utcNow();
    if (Status st = bench::writeBenchRun(out, run); !st) return fail(st);
    std::fprintf(stderr, "bench: %zu of %zu configurations (shard %s) x %d trials on %s, %s%s; results in %s\n", mine.size(), grid->size(),
                 shard->text().c_str(), o.spec.trials, machine->cpuModel.c_str(), machine->isa.c_str(), machine->vnni ? " (VNNI)" : "",
                 out.string().c_str());

    // With a data set, int8 ranges come from one calibration per model on its calibration split
    // (never the evaluated one), shared by every trial: latency and accuracy then run the same
    // quantized model, and no trial pays for calibrating.
    std::map<std::string, std::string> calibTables;
    // An IDX data set has a train split to calibrate on; other data sets calibrate in each
    // trial's evaluation on a held-out slice (the evaluated images are never the calibration set).
    const bool idx = o.spec.dataset.rfind("idx:", 0) == 0 || fs::exists(fs::path(o.spec.dataset) / "train-images-idx3-ubyte.gz") ||
                     fs::exists(fs::path(o.spec.dataset) / "train-images-idx3-ubyte");
    if (idx && o.spec.calibTable.empty())
        for (const auto& c : mine) {
            if (c.precision != "int8" || calibTables.count(c.modelName)) continue;
            std::error_code ec;
            fs::create_directories(out / "calib", ec);
            const fs::path table = out / "calib" / (c.modelName + ".json"), log = out / "logs" / ("calibrate-" + c.modelName + ".log");
            std::fprintf(stderr, "bench: calibrating %s on %s\n", c.modelName.c_str(), o.spec.dataset.c_str());
            auto rc = runHelper({"calibrate", c.model, "--dataset", o.spec.dataset, "--split", "train", "-o", table.string(), "--force"}, log);
            if (!rc) return fail(rc.status());
            if (!rc->empty()) return fail(Status::error(c.model + ": calibration on " + o.spec.dataset + " failed: " + *rc));
            calibTables[c.modelName] = table.string();
        }

    // The INT8 model as a file (QDQ), once per model: its size is the "serialized on disk" INT8
    // figure; the ranges are the trials' (the table) or a few seeded random inputs.
    for (const auto& c : mine) {
        if (c.precision != "int8" || run.qdqFileBytes.count(c.modelName)) continue;
        std::error_code ec;
        fs::create_directories(out / "qdq", ec);
        const fs::path file = out / "qdq" / (c.modelName + ".onnx"), log = out / "logs" / ("quantize-" + c.modelName + ".log");
        std::vector<std::string> args = {"quantize", c.model, "-o", file.string(), "--force"};
        const auto table = calibTables.find(c.modelName);
        if (table != calibTables.end()) args.insert(args.end(), {"--calib-table", table->second});
        else if (!o.spec.calibTable.empty()) args.insert(args.end(), {"--calib-table", o.spec.calibTable});
        else args.insert(args.end(), {"--data", "random", "--samples", "4"});
        std::fprintf(stderr, "bench: exporting %s as QDQ\n", c.modelName.c_str());
        auto rc = runHelper(args, log);
        if (!rc) return fail(rc.status());
        if (rc->empty()) run.qdqFileBytes[c.modelName] = int64_t(fs::file_size(file, ec));
        else std::fprintf(stderr, "bench: %s: no QDQ file (%s); INT8 rows report the float file's size\n", c.modelName.c_str(), rc->c_str());
    }

    if (const double load = profile::loadAverage(); load > double(machine->cores) - 0.5)
        std::fprintf(stderr, "bench: warning: load average %.1f on %d cores before starting: other processes will compete with the trials\n", load,
                     machine->cores);
    std::vector<size_t> all(mine.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    std::vector<bench::TrialTask> tasks = bench::schedule(all, 0, o.spec.trials, o.spec.seed);
    ProgressBar progress(tasks.size());
    std::map<size_t, std::vector<double>> secondsByConfig;
    std::vector<double> allSeconds;
    std::set<size_t> failed;
    std::map<size_t, int> trialsDone;
    size_t done = 0;
    bool cancelled = false;

    auto eta = [&](size_t from) {
        const double mean = allSeconds.empty() ? 0 : std::accumulate(allSeconds.begin(), allSeconds.end(), 0.0) / double(allSeconds.size());
        double left = 0;
        for (size_t k = from; k < tasks.size(); ++k) {
            const auto& own = secondsByConfig[tasks[k].config];
            left += own.empty() ? mean : std::accumulate(own.begin(), own.end(), 0.0) / double(own.size());
        }
        return left;
    };
    auto runTasks = [&](size_t from) {
        for (size_t k = from; k < tasks.size() && !cancelled; ++k) {
            const bench::TrialTask task = tasks[k];
            const bench::BenchConfig& c = mine[task.config];
            if (failed.count(task.config)) {
                ++done;
                continue;
            }
            progress.show(done, c.modelName + " " + c.precision + " b" + std::to_string(c.batch) + " trial " + std::to_string(task.trial + 1), eta(k));
            const auto t0 = std::chrono::steady_clock::now();
            TrialOutcome outcome = runTrialProcess(out, o.spec, c, task.trial, /*accuracy=*/trialsDone[task.config] == 0, calibTables);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            ++done;
            if (interrupt().isCancelled() || outcome.exitCode == kExitCancelled) {
                cancelled = true;
                break;
            }
            if (outcome.record) {
                run.trials.push_back(std::move(*outcome.record));
                trialsDone[task.config]++;
                secondsByConfig[task.config].push_back(seconds);
                allSeconds.push_back(seconds);
            } else {
                // a configuration that fails once (bad model, unsupported op) fails every time: skip its other trials
                failed.insert(task.config);
                run.failures.push_back({c.id(), task.trial, outcome.exitCode, outcome.message});
                std::fprintf(stderr, "%sbench: %s trial %d failed: %s\n", isatty(STDERR_FILENO) ? "\n" : "", c.id().c_str(), task.trial,
                             outcome.message.c_str());
            }
            if (Status st = bench::writeBenchRun(out, run); !st) {
                std::fprintf(stderr, "\n");
                return st;
            }
        }
        return Status::ok();
    };

    Status st = runTasks(0);
    // --target-ci: another round for every configuration whose interval is still too wide
    while (st && !cancelled && o.spec.targetCiPercent > 0) {
        const bench::BenchAnalysis a = bench::analyze(run, 1000);
        std::vector<size_t> wide;
        for (size_t i = 0; i < mine.size(); ++i) {
            if (failed.count(i) || trialsDone[i] >= o.spec.maxTrials) continue;
            for (const auto& s : a.configs)
                if (s.config.id() == mine[i].id() && s.ciHalfWidthPercent > o.spec.targetCiPercent) wide.push_back(i);
        }
        if (wide.empty()) break;
        int round = 0;
        for (size_t i : wide) round = std::max(round, trialsDone[i]);
        const size_t from = tasks.size();
        for (auto t : bench::schedule(wide, round, 1, o.spec.seed)) {
            t.trial = trialsDone[t.config];  // trial numbers stay consecutive per configuration
            tasks.push_back(t);
        }
        progress.addWork(tasks.size() - from);
        st = runTasks(from);
    }
    progress.show(done, cancelled ? "cancelled" : "done", 0);
    progress.finish();
    if (!st) return fail(st);
    run.finished = cancelled ? "" : bench::utcNow();
    run.complete = !cancelled && run.failures.empty();
    if (Status w = bench::writeBenchRun(out, run); !w) return fail(w);
    std::string markdown;
    if (Status w = writeResults(out, run, &markdown); !w) return fail(w);
    std::printf("%s", markdown.c_str());
    if (o.spec.targetCiPercent > 0)
        for (const auto& s : bench::analyze(run, 1000).configs)
            if (s.ciHalfWidthPercent > o.spec.targetCiPercent)
                std::printf("note: %s stopped at %d trials (--max-trials) with a CI half-width of %.1f %%\n", s.config.id().c_str(), s.trials,
                            s.ciHalfWidthPercent);
    std::printf("\nresults: %s/results.md, results.json, configs.csv, pairs.csv%s\n", out.string().c_str(),
#ifdef QL_HAVE_QT_REPORT
                ", plots/"
#else
                ""
#endif
    );
    if (cancelled) return fail(Status::cancelled("bench interrupted; " + out.string() + "/bench.json keeps the finished trials"));
    if (!run.failures.empty())
        return fail(Status::error(std::to_string(run.failures.size()) + " configuration(s) failed; see the notes in " + (out / "results.md").string()));
    return kExitOk;
}

int benchMergeCommand(const BenchMergeOptions& o) {
    std::vector<bench::BenchRun> runs;
    for (const auto& d : o.dirs) {
        auto r = bench::readBenchRun(d);
        if (!r) return fail(r.status());
        runs.push_back(std::move(r).value());
    }
    auto merged = bench::mergeRuns(runs, o.dirs, {o.allowMixed});
    if (!merged) return fail(merged.status());
    const fs::path out = o.out;
    for (const auto& d : o.dirs)
        if (fs::exists(out) && fs::equivalent(out, d)) return fail(Status::error("--out " + o.out + " is one of the merged folders"));
    if (Status st = prepareOutputFolder(out, o.force); !st) return fail(st);
    if (Status st = bench::writeBenchRun(out, *merged); !st) return fail(st);
    std::string markdown;
    if (Status st = writeResults(out, *merged, &markdown); !st) return fail(st);
    std::printf("%s", markdown.c_str());
    std::printf("\nmerged %zu run(s): %zu configurations, %zu trials%s -> %s\n", runs.size(), merged->configs.size(), merged->trials.size(),
                merged->complete ? "" : " (incomplete: a shard or trial is missing)", o.out.c_str());
    return kExitOk;
}

int benchTrialCommand(BenchTrialOptions o) {
    o.config.modelName = fs::path(o.config.model).stem().string();
    auto record = bench::runTrial(o.config, o.trialIndex, o.trial, interrupt());
    if (!record) return fail(record.status());
    if (Status st = writeFileAtomically(o.output, bench::trialToJson(*record)); !st) return fail(st);
    return kExitOk;
}

}  // namespace ql::cli
