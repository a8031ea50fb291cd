// The int8 engine's graph-level choices: a concat whose producers have different ranges runs in
// int8 with one shared scale, and a BatchNormalization that cannot fold into a conv runs as an
// int8 depthwise conv; both against the reference executor, without inserted conversions.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <random>

#include "core/passes/infer_shapes.h"
#include "core/passes/pass_manager.h"
#include "core/quant/shared_ranges.h"
#include "core/runtime/executor_factory.h"
#include "core/runtime/reference_executor.h"
#include "importers/onnx/onnx_importer.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;

namespace {

runtime::TensorMap inputX(const ir::Graph& g, unsigned seed) {
    const ir::Dims dims = g.value(g.inputs[0]).dims;
    ir::Tensor t = ir::Tensor::create(ir::DType::F32, dims).value();
    const auto v = randomValues(size_t(t.numel()), seed, -1.f, 2.f);
    std::copy(v.begin(), v.end(), t.data<float>());
    return {{"x", t}};
}

// Node outputs by node name, as the executor's hooks hand them over (dequantized f32).
struct Outcome {
    ir::Tensor y;
    std::map<std::string, ir::Tensor> nodes;
    std::vector<runtime::StepInfo> steps;
    runtime::PreparedExecutor prepared;
};

Outcome run(std::shared_ptr<ir::Graph> g, const runtime::TensorMap& in, runtime::ExecutorOptions o) {
    o.calibration = {in};
    Outcome r;
    auto p = runtime::prepareExecutor(g, o);
    EXPECT_TRUE(p.isOk()) << p.message();
    if (!p) return r;
    runtime::RunOptions ro;
    ro.hooks.onNodeOutputs = [&r](const ir::Node& n, const std::vector<ir::Tensor>& outs) { r.nodes[n.name] = outs.at(0).clone(); };
    auto out = p->executor->run(in, ro);
    EXPECT_TRUE(out.isOk()) << out.message();
    if (out) r.y = out->at("y");
    r.steps = p->executor->steps();
    r.prepared = std::move(*p);
    return r;
}

// The graph as it is, on the reference kernels (no fusion passes).
ir::Tensor referenceOnly(std::shared_ptr<ir::Graph> g, const runtime::TensorMap& in) {
    auto ex = runtime::ReferenceExecutor::create(g);
    EXPECT_TRUE(ex.isOk()) << ex.message();
    if (!ex) return {};
    auto out = (*ex)->run(in);
    EXPECT_TRUE(out.isOk()) << out.message();
    return out ? out->at("y") : ir::Tensor{};
}

double sqnrDb(const ir::Tensor& ref, const ir::Tensor& y) {
    double signal = 0, noise = 0;
    for (int64_t i = 0; i < ref.numel(); ++i) {
        signal += double(ref.data<float>()[i]) * ref.data<float>()[i];
        noise += std::pow(double(ref.data<float>()[i]) - y.data<float>()[i], 2);
    }
    return 10 * std::log10(signal / std::max(noise, 1e-30));
}

float amaxOf(const ir::Tensor& t) {
    float a = 0;
    for (int64_t i = 0; i < t.numel(); ++i) a = std::max(a, std::fabs(t.data<float>()[i]));
    return a;
}

void conv(OnnxBuilder& b, const std::string& in, const std::string& out, int64_t cin, int64_t cout, int64_t k, float weightScale, unsigned seed) {
    const std::string w = out + "_w";
    b.initializer(w, {cout, cin, k, k}, randomValues(size_t(cout * cin * k * k), seed, -weightScale, weightScale));
    auto& n = b.node("Conv", {in, w}, {out}, out);
    const int64_t p = k / 2;
    OnnxBuilder::setInts(n, "pads", {p, p, p, p});
}

void maxPool3x3(OnnxBuilder& b, const std::string& in, const std::string& out) {
    auto& n = b.node("MaxPool", {in}, {out}, out);
    OnnxBuilder::setInts(n, "kernel_shape", {3, 3});
    OnnxBuilder::setInts(n, "pads", {1, 1, 1, 1});
}

// Every inserted conversion is at the graph's edges (quantizing x, y to plain f32): nothing
// between the layers.
void expectConversionsOnlyAtTheEdges(const std::vector<runtime::StepInfo>& steps, const std::string& what) {
    for (const auto& s : steps) {
        if (s.inserted) EXPECT_TRUE(s.name == "reorder x" || s.name == "reorder y") << what << ": " << s.name << " (" << s.opType << " to " << s.dtype << " " << s.format << ")";
        EXPECT_NE(s.impl, "reference") << what << " " << s.name << ": " << s.fallbackReason;
    }
}

const runtime::StepInfo* stepNamed(const std::vector<runtime::StepInfo>& steps, const std::string& name) {
    for (const auto& s : steps)
        if (s.name == name) return &s;
    return nullptr;
}

// x [1, 8, 10, 10] -> 3x3 conv (16 channels) + ReLU -> 3x3 max pool = p (output y left to the test).
void stemToPool(OnnxBuilder& b, unsigned seed) {
    b.input("x", {1, 8, 10, 10}).output("y");
    conv(b, "x", "c0", 8, 16, 3, 0.3f, seed);
    b.node("Relu", {"c0"}, {"c"}, "c_relu");
    maxPool3x3(b, "c", "p");
}

// A BatchNormalization over `in` with seeded parameters (gamma, beta, mean, var).
struct BatchNormParams {
    std::vector<float> gamma, beta, mean, var;
};
BatchNormParams batchNorm(OnnxBuilder& b, const std::string& in, const std::string& out, int64_t ch, unsigned seed) {
    BatchNormParams p{randomValues(size_t(ch), seed, -1.5f, 1.5f), randomValues(size_t(ch), seed + 1, -0.5f, 0.5f),
                      randomValues(size_t(ch), seed + 2, 0.f, 1.f), randomValues(size_t(ch), seed + 3, 0.2f, 2.f)};
    b.initializer(out + "_g", {ch}, p.gamma).initializer(out + "_b", {ch}, p.beta).initializer(out + "_m", {ch}, p.mean).initializer(out + "_v", {ch}, p.var);
    b.node("BatchNormalization", {in, out + "_g", out + "_b", out + "_m", out + "_v"}, {out}, out);
    return p;
}

// The oracle: BN and ReLU in double on the (dequantized) input the int8 plan produced, clipped to
// the output's int8 grid (upstream int8 error amplified by the BN may pass the calibrated
// maximum); the largest distance to what the plan computed. NCHW, batch 1.
double worstBatchNormReluError(const ir::Tensor& x, const ir::Tensor& got, const BatchNormParams& p, float outputStep) {
    const int64_t channels = x.dims()[1], pixels = x.numel() / channels;
    double worst = 0;
    for (int64_t c = 0; c < channels; ++c) {
        const double k = p.gamma[size_t(c)] / std::sqrt(double(p.var[size_t(c)]) + 1e-5);
        for (int64_t i = 0; i < pixels; ++i) {
            const double want = std::clamp((x.data<float>()[c * pixels + i] - p.mean[size_t(c)]) * k + p.beta[size_t(c)], 0.0, 255.0 * outputStep);
            worst = std::max(worst, std::fabs(want - got.data<float>()[c * pixels + i]));
        }
    }
    return worst;
}

}  // namespace

