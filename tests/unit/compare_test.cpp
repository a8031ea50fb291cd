// Per-layer FP32 vs INT8 comparison: the statistics against hand-computed values, a model with
// one deliberately badly quantizable conv ranked worst in both modes (and reverting it to FP32
// raises the output SQNR), FP32 against FP32 is exact, the result holds numbers only and
// scales with the samples, cancel and progress, and the CLI with its JSON.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "core/report/compare_report.h"
#include "core/session/inputs.h"
#include "core/session/workflows.h"
#include "tests/unit/cli_runner.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;
namespace fs = std::filesystem;

namespace {
const std::string kModel = std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx";

// x -> convA(+relu) -> convB(+relu) -> convC -> GAP -> Flatten -> Gemm. ConvA's channel 1 is
// dead (zero weights, negative bias: always 0 after ReLU). Every output channel of convB reads
// that dead channel with a weight of 100: the outlier costs nothing in FP32 but sets convB's
// int8 weight scale (per channel), so its ordinary weights (~0.1) round to 0 or one step.
fs::path outlierModel(const fs::path& dir) {
    OnnxBuilder b;
    std::mt19937 rng(7);
    std::normal_distribution<float> n(0.f, 0.3f);
    std::vector<float> wa(4 * 1 * 9), ba{0.1f, -1.f, 0.2f, 0.f}, wb(4 * 4 * 9), bb(4, 0.05f), wc(4 * 4 * 9), fc(3 * 4), fcb(3, 0.f);
    for (auto& v : wa) v = n(rng);
    for (int i = 0; i < 9; ++i) wa[size_t(9 + i)] = 0.f;  // channel 1: dead
    for (auto& v : wb) v = n(rng) * 0.4f;
    for (int o = 0; o < 4; ++o) wb[size_t(o * 36 + 9 + 4)] = 100.f;  // the outlier, on the dead input channel
    for (auto& v : wc) v = n(rng);
    for (auto& v : fc) v = n(rng);
    b.input("x", {-1, 1, 8, 8}).output("y");
    b.initializer("wa", {4, 1, 3, 3}, wa).initializer("ba", {4}, ba).initializer("wb", {4, 4, 3, 3}, wb).initializer("bb", {4}, bb);
    b.initializer("wc", {4, 4, 3, 3}, wc).initializer("fc", {3, 4}, fc).initializer("fcb", {3}, fcb);
    OnnxBuilder::setInts(b.node("Conv", {"x", "wa", "ba"}, {"a"}, "convA"), "pads", {1, 1, 1, 1});
    b.node("Relu", {"a"}, {"ar"}, "reluA");
    OnnxBuilder::setInts(b.node("Conv", {"ar", "wb", "bb"}, {"bo"}, "convB"), "pads", {1, 1, 1, 1});
    b.node("Relu", {"bo"}, {"br"}, "reluB");
    OnnxBuilder::setInts(b.node("Conv", {"br", "wc"}, {"c"}, "convC"), "pads", {1, 1, 1, 1});
    b.node("GlobalAveragePool", {"c"}, {"g"}, "gap");
    b.node("Flatten", {"g"}, {"f"}, "flatten");
    OnnxBuilder::setInt(b.node("Gemm", {"f", "fc", "fcb"}, {"y"}, "fc"), "transB", 1);
    return b.save(dir, "outlier.onnx");
}

session::RunConfig quickConfig() {
    session::RunConfig c;
    c.threads = 1;
    c.batch = 4;
    return c;
}

const session::LayerComparison* layer(const session::ComparisonResult& r, const std::string& name) {
    for (const auto& l : r.layers)
        if (l.name == name) return &l;
    return nullptr;
}
}  // namespace

TEST(LayerError, MatchesHandComputedStatistics) {
    const float ref[] = {1, 2, 3, 11}, test[] = {1, 2, 4, 9.6f};
    profile::LayerErrorAccumulator a;
    a.add(ref, test, 2, profile::Int8Grid{0.f, 10.f, 1.f});   // streamed in two pieces:
    a.add(ref + 2, test + 2, 2, profile::Int8Grid{0.f, 10.f, 1.f});  // the same as one
    const profile::LayerError e = a.result();
    const double refSq = 1 + 4 + 9 + 121, errSq = 1 + 1.4 * 1.4, testSq = 1 + 4 + 16 + 9.6 * 9.6, dot = 1 + 4 + 12 + 11 * 9.6;
    EXPECT_EQ(e.count, 4u);
    EXPECT_NEAR(e.sqnrDb, 10 * std::log10(refSq / errSq), 1e-4);
    EXPECT_NEAR(e.cosine, dot / std::sqrt(refSq * testSq), 1e-6);
    EXPECT_NEAR(e.maxAbsError, 1.4, 1e-5);
    EXPECT_NEAR(e.mse, errSq / 4, 1e-5);
    EXPECT_DOUBLE_EQ(e.clippedShare, 0.25);    // 11 > 10 + 0.5
    EXPECT_DOUBLE_EQ(e.saturatedShare, 0.25);  // 9.6 within half a step of 10; 0 is not saturation
    EXPECT_TRUE(e.hasGrid);

    profile::LayerErrorAccumulator same;
    same.add(ref, ref, 4);
    EXPECT_TRUE(std::isinf(same.result().sqnrDb) && same.result().sqnrDb > 0);
    EXPECT_DOUBLE_EQ(same.result().cosine, 1.0);
    EXPECT_FALSE(same.result().hasGrid);
}

