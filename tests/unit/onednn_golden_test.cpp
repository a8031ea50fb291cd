// oneDNN kernels against the reference kernels: FP32 within ~1e-4 relative, INT8 within one
// quantization step of the reference computed on the same quantized operands.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "core/passes/infer_shapes.h"
#include "core/passes/pass_manager.h"
#include "core/quant/ranges.h"
#include "core/runtime/calibration_run.h"
#include "core/runtime/executor_factory.h"
#include "core/runtime/planned_executor.h"
#include "core/runtime/reference_executor.h"
#include "importers/onnx/onnx_importer.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;

namespace {
ir::Tensor randomTensor(ir::Dims dims, unsigned seed, float lo = -1.f, float hi = 1.f) {
    ir::Tensor t = ir::Tensor::create(ir::DType::F32, std::move(dims)).value();
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(lo, hi);
    for (int64_t i = 0; i < t.numel(); ++i) t.data<float>()[i] = u(rng);
    return t;
}

struct ConvCase {
    int64_t n, c, h, w, m, k, stride, pad, group;
    std::string activation;  // "", "Relu", "Clip"
    bool residual;
};

// x -> Conv(+Add residual)(+activation) -> y, as an imported and shape-inferred graph
std::shared_ptr<ir::Graph> convGraph(const ConvCase& c) {
    OnnxBuilder b;
    const int64_t oh = (c.h + 2 * c.pad - c.k) / c.stride + 1, ow = (c.w + 2 * c.pad - c.k) / c.stride + 1;
    b.input("x", {c.n, c.c, c.h, c.w});
    ir::Tensor w = randomTensor({c.m, c.c / c.group, c.k, c.k}, 11);
    ir::Tensor bias = randomTensor({c.m}, 12);
    b.initializer("w", {c.m, c.c / c.group, c.k, c.k}, w.toFloatVector()).initializer("b", {c.m}, bias.toFloatVector());
    auto& conv = b.node("Conv", {"x", "w", "b"}, {"conv_out"}, "conv");
    OnnxBuilder::setInts(conv, "strides", {c.stride, c.stride});
    OnnxBuilder::setInts(conv, "pads", {c.pad, c.pad, c.pad, c.pad});
    OnnxBuilder::setInt(conv, "group", c.group);
    std::string last = "conv_out";
    if (c.residual) {
        b.input("r", {c.n, c.m, oh, ow});
        b.node("Add", {last, "r"}, {"sum"}, "add");
        last = "sum";
    }
    if (c.activation == "Relu") {
        b.node("Relu", {last}, {"act"}, "relu");
        last = "act";
    } else if (c.activation == "Clip") {
        b.initializer("lo", {}, {0.f}).initializer("hi", {}, {0.5f});
        b.node("Clip", {last, "lo", "hi"}, {"act"}, "clip");
        last = "act";
    }
    b.node("Identity", {last}, {"y"}, "out");
    b.output("y");
    return importGraph(b);
}

runtime::TensorMap inputsFor(const ir::Graph& g, unsigned seed) {
    runtime::TensorMap m;
    for (ir::ValueId id : g.inputs) m[g.value(id).name] = randomTensor(g.value(id).dims, seed++, -1.f, 2.f);
    return m;
}

ir::Tensor runWith(std::shared_ptr<ir::Graph> g, const runtime::TensorMap& in, runtime::ExecutorOptions o) {
    o.calibration = {in};
    auto p = runtime::prepareExecutor(g, o);
    EXPECT_TRUE(p.isOk()) << p.message();
    if (!p) return {};
    auto out = p->executor->run(in);
    EXPECT_TRUE(out.isOk()) << out.message();
    return out ? out->at("y") : ir::Tensor{};
}

const std::vector<ConvCase> kCases = {
    {1, 3, 9, 9, 8, 3, 1, 1, 1, "", false},      {1, 8, 10, 10, 16, 3, 2, 1, 1, "Relu", false}, {2, 8, 10, 10, 16, 3, 1, 1, 1, "Relu", false}, {2, 3, 9, 9, 8, 3, 1, 1, 1, "", false},
    {1, 16, 7, 7, 16, 3, 1, 1, 16, "Clip", false}, {1, 8, 8, 8, 8, 1, 1, 0, 1, "Relu", true},
    {1, 8, 12, 12, 8, 3, 1, 1, 2, "", true},      {1, 4, 5, 5, 12, 5, 1, 2, 1, "Relu", false},
};
}  // namespace

