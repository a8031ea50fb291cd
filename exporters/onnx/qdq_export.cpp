#include "exporters/onnx/qdq_export.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/ops/op_params.h"
#include "core/quant/weight_quant.h"
#include "core/util/atomic_file.h"
#include "exporters/onnx/proto_edit.h"
#include "importers/onnx/tensor_proto.h"

namespace ql::onnx_export {

namespace {
using onnx::NodeProto;

struct Context {
    onnx::ModelProto model;
    std::filesystem::path dir;
    ProtoIndex index;
    const QdqOptions* options = nullptr;
    QdqReport report;
};

// Conv -> BatchNormalization with constant parameters and nothing else reading the conv's
// output: the BN becomes the conv's weights and bias (w * k, b * k + shift; ops::batchNormAffine)
// and disappears.
Status foldBatchNorms(Context& c) {
    auto* graph = c.model.mutable_graph();
    std::vector<int> drop;
    for (int i = 0; i < graph->node_size(); ++i) {
        const NodeProto& bn = graph->node(i);
        if (bn.op_type() != "BatchNormalization" || !bn.domain().empty() || bn.input_size() < 5 || bn.output_size() < 1) continue;
        const int convIndex = c.index.producerOf(bn.input(0));
        if (convIndex < 0 || c.index.consumers(bn.input(0)) != 1 || c.index.isGraphOutput(bn.input(0))) continue;
        NodeProto& conv = *graph->mutable_node(convIndex);
        if (conv.op_type() != "Conv" || !conv.domain().empty() || conv.input_size() < 2) continue;
        QL_ASSIGN(auto w, c.index.floatInitializer(conv.input(1), c.dir));
        if (!w) continue;
        std::optional<ir::Tensor> b;
        if (conv.input_size() > 2 && !conv.input(2).empty()) {
            QL_ASSIGN(b, c.index.floatInitializer(conv.input(2), c.dir));
            if (!b) continue;
        }
        std::optional<ir::Tensor> p[4];
        bool constant = true;
        for (int k = 0; k < 4; ++k) {
            QL_ASSIGN(p[k], c.index.floatInitializer(bn.input(k + 1), c.dir));
            constant = constant && p[k].has_value();
        }
        const int64_t M = w->dims()[0];
        if (!constant || p[0]->numel() != M) continue;
        float eps = 1e-5f;
        for (const auto& a : bn.attribute())
            if (a.name() == "epsilon") eps = a.f();
        ir::Tensor w2 = w->clone(), b2 = ir::Tensor::create(ir::DType::F32, {M}).value();
        const int64_t perM = w->numel() / M;
        const ops::ChannelAffine affine = ops::batchNormAffine(*p[0], *p[1], *p[2], *p[3], eps);  // the fold the passes do
        for (int64_t m = 0; m < M; ++m) {
            const double k = affine.k[size_t(m)];
            for (int64_t j = 0; j < perM; ++j) w2.data<float>()[m * perM + j] = float(w->data<float>()[m * perM + j] * k);
            const double bias = b ? b->data<float>()[m] : 0.0;
            b2.data<float>()[m] = float(bias * k + affine.shift[size_t(m)]);
        }
        const std::string wName = c.index.uniqueName(conv.name() + "_folded_weight"), bName = c.index.uniqueName(conv.name() + "_folded_bias");
        addInitializer(*graph, wName, w2);
        addInitializer(*graph, bName, b2);
        conv.set_input(1, wName);
        if (conv.input_size() > 2) conv.set_input(2, bName);
        else conv.add_input(bName);
        conv.set_output(0, bn.output(0));  // the BN's output is what the rest of the model (and the calibration table) names
        drop.push_back(i);
        ++c.report.foldedBatchNorms;
    }
    for (auto it = drop.rbegin(); it != drop.rend(); ++it) graph->mutable_node()->DeleteSubrange(*it, 1);
    c.index = ProtoIndex(*graph);
    return Status::ok();
}

bool inFallback(const QdqOptions& o, const NodeProto& n) {
    for (const auto& f : o.fp32Fallback)
        if (f == n.name() || f == n.op_type()) return true;
    return false;
}

int64_t attrInt(const NodeProto& n, const char* name, int64_t fallback) {
    for (const auto& a : n.attribute())
        if (a.name() == name) return a.i();
    return fallback;
}
float attrFloat(const NodeProto& n, const char* name, float fallback) {
    for (const auto& a : n.attribute())
        if (a.name() == name) return a.f();
    return fallback;
}

// Why node `n` stays float, or "" when it can be quantized; `axis` is its weight's output-channel
// axis (1 for Gemm without transB and for MatMul).
std::string blocker(const Context& c, const NodeProto& n, int& axis) {
    if (inFallback(*c.options, n)) return "in the FP32 fallback list";
    if (n.input_size() < 2) return "has no weight input";
    if (!c.options->ranges->count(n.input(0))) return "no calibration range for its input '" + n.input(0) + "'";
    if (!c.index.isInitializer(n.input(1))) return "its weight '" + n.input(1) + "' is not a constant";
    const int rank = c.index.initializerRank(n.input(1));
    axis = 0;
    if (n.op_type() == "Gemm") {
        if (attrInt(n, "transA", 0) != 0 && rank != 2) return "transA with a non-2-D input";
        axis = attrInt(n, "transB", 0) ? 0 : 1;
    } else if (n.op_type() == "MatMul") {
        if (rank != 2) return "a MatMul weight of rank " + std::to_string(rank) + " (only 2-D weights are quantized)";
        axis = 1;
    } else if (rank < 3) {
        return "a Conv weight of rank " + std::to_string(rank);
    }
    return "";
}

// The activation's QuantizeLinear -> DequantizeLinear pair, made once per value and shared by
// every quantized consumer; returns the dequantized value's name and the activation scale.
struct ActivationQdq {
    std::string dequantized;
    float scale = 1;
};

ActivationQdq quantizeActivation(Context& c, std::map<std::string, ActivationQdq>& done, std::vector<NodeProto>& out, const std::string& value) {
    if (auto it = done.find(value); it != done.end()) return it->second;
    const quant::Int8Params p = quant::int8ParamsFor(c.options->ranges->at(value), false, c.options->asymmetricActivations);
    auto& g = *c.model.mutable_graph();
    const std::string scale = c.index.uniqueName(value + "_scale"), zero = c.index.uniqueName(value + "_zero_point");
    addScalar(g, scale, p.scale);
    addZeroPoint(g, zero, p.dtype, p.zeroPoint);
    const std::string q = c.index.uniqueName(value + "_quantized"), dq = c.index.uniqueName(value + "_dequantized");
    out.push_back(makeNode("QuantizeLinear", c.index.uniqueName(value + "_QuantizeLinear"), {value, scale, zero}, {q}));
    out.push_back(makeNode("DequantizeLinear", c.index.uniqueName(value + "_DequantizeLinear"), {q, scale, zero}, {dq}));
    return done[value] = {dq, p.scale};
}

// s8 weight behind a DequantizeLinear (per `axis` channel, or per tensor); returns the scales.
Expected<std::vector<float>> quantizeWeight(Context& c, NodeProto& n, int axis, std::vector<NodeProto>& out) {
    auto& g = *c.model.mutable_graph();
    QL_ASSIGN(auto w, c.index.floatInitializer(n.input(1), c.dir));
    if (!w) return Status::error("weight '" + n.input(1) + "' is not a float constant");
    const ir::Dims dims = w->dims();
    // rows = output channels: for axis 1 of a 2-D weight, quantize its transpose
    const bool transpose = axis == 1;
    const int64_t rows = transpose ? dims[1] : dims[0], perRow = w->numel() / rows;
    std::vector<float> byRow(size_t(w->numel()));
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t k = 0; k < perRow; ++k) byRow[size_t(r * perRow + k)] = transpose ? w->data<float>()[k * rows + r] : w->data<float>()[r * perRow + k];
    const bool perTensor = c.options->perTensorWeights || !c.report.perChannel;
    const quant::QuantizedRows q = quant::quantizeRowsS8(byRow.data(), rows, perRow, perTensor);
    ir::Tensor values = ir::Tensor::create(ir::DType::S8, dims).value();
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t k = 0; k < perRow; ++k) (transpose ? values.data<int8_t>()[k * rows + r] : values.data<int8_t>()[r * perRow + k]) = q.values[size_t(r * perRow + k)];
    const std::string base = n.input(1);
    const std::string qName = c.index.uniqueName(base + "_quantized"), scale = c.index.uniqueName(base + "_scale"),
                      zero = c.index.uniqueName(base + "_zero_point"), dq = c.index.uniqueName(base + "_dequantized");
    addInitializer(g, qName, values);
    if (perTensor) {
        addScalar(g, scale, q.scales[0]);
        addZeroPoint(g, zero, ir::DType::S8, 0);
    } else {
        addVector(g, scale, q.scales);
        addZeroPoints(g, zero, ir::DType::S8, rows);
    }
    NodeProto d = makeNode("DequantizeLinear", c.index.uniqueName(base + "_DequantizeLinear"), {qName, scale, zero}, {dq});
    if (!perTensor) setIntAttribute(d, "axis", axis);
    out.push_back(d);
    n.set_input(1, dq);
    return q.scales;
}