TEST(SharedRanges, ConcatOperandsAndPoolsShareTheUnionOfTheirRanges) {
    ir::Graph g;
    auto v = [&g](const char* n) { return g.addValue(n, ir::DType::F32, {1, 2, 3, 3}); };
    const ir::ValueId a = v("a"), b = v("b"), c = v("c"), d = v("d"), e = v("e"), f = v("f"), unranged = v("u");
    g.addNode("Concat", "cat", {a, b, unranged}, {c});
    g.addNode("MaxPool", "pool", {c}, {d});
    g.addNode("Relu", "relu", {d}, {e});  // does not share: e keeps its own range
    g.addNode("MaxPool", "other", {e}, {f});
    const quant::RangeTable ranges{{"a", {-1.f, 2.f}}, {"b", {0.f, 5.f}}, {"c", {-1.f, 4.f}}, {"d", {0.f, 4.5f}}, {"e", {0.f, 3.f}}, {"f", {0.f, 2.f}}};
    const auto shared = quant::shareRanges(g, ranges, [](const ir::Node& n) { return n.name != "relu"; });
    for (const char* name : {"a", "b", "c", "d"}) {
        EXPECT_EQ(shared.at(name).min, -1.f) << name;
        EXPECT_EQ(shared.at(name).max, 5.f) << name;
    }
    for (const char* name : {"e", "f"}) EXPECT_EQ(shared.at(name).max, 3.f) << name;
    EXPECT_EQ(shared.count("u"), 0u);
    // nothing shares: the table is unchanged
    const auto none = quant::shareRanges(g, ranges, [](const ir::Node&) { return false; });
    EXPECT_EQ(none.at("c").max, 4.f);
    EXPECT_EQ(none.at("f").max, 2.f);
}