TEST(OnednnGolden, Fp32ConvMatchesReferenceInEveryLayout) {
    for (const ConvCase& c : kCases) {
        auto g = convGraph(c);
        auto in = inputsFor(*g, 5);
        ir::Tensor ref = runWith(g, in, {"reference"});
        for (auto layout : {runtime::Layout::Nchw, runtime::Layout::Nhwc, runtime::Layout::Blocked, runtime::Layout::Auto}) {
            for (const char* ex : {"planned", "eager"}) {
                runtime::ExecutorOptions o;
                o.executor = ex;
                o.layout = layout;
                ir::Tensor y = runWith(g, in, o);
                ASSERT_EQ(y.dims(), ref.dims());
                double worst = 0, scale = 1e-3;
                for (int64_t i = 0; i < ref.numel(); ++i) scale = std::max(scale, double(std::fabs(ref.data<float>()[i])));
                for (int64_t i = 0; i < ref.numel(); ++i) worst = std::max(worst, double(std::fabs(y.data<float>()[i] - ref.data<float>()[i])));
                EXPECT_LT(worst / scale, 1e-4) << ex << " " << runtime::layoutName(layout) << " case m=" << c.m << " k=" << c.k;
            }
        }
    }
}

// INT8: the reference on the *quantized* operands (dequantized back to f32) is the oracle;
// the oneDNN result may differ by rounding of the output (one step of the output scale).
TEST(OnednnGolden, Int8ConvMatchesReferenceOnQuantizedOperands) {
  for (const bool perTensor : {false, true}) {
  for (const bool asymmetric : {false, true}) {
    if (perTensor && asymmetric) continue;  // independent choices: one combination each is enough
    for (const ConvCase& c : kCases) {
        auto g = convGraph(c);
        auto in = inputsFor(*g, 7);
        runtime::ExecutorOptions o;
        o.executor = "planned";
        o.precision = runtime::Precision::Int8;
        o.asymmetricActivations = asymmetric;
        o.perTensorWeights = perTensor;
        ir::Tensor y = runWith(g, in, o);
        // the oracle: fake-quantize x and w exactly as the plan does, run the reference in f32
        auto ranges = runtime::collectMinMax(g, {in});
        ASSERT_TRUE(ranges.isOk());
        auto fq = std::make_shared<ir::Graph>(*g);
        runtime::TensorMap qin = in;
        auto ctx = kernels::onednn::Context::create({});
        ASSERT_TRUE(ctx.isOk());
        const bool sevenBit = !(*ctx)->facts().int8Vnni;  // as the plan decides on this CPU
        for (auto& [name, t] : qin) {
            if (name != "x") continue;  // the residual joins in f32 scale space
            auto p = quant::int8ParamsFor(ranges->at(name), sevenBit, asymmetric);
            // quantize (reciprocal scale, zero point, saturation to the storage type), dequantize
            const float inv = 1.f / p.scale, zp = float(p.zeroPoint);
            const float lo = p.dtype == ir::DType::U8 ? 0.f : -128.f, hi = p.dtype == ir::DType::U8 ? 255.f : 127.f;
            for (int64_t i = 0; i < t.numel(); ++i)
                t.data<float>()[i] = (std::clamp(std::nearbyint(t.data<float>()[i] * inv + zp), lo, hi) - zp) * p.scale;
        }
        ir::Value& wv = fq->value(*fq->findValue("w"));
        ir::Tensor w = wv.constant->clone();
        const int64_t perM = w.numel() / c.m;
        float tensorMax = 0;  // per-tensor: one scale from the whole weight
        for (int64_t i = 0; perTensor && i < w.numel(); ++i) tensorMax = std::max(tensorMax, std::fabs(w.data<float>()[i]));
        for (int64_t m = 0; m < c.m; ++m) {
            float amax = tensorMax;
            for (int64_t i = 0; !perTensor && i < perM; ++i) amax = std::max(amax, std::fabs(w.data<float>()[m * perM + i]));
            const float s = amax / 127.f;
            for (int64_t i = 0; i < perM; ++i) w.data<float>()[m * perM + i] = std::nearbyint(w.data<float>()[m * perM + i] / s) * s;
        }
        wv.constant = w;
        ir::Tensor ref = runWith(fq, qin, {"reference"});
        // y is f32 (a graph output), so only float rounding separates the two
        float amax = 0;
        for (int64_t i = 0; i < ref.numel(); ++i) amax = std::max(amax, std::fabs(ref.data<float>()[i]));
        double worst = 0;
        for (int64_t i = 0; i < ref.numel(); ++i) worst = std::max(worst, double(std::fabs(y.data<float>()[i] - ref.data<float>()[i])));
        EXPECT_LT(worst, 1e-4 * amax + 1e-5) << "case n=" << c.n << " stride=" << c.stride << " m=" << c.m << " k=" << c.k << " act=" << c.activation << " residual=" << c.residual
                                             << " asymmetric=" << asymmetric << " perTensor=" << perTensor;
    }
  }
  }
}

