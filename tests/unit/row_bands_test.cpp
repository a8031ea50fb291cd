// Row-band groups (core/runtime/onednn_row_bands.h): a chain of convolutions run as one parallel
// region over row bands gives what the step-by-step plan gives, byte for byte in INT8.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/runtime/executor_factory.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;

namespace {

// A 3x3 stem, two MobileNet-style blocks and a dense tail:
// 1x1 expand + Clip, 3x3 depthwise + Clip, 1x1 project + residual Add (stride 1);
// then the same with a stride-2 depthwise and no residual; then a 5x5 dense conv, pad 2.
std::shared_ptr<ir::Graph> bandedChain(int64_t batch, int64_t height) {
    OnnxBuilder b;
    b.input("x", {batch, 16, height, 32});  // 32 wide: bands of at least 32 pixels from 2 rows
    b.initializer("lo", {}, {0.f}).initializer("hi", {}, {6.f});
    unsigned seed = 1;
    std::string last = "x";
    int64_t channels = 16;
    auto conv = [&](const std::string& name, int64_t out, int64_t k, int64_t stride, int64_t group, bool clip) {
        const std::vector<int64_t> wDims = {out, channels / group, k, k};
        b.initializer(name + "_w", wDims, randomValues(size_t(out * (channels / group) * k * k), seed++, -0.5f, 0.5f));
        b.initializer(name + "_b", {out}, randomValues(size_t(out), seed++, -0.2f, 0.2f));
        auto& n = b.node("Conv", {last, name + "_w", name + "_b"}, {name}, name);
        OnnxBuilder::setInts(n, "strides", {stride, stride});
        OnnxBuilder::setInts(n, "pads", {k / 2, k / 2, k / 2, k / 2});
        OnnxBuilder::setInt(n, "group", group);
        last = name;
        channels = out;
        if (clip) {
            b.node("Clip", {last, "lo", "hi"}, {name + "_clip"}, name + "_clip");
            last = name + "_clip";
        }
    };
    conv("stem", 16, 3, 1, 1, true);  // the block input dies at the residual Add: summed in place
    const std::string blockIn = last;
    conv("expand1", 48, 1, 1, 1, true);
    conv("dw1", 48, 3, 1, 48, true);
    conv("project1", 16, 1, 1, 1, false);
    b.node("Add", {last, blockIn}, {"block1"}, "add1");
    last = "block1";
    conv("expand2", 64, 1, 1, 1, true);
    conv("dw2", 64, 3, 2, 64, true);
    conv("project2", 24, 1, 1, 1, false);
    conv("dense", 32, 5, 1, 1, true);
    b.node("Identity", {last}, {"y"}, "out");
    b.output("y");
    return importGraph(b);
}

struct BandedRun {
    ir::Tensor y;
    int bandedSteps = 0;
};

BandedRun runPlan(const std::shared_ptr<ir::Graph>& g, const runtime::TensorMap& in, runtime::Precision precision, bool rowBands,
                  bool hooks = false) {
    runtime::ExecutorOptions o;
    o.precision = precision;
    o.layout = runtime::Layout::Nhwc;
    o.threads = 2;
    o.rowBands = rowBands;
    o.calibration = {in};
    auto p = runtime::prepareExecutor(g, o);
    EXPECT_TRUE(p.isOk()) << p.message();
    if (!p) return {};
    BandedRun r;
    for (const auto& s : p->executor->steps()) r.bandedSteps += s.note.find("row bands") != std::string::npos;
    runtime::RunOptions ro;
    if (hooks) ro.hooks.onNodeOutputs = [](const ir::Node&, const std::vector<ir::Tensor>&) {};
    auto out = p->executor->run(in, ro);
    EXPECT_TRUE(out.isOk()) << out.message();
    if (out) r.y = out->at("y");
    return r;
}

runtime::TensorMap inputOf(const ir::Graph& g) {
    const ir::Value& x = g.value(g.inputs.front());
    int64_t n = 1;
    for (int64_t d : x.dims) n *= d;
    auto v = randomValues(size_t(n), 99, -1.f, 2.f);
    return {{"x", ir::Tensor::fromFloats(x.dims, v)}};
}

}  // namespace

TEST(RowBands, Int8ChainGivesTheStepByStepPlansBytesAtEveryHeight) {
    for (int64_t height : {15, 8, 3}) {  // uneven bands, even bands, bands too small after the stride
        auto g = bandedChain(1, height);
        const auto in = inputOf(*g);
        const BandedRun banded = runPlan(g, in, runtime::Precision::Int8, true);
        const BandedRun plain = runPlan(g, in, runtime::Precision::Int8, false);
        EXPECT_EQ(plain.bandedSteps, 0);
        // height 3: after the stride, 2 rows of 16 are under 32 pixels a band: up to the expand
        EXPECT_EQ(banded.bandedSteps, height == 3 ? 5 : 8) << "height " << height;
        ASSERT_EQ(banded.y.dims(), plain.y.dims());
        for (int64_t i = 0; i < plain.y.numel(); ++i)
            ASSERT_EQ(banded.y.data<float>()[i], plain.y.data<float>()[i]) << "height " << height << " element " << i;
    }
}

TEST(RowBands, Fp32ChainMatchesTheStepByStepPlan) {
    auto g = bandedChain(1, 13);
    const auto in = inputOf(*g);
    const BandedRun banded = runPlan(g, in, runtime::Precision::Fp32, true);
    const BandedRun plain = runPlan(g, in, runtime::Precision::Fp32, false);
    EXPECT_EQ(banded.bandedSteps, 8);
    ASSERT_EQ(banded.y.dims(), plain.y.dims());
    double worst = 0, scale = 1e-3;
    for (int64_t i = 0; i < plain.y.numel(); ++i) {
        scale = std::max(scale, double(std::fabs(plain.y.data<float>()[i])));
        worst = std::max(worst, double(std::fabs(banded.y.data<float>()[i] - plain.y.data<float>()[i])));
    }
    EXPECT_LT(worst / scale, 1e-5);  // kernels for one band may sum in another order
}

TEST(RowBands, BatchesAndHookedRunsRunStepByStepWithTheSameResult) {
    auto g = bandedChain(2, 9);
    const auto in = inputOf(*g);
    EXPECT_EQ(runPlan(g, in, runtime::Precision::Int8, true).bandedSteps, 0);  // batch 2: rows of an image are not one slice

    auto one = bandedChain(1, 9);
    const auto in1 = inputOf(*one);
    const BandedRun hooked = runPlan(one, in1, runtime::Precision::Int8, true, /*hooks*/ true);
    const BandedRun plain = runPlan(one, in1, runtime::Precision::Int8, false);
    for (int64_t i = 0; i < plain.y.numel(); ++i) ASSERT_EQ(hooked.y.data<float>()[i], plain.y.data<float>()[i]);
}