// x -> three producers with ranges two orders of magnitude apart (a ReLU'd 3x3 conv with small
// weights, a signed 1x1 conv with large weights, a ReLU'd conv + max pool) -> Concat -> conv -> y
TEST(Int8Engine, ConcatWithMixedProducerScalesRunsInt8WithoutConversions) {
    OnnxBuilder b;
    b.input("x", {1, 8, 10, 10}).output("y");
    conv(b, "x", "a0", 8, 8, 3, 0.02f, 41);
    b.node("Relu", {"a0"}, {"a"}, "a_relu");
    conv(b, "x", "b", 8, 16, 1, 3.f, 42);
    conv(b, "x", "c0", 8, 8, 1, 0.5f, 43);
    b.node("Relu", {"c0"}, {"c"}, "c_relu");
    maxPool3x3(b, "c", "p");
    auto& cat = b.node("Concat", {"a", "b", "p"}, {"cat"}, "cat");
    OnnxBuilder::setInt(cat, "axis", 1);
    conv(b, "cat", "y", 32, 4, 3, 0.1f, 44);
    auto g = importGraph(b);
    const auto in = inputX(*g, 5);
    Outcome ref = run(g, in, {"reference"});
    ASSERT_GT(amaxOf(ref.nodes.at("b")), 10 * amaxOf(ref.nodes.at("a0")));  // the producers' own scales differ
    for (const bool asymmetric : {false, true}) {
        runtime::ExecutorOptions o;
        o.precision = runtime::Precision::Int8;
        o.asymmetricActivations = asymmetric;
        Outcome q = run(g, in, o);
        const std::string what = asymmetric ? "asymmetric" : "symmetric";
        expectConversionsOnlyAtTheEdges(q.steps, what);
        const runtime::StepInfo* c = stepNamed(q.steps, "cat");
        ASSERT_NE(c, nullptr);
        EXPECT_TRUE(c->dtype == "s8" || c->dtype == "u8") << what << ": concat runs in " << c->dtype;
        // the concat copies int8 bytes written in its own parameters: its output is exactly
        // its operands' (as the int8 producers wrote them) side by side
        const ir::Tensor& out = q.nodes.at("cat");
        const int64_t hw = 100;
        int64_t channel = 0;
        for (const char* name : {"a0", "b", "p"}) {
            const ir::Tensor& part = q.nodes.at(name);
            const int64_t channels = part.numel() / hw;
            for (int64_t i = 0; i < part.numel(); ++i)
                ASSERT_EQ(out.data<float>()[channel * hw + i], part.data<float>()[i]) << what << " operand " << name << " at " << i;
            channel += channels;
        }
        EXPECT_GT(sqnrDb(ref.y, q.y), 30.0) << what;
    }
}