TEST(PlannedExecutor, ArenaWithinAQuarterOfTheLivenessBoundAndNoFallbacks) {
    OnnxBuilder b = smallConvNet();
    auto g = onnx_io::importOnnxBytes(b.bytes(), ".");
    ASSERT_TRUE(g.isOk());
    auto graph = std::make_shared<ir::Graph>(std::move(g).value());
    ASSERT_TRUE(passes::inferShapes(*graph, {4}).isOk());
    for (auto precision : {runtime::Precision::Fp32, runtime::Precision::Int8}) {
        runtime::ExecutorOptions o;
        o.precision = precision;
        o.calibration = {inputsFor(*graph, 3)};
        auto p = runtime::prepareExecutor(graph, o);
        ASSERT_TRUE(p.isOk()) << p.message();
        auto out = p->executor->run(o.calibration[0]);
        ASSERT_TRUE(out.isOk()) << out.message();
        auto mem = p->executor->memoryStats();
        ASSERT_TRUE(mem.has_value());
        EXPECT_GT(mem->livenessLowerBound, 0);
        EXPECT_LE(double(mem->arenaBytes), 1.25 * double(mem->livenessLowerBound));
        EXPECT_LT(mem->arenaBytes, mem->activationBytes);
        for (const auto& s : p->executor->steps()) EXPECT_NE(s.impl, "reference") << s.name << ": " << s.fallbackReason;
    }
}

