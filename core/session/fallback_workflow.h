#pragma once
// Automatic mixed precision: revert the layers most sensitive to INT8 (isolated sensitivity,
// lowest output SQNR first) to FP32 one at a time until a threshold holds — the model output's
// SQNR against FP32 on the compared samples, or the top-1 drop on a labelled data set — and
// measure what the reverted layers cost in INT8 latency. A layer whose reversion does not
// improve the metric goes back to INT8 (it would cost latency for nothing).
#include <string>
#include <vector>

#include "core/session/workflows.h"

namespace ql::session {

struct FallbackTarget {
    enum class Metric { OutputSqnr, Top1Drop } metric = Metric::OutputSqnr;
    double threshold = 30;  // dB at least, or points of top-1 at most
};
// "sqnr=30" or "drop=0.5"; names the text when it is neither.
Expected<FallbackTarget> parseFallbackTarget(const std::string& text);

struct FallbackRequest {
    FallbackTarget target;
    CompareRequest compare;      // the samples SQNR is measured on (mode is set by the workflow)
    EvalRequest eval;            // the data set top-1 is measured on (Top1Drop)
    int maxLayers = 10;          // revert at most this many layers
    runtime::TensorMap timingInputs;  // one batch for the latency runs (random when empty)
};

struct FallbackStep {
    std::vector<std::string> fp32Layers;  // reverted so far, this step's layer (the last) included
    double metric = 0;                    // output SQNR (dB) or top-1 drop (points) with them
    bool kept = true;                     // false: no better than before, so the layer stays INT8
};

struct FallbackResult {
    FallbackTarget target;
    std::vector<std::string> ranking;     // int8 layers, most sensitive first (isolated output SQNR)
    std::vector<double> rankingSqnr;
    std::vector<FallbackStep> steps;      // steps[0]: nothing reverted
    bool met = false;
    double fp32Ms = 0, int8Ms = 0, mixedMs = 0;  // whole-model medians: FP32, all INT8, with the fallback
    // The last kept step: the chosen layers and their metric.
    const FallbackStep& chosen() const;
    std::vector<std::string> fallback() const { return chosen().fp32Layers; }
};

Expected<FallbackResult> autoFallback(const Session& session, const RunConfig& config, const FallbackRequest& request, const Job& job = {});

}  // namespace ql::session