TEST(Compare, RanksTheOutlierConvWorstInBothModesAndRevertingItHelps) {
    const fs::path model = outlierModel(tempDir("compare-outlier"));
    auto s = session::Session::open(model);
    ASSERT_TRUE(s.isOk()) << s.message();
    session::CompareRequest req;
    req.samples = 16;
    req.mode = session::CompareMode::Both;
    auto r = session::compareModel(**s, quickConfig(), req);
    ASSERT_TRUE(r.isOk()) << r.message();
    const auto& c = **r;
    EXPECT_EQ(c.samples, 16);
    EXPECT_TRUE(c.unmatched.empty());
    ASSERT_GE(c.layers.size(), 4u);
    for (const auto& l : c.layers) ASSERT_TRUE(l.propagated) << l.name;
    const auto* b = layer(c, "convB");
    const auto* a = layer(c, "convA");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(b->fusedFrom, (std::vector<std::string>{"convB", "reluB"}));  // matched through fusion
    EXPECT_EQ(b->value, "br");                                              // the last original node's output
    ASSERT_TRUE(b->int8Capable && a->int8Capable);
    for (size_t i = 1; i < c.layers.size(); ++i) EXPECT_NE(c.layers[i].node, c.layers[i - 1].node);  // one row per fused node
    ASSERT_FALSE(c.worstPropagated(1).empty());
    EXPECT_EQ(c.worstPropagated(1)[0]->name, "convB");
    EXPECT_GT(a->propagated->sqnrDb, b->propagated->sqnrDb + 10) << a->propagated->sqnrDb << " vs " << b->propagated->sqnrDb;
    EXPECT_GT(a->propagated->cosine, 0.99);
    ASSERT_FALSE(c.mostSensitive(1).empty());
    EXPECT_EQ(c.mostSensitive(1)[0]->name, "convB");
    ASSERT_TRUE(a->isolated && b->isolated);
    EXPECT_GT(a->isolated->output.sqnrDb, b->isolated->output.sqnrDb + 10);
    // the Gemm's row is the graph output: both views of the same tensors agree
    ASSERT_EQ(c.outputs.size(), 1u);
    const auto* fc = layer(c, "fc");
    ASSERT_TRUE(fc);
    EXPECT_NEAR(fc->propagated->sqnrDb, c.outputs[0].error.sqnrDb, 1e-9);

    // reverting the top-ranked layer to FP32 raises the output SQNR
    session::RunConfig fallback = quickConfig();
    fallback.fp32Fallback = {"convB"};
    req.mode = session::CompareMode::Propagated;
    auto r2 = session::compareModel(**s, fallback, req);
    ASSERT_TRUE(r2.isOk()) << r2.message();
    EXPECT_GT((*r2)->outputs[0].error.sqnrDb, c.outputs[0].error.sqnrDb + 10);
}

TEST(Compare, Fp32AgainstFp32IsExact) {
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s.isOk()) << s.message();
    session::CompareRequest req;
    req.samples = 3;  // batch 4: one padded batch
    req.against = runtime::Precision::Fp32;
    auto r = session::compareModel(**s, quickConfig(), req);
    ASSERT_TRUE(r.isOk()) << r.message();
    ASSERT_FALSE((*r)->layers.empty());
    for (const auto& l : (*r)->layers) {
        ASSERT_TRUE(l.propagated);
        EXPECT_GT(l.propagated->sqnrDb, 100) << l.name;
        EXPECT_NEAR(l.propagated->cosine, 1.0, 1e-9) << l.name;
        EXPECT_EQ(l.propagated->maxAbsError, 0.0) << l.name;
        EXPECT_FALSE(l.propagated->hasGrid);
    }
    EXPECT_DOUBLE_EQ((*r)->outputs[0].top1Agreement, 1.0);
    EXPECT_TRUE((*r)->int8Note.empty());
}

