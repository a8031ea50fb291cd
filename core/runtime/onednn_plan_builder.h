#pragma once
// The small API every op lowerer builds a plan with: buffers (memory descriptor, data type,
// int8 scale / zero point), inserted reorder / quantize / dequantize steps, constants
// materialised once at build time, node steps and reference fallbacks, and the int8 policy
// (which values run int8, with which parameters, and which nodes stay FP32).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/runtime/onednn_plan_internal.h"

namespace ql::runtime {

class PlanBuilder {
public:
    // The fallback reason when no lowerer takes a node (kept verbatim: profiles show it).
    static constexpr const char* kNoKernel = "no oneDNN kernel for this operator";

    PlanBuilder(OnednnPlan::Impl& impl, std::vector<StepInfo>& infos) : p_(impl), infos_(infos) {}

    // ---- the graph and the target ---------------------------------------------------
    const ir::Graph& graph() const { return *p_.graph; }
    const ir::Value& value(ir::ValueId v) const { return p_.graph->value(v); }
    int opset() const { return p_.graph->opsetVersion; }
    dnnl::engine& engine() { return p_.ctx->engine(); }
    kernels::onednn::Context& context() { return *p_.ctx; }
    const kernels::onednn::Context& context() const { return *p_.ctx; }
    bool tuneKernels() const { return p_.options.tuneKernels; }
    bool rowBands() const { return p_.options.rowBands && !p_.options.separateAllocations; }
    Layout layout() const { return p_.options.layout; }
    // Activation descriptor in the forced layout (Auto: plain; lowerers use `any` where it helps).
    memory::desc actMd(const ir::Dims& dims, DType dt) const;
    // Same format family as `like` (nchw / nhwc / blocked) for other dims.
    memory::desc layoutLike(const memory::desc& like, const ir::Dims& dims) const;

    // ---- values ---------------------------------------------------------------------
    // The constant behind v: an initializer or a value folded at build time; else nullptr.
    const ir::Tensor* constantOf(ir::ValueId v) const;
    void setFolded(ir::ValueId v, ir::Tensor t) { folded_[v.v] = std::move(t); }
    // A pre-quantized model's weights: v was folded from DequantizeLinear of s8 constants with
    // zero zero points, so its int8 scales are the model's own (one, or one per index of axis).
    void setModelWeightScales(ir::ValueId v, std::vector<float> scales, int axis) { weightScales_[v.v] = {std::move(scales), axis}; }
    // Those scales as one per row when rows run along rowAxis (or one for all); else nullopt.
    std::optional<std::vector<float>> modelWeightScales(ir::ValueId v, int rowAxis, int64_t rows) const;
    // The buffer holding v in the form its producer wrote it, if v is an activation.
    std::optional<int> producedBuffer(ir::ValueId v) const;
    void setProduced(ir::ValueId v, int b) { valueBuf_[v.v] = b; }

    // ---- buffers --------------------------------------------------------------------
    Buffer& buffer(int b) { return p_.buffers[size_t(b)]; }
    const Buffer& buffer(int b) const { return p_.buffers[size_t(b)]; }
    int newBuffer(const memory::desc& md, DType dt, const ir::Dims& dims, float scale = 1.f, int32_t zeroPoint = 0);
    // A buffer with its own descriptor over the bytes of `of` (views, broadcast operands).
    int newAlias(int of, const memory::desc& md, DType dt, const ir::Dims& dims, float scale = 1.f, int32_t zeroPoint = 0);
    int rootOf(int b) const { return p_.rootOf(b); }
    // Are the bytes of buffer b (its root's) dead once node n has run: an arena buffer, and
    // every value held in them (aliases and views included) read by no later node and no graph
    // output? Then n may write its output over them.
    bool bytesDieAt(int b, ir::NodeId n) const;
    void use(int b) { p_.use(b, stepIndex()); }
    const std::deque<Buffer>& buffers() const { return p_.buffers; }

    // The buffer holding v as (md, scale, zero point); inserts a reorder step when it differs.
    Expected<int> ensure(ir::ValueId v, const memory::desc& want, float wantScale = 1.f, int32_t wantZp = 0);
    // v as f32 in its producer's layout (dequantizing int8).
    Expected<int> f32Input(ir::ValueId v);
    // A weight or other constant operand, reordered once into the layout a primitive wants.
    memory constMemory(const memory::desc& md, const void* data, const memory::desc& want);
    // Reorder attributes: dst = scale * (src - srcZp) + dstZp.
    static dnnl::primitive_attr scaleAttr(float scale, int32_t srcZp, int32_t dstZp);

