#pragma once
// The workflows the CLI and the GUI share: calibrate (a calibration table), profile (FP32 vs
// INT8 latency per layer), evaluate (top-1/top-5 on a labelled data set) and run once. Each is a plain function of a Session, a
// RunConfig and its inputs, checks the Job's cancel token at every stage and reports progress.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/profile/significance.h"
#include "core/runtime/calibration_run.h"
#include "core/session/calibration_table.h"
#include "core/session/comparison.h"
#include "core/session/job.h"
#include "core/session/run_result.h"
#include "core/session/session.h"

namespace ql::session {

struct CalibrationRequest {
    // A data set: --dataset SPEC (docs/datasets.md), else the IDX folder dataDir, with the IDX
    // split, normalised like evaluation does ...
    std::string dataset;
    std::filesystem::path dataDir = "/usr/share/datasets/fashion-mnist";
    std::string split = "train";
    data::Preprocess preprocess;         // image folders (and mean/std for IDX)
    std::optional<float> mean, std;      // override the model card's normalisation
    // ... or this data set as opened (a disjoint slice) ...
    data::DatasetPtr data;
    // ... or, when not empty, these input batches (at the session's batch) instead, named so in
    // the table's source.
    std::vector<runtime::TensorMap> inputs;
    std::string inputsLabel = "the run's inputs";
};

// Streams config.calibration.samples samples of the data set (or the given inputs) through the
// fused model with config.calibration's method, one batch at a time (bounded memory), and
// returns the table. Cancel and progress per batch. The batch size depends on the sample count
// only (its largest divisor up to 64), so the same options always give the same table.
Expected<CalibrationTable> calibrateModel(const Session& session, const RunConfig& config, const CalibrationRequest& request, const Job& job = {});


struct ProfileRequest {
    runtime::TensorMap inputs;   // for every graph input, at config.batch
    bool keepOutputs = false;    // keep each precision's final outputs in the result
    // Also compare FP32 and INT8 layer by layer on the inputs (separate, untimed capture runs);
    // the result's `comparison`. Off by default: profiling then costs what it always did.
    bool compareLayers = false;
    // Also keep, for every activation value, its calibration histogram with every method's
    // range and the INT8 plan's, and per-channel weight ranges: the result's `rangeInsight`.
    // Needs int8 in the config. Its reference run on the inputs also gives int8 its calibration
    // ranges (the same ones), unless a table or the model's own scales provide them.
    bool rangeInsight = false;
    // Also measure this CPU's FP32 and int8 MAC peaks (about a second, after the timed runs), so
    // each layer's GMAC/s reads as a share of what the core can do (RunResult::macPeaks).
    bool measurePeak = false;
    // A data set int8 calibrates on (its first config.calibration.samples samples, streamed as
    // calibrateModel streams them, so the same table as evaluateModel's) and what it is; null:
    // `inputs`. The plan, the range insight and the layer comparison all use its ranges.
    data::DatasetPtr calibrationData;
    std::string calibrationSource;
};

// For each precision in config.precisions: prepare (int8 calibrates on request.calibrationData, else
// on the inputs, unless a table or the model's own scales give its ranges), warm up,
// time config.repeat runs. The session is re-derived if config.batch differs from its batch.
Expected<RunResultPtr> profileModel(const Session& session, const RunConfig& config, const ProfileRequest& request, const Job& job = {});

struct EvalRequest {
    std::string dataset;                 // --dataset SPEC; empty: the IDX folder dataDir
    std::filesystem::path dataDir = "/usr/share/datasets/fashion-mnist";
    std::string split = "t10k";          // evaluated IDX split; int8 calibrates on the other one
    std::string calibDataset;            // int8 calibration set SPEC; empty: the other IDX split or a held-out slice
    data::Preprocess preprocess;         // image folders (and mean/std for IDX)
    int64_t limit = 0;                   // 0 = the whole split
    std::optional<float> mean, std;      // override the model card's normalisation
};

// The data set int8 calibrates on when `data` is the evaluated one, as evaluateModel picks it
// (--calib-dataset, else the other IDX split, else a held-out slice), and what it is: for
// ProfileRequest::calibrationData, so a profile calibrates like the evaluation beside it.
struct CalibrationData {
    data::DatasetPtr data;
    std::string source;
};
Expected<CalibrationData> calibrationDataFor(const Session& session, const RunConfig& config, const EvalRequest& data);

// McNemar's test on the paired predictions (core/profile/significance.h).
using profile::McNemar;
using profile::mcnemarTest;

struct EvalResult {
    runtime::Precision precision = runtime::Precision::Fp32;
    std::string executor, split, normalisationSource, int8Note;
    std::string dataset, calibrationSource;  // the evaluated data; where int8 ranges came from ("" for fp32 only)
    float mean = 0.f, std = 1.f;
    int64_t images = 0, batch = 1, classes = 0;
    int64_t top1Count = 0, top5Count = 0;
    double top1 = 0, top5 = 0, seconds = 0;  // seconds: wall time of the evaluation loop (data included)
    double runSeconds = 0;                   // time in this precision's executor runs only
    kernels::onednn::CpuFacts cpu;
    // With a second precision in the config (fp32,int8): its scores on the same images, the
    // share of images where both give the same top-1 class, and McNemar's test on correctness.
    struct Paired {
        runtime::Precision precision = runtime::Precision::Int8;
        std::string executor, int8Note;
        int64_t top1Count = 0, top5Count = 0, sameTop1 = 0;
        double top1 = 0, top5 = 0, agreement = 0, runSeconds = 0;
        McNemar mcnemar;
    };
    std::optional<Paired> paired;
};

// Evaluates config.precisions.front() (and a second precision side by side, if given) in
// batches of config.batch; int8 calibrates on config.calibration.samples samples of the
// calibration set (detail::calibrationSetFor: never the evaluated samples) unless
// config.calibration.table names a table.
Expected<EvalResult> evaluateModel(const Session& session, const RunConfig& config, const EvalRequest& request, const Job& job = {});

struct CompareRequest {
    // A data set: --dataset SPEC, else an IDX folder (Fashion-MNIST style); both empty: seeded
    // random inputs (config.seed), int8 then calibrating on the first
    // config.calibration.samples of them.
    std::string dataset;
    std::filesystem::path dataDir;
    std::string split = "t10k";          // compared split; int8 calibrates on the other one
    std::string calibDataset;            // int8 calibration set SPEC (else other split / held-out slice)
    data::Preprocess preprocess;
    std::optional<float> mean, std;      // override the model card's normalisation
    int64_t samples = 32;                // compared in batches of config.batch
    // When not empty: this one batch (every graph input, at config.batch) instead; int8
    // calibrates on it unless the config names a table or `table` is given.
    runtime::TensorMap inputs;
    // int8 ranges already calibrated (the profile's), used instead of a calibration run.
    std::shared_ptr<const CalibrationTable> table;
    CompareMode mode = CompareMode::Propagated;
    int64_t maxIsolatedLayers = 0;       // isolated: 0 = every int8-capable layer, else the K
                                         // worst by propagated SQNR (or the K with most MACs)
    runtime::Precision against = runtime::Precision::Int8;  // fp32: a self-check (same executor)
    // The FP32 side from another model (propagated mode): the float model a pre-quantized one
    // was made from. Without it a pre-quantized model's FP32 side is its own dequantized run.
    // Node outputs match by value name; inputs and outputs by name, else by position.
    std::shared_ptr<const Session> reference;
};

// Runs FP32 and INT8 (the planned/eager executor's real int8 kernels) on the same samples and
// compares every node output by value name, batch by batch: the FP32 run keeps one batch's
// outputs, the INT8 run compares each output as it is produced and releases its FP32 twin, so
// memory does not grow with the samples. Isolated mode builds one INT8 plan per layer with
// every other node kept in FP32. Cancel per batch and per node; progress per batch.
Expected<ComparisonPtr> compareModel(const Session& session, const RunConfig& config, const CompareRequest& request, const Job& job = {});

struct RangeInsightRequest {
    std::vector<runtime::TensorMap> calibration;     // the batches to observe (every graph input)
    runtime::CalibrationBatches stream;              // or, when `calibration` is empty, these
    std::string source;                              // what they are, for the view's caption
    std::vector<std::string> values;                 // value names; empty = every float value
    std::shared_ptr<const quant::RangeTable> used;   // the ranges the INT8 plan used, if known
    bool tableGiven = false;                         // `used` came from a table / the model, not these batches
    int bins = 512;                                  // kept per sign (the observer's bins merged)
};

// Streams the batches through the fused model (reference executor) into one histogram observer
// with the config's bins and percentile and keeps, per wanted value, the merged histogram and
// every method's range; per conv/linear layer (of a wanted value, or all) the weight channels.
// Cancel per node and batch; progress.
Expected<RangeInsightPtr> rangeInsightModel(const Session& session, const RunConfig& config, const RangeInsightRequest& request, const Job& job = {});

struct SingleRun {
    runtime::Precision precision = runtime::Precision::Fp32;
    std::string executor, int8Note;
    runtime::TensorMap outputs;
    double ms = 0;
    kernels::onednn::CpuFacts cpu;
};

// One run of config.precisions.front() on the given inputs (int8 calibrates on them).
Expected<SingleRun> runModel(const Session& session, const RunConfig& config, const runtime::TensorMap& inputs, const Job& job = {});

}  // namespace ql::session