// x -> conv+ReLU -> max pool -> BatchNormalization -> ReLU -> conv -> y: the BN follows a pool,
// so it cannot fold; it runs as an int8 depthwise conv with the ReLU fused, within one output
// step of BN+ReLU computed exactly on the int8 plan's own (dequantized) input.
TEST(Int8Engine, PreActivationBatchNormRunsInt8WithinOneStep) {
    OnnxBuilder b;
    stemToPool(b, 51);
    const BatchNormParams bn = batchNorm(b, "p", "bn", 16, 52);
    b.node("Relu", {"bn"}, {"r"}, "relu");
    conv(b, "r", "y", 16, 4, 3, 0.2f, 56);
    auto g = importGraph(b);
    const auto in = inputX(*g, 6);
    Outcome ref = run(g, in, {"reference"});
    for (const bool asymmetric : {false, true}) {
        runtime::ExecutorOptions o;
        o.precision = runtime::Precision::Int8;
        o.asymmetricActivations = asymmetric;
        Outcome q = run(g, in, o);
        const std::string what = asymmetric ? "asymmetric" : "symmetric";
        expectConversionsOnlyAtTheEdges(q.steps, what);
        const runtime::StepInfo* s = stepNamed(q.steps, "bn");
        ASSERT_NE(s, nullptr) << what;
        EXPECT_EQ(s->opType, "FusedConv") << what;
        EXPECT_EQ(s->dtype, "u8") << what;
        EXPECT_EQ(s->impl.rfind("ref", 0), std::string::npos) << what << ": " << s->impl;
        // the oracle: BN and ReLU in double on the pool output the int8 plan produced
        const auto rr = q.prepared.ranges->at("r");
        const float step = quant::int8ParamsFor(rr, q.prepared.sevenBitActivations, asymmetric).scale;
        EXPECT_LE(worstBatchNormReluError(q.nodes.at("p"), q.nodes.at("bn"), bn, step), 1.0 * step) << what << ": output step " << step;
        EXPECT_GT(sqnrDb(ref.y, q.y), 30.0) << what;
    }
}

TEST(Passes, UnfoldableBatchNormBecomesDepthwiseConvWithItsRelu) {
    OnnxBuilder b;
    b.input("x", {1, 3, 4, 4}).output("y");
    b.initializer("g", {3}, {1.5f, -0.5f, 0.f}).initializer("be", {3}, {0.1f, -0.2f, 0.3f});
    b.initializer("mu", {3}, {0.3f, -0.1f, 0.f}).initializer("var", {3}, {2.f, 0.5f, 1.f});
    b.node("BatchNormalization", {"x", "g", "be", "mu", "var"}, {"n"}, "bn");  // on a graph input: nothing to fold into
    b.node("Relu", {"n"}, {"y"}, "relu");
    auto g = importGraph(b);
    const auto in = inputX(*g, 7);
    Outcome before = run(g, in, {"reference"});
    ASSERT_TRUE(passes::runPasses(*g, passes::fusionPipeline()).isOk());
    ASSERT_EQ(g->liveNodeCount(), 1u);
    const ir::Node& n = g->node(*g->findNode("bn"));
    EXPECT_EQ(n.opType, "FusedConv");
    EXPECT_EQ(n.attrs.getInt("group", 1), 3);
    EXPECT_EQ(n.attrs.getString("activation"), "Relu");
    EXPECT_EQ(n.fusedFrom.size(), 2u);  // bn, relu
    Outcome after = run(g, in, {"reference"});
    for (int64_t i = 0; i < before.y.numel(); ++i) EXPECT_NEAR(after.y.data<float>()[i], before.y.data<float>()[i], 1e-5f);
}

