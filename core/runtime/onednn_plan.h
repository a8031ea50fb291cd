#pragma once
// Lowering of a (fused) graph onto oneDNN primitives: the compiled form the planned and eager
// executors run. Steps are graph nodes or inserted reorders; every activation lives in a
// buffer with a oneDNN memory descriptor (layout + data type) and, for int8, a scale.
// Nodes oneDNN cannot run fall back to the reference kernel, with the reason recorded.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/quant/ranges.h"
#include "core/runtime/executor.h"
#include "kernels/onednn/onednn_context.h"

namespace ql::runtime {

enum class Layout { Nchw, Nhwc, Blocked, Auto };
enum class Precision { Fp32, Int8 };
Expected<Layout> parseLayout(const std::string& s);
Expected<Precision> parsePrecision(const std::string& s);
std::string layoutName(Layout l);
std::string precisionName(Precision p);

struct PlanOptions {
    Layout layout = Layout::Auto;
    Precision precision = Precision::Fp32;
    const quant::RangeTable* ranges = nullptr;  // required for Int8
    bool sevenBitActivations = true;            // the AVX2 u8 x s8 saturation guard
    bool asymmetricActivations = false;         // signed activations as u8 with a zero point
    bool perTensorWeights = false;              // one weight scale per tensor instead of per output channel
    bool separateAllocations = false;           // eager: one allocation per buffer, no arena reuse
    // Mixed precision: nodes kept in FP32 inside an Int8 plan, by node name or op type (matched
    // against a fused node's own and its original nodes'); dequantize/quantize steps go around them.
    std::set<std::string> fp32Nodes;
    // Time the implementations of each convolution that keep its layouts, run the fastest
    // (kernels/onednn/impl_tuning.h); off: oneDNN's first choice.
    bool tuneKernels = false;
    // Run consecutive NHWC convolutions at batch 1 as one OpenMP region over row bands
    // (onednn_row_bands.h) instead of one fork/join per primitive.
    bool rowBands = true;
};

class OnednnPlan {
public:
    // `options.ranges` is read during build only. Checks `cancel` per node; reports progress
    // monotonically up to 1.0 (stage "plan build").
    static Expected<std::unique_ptr<OnednnPlan>> build(std::shared_ptr<const ir::Graph> graph,
                                                       std::shared_ptr<kernels::onednn::Context> ctx, const PlanOptions& options,
                                                       const CancelToken& cancel = {}, const ProgressFn& progress = {});
    ~OnednnPlan();
    // Runs on the calling thread with the context's thread count. With hooks.onNodeOutputs set,
    // hands each graph node's outputs over as plain (nchw-order) f32 tensors, dequantized.
    Expected<TensorMap> run(const TensorMap& inputs, const RunOptions& options);
    const std::vector<StepInfo>& steps() const { return infos_; }
    const MemoryStats& memory() const { return memory_; }
    // Int8: the activation ranges the plan was built with -- the calibrated ones, with values
    // that share int8 parameters (concat operands, pool / view / activation in and out) widened
    // to their group's union (quant/shared_ranges.h). Empty in FP32.
    const quant::RangeTable& int8Ranges() const { return int8Ranges_; }

private:
    OnednnPlan() = default;
public:
    struct Impl;  // defined in onednn_plan_internal.h

private:
    std::unique_ptr<Impl> impl_;
    std::vector<StepInfo> infos_;
    MemoryStats memory_;
    quant::RangeTable int8Ranges_;
};

}  // namespace ql::runtime
