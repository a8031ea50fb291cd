#include "core/bench/trial.h"

#include <chrono>
#include <filesystem>

#include "core/profile/profiler.h"
#include "core/session/inputs.h"
#include "core/session/workflows.h"

namespace ql::bench {

Expected<TrialRecord> runTrial(const BenchConfig& config, int trial, const TrialOptions& options, const CancelToken& cancel) {
    const auto start = std::chrono::steady_clock::now();
    TrialRecord rec;
    rec.config = config;
    rec.trial = trial;
    rec.warmup = options.warmup;
    std::error_code ec;
    rec.modelFileBytes = int64_t(std::filesystem::file_size(config.model, ec));
    if (ec) return Status::error(config.model + ": cannot read the model (" + ec.message() + ")");

    session::RunConfig rc;
    QL_ASSIGN(auto precision, runtime::parsePrecision(config.precision));
    QL_ASSIGN(rc.layout, runtime::parseLayout(config.layout));
    rc.precisions = {precision};
    rc.executor = config.executor;
    rc.threads = config.threads;
    rc.batch = config.batch;
    rc.maxIsa = options.maxIsa;
    rc.warmup = options.warmup;
    rc.repeat = options.repeat;
    rc.seed = options.seed;
    rc.calibration.table = options.calibTable;
    QL_TRY(rc.validate());

    QL_ASSIGN(auto session, session::Session::open(config.model, {config.batch, cancel, {}}));
    QL_ASSIGN(auto inputs, session::completeWithRandom(*session->original(), {}, options.seed));
    QL_ASSIGN(auto result, session::profileModel(*session, rc, {inputs, false, false}, {cancel, {}}));
    const session::PrecisionRun& run = result->runs.front();
    // the samples in the order they ran: the summary statistics are the analysis' business
    rec.samplesMs = run.profile.wholeSamplesMs;
    if (run.profile.memory) {
        rec.weightBytes = run.profile.memory->weightBytes;
        rec.arenaBytes = run.profile.memory->arenaBytes;
    }
    rec.threadsUsed = result->cpu.threads;
    rec.isa = result->cpu.isa;
    rec.vnni = result->cpu.int8Vnni;
    rec.sevenBitActivations = run.sevenBitActivations;
    rec.int8Note = run.int8Note;

    if (options.accuracy && !options.dataset.empty()) {
        session::EvalRequest er;
        er.dataset = options.dataset;
        er.limit = options.limit;
        QL_ASSIGN(auto eval, session::evaluateModel(*session, rc, er, {cancel, {}}));
        rec.accuracy = TrialAccuracy{eval.images, eval.top1, eval.top5};
    }
    rec.peakRssBytes = profile::peakRssBytes();
    rec.loadAverage = profile::loadAverage();
    rec.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return rec;
}

}  // namespace ql::bench
