#pragma once
// RunResult: the immutable outcome of profiling one model under one or more precisions. The
// GUI swaps it into its views, reports and the CLI print it; nothing changes it after creation.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/passes/pass_manager.h"
#include "core/profile/output_agreement.h"
#include "core/profile/profiler.h"
#include "core/session/comparison.h"
#include "core/session/range_insight.h"
#include "core/session/run_config.h"
#include "kernels/onednn/cpu_facts.h"
#include "kernels/onednn/mac_peak.h"

namespace ql::session {

// One precision's run: per step its node id, fused_from, op, impl, format, dtype and timings.
struct PrecisionRun {
    runtime::Precision precision = runtime::Precision::Fp32;
    std::string executor;
    runtime::Layout layout = runtime::Layout::Auto;  // as run (eager: nchw)
    profile::RunProfile profile;                     // outputs kept only on request
    std::string int8Note;                            // how int8 was obtained, empty for fp32
    bool sevenBitActivations = false;
};

struct RunResult {
    std::string model;
    RunConfig config;
    kernels::onednn::CpuFacts cpu;
    std::vector<passes::PassRecord> passes;          // the fusion pipeline the plans ran on
    std::vector<PrecisionRun> runs;                  // in config.precisions order
    std::vector<profile::OutputAgreement> agreement; // INT8 vs FP32 outputs, when both ran
    int64_t peakRssBytes = 0;
    double loadAverage = -1;                         // 1-minute load average when the runs ended
    std::optional<kernels::onednn::MacPeaks> macPeaks;  // ProfileRequest::measurePeak
    // Per-layer FP32 vs INT8 error on the profiled inputs (ProfileRequest::compareLayers), or null.
    std::shared_ptr<const ComparisonResult> comparison;
    // Calibration histograms with every method's range, and per-channel weight ranges
    // (ProfileRequest::rangeInsight), or null.
    RangeInsightPtr rangeInsight;

    const PrecisionRun* find(runtime::Precision p) const {
        for (const auto& r : runs)
            if (r.precision == p) return &r;
        return nullptr;
    }
};

using RunResultPtr = std::shared_ptr<const RunResult>;

// The measured peak of a layer's arithmetic in GMAC/s (int8 when the kernel reads u8/s8, else
// FP32); 0 without measured peaks.
inline double peakFor(const RunResult& r, const profile::LayerProfile& l) {
    if (!r.macPeaks) return 0;
    const bool int8 = l.step.inputDtype == "u8" || l.step.inputDtype == "s8";
    return int8 ? r.macPeaks->int8.gmacPerSecond : r.macPeaks->fp32.gmacPerSecond;
}

// A layer's GMAC/s as a share of peakFor; nullopt without measured peaks or MACs.
inline std::optional<double> shareOfPeak(const RunResult& r, const profile::LayerProfile& l) {
    const double peak = peakFor(r, l);
    if (peak <= 0 || l.step.macs <= 0 || l.gmacPerSecond <= 0) return std::nullopt;
    return l.gmacPerSecond / peak;
}

}  // namespace ql::session