// int32 bias with scale = activation scale x weight scale (zero point 0): what int8 kernels
// accumulate into. Kept float when it is not a 1-D constant of the output channels.
Status quantizeBias(Context& c, NodeProto& n, float activationScale, const std::vector<float>& weightScales, std::vector<NodeProto>& out) {
    if (n.input_size() < 3 || n.input(2).empty()) return Status::ok();
    if (n.op_type() == "Gemm" && attrFloat(n, "beta", 1.f) != 1.f) return Status::ok();
    QL_ASSIGN(auto b, c.index.floatInitializer(n.input(2), c.dir));
    if (!b || b->dims().size() != 1 || b->numel() != int64_t(weightScales.size())) return Status::ok();
    auto& g = *c.model.mutable_graph();
    const bool perTensor = c.options->perTensorWeights || !c.report.perChannel;
    std::vector<float> scales(weightScales.size());
    ir::Tensor values = ir::Tensor::create(ir::DType::S32, b->dims()).value();
    for (size_t m = 0; m < scales.size(); ++m) {
        scales[m] = activationScale * weightScales[perTensor ? 0 : m];
        const double q = std::nearbyint(double(b->data<float>()[m]) / double(scales[m]));
        values.data<int32_t>()[m] = int32_t(std::clamp(q, -2147483648.0, 2147483647.0));
    }
    const std::string base = n.input(2);
    const std::string qName = c.index.uniqueName(base + "_quantized"), scale = c.index.uniqueName(base + "_scale"),
                      zero = c.index.uniqueName(base + "_zero_point"), dq = c.index.uniqueName(base + "_dequantized");
    addInitializer(g, qName, values);
    if (perTensor) {
        addScalar(g, scale, scales[0]);
        addZeroPoint(g, zero, ir::DType::S32, 0);
    } else {
        addVector(g, scale, scales);
        addZeroPoints(g, zero, ir::DType::S32, int64_t(scales.size()));
    }
    NodeProto d = makeNode("DequantizeLinear", c.index.uniqueName(base + "_DequantizeLinear"), {qName, scale, zero}, {dq});
    if (!perTensor) setIntAttribute(d, "axis", 0);
    out.push_back(d);
    n.set_input(2, dq);
    return Status::ok();
}
}  // namespace