// x -> conv -> max pool -> activation -> conv -> y: ReLU, LeakyReLU and Clip run on the int8
// data in its own scale (exact up to the rounding of the result), other activations are FP32
// islands whose step says so.
TEST(Int8Engine, ScaleInvariantActivationsRunInt8OthersAreExplainedIslands) {
    struct Act {
        std::string op;
        std::function<double(double)> f;
    };
    const std::vector<Act> acts = {{"Relu", [](double v) { return std::max(0.0, v); }},
                                   {"LeakyRelu", [](double v) { return v > 0 ? v : 0.01 * v; }},
                                   {"Clip", [](double v) { return std::clamp(v, -0.2, 0.6); }},
                                   {"HardSwish", nullptr}};
    for (const Act& act : acts) {
        OnnxBuilder b;
        b.input("x", {1, 8, 10, 10}).output("y");
        conv(b, "x", "c", 8, 8, 3, 0.2f, 61);
        maxPool3x3(b, "c", "p");
        if (act.op == "Clip") {
            b.initializer("lo", {}, {-0.2f}).initializer("hi", {}, {0.6f});
            b.node("Clip", {"p", "lo", "hi"}, {"a"}, "act");
        } else {
            b.node(act.op, {"p"}, {"a"}, "act");
        }
        conv(b, "a", "y", 8, 4, 3, 0.2f, 62);
        auto g = importGraph(b);
        const auto in = inputX(*g, 8);
        Outcome ref = run(g, in, {"reference"});
        for (const bool asymmetric : {false, true}) {
            runtime::ExecutorOptions o;
            o.precision = runtime::Precision::Int8;
            o.asymmetricActivations = asymmetric;
            Outcome q = run(g, in, o);
            const std::string what = act.op + (asymmetric ? " asymmetric" : " symmetric");
            const runtime::StepInfo* s = stepNamed(q.steps, "act");
            ASSERT_NE(s, nullptr) << what;
            EXPECT_GT(sqnrDb(ref.y, q.y), 30.0) << what;
            if (!act.f || (asymmetric && act.op == "LeakyRelu")) {  // no exact int8 form
                EXPECT_EQ(s->dtype, "f32") << what;
                EXPECT_EQ(s->note.rfind("FP32 island", 0), 0u) << what << ": note '" << s->note << "'";
                continue;
            }
            expectConversionsOnlyAtTheEdges(q.steps, what);
            EXPECT_TRUE(s->dtype == "s8" || s->dtype == "u8") << what << ": " << s->dtype;
            EXPECT_TRUE(s->note.empty()) << what << ": " << s->note;
            // its scale is its input's: one step of the pool output's parameters
            const float step = quant::int8ParamsFor(q.prepared.ranges->at("c"), q.prepared.sevenBitActivations, asymmetric).scale;
            const ir::Tensor& pool = q.nodes.at("p");
            const ir::Tensor& got = q.nodes.at("act");
            double worst = 0;
            for (int64_t i = 0; i < pool.numel(); ++i) worst = std::max(worst, std::fabs(act.f(pool.data<float>()[i]) - got.data<float>()[i]));
            EXPECT_LE(worst, 0.5 * step * 1.001) << what << ": step " << step;
        }
    }
}

// A dense block: each layer concatenates the block input and every earlier layer's output.
// After the pass each concat reads the previous concat plus one new map; the one-operand
// concat is gone; FP32 outputs are unchanged and the INT8 plan converts nothing inside.
TEST(Passes, DenseBlockConcatsReadTheEarlierConcat) {
    OnnxBuilder b;
    b.input("x", {1, 4, 6, 6}).output("y");
    b.node("Concat", {"x"}, {"cat1"}, "cat1");
    std::vector<std::string> features = {"x"};
    for (int i = 1; i <= 3; ++i) {
        const std::string in = i == 1 ? "cat1" : "cat" + std::to_string(i), out = "f" + std::to_string(i);
        conv(b, in, out, 4 * i, 4, 3, 0.3f, unsigned(70 + i));
        features.push_back(out);
        auto& cat = b.node("Concat", features, {i == 3 ? "y" : "cat" + std::to_string(i + 1)}, "cat" + std::to_string(i + 1));
        OnnxBuilder::setInt(cat, "axis", 1);
    }
    auto g = importGraph(b);
    const auto in = inputX(*g, 9);
    const ir::Tensor before = referenceOnly(g, in);
    std::vector<std::string> changes;
    ASSERT_TRUE(passes::reuseConcatPrefix(*g, changes).isOk());
    EXPECT_EQ(changes.size(), 3u);  // cat3 and cat4 rewritten, cat1 removed
    EXPECT_FALSE(g->findNode("cat1").has_value());
    auto inputsOf = [&](const char* node) {
        std::vector<std::string> names;
        for (ir::ValueId v : g->node(*g->findNode(node)).inputs) names.push_back(g->value(v).name);
        return names;
    };
    EXPECT_EQ(inputsOf("f1"), (std::vector<std::string>{"x", "f1_w"}));
    EXPECT_EQ(inputsOf("cat2"), (std::vector<std::string>{"x", "f1"}));
    EXPECT_EQ(inputsOf("cat3"), (std::vector<std::string>{"cat2", "f2"}));
    EXPECT_EQ(inputsOf("cat4"), (std::vector<std::string>{"cat3", "f3"}));
    EXPECT_TRUE(g->verify().isOk()) << g->verify().message();
    const ir::Tensor after = referenceOnly(g, in);
    ASSERT_EQ(after.numel(), before.numel());
    for (int64_t i = 0; i < before.numel(); ++i) ASSERT_EQ(after.data<float>()[i], before.data<float>()[i]) << i;
    runtime::ExecutorOptions o;
    o.precision = runtime::Precision::Int8;
    Outcome q = run(g, in, o);
    expectConversionsOnlyAtTheEdges(q.steps, "dense block");
    EXPECT_GT(sqnrDb(before, q.y), 30.0);
}

