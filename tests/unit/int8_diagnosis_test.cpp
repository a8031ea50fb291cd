// The "why is INT8 (not) faster" diagnosis names the cause on constructed cases.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/report/int8_diagnosis.h"
#include "core/session/workflows.h"
#include "core/session/inputs.h"
#include "tests/unit/test_models.h"

namespace ql {
namespace {

const std::string kModel = std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx";

Expected<session::RunResultPtr> profileBoth(const std::filesystem::path& model, runtime::Layout layout = runtime::Layout::Auto) {
    QL_ASSIGN(auto s, session::Session::open(model));
    session::RunConfig c;
    c.layout = layout;
    c.warmup = 1;
    c.repeat = 3;
    QL_ASSIGN(auto inputs, session::completeWithRandom(*s->original(), {}, 1));
    return session::profileModel(*s, c, {inputs});
}

const report::DiagnosisCause* find(const report::Int8Diagnosis& d, const std::string& kind) {
    for (const auto& c : d.causes)
        if (c.kind == kind) return &c;
    return nullptr;
}

// conv -> QuantizeLinear(scale 0.05) -> DequantizeLinear(scale 0.1) -> conv: the pair does not
// round-trip (the scales differ), so it cannot fold and runs as two reference steps.
test::OnnxBuilder mismatchedQdq() {
    test::OnnxBuilder b;
    b.input("x", {1, 8, 16, 16}).output("y");
    std::vector<float> w(8 * 8 * 9), bias(8, 0.1f);
    for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i * 37 % 17) - 8) / 40.f;
    b.initializer("w1", {8, 8, 3, 3}, w).initializer("b1", {8}, bias).initializer("w2", {8, 8, 3, 3}, w).initializer("b2", {8}, bias);
    b.initializer("s_q", {}, {0.05f}).initializer("s_dq", {}, {0.1f});
    auto* zp = b.model().mutable_graph()->add_initializer();
    zp->set_name("zp");
    zp->set_data_type(onnx::TensorProto::UINT8);
    zp->add_int32_data(0);
    test::OnnxBuilder::setInts(b.node("Conv", {"x", "w1", "b1"}, {"c1"}, "conv1"), "pads", {1, 1, 1, 1});
    b.node("Relu", {"c1"}, {"r1"}, "relu1");
    b.node("QuantizeLinear", {"r1", "s_q", "zp"}, {"q"}, "the_quantize");
    b.node("DequantizeLinear", {"q", "s_dq", "zp"}, {"dq"}, "the_dequantize");
    test::OnnxBuilder::setInts(b.node("Conv", {"dq", "w2", "b2"}, {"y"}, "conv2"), "pads", {1, 1, 1, 1});
    return b;
}

TEST(Int8Diagnosis, NamesTheQdqNodesLeftUnfolded) {
    const auto dir = test::tempDir("diag_qdq");
    auto r = profileBoth(mismatchedQdq().save(dir, "qdq.onnx"));
    ASSERT_TRUE(r) << r.status().message();
    const report::Int8Diagnosis d = report::diagnoseInt8(**r);
    ASSERT_TRUE(d.available);
    const auto* qdq = find(d, "unfolded_qdq");
    ASSERT_TRUE(qdq) << report::formatDiagnosis(d);
    EXPECT_EQ(qdq->steps, 2);
    EXPECT_GT(qdq->ms, 0);
    EXPECT_NE(qdq->text.find("not folded"), std::string::npos);
    // the float model itself has no such cause
    auto plain = profileBoth(kModel);
    ASSERT_TRUE(plain);
    EXPECT_FALSE(find(report::diagnoseInt8(**plain), "unfolded_qdq"));
    std::filesystem::remove_all(dir);
}

