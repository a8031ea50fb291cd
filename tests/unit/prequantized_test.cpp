// Pre-quantized models: a QOperator chain (QuantizeLinear -> QLinearConv -> 8-bit MaxPool ->
// QLinearConv -> DequantizeLinear) is expanded and folded into float ops carrying the model's own
// parameters, runs on oneDNN int8 kernels without a reference step, with the model's weight
// scales, and computes what the reference kernels compute on the original nodes.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/quant/weight_quant.h"
#include "core/session/quantize_workflow.h"
#include "core/session/session.h"
#include "core/session/workflows.h"
#include "tests/unit/test_models.h"

namespace ql {
namespace {

void addIntTensor(test::OnnxBuilder& b, const std::string& name, std::vector<int64_t> dims, int type, const std::vector<int32_t>& values) {
    auto* t = b.model().mutable_graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(type);
    for (int64_t d : dims) t->add_dims(d);
    for (int32_t v : values) t->add_int32_data(v);
}

std::vector<int32_t> randomInts(size_t n, int lo, int hi, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> u(lo, hi);
    std::vector<int32_t> v(n);
    for (auto& x : v) x = u(rng);
    return v;
}

// x f32 [1,3,12,12] -> Q(u8) -> QLinearConv(4 out, per-channel s8 weights, int32 bias) -> MaxPool (u8)
// -> QLinearConv(5 out, per-tensor weights) -> DequantizeLinear -> y
test::OnnxBuilder qoperatorChain() {
    test::OnnxBuilder b(13);
    b.input("x", {1, 3, 12, 12}).output("y");
    b.initializer("xs", {}, {0.02f}).initializer("w1s", {4}, {0.010f, 0.020f, 0.015f, 0.008f}).initializer("y1s", {}, {0.05f});
    b.initializer("w2s", {}, {0.012f}).initializer("y2s", {}, {0.25f});
    addIntTensor(b, "xzp", {}, onnx::TensorProto::UINT8, {60});
    addIntTensor(b, "w1", {4, 3, 3, 3}, onnx::TensorProto::INT8, randomInts(4 * 27, -128, 127, 1));
    addIntTensor(b, "w1zp", {4}, onnx::TensorProto::INT8, {0, 0, 0, 0});
    addIntTensor(b, "b1", {4}, onnx::TensorProto::INT32, {200, -300, 50, 0});
    addIntTensor(b, "y1zp", {}, onnx::TensorProto::UINT8, {10});
    addIntTensor(b, "w2", {5, 4, 3, 3}, onnx::TensorProto::INT8, randomInts(5 * 36, -127, 127, 2));
    addIntTensor(b, "w2zp", {}, onnx::TensorProto::INT8, {0});
    addIntTensor(b, "y2zp", {}, onnx::TensorProto::UINT8, {128});
    b.node("QuantizeLinear", {"x", "xs", "xzp"}, {"xq"}, "quantize_x");
    auto& c1 = b.node("QLinearConv", {"xq", "xs", "xzp", "w1", "w1s", "w1zp", "y1s", "y1zp", "b1"}, {"y1"}, "conv1");
    test::OnnxBuilder::setInts(c1, "pads", {1, 1, 1, 1});
    auto& pool = b.node("MaxPool", {"y1"}, {"p1"}, "pool");
    test::OnnxBuilder::setInts(pool, "kernel_shape", {2, 2});
    test::OnnxBuilder::setInts(pool, "strides", {2, 2});
    b.node("QLinearConv", {"p1", "y1s", "y1zp", "w2", "w2s", "w2zp", "y2s", "y2zp"}, {"y2"}, "conv2");
    b.node("DequantizeLinear", {"y2", "y2s", "y2zp"}, {"y"}, "dequantize_y");
    return b;
}

runtime::TensorMap randomInput(unsigned seed) {
    ir::Tensor t = ir::Tensor::create(ir::DType::F32, {1, 3, 12, 12}).value();
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-1.f, 3.f);
    for (int64_t i = 0; i < t.numel(); ++i) t.data<float>()[i] = u(rng);
    return {{"x", t}};
}

TEST(QOperatorModel, ExpandsAndFoldsIntoFloatOpsWithTheModelsParameters) {
    const auto dir = test::tempDir("qoperator");
    auto s = session::Session::open(qoperatorChain().save(dir, "m.onnx"));
    ASSERT_TRUE(s) << s.status().message();
    const ir::Graph& g = *(*s)->fused();
    std::map<std::string, int> ops;
    for (ir::NodeId id : g.nodeIds()) ++ops[g.node(id).opType];
    // no QLinear or QuantizeLinear node is left; DequantizeLinear only on the constant weights
    EXPECT_EQ(ops, (std::map<std::string, int>{{"Conv", 2}, {"DequantizeLinear", 2}, {"MaxPool", 1}}));
    for (ir::NodeId id : g.nodeIds()) {
        if (g.node(id).opType == "DequantizeLinear") { EXPECT_TRUE(g.value(g.node(id).inputs[0]).constant) << g.node(id).name; }
    }
    // the float tensors carry the model's parameters and take the original names
    auto y1 = g.findValue("y1");
    ASSERT_TRUE(y1);
    ASSERT_TRUE(g.value(*y1).quant);
    EXPECT_FLOAT_EQ(g.value(*y1).quant->scales[0], 0.05f);
    EXPECT_EQ(g.value(*y1).quant->zeroPoints[0], 10);
    EXPECT_EQ(g.value(*y1).dtype, ir::DType::F32);
    ASSERT_EQ(g.outputs.size(), 1u);
    EXPECT_EQ(g.value(g.outputs[0]).name, "y");
    // every original node is still traceable from the fused graph
    std::set<int32_t> covered;
    for (ir::NodeId id : g.nodeIds())
        for (ir::NodeId f : g.node(id).fusedFrom) covered.insert(f.v);
    EXPECT_EQ(covered.size(), 5u);
    std::filesystem::remove_all(dir);
}

TEST(QOperatorModel, RunsOnInt8KernelsAndMatchesTheReferenceKernels) {
    const auto dir = test::tempDir("qoperator_run");
    auto s = session::Session::open(qoperatorChain().save(dir, "m.onnx"));
    ASSERT_TRUE(s) << s.status().message();
    session::RunConfig config;
    config.precisions = {runtime::Precision::Int8};
    config.repeat = 1;
    config.warmup = 0;
    session::ProfileRequest request;
    request.inputs = randomInput(7);
    request.keepOutputs = true;
    auto result = session::profileModel(**s, config, request);
    ASSERT_TRUE(result) << result.status().message();
    const auto& run = (*result)->runs.at(0);
    int weightsOwnScales = 0;
    for (const auto& layer : run.profile.layers) {
        EXPECT_NE(layer.step.impl, "reference") << layer.step.name << ": " << layer.step.fallbackReason;
        if (layer.step.opType == "Conv" || layer.step.opType == "FusedConv") {
            EXPECT_TRUE(layer.step.dtype == "u8") << layer.step.name << " writes " << layer.step.dtype;
            weightsOwnScales += layer.step.note.find("model's own int8 scales") != std::string::npos;
        }
    }
    EXPECT_EQ(weightsOwnScales, 2);

    session::RunConfig reference;
    reference.executor = "reference";
    reference.precisions = {runtime::Precision::Fp32};
    auto expected = session::runModel(**s, reference, request.inputs);
    ASSERT_TRUE(expected) << expected.status().message();
    const ir::Tensor& want = expected->outputs.at("y");
    const ir::Tensor& got = run.profile.outputs.at("y");
    ASSERT_EQ(want.numel(), got.numel());
    // same int8 arithmetic up to rounding of the requantization: at most one step of y's scale
    int off = 0;
    for (int64_t i = 0; i < want.numel(); ++i) {
        const float d = std::fabs(want.data<float>()[i] - got.data<float>()[i]);
        EXPECT_LE(d, 0.25f * 1.01f) << "element " << i;
        off += d > 0.001f;
    }
    EXPECT_LT(off, want.numel() / 10) << "most elements are bit-exact";
    std::filesystem::remove_all(dir);
}

// x -> Q -> QLinearConv -> y1 -> QLinearConv -> y2; com.microsoft QLinearAdd(y1, y2) -> y3 ->
// com.microsoft QLinearGlobalAveragePool -> y4 -> DequantizeLinear -> y: ONNX Runtime's QOperator form
test::OnnxBuilder contribChain() {
    test::OnnxBuilder b(13);
    auto* ms = b.model().add_opset_import();
    ms->set_domain("com.microsoft");
    ms->set_version(1);
    b.input("x", {1, 4, 6, 6}).output("y");
    b.initializer("xs", {}, {0.02f}).initializer("ws", {}, {0.01f}).initializer("y1s", {}, {0.05f}).initializer("y2s", {}, {0.08f});
    b.initializer("y3s", {}, {0.1f}).initializer("y4s", {}, {0.07f});  // covers the averages (a pool shares its input's scale: no clip of its own)
    addIntTensor(b, "zp0", {}, onnx::TensorProto::UINT8, {0});
    addIntTensor(b, "xzp", {}, onnx::TensorProto::UINT8, {50});
    addIntTensor(b, "y2zp", {}, onnx::TensorProto::UINT8, {128});
    addIntTensor(b, "wzp", {}, onnx::TensorProto::INT8, {0});
    addIntTensor(b, "w1", {4, 4, 1, 1}, onnx::TensorProto::INT8, randomInts(16, -127, 127, 3));
    addIntTensor(b, "w2", {4, 4, 3, 3}, onnx::TensorProto::INT8, randomInts(144, -127, 127, 4));
    b.node("QuantizeLinear", {"x", "xs", "xzp"}, {"xq"}, "quantize_x");
    b.node("QLinearConv", {"xq", "xs", "xzp", "w1", "ws", "wzp", "y1s", "zp0"}, {"y1"}, "conv1");
    test::OnnxBuilder::setInts(b.node("QLinearConv", {"y1", "y1s", "zp0", "w2", "ws", "wzp", "y2s", "y2zp"}, {"y2"}, "conv2"), "pads", {1, 1, 1, 1});
    b.node("QLinearAdd", {"y1", "y1s", "zp0", "y2", "y2s", "y2zp", "y3s", "y2zp"}, {"y3"}, "add").set_domain("com.microsoft");
    auto& gap = b.node("QLinearGlobalAveragePool", {"y3", "y3s", "y2zp", "y4s", "y2zp"}, {"y4"}, "gap");
    gap.set_domain("com.microsoft");
    test::OnnxBuilder::setInt(gap, "channels_last", 0);
    b.node("DequantizeLinear", {"y4", "y4s", "y2zp"}, {"y"}, "dequantize_y");
    return b;
}

TEST(QOperatorModel, OnnxRuntimeContribOpsRunOnInt8KernelsLikeTheirReferenceKernels) {
    const auto dir = test::tempDir("qoperator_contrib");
    auto s = session::Session::open(contribChain().save(dir, "m.onnx"));
    ASSERT_TRUE(s) << s.status().message();
    for (ir::NodeId id : (*s)->fused()->nodeIds()) {
        const ir::Node& n = (*s)->fused()->node(id);
        EXPECT_TRUE(n.domain.empty() || n.domain == "ql") << n.label() << " is left";
        EXPECT_NE(n.opType, "QuantizeLinear") << n.label();
    }
    session::RunConfig config;
    config.precisions = {runtime::Precision::Int8};
    config.repeat = 1;
    config.warmup = 0;
    session::ProfileRequest request;
    request.inputs = {{"x", [] {
                           ir::Tensor t = ir::Tensor::create(ir::DType::F32, {1, 4, 6, 6}).value();
                           std::mt19937 rng(5);
                           std::uniform_real_distribution<float> u(-0.5f, 3.f);
                           for (int64_t i = 0; i < t.numel(); ++i) t.data<float>()[i] = u(rng);
                           return t;
                       }()}};
    request.keepOutputs = true;
    auto result = session::profileModel(**s, config, request);
    ASSERT_TRUE(result) << result.status().message();
    for (const auto& layer : (*result)->runs.at(0).profile.layers)
        EXPECT_NE(layer.step.impl, "reference") << layer.step.name << ": " << layer.step.fallbackReason;
    session::RunConfig reference;
    reference.executor = "reference";
    reference.precisions = {runtime::Precision::Fp32};
    auto expected = session::runModel(**s, reference, request.inputs);
    ASSERT_TRUE(expected) << expected.status().message();
    const ir::Tensor& want = expected->outputs.at("y");
    const ir::Tensor& got = (*result)->runs.at(0).profile.outputs.at("y");
    ASSERT_EQ(want.numel(), 4);
    // the residual add is fused into conv2 (no rounding of conv2's output before it): a few steps at most
    for (int64_t i = 0; i < want.numel(); ++i) EXPECT_NEAR(want.data<float>()[i], got.data<float>()[i], 3 * 0.07f) << "channel " << i;
    std::filesystem::remove_all(dir);
}

TEST(PrequantizedCompare, AgainstTheFloatModelItCameFromLayerByLayer) {
    const auto dir = test::tempDir("prequantized_compare");
    const std::string floatModel = std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx";
    auto f = session::Session::open(floatModel);
    ASSERT_TRUE(f) << f.status().message();
    session::QuantizeRequest qr;
    qr.output = dir / "q.onnx";
    qr.calibration.dataDir = "/usr/share/datasets/fashion-mnist";
    session::RunConfig config;
    config.calibration.samples = 64;
    ASSERT_TRUE(session::quantizeModel(**f, config, qr));
    auto q = session::Session::open(qr.output);
    ASSERT_TRUE(q) << q.status().message();

    EXPECT_TRUE(std::filesystem::exists(dir / "q.json")) << "the float model's card goes along";
    session::CompareRequest request;
    request.samples = 64;
    request.dataDir = "/usr/share/datasets/fashion-mnist";
    request.reference = *f;
    auto r = session::compareModel(**q, config, request);
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ((*r)->referenceModel, floatModel);
    EXPECT_TRUE((*r)->unmatched.empty()) << (*r)->unmatched.front() << " has no float counterpart";
    int convs = 0;
    for (const auto& l : (*r)->layers) {
        ASSERT_TRUE(l.propagated) << l.name;
        EXPECT_GT(l.propagated->sqnrDb, 20.0) << l.name;
        convs += l.opType == "Conv" || l.opType == "FusedConv";
    }
    EXPECT_EQ(convs, 9);
    ASSERT_EQ((*r)->outputs.size(), 1u);
    EXPECT_GT((*r)->outputs[0].error.sqnrDb, 25.0);

    // a reference whose input does not fit is refused, naming both files
    test::OnnxBuilder other;
    other.input("x", {1, 3, 8, 8}).output("y");
    other.node("Relu", {"x"}, {"y"}, "relu");
    auto o = session::Session::open(other.save(dir, "other.onnx"));
    ASSERT_TRUE(o);
    request.reference = *o;
    auto bad = session::compareModel(**q, config, request);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.status().message().find("q.onnx"), std::string::npos) << bad.status().message();
    EXPECT_NE(bad.status().message().find("other.onnx"), std::string::npos) << bad.status().message();
    std::filesystem::remove_all(dir);
}

TEST(WeightQuant, GivenScalesGiveBackTheModelsInt8Weights) {
    const std::vector<float> scales{0.5f, 0.01f};
    const std::vector<int> q{-128, 127, 3, -7, 0, 100};
    std::vector<float> w(6);
    for (size_t i = 0; i < 6; ++i) w[i] = scales[i / 3] * float(q[i]);
    const auto r = quant::quantizeRowsS8WithScales(w.data(), 2, 3, scales);
    ASSERT_EQ(r.values.size(), 6u);
    for (size_t i = 0; i < 6; ++i) EXPECT_EQ(int(r.values[i]), q[i]);
    EXPECT_EQ(r.scales, scales);
    EXPECT_TRUE(quant::quantizeRowsS8WithScales(w.data(), 2, 3, {1.f, 2.f, 3.f}).values.empty()) << "a count that fits neither";
    EXPECT_TRUE(quant::quantizeRowsS8WithScales(w.data(), 2, 3, {0.f}).values.empty()) << "a scale that is not positive";
}

}  // namespace
}  // namespace ql