// With zero points, an average that counts padding would average in 0 instead of the zero
// point, so it runs in FP32 (and says so); without padding the flag changes nothing and the
// pool stays int8 (DenseNet's transitions: 2x2 stride 2, count_include_pad from the export).
TEST(Int8Engine, AsymmetricAveragePoolStaysInt8UnlessPaddingIsCounted) {
    for (const bool padded : {false, true}) {
        OnnxBuilder b;
        b.input("x", {1, 8, 10, 10}).output("y");
        conv(b, "x", "c", 8, 8, 3, 0.3f, 81);  // signed: a zero point in asymmetric mode
        auto& pool = b.node("AveragePool", {"c"}, {"p"}, "pool");
        OnnxBuilder::setInts(pool, "kernel_shape", {2, 2});
        OnnxBuilder::setInts(pool, "strides", {2, 2});
        OnnxBuilder::setInts(pool, "pads", padded ? std::vector<int64_t>{1, 1, 1, 1} : std::vector<int64_t>{0, 0, 0, 0});
        OnnxBuilder::setInt(pool, "count_include_pad", 1);
        conv(b, "p", "y", 8, 4, 3, 0.2f, 82);
        auto g = importGraph(b);
        const auto in = inputX(*g, 10);
        Outcome ref = run(g, in, {"reference"});
        runtime::ExecutorOptions o;
        o.precision = runtime::Precision::Int8;
        o.asymmetricActivations = true;
        Outcome q = run(g, in, o);
        const std::string what = padded ? "padded" : "unpadded";
        const runtime::StepInfo* s = stepNamed(q.steps, "pool");
        ASSERT_NE(s, nullptr);
        EXPECT_GT(sqnrDb(ref.y, q.y), 30.0) << what;
        if (padded) {
            EXPECT_EQ(s->dtype, "f32");
            EXPECT_EQ(s->note.rfind("FP32 island", 0), 0u) << s->note;
        } else {
            EXPECT_EQ(s->dtype, "u8");
            expectConversionsOnlyAtTheEdges(q.steps, what);
        }
    }
}

// A DenseNet layer: x -> conv+ReLU -> max pool = p; p -> BN -> ReLU -> 1x1 conv+ReLU -> 3x3 conv
// (no activation: signed) = n; concat(p, n) -> BN -> ReLU -> 1x1 conv -> y. The concat group is
// signed, read only by unpadded convs (the BNs as depthwise 1x1): it is stored as u8 with zero
// point 128 (the s8 levels shifted; the convs fold the zero point into their bias), against
// the reference executor and, for the second BN, BN+ReLU computed on the plan's own concat.
// MobileNet V2's last projection: a 1x1 conv without activation (signed) read only by an
// unpadded 1x1 conv is stored as u8 + 128; the hooks hand its values over right, at any scale
// (a random-weight MobileNet's are around 1e-8). Through a oneDNN reorder to f32 with a source
// zero point they read at -14.6 dB SQNR there while the plan computed them right.
TEST(Int8Engine, HooksDequantizeAnOffsetStoredProjectionRight) {
    for (const float magnitude : {1.f, 1e-8f}) {
        OnnxBuilder b;
        b.input("x", {1, 160, 7, 7}).output("y");
        conv(b, "x", "n", 160, 320, 1, 0.1f, 81);
        conv(b, "n", "k", 320, 64, 1, 0.1f, 82);
        b.node("Relu", {"k"}, {"y"}, "k_relu");
        auto g = importGraph(b);
        auto in = inputX(*g, 9);
        for (int64_t i = 0; i < in.at("x").numel(); ++i) in.at("x").data<float>()[i] *= magnitude;
        Outcome ref = run(g, in, {"reference"});
        runtime::ExecutorOptions o;
        o.precision = runtime::Precision::Int8;
        Outcome q = run(g, in, o);
        const runtime::StepInfo* sn = stepNamed(q.steps, "n");
        ASSERT_NE(sn, nullptr);
        if (!q.prepared.sevenBitActivations) EXPECT_EQ(sn->dtype, "u8") << "the test's premise: offset storage";
        EXPECT_GT(sqnrDb(ref.nodes.at("n"), q.nodes.at("n")), 25.0) << magnitude;
        EXPECT_GT(sqnrDb(ref.y, q.y), 25.0) << magnitude;
    }
}

