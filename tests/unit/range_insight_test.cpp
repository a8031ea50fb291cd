// The range insight (core/session/range_insight) on a constructed model: every method's range
// equals what calibration with that method chooses, the histograms hold every value, the
// weight channels match the weights computed here by hand, and a profile keeps it with the
// planned live bytes per step.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include "core/runtime/calibration_run.h"
#include "core/session/inputs.h"
#include "core/session/workflows.h"
#include "tests/unit/test_models.h"

namespace ql {
namespace {

// conv (4 output channels of very different scale) -> relu -> flatten -> gemm (transB = 1)
struct Model {
    std::filesystem::path dir, path;
    std::vector<float> conv, fc;
};
Model build() {
    Model m;
    test::OnnxBuilder b;
    b.input("x", {2, 2, 6, 6}).output("y");
    m.conv.resize(4 * 2 * 9);
    for (size_t i = 0; i < m.conv.size(); ++i) m.conv[i] = float(int(i * 37 % 17) - 8) / 40.f * float(1 << (i / 18));  // channel c scaled by 2^c
    m.fc.resize(3 * 144);
    for (size_t i = 0; i < m.fc.size(); ++i) m.fc[i] = float(int(i * 13 % 11) - 5) / 200.f;
    b.initializer("w", {4, 2, 3, 3}, m.conv).initializer("b", {4}, {0.1f, -0.2f, 0.f, 0.3f}).initializer("fc", {3, 144}, m.fc);
    test::OnnxBuilder::setInts(b.node("Conv", {"x", "w", "b"}, {"c"}, "conv"), "pads", {1, 1, 1, 1});
    b.node("Relu", {"c"}, {"r"}, "relu");
    b.node("Flatten", {"r"}, {"f"}, "flatten");
    test::OnnxBuilder::setInt(b.node("Gemm", {"f", "fc"}, {"y"}, "fc"), "transB", 1);
    m.dir = test::tempDir("range_insight");
    m.path = b.save(m.dir, "small.onnx");
    return m;
}

// The model fixes its batch (input x [2,2,6,6]): sessions and runs take that batch.
constexpr int64_t kBatch = 2;
Expected<std::shared_ptr<const session::Session>> openAtItsBatch(const Model& m) {
    session::OpenOptions o;
    o.batch = kBatch;
    return session::Session::open(m.path, o);
}

TEST(RangeInsight, EveryMethodMatchesCalibrationAndWeightsMatchByHand) {
    const Model m = build();
    auto s = openAtItsBatch(m);
    ASSERT_TRUE(s) << s.status().message();
    auto inputs = session::completeWithRandom(*(*s)->original(), {}, 3);
    ASSERT_TRUE(inputs);
    session::RunConfig config;
    config.batch = kBatch;
    config.calibration.percentile = 99.0;
    session::RangeInsightRequest request;
    request.calibration = {*inputs};
    auto used = std::make_shared<quant::RangeTable>();
    (*used)["y"] = {-1.5f, 2.5f};
    request.used = used;
    auto insight = session::rangeInsightModel(**s, config, request);
    ASSERT_TRUE(insight) << insight.status().message();
    const auto& in = **insight;
    ASSERT_FALSE(in.activations.empty());
    EXPECT_EQ(in.activations.front().value, "x");  // graph input first

    // each method's range as calibration with that method chooses it
    runtime::CalibrationBatches batches{1, [&](int64_t) -> Expected<runtime::TensorMap> { return *inputs; }};
    for (const char* method : {"minmax", "entropy", "percentile", "mse"}) {
        session::RunConfig c = config;
        c.calibration.method = method;
        auto ranges = runtime::collectRanges((*s)->fused(), batches, c.calibration.observer());
        ASSERT_TRUE(ranges);
        for (const auto& a : in.activations) {
            const quant::ValueRange got = std::string(method) == "minmax"    ? a.methods.minMax
                                          : std::string(method) == "entropy" ? a.methods.entropy
                                          : std::string(method) == "percentile" ? a.methods.percentile
                                                                                : a.methods.mse;
            const quant::ValueRange want = ranges->ranges.at(a.value);
            EXPECT_FLOAT_EQ(got.min, want.min) << method << " " << a.value;
            EXPECT_FLOAT_EQ(got.max, want.max) << method << " " << a.value;
        }
    }
    // histograms hold every value: x is 2*2*6*6, the conv output 2*4*6*6
    const auto* x = in.activation("x");
    const auto* conv = in.weights.empty() ? nullptr : in.activationOf(in.weights.front().node);  // conv (+ relu, fused)
    ASSERT_TRUE(x && conv);
    auto total = [](const session::ActivationHistogram& a) {
        return std::accumulate(a.positive.begin(), a.positive.end(), uint64_t(0)) + std::accumulate(a.negative.begin(), a.negative.end(), uint64_t(0));
    };
    EXPECT_EQ(x->count, 144u);
    EXPECT_EQ(total(*x), 144u);
    EXPECT_EQ(total(*conv), 288u);
    EXPECT_EQ(x->positive.size(), 512u);
    EXPECT_GE(x->binWidth * 512, std::max(std::fabs(x->methods.minMax.min), x->methods.minMax.max));
    ASSERT_TRUE(in.activation("y") && in.activation("y")->used);
    EXPECT_FLOAT_EQ(in.activation("y")->used->max, 2.5f);
    EXPECT_FALSE(x->used);

    // weights: conv rows are channels, the transB gemm's rows too
    ASSERT_EQ(in.weights.size(), 2u);
    const auto& wc = in.weights[0];
    EXPECT_EQ(wc.op, (*s)->fused()->node(wc.node).opType);
    ASSERT_EQ(wc.min.size(), 4u);
    float tensorMax = 0;
    for (int c = 0; c < 4; ++c) {
        const auto first = m.conv.begin() + c * 18, last = first + 18;
        EXPECT_FLOAT_EQ(wc.min[size_t(c)], *std::min_element(first, last));
        EXPECT_FLOAT_EQ(wc.max[size_t(c)], *std::max_element(first, last));
        float amax = 0;
        for (auto it = first; it != last; ++it) amax = std::max(amax, std::fabs(*it));
        EXPECT_NEAR(wc.channelLimit[size_t(c)], amax, 1e-6f * amax);
        tensorMax = std::max(tensorMax, amax);
    }
    EXPECT_NEAR(wc.tensorLimit, tensorMax, 1e-6f * tensorMax);
    EXPECT_LT(wc.channelLimit[0] * 4, wc.tensorLimit);  // channel 0 is 8x narrower: per tensor wastes its levels
    const auto& fc = in.weights[1];
    EXPECT_EQ(fc.name, "fc");
    ASSERT_EQ(fc.min.size(), 3u);
    EXPECT_FLOAT_EQ(fc.max[1], *std::max_element(m.fc.begin() + 144, m.fc.begin() + 288));

    // chosen values only
    request.values = {conv->value};
    auto one = session::rangeInsightModel(**s, config, request);
    ASSERT_TRUE(one);
    ASSERT_EQ((*one)->activations.size(), 1u);
    EXPECT_EQ((*one)->weights.size(), 1u);
    std::filesystem::remove_all(m.dir);
}

TEST(RangeInsight, AProfileKeepsItAndTheLiveBytesPerStep) {
    const Model m = build();
    auto s = openAtItsBatch(m);
    ASSERT_TRUE(s);
    auto inputs = session::completeWithRandom(*(*s)->original(), {}, 3);
    ASSERT_TRUE(inputs);
    session::RunConfig config;
    config.batch = kBatch;
    config.warmup = 0;
    config.repeat = 2;
    session::ProfileRequest request{*inputs};
    auto plain = session::profileModel(**s, config, request);
    ASSERT_TRUE(plain);
    EXPECT_FALSE((*plain)->rangeInsight);
    request.rangeInsight = true;
    auto r = session::profileModel(**s, config, request);
    ASSERT_TRUE(r) << r.status().message();
    ASSERT_TRUE((*r)->rangeInsight);
    const auto& in = *(*r)->rangeInsight;
    // every fused node's float output has a histogram; the conv's has the plan's range
    const auto order = (*s)->fused()->topologicalOrder();
    ASSERT_TRUE(order);
    for (ir::NodeId id : *order) EXPECT_TRUE(in.activationOf(id)) << (*s)->fused()->node(id).name;
    ASSERT_FALSE(in.weights.empty());
    ASSERT_TRUE(in.activationOf(in.weights.front().node));
    EXPECT_TRUE(in.activationOf(in.weights.front().node)->used);
    // int8 took its ranges from the insight's histograms: the same ranges as its own calibration
    // run, so the same int8 outputs
    ASSERT_EQ((*r)->agreement.size(), (*plain)->agreement.size());
    for (size_t i = 0; i < (*r)->agreement.size(); ++i) {
        EXPECT_DOUBLE_EQ((*r)->agreement[i].sqnrDb, (*plain)->agreement[i].sqnrDb);
        EXPECT_DOUBLE_EQ((*r)->agreement[i].maxAbsError, (*plain)->agreement[i].maxAbsError);
    }
    for (const auto& p : (*r)->runs) {
        ASSERT_TRUE(p.profile.memory);
        const auto& live = p.profile.memory->liveBytesPerStep;
        ASSERT_FALSE(live.empty());
        EXPECT_LE(live.size(), p.profile.layers.size());
        EXPECT_EQ(*std::max_element(live.begin(), live.end()), p.profile.memory->livenessLowerBound);
        EXPECT_GE(p.profile.memory->arenaBytes, p.profile.memory->livenessLowerBound);
    }
    std::filesystem::remove_all(m.dir);
}

// Samples held in memory: [n, sample...] f32, labels 0.
class TensorDataset : public data::Dataset {
public:
    explicit TensorDataset(ir::Tensor all) : all_(std::move(all)), sample_(all_.dims().begin() + 1, all_.dims().end()) {}
    int64_t size() const override { return all_.dims()[0]; }
    const ir::Dims& sampleShape() const override { return sample_; }
    std::string description() const override { return "the test's samples"; }
    Expected<data::SampleBatch> read(int64_t first, int64_t count, int64_t rows) const override {
        ir::Dims dims = all_.dims();
        dims[0] = rows;
        auto t = ir::Tensor::create(ir::DType::F32, dims);
        if (!t) return t.status();
        const int64_t per = all_.numel() / size();
        std::copy(all_.data<float>() + first * per, all_.data<float>() + (first + count) * per, t->data<float>());
        return data::SampleBatch{std::move(t).value(), std::vector<int64_t>(size_t(count), 0)};
    }

private:
    ir::Tensor all_;
    ir::Dims sample_;
};

// Given a calibration data set (the data set's calibration split in the app), the profile's INT8
// plan, its range insight and its layer comparison all take their ranges from it, not from the
// profiled inputs, and say so; the ranges equal calibrateModel's on the same data set.
TEST(RangeInsight, AProfileCalibratesThePlanTheInsightAndTheComparisonOnItsCalibrationData) {
    const Model m = build();
    auto s = openAtItsBatch(m);
    ASSERT_TRUE(s);
    const ir::Graph& g = *(*s)->original();
    auto inputs = session::completeWithRandom(g, {}, 3);
    ASSERT_TRUE(inputs);
    // six samples spread several times wider than the profiled N(0,1) inputs
    auto wide = ir::Tensor::create(ir::DType::F32, {6, 2, 6, 6});
    ASSERT_TRUE(wide);
    for (int64_t i = 0; i < wide->numel(); ++i) wide->data<float>()[i] = 12.f * float(int(i * 7919 % 2001) - 1000) / 1000.f;
    auto set = std::make_shared<const TensorDataset>(std::move(wide).value());
    session::RunConfig config;
    config.batch = kBatch;
    config.warmup = 0;
    config.repeat = 2;
    config.calibration.samples = 5;  // the model fixes its batch at 2: two whole batches, 4 samples
    config.calibration.method = "percentile";
    session::CalibrationRequest cr;
    cr.data = set;
    auto table = session::calibrateModel(**s, config, cr);
    ASSERT_TRUE(table) << "calibrateModel: [" << table.status().message() << "] code " << int(table.status().code());
    for (bool insight : {true, false}) {
        session::ProfileRequest request{*inputs};
        request.rangeInsight = insight;
        request.compareLayers = true;
        auto own = session::profileModel(**s, config, request);
        request.calibrationData = set;
        request.calibrationSource = "the test's wide samples";
        auto r = session::profileModel(**s, config, request);
        ASSERT_TRUE(own && r) << (r ? own.status().message() : r.status().message());
        const session::PrecisionRun* int8 = (*r)->find(runtime::Precision::Int8);
        ASSERT_TRUE(int8);
        EXPECT_NE(int8->int8Note.find("4 sample(s) of the test's wide samples"), std::string::npos) << int8->int8Note;
        ASSERT_TRUE((*r)->comparison && (*own)->comparison);
        EXPECT_EQ((*r)->comparison->int8Note, int8->int8Note);
        // the conv's output range is the data set's, exactly as calibrateModel finds it
        const session::LayerComparison* conv = nullptr;
        const session::LayerComparison* ownConv = nullptr;
        for (const auto& l : (*r)->comparison->layers)
            if (l.opType != "Reorder" && l.range && table->ranges.count(l.value)) conv = &l;
        for (const auto& l : (*own)->comparison->layers)
            if (conv && l.value == conv->value) ownConv = &l;
        ASSERT_TRUE(conv && ownConv && ownConv->range);
        EXPECT_EQ(conv->range->max, table->ranges.at(conv->value).max) << conv->value << (insight ? " (with the insight)" : "");
        EXPECT_GT(conv->range->max, 2.f * ownConv->range->max) << conv->value;
        if (insight) {
            ASSERT_TRUE((*r)->rangeInsight);
            EXPECT_EQ((*r)->rangeInsight->source, "the test's wide samples");
            const auto* a = (*r)->rangeInsight->activationOf(ir::NodeId{int32_t(conv->node)});
            ASSERT_TRUE(a && a->used);
            EXPECT_EQ(a->used->max, conv->range->max);
        }
    }
    std::filesystem::remove_all(m.dir);
}

}  // namespace
}  // namespace ql