// A signed residual summed into a ReLU'd int8 (u8) output, whose result feeds another int8
// conv: the residual must not be clipped to u8 before the sum.
TEST(OnednnGolden, Int8SignedResidualIntoUnsignedOutputKeepsItsSign) {
    OnnxBuilder b;
    b.input("x", {1, 8, 6, 6}).output("y");
    b.initializer("wa", {8, 8, 1, 1}, randomTensor({8, 8, 1, 1}, 21).toFloatVector());
    b.initializer("wb", {8, 8, 3, 3}, randomTensor({8, 8, 3, 3}, 22).toFloatVector());
    b.initializer("wc", {4, 8, 1, 1}, randomTensor({4, 8, 1, 1}, 23).toFloatVector());
    b.node("Conv", {"x", "wa"}, {"a"}, "shortcut");  // signed: no activation
    auto& cb = b.node("Conv", {"x", "wb"}, {"bb"}, "main");
    OnnxBuilder::setInts(cb, "pads", {1, 1, 1, 1});
    b.node("Add", {"bb", "a"}, {"s"}, "add");
    b.node("Relu", {"s"}, {"r"}, "relu");
    b.node("Conv", {"r", "wc"}, {"y"}, "head");
    auto g0 = onnx_io::importOnnxBytes(b.bytes(), ".");
    ASSERT_TRUE(g0.isOk()) << g0.message();
    auto g = std::make_shared<ir::Graph>(std::move(g0).value());
    ASSERT_TRUE(passes::inferShapes(*g).isOk());
    auto in = inputsFor(*g, 9);
    ir::Tensor ref = runWith(g, in, {"reference"});
    for (const bool asymmetric : {false, true}) {
        runtime::ExecutorOptions o;
        o.precision = runtime::Precision::Int8;
        o.asymmetricActivations = asymmetric;
        ir::Tensor y = runWith(g, in, o);
        // the shortcut's int8 output dies in the sum: it is read there in its own type and
        // scale, in place, not copied into the output first
        o.calibration = {in};
        auto p = runtime::prepareExecutor(g, o);
        ASSERT_TRUE(p.isOk()) << p.message();
        for (const auto& s : p->executor->steps()) EXPECT_EQ(s.note.find("residual copied"), std::string::npos) << s.name << ": " << s.note;
        double signal = 0, noise = 0;
        for (int64_t i = 0; i < ref.numel(); ++i) {
            signal += double(ref.data<float>()[i]) * ref.data<float>()[i];
            noise += std::pow(double(ref.data<float>()[i]) - y.data<float>()[i], 2);
        }
        EXPECT_GT(10 * std::log10(signal / std::max(noise, 1e-30)), 30.0) << "asymmetric " << asymmetric;  // a clipped residual gives ~10 dB
    }
}

// y = conv1(a) + a, where a (an earlier conv's output) is read by nothing else: the sum must
// not accumulate in place on a, which is also the convolution's input (it reads neighbours of
// what it writes). Then a chain of two residual blocks, where the second block's residual is
// the first block's in-place sum, summed in place again.
TEST(OnednnGolden, SumInPlaceNeverOverwritesTheConvolutionsOwnInput) {
    OnnxBuilder b;
    b.input("x", {1, 8, 7, 7}).output("y");
    for (const char* w : {"w0", "w1", "w2", "w3"}) b.initializer(w, {8, 8, 3, 3}, randomTensor({8, 8, 3, 3}, unsigned(w[1])).toFloatVector());
    auto pad = [](onnx::NodeProto& n) { OnnxBuilder::setInts(n, "pads", {1, 1, 1, 1}); };
    pad(b.node("Conv", {"x", "w0"}, {"a"}, "conv0"));
    pad(b.node("Conv", {"a", "w1"}, {"c"}, "conv1"));
    b.node("Add", {"c", "a"}, {"s1"}, "add1");            // residual == the conv's input
    pad(b.node("Conv", {"s1", "w2"}, {"d"}, "conv2"));
    b.node("Relu", {"d"}, {"dr"}, "relu2");
    pad(b.node("Conv", {"dr", "w3"}, {"e"}, "conv3"));
    b.node("Add", {"e", "s1"}, {"y"}, "add2");             // residual == an earlier in-place sum
    auto g0 = onnx_io::importOnnxBytes(b.bytes(), ".");
    ASSERT_TRUE(g0.isOk()) << g0.message();
    auto g = std::make_shared<ir::Graph>(std::move(g0).value());
    ASSERT_TRUE(passes::inferShapes(*g).isOk());
    auto in = inputsFor(*g, 4);
    ir::Tensor ref = runWith(g, in, {"reference"});
    for (auto precision : {runtime::Precision::Fp32, runtime::Precision::Int8}) {
        runtime::ExecutorOptions o;
        o.precision = precision;
        ir::Tensor y = runWith(g, in, o);
        double signal = 0, noise = 0;
        for (int64_t i = 0; i < ref.numel(); ++i) {
            signal += double(ref.data<float>()[i]) * ref.data<float>()[i];
            noise += std::pow(double(ref.data<float>()[i]) - y.data<float>()[i], 2);
        }
        const double sqnr = 10 * std::log10(signal / std::max(noise, 1e-30));
        EXPECT_GT(sqnr, precision == runtime::Precision::Fp32 ? 100.0 : 25.0) << runtime::precisionName(precision);
    }
}