    // ---- int8 policy ----------------------------------------------------------------
    bool perTensorWeights() const { return p_.options.perTensorWeights; }
    bool sevenBitActivations() const { return p_.options.sevenBitActivations; }
    bool asymmetricActivations() const { return p_.options.asymmetricActivations; }
    bool int8Plan() const { return p_.options.precision == Precision::Int8 && p_.options.ranges; }
    // Does PlanOptions::fp32Nodes keep n in FP32 (by its name, op type or a fused original's)?
    bool keptFp32(const ir::Node& n) const;
    // Int8 plan and n not kept in FP32.
    bool runsInt8(const ir::Node& n) const { return int8Plan() && !keptFp32(n); }
    // The int8 parameters of v from the calibration ranges (nullopt in FP32 or without a range).
    std::optional<quant::Int8Params> int8Of(ir::ValueId v) const;
    const quant::ValueRange* rangeOf(ir::ValueId v) const;
    // Replaces the calibrated ranges for this build (the scale-shared table, quant/shared_ranges.h).
    void useRanges(quant::RangeTable t) { ranges_ = std::move(t); }
    // Values whose s8 form is stored as u8 with zero point 128 (offsetStorageValues); int8Of answers so.
    void useOffsetStorage(std::set<int32_t> values) { offsetStorage_ = std::move(values); }
    // Does every consumer of v take int8 directly (so its producer may emit int8)?
    bool consumersTakeInt8(ir::ValueId v) const;

    // ---- steps ----------------------------------------------------------------------
    int stepIndex() const { return int(p_.steps.size()); }
    bool isLowered(ir::NodeId n) const { return lowered_.count(n.v) > 0; }
    void markLowered(ir::NodeId n) { lowered_.insert(n.v); }
    // The step computing node n's (first) output into buffer dst.
    Status addPrimitive(const ir::Node& n, dnnl::primitive prim, std::vector<std::pair<int, int>> args, std::map<int, memory> consts,
                        const std::string& impl, int dst, int64_t weightBytes = 0);
    Status addNodeStep(const ir::Node& n, Step s, const std::string& impl, int dst, int64_t weightBytes = 0, const std::string& note = "");
    // n runs on its reference kernel (plain layout, f32 or its own types), with the reason shown.
    Status fallback(const ir::Node& n, const std::string& why);

private:
    StepInfo& addStep(Step s, StepInfo info);
    void finishInfo(StepInfo& info, int outBuffer) const;
    std::string islandNote(const ir::Node& n, const Step& s, int dst) const;
    Expected<int> constantBuffer(ir::ValueId v, const ir::Tensor& c, const memory::desc& want);

    OnednnPlan::Impl& p_;
    std::vector<StepInfo>& infos_;
    std::map<int32_t, int> valueBuf_;        // value -> buffer with its produced form
    std::multimap<int32_t, int> converted_;  // value -> its reordered copies
    std::set<int32_t> lowered_;              // nodes already turned into steps
    std::map<int32_t, ir::Tensor> folded_;   // values computed at build time
    std::map<int32_t, std::pair<std::vector<float>, int>> weightScales_;  // value -> (scales, axis)
    std::optional<quant::RangeTable> ranges_;  // overrides PlanOptions::ranges when set
    std::set<int32_t> offsetStorage_;
};

// ---- the lowerer registry (onednn_lowering.cpp) ---------------------------------------
// One entry per op type: how to lower it, and whether it reads an int8 input directly (the
// int8 policy asks this of every consumer before a producer may emit int8).
using LowerFn = Status (*)(PlanBuilder&, const ir::Node&);
using TakesInt8Fn = bool (*)(const PlanBuilder&, const ir::Node&, ir::ValueId input);
struct Lowerer {
    LowerFn lower = nullptr;
    TakesInt8Fn takesInt8 = nullptr;  // nullptr: always f32
};
const Lowerer* findLowerer(const ir::Node& n);

}  // namespace ql::runtime