Expected<QdqReport> writeQdqModel(const std::filesystem::path& model, const std::filesystem::path& output, const QdqOptions& options) {
    if (!options.ranges) return Status::internal("writeQdqModel: no activation ranges");
    if (!options.overwrite && std::filesystem::exists(output)) return Status::error(output.string() + " exists; not overwritten (use --force to replace it)");
    Context c;
    c.options = &options;
    c.dir = model.parent_path();
    QL_ASSIGN(std::string bytes, readModelBytes(model));
    c.report.inputBytes = int64_t(bytes.size());
    if (!c.model.ParseFromString(bytes)) return Status::error(model.string() + ": not an ONNX model (protobuf parsing failed)");
    bytes.clear();
    c.report.opset = defaultOpset(c.model);
    if (c.report.opset < 10) return Status::unsupported(model.string() + ": opset " + std::to_string(c.report.opset) + " has no QuantizeLinear (needs 10 or later)");
    c.report.perChannel = c.report.opset >= 13;  // per-axis DequantizeLinear came with opset 13
    for (const auto& t : c.model.graph().initializer())
        if (t.data_location() == onnx::TensorProto::EXTERNAL)
            return Status::unsupported(model.string() + ": initializer '" + t.name() + "' keeps its data in an external file; such models are not exported yet");
    c.index = ProtoIndex(c.model.graph());
    QL_TRY(foldBatchNorms(c));

    auto& graph = *c.model.mutable_graph();
    std::vector<NodeProto> nodes;
    std::map<std::string, ActivationQdq> activations;
    for (int i = 0; i < graph.node_size(); ++i) {
        NodeProto n = graph.node(i);
        const bool candidate = n.domain().empty() && (n.op_type() == "Conv" || n.op_type() == "Gemm" || n.op_type() == "MatMul");
        if (candidate) {
            ++c.report.candidates;
            int axis = 0;
            const std::string why = blocker(c, n, axis);
            if (!why.empty()) {
                c.report.leftFloat.push_back("'" + n.name() + "' (" + n.op_type() + "): " + why);
            } else {
                const ActivationQdq x = quantizeActivation(c, activations, nodes, n.input(0));
                n.set_input(0, x.dequantized);
                QL_ASSIGN(auto scales, quantizeWeight(c, n, axis, nodes));
                QL_TRY(quantizeBias(c, n, x.scale, scales, nodes));
                ++c.report.quantized;
            }
        }
        nodes.push_back(std::move(n));
    }
    graph.clear_node();
    for (auto& n : nodes) *graph.add_node() = std::move(n);
    // initializers nothing reads any more (the float weights replaced by their int8 twins)
    removeUnusedInitializers(graph);
    auto* meta = c.model.add_metadata_props();
    meta->set_key("quantlens.quantization");
    meta->set_value(std::string("QDQ: s8 weights ") + (options.perTensorWeights || !c.report.perChannel ? "per tensor" : "per output channel") +
                    ", activations " + (options.asymmetricActivations ? "asymmetric" : "symmetric") + ", " + std::to_string(c.report.quantized) +
                    " of " + std::to_string(c.report.candidates) + " Conv/Gemm/MatMul nodes");
    std::string serialized;
    if (!c.model.SerializeToString(&serialized)) return Status::internal(output.string() + ": the quantized model could not be serialized");
    c.report.outputBytes = int64_t(serialized.size());
    QL_TRY(writeFileAtomically(output, serialized));
    return c.report;
}

}  // namespace ql::onnx_export