namespace {
// One op on a [2,8,9,9] input (plus constants), as a graph whose output is the op's output.
using OpBuild = std::function<void(OnnxBuilder&)>;
struct OpCase {
    std::string name;
    OpBuild build;
};

std::vector<OpCase> opCases() {
    auto pool = [](const char* op, std::vector<int64_t> k, std::vector<int64_t> s, std::vector<int64_t> p, int ceil, int includePad) {
        return [=](OnnxBuilder& b) {
            auto& n = b.node(op, {"x"}, {"y"}, "op");
            OnnxBuilder::setInts(n, "kernel_shape", k);
            OnnxBuilder::setInts(n, "strides", s);
            OnnxBuilder::setInts(n, "pads", p);
            OnnxBuilder::setInt(n, "ceil_mode", ceil);
            if (std::string(op) == "AveragePool") OnnxBuilder::setInt(n, "count_include_pad", includePad);
        };
    };
    auto unary = [](const char* op) { return [=](OnnxBuilder& b) { b.node(op, {"x"}, {"y"}, "op"); }; };
    return {
        {"maxpool", pool("MaxPool", {3, 3}, {2, 2}, {1, 1, 1, 1}, 0, 0)},
        {"maxpool-ceil", pool("MaxPool", {3, 3}, {2, 2}, {0, 0, 0, 0}, 1, 0)},
        {"avgpool-excl", pool("AveragePool", {3, 3}, {2, 2}, {1, 1, 1, 1}, 0, 0)},
        {"avgpool-incl", pool("AveragePool", {3, 3}, {1, 1}, {1, 1, 1, 1}, 0, 1)},
        {"avgpool-ceil", pool("AveragePool", {2, 2}, {2, 2}, {0, 0, 0, 0}, 1, 0)},
        {"gap", unary("GlobalAveragePool")}, {"gmp", unary("GlobalMaxPool")},
        {"relu", unary("Relu")}, {"sigmoid", unary("Sigmoid")}, {"tanh", unary("Tanh")}, {"hardswish", unary("HardSwish")},
        {"leakyrelu", unary("LeakyRelu")},
        {"clip", [](OnnxBuilder& b) {
             b.initializer("lo", {}, {-0.2f}).initializer("hi", {}, {0.6f});
             b.node("Clip", {"x", "lo", "hi"}, {"y"}, "op");
         }},
        {"add-const-channel", [](OnnxBuilder& b) {
             b.initializer("c", {8, 1, 1}, randomTensor({8, 1, 1}, 31).toFloatVector());
             b.node("Add", {"x", "c"}, {"y"}, "op");
         }},
        {"mul-self", [](OnnxBuilder& b) { b.node("Mul", {"x", "x"}, {"y"}, "op"); }},
        {"sub-activations", [](OnnxBuilder& b) {
             b.node("Relu", {"x"}, {"r"}, "relu");
             b.node("Sub", {"x", "r"}, {"y"}, "op");
         }},
        {"concat", [](OnnxBuilder& b) {
             b.node("Relu", {"x"}, {"r"}, "relu");
             auto& n = b.node("Concat", {"x", "r", "x"}, {"y"}, "op");
             OnnxBuilder::setInt(n, "axis", 1);
         }},
        {"batchnorm", [](OnnxBuilder& b) {
             b.initializer("g", {8}, randomTensor({8}, 32, 0.5f, 1.5f).toFloatVector()).initializer("bb", {8}, randomTensor({8}, 33).toFloatVector());
             b.initializer("m", {8}, randomTensor({8}, 34).toFloatVector()).initializer("v", {8}, randomTensor({8}, 35, 0.5f, 2.f).toFloatVector());
             b.node("BatchNormalization", {"x", "g", "bb", "m", "v"}, {"y"}, "op");
         }},
        {"flatten-gemm-softmax", [](OnnxBuilder& b) {
             b.node("Flatten", {"x"}, {"f"}, "flatten");
             b.initializer("w", {5, 8 * 9 * 9}, randomTensor({5, 8 * 9 * 9}, 36).toFloatVector()).initializer("c", {5}, {0.1f, 0.2f, 0.3f, 0.4f, 0.5f});
             auto& g = b.node("Gemm", {"f", "w", "c"}, {"l"}, "gemm");
             OnnxBuilder::setInt(g, "transB", 1);
             b.node("Softmax", {"l"}, {"y"}, "op");
         }},
        {"depthwise-conv", [](OnnxBuilder& b) {
             b.initializer("w", {8, 1, 3, 3}, randomTensor({8, 1, 3, 3}, 37).toFloatVector());
             auto& n = b.node("Conv", {"x", "w"}, {"y"}, "op");
             OnnxBuilder::setInt(n, "group", 8);
             OnnxBuilder::setInts(n, "strides", {2, 2});
         }},
        {"convtranspose", [](OnnxBuilder& b) {
             b.initializer("w", {8, 3, 3, 3}, randomTensor({8, 3, 3, 3}, 38).toFloatVector()).initializer("b", {6}, randomTensor({6}, 39).toFloatVector());
             auto& n = b.node("ConvTranspose", {"x", "w", "b"}, {"y"}, "op");
             OnnxBuilder::setInt(n, "group", 2);
             OnnxBuilder::setInts(n, "strides", {2, 2});
             OnnxBuilder::setInts(n, "pads", {1, 0, 1, 0});
             OnnxBuilder::setInts(n, "output_padding", {1, 1});
         }},
        {"resize-linear", [](OnnxBuilder& b) {
             b.initializer("scales", {4}, {1.f, 1.f, 2.f, 3.f});
             auto& n = b.node("Resize", {"x", "", "scales"}, {"y"}, "op");
             auto* a = n.add_attribute();
             a->set_name("mode");
             a->set_type(onnx::AttributeProto::STRING);
             a->set_s("linear");
         }},
        {"resize-nearest-floor", [](OnnxBuilder& b) {
             b.initializer("scales", {4}, {1.f, 1.f, 2.f, 3.f});
             auto& n = b.node("Resize", {"x", "", "scales"}, {"y"}, "op");
             for (auto [k, v] : {std::pair<const char*, const char*>{"coordinate_transformation_mode", "asymmetric"}, {"nearest_mode", "floor"}}) {
                 auto* a = n.add_attribute();
                 a->set_name(k);
                 a->set_type(onnx::AttributeProto::STRING);
                 a->set_s(v);
             }
         }},
        {"pad-fallback", [](OnnxBuilder& b) {
             b.initializerInts("p", {8}, {0, 0, 1, 0, 0, 0, 0, 2});
             auto& n = b.node("Pad", {"x", "p"}, {"y"}, "op");
             auto* a = n.add_attribute();
             a->set_name("mode");
             a->set_type(onnx::AttributeProto::STRING);
             a->set_s("reflect");
         }},
    };
}
}  // namespace

