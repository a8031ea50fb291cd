// The automatic FP32 fallback on a model with one badly quantizable layer (a weight outlier
// under per-tensor weight scales): the ranking names it, reverting it raises the output SQNR,
// the loop stops once the threshold holds and reports the latency cost.
#include <gtest/gtest.h>

#include <cmath>

#include "core/session/fallback_workflow.h"
#include "tests/unit/test_models.h"

namespace ql {
namespace {

// With `deadBranch`, also a "dead" conv on the input whose ReLU zeroes every output (in FP32 and
// INT8 alike), concatenated to relu3's output: reverting it to FP32 changes nothing.
std::filesystem::path outlierModel(const std::filesystem::path& dir, bool deadBranch = false) {
    test::OnnxBuilder b;
    b.input("x", {1, 8, 16, 16}).output("y");
    auto weights = [](float outlier) {
        std::vector<float> w(8 * 8 * 9);
        for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i * 37 % 17) - 8) / 60.f;
        w[5] *= outlier;  // one weight (output channel 0) far outside the others: a per-tensor scale wastes its range on it
        return w;
    };
    const std::vector<float> bias(8, 0.05f);
    b.initializer("w1", {8, 8, 3, 3}, weights(1)).initializer("w2", {8, 8, 3, 3}, weights(400)).initializer("w3", {8, 8, 3, 3}, weights(1));
    b.initializer("b", {8}, bias);
    // conv2's channel 0 (the outlier's) is cut by its ReLU, so only the other channels carry
    // signal: exactly the ones the per-tensor scale rounds to nothing
    std::vector<float> bias2 = bias;
    bias2[0] = -1e4f;
    b.initializer("b2", {8}, bias2);
    for (int i = 1; i <= 3; ++i) {
        const std::string in = i == 1 ? "x" : "r" + std::to_string(i - 1);
        test::OnnxBuilder::setInts(b.node("Conv", {in, "w" + std::to_string(i), i == 2 ? "b2" : "b"}, {"c" + std::to_string(i)}, "conv" + std::to_string(i)), "pads",
                                   {1, 1, 1, 1});
        b.node("Relu", {"c" + std::to_string(i)}, {"r" + std::to_string(i)}, "relu" + std::to_string(i));
    }
    std::string pooled = "r3";
    if (deadBranch) {
        b.initializer("bd", {8}, std::vector<float>(8, -1e4f));
        test::OnnxBuilder::setInts(b.node("Conv", {"x", "w1", "bd"}, {"cd"}, "dead"), "pads", {1, 1, 1, 1});
        b.node("Relu", {"cd"}, {"rd"}, "dead_relu");
        test::OnnxBuilder::setInt(b.node("Concat", {"r3", "rd"}, {"cat"}, "cat"), "axis", 1);
        pooled = "cat";
    }
    b.node("GlobalAveragePool", {pooled}, {"g"}, "pool");
    b.node("Flatten", {"g"}, {"y"}, "flatten");
    return b.save(dir, deadBranch ? "dead.onnx" : "outlier.onnx");
}

// Per-tensor weight scales (the outlier's undoing), few timed runs.
session::RunConfig perTensorConfig() {
    session::RunConfig c;
    c.calibration.perTensorWeights = true;
    c.warmup = 1;
    c.repeat = 3;
    return c;
}

TEST(Fallback, RevertsTheOutlierLayerFirstAndReportsItsCost) {
    const auto dir = test::tempDir("fallback");
    auto s = session::Session::open(outlierModel(dir));
    ASSERT_TRUE(s) << s.status().message();
    const session::RunConfig c = perTensorConfig();
    session::FallbackRequest req;
    req.compare.samples = 8;  // seeded random inputs
    req.maxLayers = 1;
    req.target = *session::parseFallbackTarget("sqnr=1000");  // never met: one step only
    auto probe = session::autoFallback(**s, c, req);
    ASSERT_TRUE(probe) << probe.status().message();
    ASSERT_FALSE(probe->ranking.empty());
    EXPECT_EQ(probe->ranking.front(), "conv2");
    ASSERT_EQ(probe->steps.size(), 2u);
    const double before = probe->steps[0].metric, after = probe->steps[1].metric;
    EXPECT_GT(after, before + 3) << "reverting the outlier layer should raise the output SQNR clearly";
    EXPECT_FALSE(probe->met);

    // a threshold between the two: met after exactly that layer
    req.maxLayers = 3;
    req.target.threshold = (before + after) / 2;
    auto r = session::autoFallback(**s, c, req);
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_TRUE(r->met);
    ASSERT_EQ(r->fallback().size(), 1u);
    EXPECT_EQ(r->fallback().front(), "conv2");
    EXPECT_GT(r->fp32Ms, 0);
    EXPECT_GT(r->int8Ms, 0);
    EXPECT_GT(r->mixedMs, 0);
    std::filesystem::remove_all(dir);
}

// A layer whose reversion does not raise the SQNR is tried, reported and left in INT8: the
// fallback keeps only the layers that helped, and its metric is the best step's.
TEST(Fallback, ALayerThatDoesNotHelpStaysInt8) {
    const auto dir = test::tempDir("fallback-dead");
    auto s = session::Session::open(outlierModel(dir, /*deadBranch=*/true));
    ASSERT_TRUE(s) << s.status().message();
    const session::RunConfig c = perTensorConfig();
    session::FallbackRequest req;
    req.compare.samples = 8;
    req.maxLayers = 4;
    req.target = *session::parseFallbackTarget("sqnr=1000");  // never met: every ranked layer is tried
    auto r = session::autoFallback(**s, c, req);
    ASSERT_TRUE(r) << r.status().message();
    ASSERT_EQ(r->ranking.size(), 4u);
    ASSERT_EQ(r->steps.size(), 5u);
    std::vector<std::string> kept;
    double best = r->steps[0].metric;
    bool deadTried = false;
    for (size_t i = 1; i < r->steps.size(); ++i) {
        const auto& step = r->steps[i];
        EXPECT_EQ(step.fp32Layers.size(), kept.size() + 1);
        EXPECT_EQ(step.kept, step.metric > best) << step.fp32Layers.back();
        if (step.fp32Layers.back() == "dead") {
            deadTried = true;
            EXPECT_FALSE(step.kept) << "reverting a layer whose output is exactly zero in INT8 changes nothing";
        }
        if (step.kept) kept.push_back(step.fp32Layers.back()), best = step.metric;
    }
    EXPECT_TRUE(deadTried);
    EXPECT_EQ(r->fallback(), kept);
    EXPECT_EQ(r->chosen().metric, best);
    ASSERT_FALSE(r->fallback().empty());
    EXPECT_EQ(r->fallback().front(), "conv2");
    std::filesystem::remove_all(dir);
}

TEST(Fallback, TargetsParseOrNameTheMistake) {
    auto t = session::parseFallbackTarget("drop=0.5");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->metric, session::FallbackTarget::Metric::Top1Drop);
    EXPECT_DOUBLE_EQ(t->threshold, 0.5);
    for (const char* bad : {"sqnr", "sqnr=", "sqnr=3x", "snr=30", "drop=-1", "=5"}) {
        auto b = session::parseFallbackTarget(bad);
        ASSERT_FALSE(b) << bad;
        EXPECT_NE(b.status().message().find("--fallback-until"), std::string::npos);
    }
}

}  // namespace
}  // namespace ql
