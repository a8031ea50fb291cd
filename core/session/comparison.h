#pragma once
// ComparisonResult: per-layer FP32 vs INT8 numeric error of one model, as an immutable value
// (held by shared_ptr<const>). Layers are keyed by the fused node id and the value name, the
// key that matches a value across the FP32 and INT8 runs of the same fused graph; fusedFrom
// names the original nodes (a fused node's output is its last original node's output).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/profile/layer_error.h"
#include "core/session/run_config.h"
#include "kernels/onednn/cpu_facts.h"

namespace ql::session {

enum class CompareMode { Propagated, Isolated, Both };
Expected<CompareMode> parseCompareMode(const std::string& s);  // propagated | isolated | both
std::string compareModeName(CompareMode m);

// Only this layer in INT8, the rest FP32: how far the model's (first) output moves.
struct IsolatedError {
    profile::LayerError output;  // the final output against FP32
    double top1Agreement = 0;    // share of samples with the FP32 top-1 class (rank-2 outputs)
};

struct LayerComparison {
    int64_t node = -1;                  // fused graph node id
    std::string name, opType, value;    // node, op, the output value compared
    std::vector<std::string> fusedFrom; // original node names
    std::string int8Dtype;              // the value's type in the INT8 plan (u8, s8, f32)
    std::string int8Impl;               // kernel of the INT8 step
    bool int8Capable = false;           // conv / gemm / matmul run by oneDNN in the INT8 plan
    int64_t macs = 0;
    std::optional<quant::ValueRange> range;  // calibration range the INT8 plan used for the value
    std::optional<profile::LayerError> propagated;  // whole network INT8
    std::optional<IsolatedError> isolated;          // only this layer INT8
};

struct OutputComparison {
    std::string output;
    profile::LayerError error;
    double top1Agreement = 0;  // rank-2 outputs: share of samples with the same top-1 class
    bool hasTop1 = false;
};

struct ComparisonResult {
    std::string model;
    RunConfig config;
    kernels::onednn::CpuFacts cpu;
    CompareMode mode = CompareMode::Propagated;
    std::string inputSource;           // "t10k split of ..." or "random (seed 0)"
    std::string referenceModel;        // the FP32 side's model when it is another file, else empty
    int64_t samples = 0;               // samples compared (padding rows of the last batch left out)
    std::string int8Note;
    bool sevenBitActivations = false;
    std::vector<LayerComparison> layers;   // in the INT8 plan's execution order
    std::vector<OutputComparison> outputs; // the whole model (propagated INT8)
    int64_t isolatedLayersSkipped = 0;     // int8-capable layers left out by maxIsolatedLayers
    std::vector<std::string> unmatched;    // INT8 values with no FP32 counterpart
    double seconds = 0;
    int64_t peakRssBytes = 0;

    // Layers with a propagated SQNR, worst (lowest) first; at most `n`.
    std::vector<const LayerComparison*> worstPropagated(size_t n) const;
    // Layers with an isolated output SQNR, most sensitive (lowest) first; at most `n`.
    std::vector<const LayerComparison*> mostSensitive(size_t n) const;
};

using ComparisonPtr = std::shared_ptr<const ComparisonResult>;

}  // namespace ql::session