TEST(OnednnGolden, EveryLoweredOpMatchesReferenceInEveryLayoutAndPrecision) {
    for (const OpCase& c : opCases()) {
        OnnxBuilder b;
        b.input("x", {2, 8, 9, 9}).output("y");
        c.build(b);
        auto g0 = onnx_io::importOnnxBytes(b.bytes(), ".");
        ASSERT_TRUE(g0.isOk()) << c.name << ": " << g0.message();
        auto g = std::make_shared<ir::Graph>(std::move(g0).value());
        ASSERT_TRUE(passes::inferShapes(*g).isOk()) << c.name;
        auto in = inputsFor(*g, 13);
        ir::Tensor ref = runWith(g, in, {"reference"});
        float amax = 1e-3f;
        for (int64_t i = 0; i < ref.numel(); ++i) amax = std::max(amax, std::fabs(ref.data<float>()[i]));
        for (auto layout : {runtime::Layout::Nchw, runtime::Layout::Nhwc, runtime::Layout::Blocked, runtime::Layout::Auto}) {
            for (int variant = 0; variant < 3; ++variant) {  // fp32, int8 symmetric, int8 asymmetric
                const auto precision = variant == 0 ? runtime::Precision::Fp32 : runtime::Precision::Int8;
                runtime::ExecutorOptions o;
                o.layout = layout;
                o.precision = precision;
                o.asymmetricActivations = variant == 2;
                o.calibration = {in};
                auto p = runtime::prepareExecutor(g, o);
                ASSERT_TRUE(p.isOk()) << c.name << ": " << p.message();
                auto out = p->executor->run(in);
                ASSERT_TRUE(out.isOk()) << c.name << ": " << out.message();
                const ir::Tensor& y = out->at("y");
                for (const auto& s : p->executor->steps())  // only Pad lacks a oneDNN kernel here
                    EXPECT_EQ(s.impl == "reference", c.name == "pad-fallback") << c.name << " step " << s.name << ": " << s.fallbackReason;
                ASSERT_EQ(y.dims(), ref.dims()) << c.name;
                double worst = 0;
                for (int64_t i = 0; i < ref.numel(); ++i) worst = std::max(worst, double(std::fabs(y.data<float>()[i] - ref.data<float>()[i])));
                // f32 ops run in f32 in both precisions; only convolutions (a BatchNormalization
                // that folds nowhere becomes a depthwise conv) and inner products quantize
                const bool quantizes = precision == runtime::Precision::Int8 &&
                                       (c.name == "depthwise-conv" || c.name == "flatten-gemm-softmax" || c.name == "batchnorm");
                EXPECT_LT(worst, (quantizes ? 2e-2 : 1e-5) * amax)
                    << c.name << " " << runtime::layoutName(layout) << " " << runtime::precisionName(precision) << " variant " << variant;
            }
        }
    }
}

