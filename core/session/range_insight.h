#pragma once
// Calibration ranges made visible. For activation values: the streaming |x| histogram the
// calibration observers keep (both signs, merged to fewer bins) with the range every method
// derives from it (min/max, entropy/KL, percentile, MSE) and the range the INT8 plan used. For
// convolutions and linear layers: the float weights' min/max per output channel with the
// per-channel int8 limit (scale x 127) next to the per-tensor one. Counts and ranges only, never
// a tensor; kept in the RunResult (`rangeInsight`) so views and reports draw them.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/quant/histogram.h"

namespace ql::session {

struct ActivationHistogram {
    std::string value;                        // value name
    ir::NodeId producer;                      // the fused node writing it; invalid for a graph input
    std::string producerName, producerOp;
    float binWidth = 0;                       // |x| per bin; bin k covers [k, k+1) * binWidth
    std::vector<uint64_t> positive, negative; // counts of x >= 0 and x < 0 by |x|
    uint64_t count = 0, nonFinite = 0;        // finite values seen; NaN/Inf left out
    quant::MethodRanges methods;              // every method on the same histogram
    std::optional<quant::ValueRange> used;    // the range the INT8 plan quantized it with
};

struct WeightChannels {
    ir::NodeId node;                          // the fused layer
    std::string name, op, weight;             // layer, op type, weight value name
    std::vector<float> min, max;              // per output channel, of the float weights
    std::vector<float> channelLimit;          // per output channel: its s8 scale x 127 (max |w|)
    float tensorLimit = 0;                    // one scale for the tensor: its scale x 127
    bool perTensorUsed = false;               // the run quantized weights per tensor
};

struct RangeInsight {
    std::string source;                       // what the histograms saw ("the run's inputs: ...")
    std::string configuredMethod;             // the run's calibration method
    double percentile = 99.99;                // the percentile method's kept share
    bool tableGiven = false;                  // INT8 ranges came from a calibration table or the model
    std::vector<ActivationHistogram> activations;  // in execution order (graph inputs first)
    std::vector<WeightChannels> weights;           // in execution order

    const ActivationHistogram* activationOf(ir::NodeId node) const;  // the node's first output
    const ActivationHistogram* activation(const std::string& value) const;
    const WeightChannels* weightsOf(ir::NodeId node) const;
};
using RangeInsightPtr = std::shared_ptr<const RangeInsight>;

// Per output channel min/max of a Conv / ql FusedConv / Gemm / MatMul node's constant float
// weight (Gemm honours transB; MatMul and Gemm without it: channels are columns), or nullopt.
std::optional<WeightChannels> weightChannelsOf(const ir::Graph& g, const ir::Node& n, bool perTensor);

}  // namespace ql::session
