// Lowering of a graph onto oneDNN steps: graph inputs and outputs, build-time folding of
// constant subgraphs, and the op-type -> lowerer table. The op families live in
// onednn_lower_*.cpp, the shared machinery in onednn_plan_builder.cpp.
#include <map>
#include <utility>

#include "core/ops/fused_ops.h"
#include "core/ops/op_params.h"
#include "core/ops/op_registry.h"
#include "core/quant/shared_ranges.h"
#include "kernels/reference/evaluate_node.h"
#include "core/runtime/onednn_lowerers.h"

namespace ql::runtime {

// An explicit table rather than self-registering files: ql_core is a static library, and the
// linker drops object files nothing refers to (static registrars in them would never run).
const Lowerer* findLowerer(const ir::Node& n) {
    static const std::map<std::pair<std::string, std::string>, Lowerer> table = [] {
        std::map<std::pair<std::string, std::string>, Lowerer> t;
        auto onnx = [&t](const char* op, Lowerer l) { t[{"", op}] = l; };
        onnx("Conv", {lowerConv, convTakesInt8});
        t[{ops::kQlDomain, ops::kFusedConv}] = {lowerConv, convTakesInt8};
        onnx("ConvTranspose", {lowerConvTranspose});
        for (const char* op : {"MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool"}) onnx(op, {lowerPool, poolTakesInt8});
        onnx("Resize", {lowerResize});
        for (const char* op : {"Gemm", "MatMul"}) onnx(op, {lowerGemm, gemmTakesInt8});
        for (const char* op : {"Relu", "LeakyRelu", "Clip"}) onnx(op, {lowerEltwise, eltwiseTakesInt8});
        for (const char* op : {"Sigmoid", "Tanh", "HardSwish", "Elu", "Exp", "Log", "Sqrt", "Abs", "Softplus"}) onnx(op, {lowerEltwise});
        for (const char* op : {"Add", "Sub", "Mul", "Div", "Max", "Min"}) onnx(op, {lowerBinary});
        onnx("Concat", {lowerConcat, concatTakesInt8});
        onnx("Softmax", {lowerSoftmax});
        onnx("BatchNormalization", {lowerBatchNorm});
        for (const char* op : {"Flatten", "Reshape", "Squeeze", "Unsqueeze"}) onnx(op, {lowerView, viewTakesInt8});
        return t;
    }();
    auto it = table.find({n.domain, n.opType});
    return it == table.end() ? nullptr : &it->second;
}

namespace {

// A DequantizeLinear of s8 constants with zero zero points: the model's weight scales, which
// the int8 conv / inner product then use as they are (the weights come back bit-exact).
void noteModelWeightScales(PlanBuilder& b, const ir::Node& n, const std::vector<const ir::Tensor*>& ins) {
    if (n.opType != "DequantizeLinear" || !n.domain.empty() || ins.size() < 2 || !ins[0] || !ins[1]) return;
    const ir::Tensor &x = *ins[0], &scale = *ins[1];
    if (x.dtype() != DType::S8 || scale.dtype() != DType::F32 || scale.numel() < 1) return;
    if (ins.size() > 2 && ins[2]) {
        if (ins[2]->dtype() != DType::S8) return;
        for (int64_t i = 0; i < ins[2]->numel(); ++i)
            if (ins[2]->data<int8_t>()[i] != 0) return;
    }
    int axis = -1;
    if (scale.numel() > 1 || scale.rank() > 0) {
        auto a = ops::normalizeAxis(n.attrs.getInt("axis", 1), x.rank(), n);
        if (!a) return;
        axis = *a;
    }
    b.setModelWeightScales(n.outputs[0], std::vector<float>(scale.data<float>(), scale.data<float>() + scale.numel()), axis);
}

// Values computable from constants (and every Shape: shapes are static in a plan) are
// computed once here and never become steps.
Status fold(PlanBuilder& b, const ir::Node& n) {
    if (n.opType == "Shape") {
        const ir::Value& x = b.value(n.inputs[0]);
        ops::InferContext c{n, b.opset(), {}, {}};
        c.inputs = {{true, x.dtype, x.dims, nullptr, {}}};
        QL_TRY(ops::inferNode(c));
        b.setFolded(n.outputs[0], c.outputs[0].computed);
        return Status::ok();
    }
    std::vector<const ir::Tensor*> ins;
    for (ir::ValueId in : n.inputs) ins.push_back(b.constantOf(in));
    std::vector<ir::Tensor> outs;
    QL_TRY(kernels::evaluateNode(n, b.opset(), ins, outs));
    for (size_t i = 0; i < n.outputs.size() && i < outs.size(); ++i)
        if (n.outputs[i].valid()) b.setFolded(n.outputs[i], std::move(outs[i]));
    noteModelWeightScales(b, n, ins);
    return Status::ok();
}

Status lowerNode(PlanBuilder& b, const ir::Node& n) {
    bool allConst = !n.inputs.empty();
    for (ir::ValueId in : n.inputs) allConst &= !in.valid() || b.constantOf(in) != nullptr;
    if (allConst || (n.opType == "Shape" && n.domain.empty())) return fold(b, n);
    const Lowerer* l = findLowerer(n);
    return l ? l->lower(b, n) : b.fallback(n, PlanBuilder::kNoKernel);
}

}  // namespace

Status lowerGraph(OnednnPlan::Impl& impl, std::vector<StepInfo>& infos, const CancelToken& cancel, const ProgressFn& progress,
                  quant::RangeTable* usedRanges) {
    PlanBuilder b(impl, infos);
    const ir::Graph& g = *impl.graph;
    if (b.int8Plan()) {  // before any lowering asks for int8 parameters
        quant::RangeTable shared = quant::shareRanges(g, *impl.options.ranges, [&b](const ir::Node& n) { return sharesInt8Scale(b, n); });
        if (usedRanges) *usedRanges = shared;
        b.useRanges(std::move(shared));
        b.useOffsetStorage(offsetStorageValues(b));
    }
    for (ir::ValueId id : g.inputs) {
        const ir::Value& v = g.value(id);
        const int buf = b.newBuffer(plainMd(v.dims, v.dtype), v.dtype, v.dims);
        b.buffer(buf).external = true;
        b.setProduced(id, buf);
        impl.inputs.push_back({v.name, buf});
    }
    QL_ASSIGN(auto order, g.topologicalOrder());
    for (size_t i = 0; i < order.size(); ++i) {
        // one check per node also covers its weight quantization and reorders
        if (cancel.isCancelled()) return Status::cancelled("plan build");
        const ir::Node& n = g.node(order[i]);
        try {
            QL_TRY(lowerNode(b, n));
            b.markLowered(n.id);
        } catch (const dnnl::error& e) {
            return Status::error(n.label() + ": oneDNN: " + e.what());
        }
        if (progress) progress(double(i + 1) / double(order.size()), "plan build");
    }
    for (ir::ValueId id : g.outputs) {
        const ir::Value& v = g.value(id);
        int buf;
        if (const ir::Tensor* c = b.constantOf(id)) {
            buf = b.newBuffer(plainMd(c->dims(), c->dtype()), c->dtype(), c->dims());
            b.buffer(buf).constant = true;
            b.buffer(buf).constantData = *c;
        } else {
            QL_ASSIGN(buf, b.ensure(id, plainMd(v.dims, v.dtype), 1.f));
        }
        impl.use(buf, b.stepIndex());  // outputs live to the end
        impl.outputs.push_back({v.name, buf});
    }
    return Status::ok();
}

}  // namespace ql::runtime