TEST(PlannedExecutor, AbsurdBatchFailsAtPlanTimeWithAMessage) {
    auto g = onnx_io::importOnnxBytes(smallConvNet().bytes(), ".");
    ASSERT_TRUE(g.isOk());
    auto graph = std::make_shared<ir::Graph>(std::move(g).value());
    ASSERT_TRUE(passes::inferShapes(*graph, {int64_t(1) << 26}).isOk());  // 64 GiB of conv output
    auto p = runtime::prepareExecutor(graph, runtime::ExecutorOptions{});
    ASSERT_FALSE(p.isOk());
    EXPECT_NE(p.message().find("smaller batch size"), std::string::npos) << p.message();
}

namespace {
// Min/max of every float value on one input set, from the reference executor's node outputs.
quant::RangeTable referenceRanges(std::shared_ptr<const ir::Graph> g, const runtime::TensorMap& in) {
    quant::RangeTable ranges;
    auto record = [&](const std::string& name, const ir::Tensor& t) {
        if (t.dtype() != ir::DType::F32 || t.numel() == 0) return;
        auto [lo, hi] = std::minmax_element(t.data<float>(), t.data<float>() + t.numel());
        ranges[name] = {*lo, *hi};
    };
    for (const auto& [name, t] : in) record(name, t);
    auto ref = runtime::ReferenceExecutor::create(g);
    EXPECT_TRUE(ref.isOk());
    runtime::RunOptions ro;
    ro.hooks.onNodeOutputs = [&](const ir::Node& n, const std::vector<ir::Tensor>& outs) {
        for (size_t i = 0; i < outs.size() && i < n.outputs.size(); ++i) record(g->value(n.outputs[i]).name, outs[i]);
    };
    EXPECT_TRUE((*ref)->run(in, ro).isOk());
    return ranges;
}
}  // namespace