TEST(Int8Diagnosis, NamesAnOpWithoutInt8KernelBetweenInt8Convs) {
    // conv -> Sigmoid -> conv: Sigmoid has no int8 kernel and does not fuse into the conv
    test::OnnxBuilder b;
    b.input("x", {1, 8, 16, 16}).output("y");
    std::vector<float> w(8 * 8 * 9), bias(8, 0.1f);
    for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i * 37 % 17) - 8) / 40.f;
    b.initializer("w1", {8, 8, 3, 3}, w).initializer("b1", {8}, bias).initializer("w2", {8, 8, 3, 3}, w).initializer("b2", {8}, bias);
    test::OnnxBuilder::setInts(b.node("Conv", {"x", "w1", "b1"}, {"c1"}, "conv1"), "pads", {1, 1, 1, 1});
    b.node("Sigmoid", {"c1"}, {"s"}, "the_sigmoid");
    test::OnnxBuilder::setInts(b.node("Conv", {"s", "w2", "b2"}, {"y"}, "conv2"), "pads", {1, 1, 1, 1});
    const auto dir = test::tempDir("diag_island");
    auto r = profileBoth(b.save(dir, "island.onnx"));
    ASSERT_TRUE(r) << r.status().message();
    const report::Int8Diagnosis d = report::diagnoseInt8(**r);
    const auto* island = find(d, "fp32_island");
    ASSERT_TRUE(island) << report::formatDiagnosis(d);
    EXPECT_EQ(island->nodes.front(), "the_sigmoid");
    EXPECT_NE(island->fix.find("an int8 kernel for Sigmoid"), std::string::npos) << island->fix;
    // the facts a translated UI phrases the cause from
    EXPECT_EQ(island->ops, std::vector<std::string>{"Sigmoid"});
    EXPECT_EQ(island->missing, std::vector<std::string>{"Sigmoid"});
    std::filesystem::remove_all(dir);
}

TEST(Int8Diagnosis, SaysWhenAForcedLayoutAddsReorders) {
    // conv (16 channels, so the blocked format applies) -> relu -> flatten -> gemm with the
    // blocked layout forced: the flatten wants plain data, so a plan pays a reorder; the
    // diagnosis names it and the layout
    test::OnnxBuilder b;
    b.input("x", {1, 16, 8, 8}).output("y");
    std::vector<float> w(16 * 16 * 9), fc(10 * 1024), bias(16, 0.1f), fcBias(10, 0.f);
    for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i * 37 % 17) - 8) / 80.f;
    for (size_t i = 0; i < fc.size(); ++i) fc[i] = float(int(i * 13 % 11) - 5) / 200.f;
    b.initializer("w", {16, 16, 3, 3}, w).initializer("b", {16}, bias).initializer("fc", {10, 1024}, fc).initializer("fcb", {10}, fcBias);
    test::OnnxBuilder::setInts(b.node("Conv", {"x", "w", "b"}, {"c"}, "conv"), "pads", {1, 1, 1, 1});
    b.node("Relu", {"c"}, {"r"}, "relu");
    b.node("Flatten", {"r"}, {"f"}, "flatten");
    test::OnnxBuilder::setInt(b.node("Gemm", {"f", "fc", "fcb"}, {"y"}, "fc"), "transB", 1);
    const auto dir = test::tempDir("diag_layout");
    auto forced = profileBoth(b.save(dir, "small.onnx"), runtime::Layout::Blocked);
    ASSERT_TRUE(forced) << forced.status().message();
    const report::Int8Diagnosis d = report::diagnoseInt8(**forced);
    const auto* int8 = find(d, "layout_reorders");
    const auto* fp32 = find(d, "fp32_layout_reorders");
    ASSERT_TRUE(int8 || fp32) << report::formatDiagnosis(d);
    const auto* c = int8 ? int8 : fp32;
    EXPECT_NE(c->text.find("forced to blocked"), std::string::npos) << c->text;
    EXPECT_NE(c->fix.find("--layout auto"), std::string::npos);
    EXPECT_EQ(c->layout, "blocked");
    // with the layout left to the kernels, no FP32 handicap is reported
    auto free = profileBoth(dir / "small.onnx");
    ASSERT_TRUE(free);
    EXPECT_FALSE(find(report::diagnoseInt8(**free), "fp32_layout_reorders"));
    std::filesystem::remove_all(dir);
}

TEST(Int8Diagnosis, NamesTheMissingVnniAndSortsByCost) {
    // a result as an AVX2 machine gives it: no VNNI, 7-bit activations
    auto r = profileBoth(kModel);
    ASSERT_TRUE(r);
    auto avx2 = std::make_shared<session::RunResult>(**r);
    avx2->cpu.int8Vnni = false;
    avx2->cpu.isa = "avx2";
    for (auto& p : avx2->runs)
        if (p.precision == runtime::Precision::Int8) p.sevenBitActivations = true;
    const report::Int8Diagnosis d = report::diagnoseInt8(*avx2);
    const auto* isa = find(d, "no_vnni");
    ASSERT_TRUE(isa);
    EXPECT_NE(isa->text.find("avx2"), std::string::npos);
    EXPECT_NE(isa->text.find("7-bit"), std::string::npos);
    EXPECT_EQ(isa->isa, "avx2");
    EXPECT_TRUE(isa->noVnni && isa->sevenBit);
    for (size_t i = 1; i < d.causes.size(); ++i) {
        if (d.causes[i].ms > 0) { EXPECT_LE(d.causes[i].ms, d.causes[i - 1].ms); }
    }
    EXPECT_FALSE(find(report::diagnoseInt8(**r), "no_vnni") && (*r)->cpu.int8Vnni);
}

