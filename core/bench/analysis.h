#pragma once
// The statistics of a benchmark run: per configuration the latency per image and throughput with
// 95% two-level bootstrap intervals (trials, then repeats), memory and accuracy; per FP32/INT8
// pair the speed-up with its interval and a significance test, Holm-corrected across the grid.
#include <optional>
#include <string>
#include <vector>

#include "core/bench/bench_run.h"
#include "core/profile/significance.h"
#include "core/profile/stats.h"

namespace ql::bench {

struct ConfigSummary {
    BenchConfig config;
    int trials = 0, repeats = 0;           // trials finished, timed runs pooled over them
    double msPerBatch = 0;                 // median of the pooled runs
    double msPerImage = 0, meanMsPerImage = 0;
    profile::Interval ciMsPerImage;        // 95% two-level bootstrap of the median
    double imagesPerSecond = 0;
    profile::Interval ciImagesPerSecond;
    double ciHalfWidthPercent = 0;         // half the interval's width, % of the median
    std::vector<double> trialMediansMs;    // per trial, per batch: the independent units
    int64_t weightBytes = 0, arenaBytes = 0, modelFileBytes = 0, peakRssBytes = 0;  // peak: max over trials
    // Serialized on disk: the ONNX file for FP32, the QDQ export for INT8 (the ONNX file when
    // there is none: serializedIsQdq false).
    int64_t serializedBytes = 0;
    bool serializedIsQdq = false;
    std::optional<TrialAccuracy> accuracy;
    int threadsUsed = 0;
    bool sevenBitActivations = false;
    std::string int8Note;
    double maxLoadAverage = -1;
};

struct PairSummary {
    std::string key;                       // BenchConfig::pairKey()
    size_t fp32 = 0, int8 = 0;             // indices into BenchAnalysis::configs
    double speedUp = 0;                    // FP32 median / INT8 median
    profile::Interval ciSpeedUp;           // 95% two-level bootstrap of the ratio
    profile::TestResult welch;             // on log trial medians (trials are the unit)
    profile::TestResult mannWhitney;       // on trial medians (exact for few trials)
    double pHolm = 1;                      // Welch p, Holm-corrected over every pair of the run
    bool significant = false;              // pHolm < 0.05
    double weightRatio = 0;                // FP32 weight bytes / INT8 weight bytes
};

struct BenchAnalysis {
    std::vector<ConfigSummary> configs;    // in the run's configuration order, finished ones only
    std::vector<PairSummary> pairs;
    std::vector<std::string> missing;      // configurations without any finished trial
};

BenchAnalysis analyze(const BenchRun& run, int resamples = 2000);

}  // namespace ql::bench