// Mixed precision: one conv of an int8 chain kept in FP32 (named by its original node) runs
// and reports f32, with a quantize step after it, and the result stays within int8 tolerance.
TEST(OnednnGolden, Int8PlanKeepsANamedConvInFp32) {
    OnnxBuilder b;
    b.input("x", {1, 8, 10, 10}).output("y");
    const char* names[] = {"first", "middle", "third", "last"};
    std::string last = "x";
    for (int i = 0; i < 4; ++i) {
        const std::string w = std::string("w") + names[i], c = std::string("c") + names[i], r = std::string("r") + names[i];
        b.initializer(w, {8, 8, 3, 3}, randomTensor({8, 8, 3, 3}, 40 + unsigned(i)).toFloatVector());
        auto& conv = b.node("Conv", {last, w}, {c}, names[i]);
        OnnxBuilder::setInts(conv, "pads", {1, 1, 1, 1});
        b.node("Relu", {c}, {i == 3 ? "y" : r}, std::string("relu_") + names[i]);
        last = r;
    }
    auto g0 = onnx_io::importOnnxBytes(b.bytes(), ".");
    ASSERT_TRUE(g0.isOk()) << g0.message();
    auto g = std::make_shared<ir::Graph>(std::move(g0).value());
    ASSERT_TRUE(passes::inferShapes(*g).isOk());
    auto fused = std::make_shared<ir::Graph>(*g);
    ASSERT_TRUE(passes::runPasses(*fused, passes::fusionPipeline()).isOk());
    auto in = inputsFor(*g, 17);
    ir::Tensor ref = runWith(g, in, {"reference"});
    const quant::RangeTable ranges = referenceRanges(fused, in);
    auto ctx = kernels::onednn::Context::create({});
    ASSERT_TRUE(ctx.isOk());

    auto planWith = [&](std::set<std::string> fp32Nodes) {
        runtime::PlanOptions po;
        po.precision = runtime::Precision::Int8;
        po.ranges = &ranges;
        po.sevenBitActivations = !(*ctx)->facts().int8Vnni;
        po.fp32Nodes = std::move(fp32Nodes);
        auto plan = runtime::OnednnPlan::build(fused, *ctx, po);
        EXPECT_TRUE(plan.isOk()) << plan.message();
        return plan.isOk() ? std::move(plan).value() : nullptr;
    };
    auto stepOf = [](const runtime::OnednnPlan& p, const std::string& original) -> const runtime::StepInfo* {
        for (const auto& s : p.steps())
            if (std::find(s.fusedFromNames.begin(), s.fusedFromNames.end(), original) != s.fusedFromNames.end()) return &s;
        return nullptr;
    };
    auto allInt8 = planWith({});
    auto mixed = planWith({"middle"});
    ASSERT_TRUE(allInt8 && mixed);
    ASSERT_TRUE(stepOf(*allInt8, "middle") && stepOf(*mixed, "middle") && stepOf(*mixed, "third"));
    EXPECT_EQ(stepOf(*allInt8, "middle")->dtype, "u8");  // the same conv without the override
    EXPECT_EQ(stepOf(*mixed, "middle")->dtype, "f32");
    EXPECT_EQ(stepOf(*mixed, "third")->dtype, "u8");     // the rest of the chain stays int8
    int quantizes = 0;
    for (const auto& s : mixed->steps()) quantizes += s.inserted && s.opType == "Quantize";
    EXPECT_EQ(quantizes, 2);  // the graph input, and the FP32 conv's output for the next int8 conv

    auto out = mixed->run(in, {});
    ASSERT_TRUE(out.isOk()) << out.message();
    const ir::Tensor& y = out->at("y");
    ASSERT_EQ(y.dims(), ref.dims());
    float amax = 1e-3f;
    double worst = 0;
    for (int64_t i = 0; i < ref.numel(); ++i) amax = std::max(amax, std::fabs(ref.data<float>()[i]));
    for (int64_t i = 0; i < ref.numel(); ++i) worst = std::max(worst, double(std::fabs(y.data<float>()[i] - ref.data<float>()[i])));
    EXPECT_LT(worst, 2e-2 * amax);
}