// Per-step medians need not add up to the whole-model median (skewed steps); means do. Time
// outside the steps is therefore read from the means: a result whose step medians sum to half
// the whole median but whose means add up shows no such cause; one whose means leave a third of
// the time outside does.
TEST(Int8Diagnosis, TimeOutsideTheStepsComesFromMeansNotMedians) {
    auto r = profileBoth(kModel);
    ASSERT_TRUE(r);
    auto skewed = std::make_shared<session::RunResult>(**r);
    for (auto& p : skewed->runs) {
        if (p.precision != runtime::Precision::Int8) continue;
        double medians = 0;
        for (const auto& l : p.profile.layers) medians += l.ms.median;
        p.profile.wholeMs.median = 2 * medians;
        p.profile.wholeMs.mean = p.profile.sumOfLayerMeansMs;  // nothing outside the steps
    }
    EXPECT_FALSE(find(report::diagnoseInt8(*skewed), "outside_steps"));
    for (auto& p : skewed->runs)
        if (p.precision == runtime::Precision::Int8) p.profile.wholeMs.mean = 1.5 * p.profile.sumOfLayerMeansMs;
    const report::Int8Diagnosis d = report::diagnoseInt8(*skewed);  // find() points into it
    const auto* outside = find(d, "outside_steps");
    ASSERT_TRUE(outside);
    for (const auto& p : skewed->runs) {
        if (p.precision == runtime::Precision::Int8) { EXPECT_NEAR(outside->ms, 0.5 * p.profile.sumOfLayerMeansMs, 1e-9); }
    }
}

}  // namespace
}  // namespace ql

namespace ql {
namespace {

// Seven narrow 1x1 convs (8 MACs per byte written: memory-bound), the last one writing the f32
// graph output.
std::filesystem::path narrowConvChain(const std::filesystem::path& dir) {
    test::OnnxBuilder b;
    b.input("x", {1, 8, 16, 16}).output("y");
    std::vector<float> w(8 * 8);
    for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i * 5 % 9) - 4) / 10.f + (i % 9 == 0 ? 0.5f : 0.f);
    b.initializer("w", {8, 8, 1, 1}, w);
    std::string in = "x";
    for (int i = 1; i <= 7; ++i) {
        const std::string out = i == 7 ? "y" : "c" + std::to_string(i);
        b.node("Conv", {in, "w"}, {out}, "conv" + std::to_string(i));
        in = out;
    }
    return b.save(dir, "chain.onnx");
}

}  // namespace

// A conv that reads int8 and writes f32 (the model's output) computes in int8: it counts among
// the int8 kernels, not as an f32 layer; and a cause names its first layers and how many more of
// all its steps there are (not of the few it keeps names for).
TEST(Int8Diagnosis, CountsAnInt8ConvWritingF32AsInt8AndEveryStepOfACause) {
    const auto dir = test::tempDir("diag_chain");
    auto r = profileBoth(narrowConvChain(dir));
    ASSERT_TRUE(r) << r.status().message();
    const report::Int8Diagnosis d = report::diagnoseInt8(**r);
    ASSERT_TRUE(d.available);
    const session::PrecisionRun* int8 = (*r)->find(runtime::Precision::Int8);
    ASSERT_TRUE(int8);
    const runtime::StepInfo* last = nullptr;
    for (const auto& l : int8->profile.layers)
        if (l.step.name == "conv7") last = &l.step;
    ASSERT_TRUE(last);
    EXPECT_EQ(last->dtype, "f32");
    EXPECT_TRUE(last->computesInInt8()) << last->inputDtype;
    EXPECT_FALSE(find(d, "fp32_island")) << report::formatDiagnosis(d);
    const auto* memoryBound = find(d, "memory_bound");
    ASSERT_TRUE(memoryBound) << report::formatDiagnosis(d);
    EXPECT_EQ(memoryBound->steps, 7);
    EXPECT_NE(memoryBound->text.find("and 4 more"), std::string::npos) << memoryBound->text;
    std::filesystem::remove_all(dir);
}

}  // namespace ql