// The same values dequantized by a step of the plan: asymmetric u8 with a zero point into an
// FP32 island (Sigmoid has no int8 kernel).
TEST(Int8Engine, AnAsymmetricValueDequantizedIntoAnFp32IslandIsRight) {
    OnnxBuilder b;
    b.input("x", {1, 160, 7, 7}).output("y");
    conv(b, "x", "n", 160, 320, 1, 0.1f, 81);
    b.node("Sigmoid", {"n"}, {"s"}, "sig");
    b.node("Erf", {"n"}, {"e"}, "erf");  // a reference fallback: plain NCHW f32 from NHWC u8
    b.node("Add", {"s", "e"}, {"y"}, "add");
    auto g = importGraph(b);
    const auto in = inputX(*g, 9);
    Outcome ref = run(g, in, {"reference"});
    runtime::ExecutorOptions o;
    o.precision = runtime::Precision::Int8;
    o.asymmetricActivations = true;
    Outcome q = run(g, in, o);
    EXPECT_GT(sqnrDb(ref.y, q.y), 25.0);
}

TEST(Int8Engine, SignedConcatReadByDepthwiseConvsIsStoredAsU8WithZeroPoint128) {
    OnnxBuilder b;
    stemToPool(b, 61);
    batchNorm(b, "p", "bn1", 16, 62);
    b.node("Relu", {"bn1"}, {"r1"}, "relu1");
    conv(b, "r1", "k1", 16, 16, 1, 0.4f, 66);
    b.node("Relu", {"k1"}, {"k1r"}, "k1_relu");
    conv(b, "k1r", "n", 16, 8, 3, 0.3f, 67);
    OnnxBuilder::setInt(b.node("Concat", {"p", "n"}, {"cat"}, "cat"), "axis", 1);
    const BatchNormParams bn2 = batchNorm(b, "cat", "bn2", 24, 68);
    b.node("Relu", {"bn2"}, {"r2"}, "relu2");
    conv(b, "r2", "y", 24, 4, 1, 0.3f, 72);
    auto g = importGraph(b);
    const auto in = inputX(*g, 7);
    Outcome ref = run(g, in, {"reference"});
    runtime::ExecutorOptions o;
    o.precision = runtime::Precision::Int8;
    Outcome q = run(g, in, o);
    expectConversionsOnlyAtTheEdges(q.steps, "offset");
    EXPECT_GT(sqnrDb(ref.y, q.y), 30.0);
    const runtime::StepInfo* s2 = stepNamed(q.steps, "bn2");
    const runtime::StepInfo* sn = stepNamed(q.steps, "n");
    ASSERT_NE(s2, nullptr);
    ASSERT_NE(sn, nullptr);
    EXPECT_EQ(s2->opType, "FusedConv");
    // 7-bit activations (AVX2 without VNNI) keep s8: the shift needs all 8 bits
    const std::string stored = q.prepared.sevenBitActivations ? "s8" : "u8";
    EXPECT_EQ(s2->inputDtype, stored);
    EXPECT_EQ(sn->dtype, stored);
    EXPECT_EQ(stepNamed(q.steps, "bn1")->inputDtype, stored);
    // BN2 + ReLU in double on the concat the int8 plan produced (dequantized by the hooks)
    const auto rr = q.prepared.ranges->at("r2");
    const float step = quant::int8ParamsFor(rr, q.prepared.sevenBitActivations).scale;
    const ir::Tensor& cat = q.nodes.at("cat");
    double catMin = 0;
    for (int64_t i = 0; i < cat.numel(); ++i) catMin = std::min(catMin, double(cat.data<float>()[i]));
    EXPECT_LT(catMin, 0.0) << "the concat should hold negative values (the test's premise)";
    EXPECT_LE(worstBatchNormReluError(cat, q.nodes.at("bn2"), bn2, step), 1.0 * step) << "output step " << step;
}