TEST(Compare, ResultHoldsNumbersOnlyAndCountsGrowWithSamples) {
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s.isOk()) << s.message();
    session::CompareRequest req;
    req.samples = 4;
    auto small = session::compareModel(**s, quickConfig(), req);
    req.samples = 16;
    auto big = session::compareModel(**s, quickConfig(), req);
    ASSERT_TRUE(small.isOk() && big.isOk());
    ASSERT_EQ((*small)->layers.size(), (*big)->layers.size());  // rows per layer, not per sample
    for (size_t i = 0; i < (*small)->layers.size(); ++i) {
        EXPECT_EQ((*big)->layers[i].propagated->count, 4 * (*small)->layers[i].propagated->count);
        EXPECT_EQ((*big)->layers[i].value, (*small)->layers[i].value);
    }
    static_assert(sizeof(profile::LayerError) <= 128, "a layer's statistics are a handful of numbers");
}

TEST(Compare, OnTheDataSetWithProgressAndCancel) {
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s.isOk()) << s.message();
    session::CompareRequest req;
    req.dataDir = "/usr/share/datasets/fashion-mnist";
    req.samples = 8;
    session::RunConfig config = quickConfig();
    config.calibration.samples = 64;
    std::vector<double> fractions;
    auto r = session::compareModel(**s, config, req, {{}, [&](double f, const std::string&) { fractions.push_back(f); }});
    ASSERT_TRUE(r.isOk()) << r.message();
    EXPECT_NE((*r)->inputSource.find("t10k"), std::string::npos);
    ASSERT_GT(fractions.size(), 3u);
    for (size_t i = 1; i < fractions.size(); ++i) EXPECT_GE(fractions[i], fractions[i - 1]);
    EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
    EXPECT_GT((*r)->outputs[0].top1Agreement, 0.5);

    CancelToken cancel;  // cancelled from the progress callback once the comparison runs
    auto c = session::compareModel(**s, config, req, {cancel, [&](double f, const std::string&) {
                                                          if (f > 0.3) cancel.cancel();
                                                      }});
    ASSERT_FALSE(c.isOk());
    EXPECT_TRUE(c.status().isCancelled()) << c.message();
}

TEST(Compare, ProfileAttachesTheComparisonOnlyOnRequest) {
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s.isOk()) << s.message();
    session::RunConfig config = quickConfig();
    config.batch = 1;
    config.warmup = 0;
    config.repeat = 1;
    auto in = session::completeWithRandom(*(*s)->original(), {}, 1);
    ASSERT_TRUE(in.isOk());
    auto plain = session::profileModel(**s, config, {*in, false});
    ASSERT_TRUE(plain.isOk()) << plain.message();
    EXPECT_FALSE((*plain)->comparison);
    session::ProfileRequest req{*in, false, true};
    auto with = session::profileModel(**s, config, req);
    ASSERT_TRUE(with.isOk()) << with.message();
    ASSERT_TRUE((*with)->comparison);
    EXPECT_FALSE((*with)->comparison->layers.empty());
    // the same inputs and ranges: the whole-model agreement matches the profile's
    EXPECT_NEAR((*with)->comparison->outputs[0].error.sqnrDb, (*with)->agreement[0].sqnrDb, 1e-6);
}

TEST(Compare, CliPrintsTheTableAndWritesJson) {
    const fs::path dir = tempDir("compare-cli");
    const fs::path json = dir / "cmp.json";
    auto r = runCli("compare " + kModel + " --samples 4 --batch 2 --threads 1 --mode both --max-layers 2 --json " + json.string(), dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("SQNR dB"), std::string::npos) << r.out;
    // the 5 worst of the rows are marked; the 2 isolated layers are not all marked sensitive (a
    // mark on every row would single out nothing)
    auto count = [&](const std::string& what) {
        size_t n = 0;
        for (size_t at = r.out.find(what); at != std::string::npos; at = r.out.find(what, at + 1)) ++n;
        return n;
    };
    EXPECT_EQ(count("<== worst"), 5u) << r.out;
    EXPECT_EQ(count("<== sensitive"), 0u) << r.out;
    EXPECT_NE(r.out.find("top-5 worst layers by propagated SQNR"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("most sensitive"), std::string::npos) << r.out;
    auto j = nlohmann::json::parse(slurp(json));
    EXPECT_EQ(j["schema"], "quantlens.compare/1");
    EXPECT_EQ(j["samples"], 4);
    EXPECT_EQ(j["mode"], "both");
    ASSERT_GT(j["layers"].size(), 2u);
    int isolated = 0;
    for (const auto& l : j["layers"]) {
        EXPECT_TRUE(l.contains("propagated")) << l.dump();
        EXPECT_TRUE(l.contains("fused_from"));
        isolated += l.contains("isolated");
    }
    EXPECT_EQ(isolated, 2);
    EXPECT_EQ(j["worst_propagated"].size(), 5u);

    auto bad = runCli("compare " + kModel + " --mode sideways", dir);
    EXPECT_EQ(bad.exitCode, 2);
    auto ref = runCli("compare " + kModel + " --executor reference --samples 1", dir);
    EXPECT_EQ(ref.exitCode, 2) << ref.out;
}
