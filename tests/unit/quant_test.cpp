// Calibration observers on synthetic distributions whose answer is known.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <set>

#include "core/quant/observers.h"
#include "core/quant/weight_quant.h"

using namespace ql;
using namespace ql::quant;

namespace {
ir::Tensor tensorOf(const std::vector<float>& v) {
    auto t = ir::Tensor::create(ir::DType::F32, {int64_t(v.size())}).value();
    std::copy(v.begin(), v.end(), t.data<float>());
    return t;
}

// Streams `batches` batches of `n` values from `gen` into one observer per method.
template <typename Gen>
std::map<CalibrationMethod, ValueRange> rangesOf(Gen gen, int batches = 4, int n = 50000, double percentile = 99.99) {
    std::map<CalibrationMethod, ValueRange> out;
    for (auto m : {CalibrationMethod::MinMax, CalibrationMethod::Entropy, CalibrationMethod::Percentile, CalibrationMethod::Mse}) {
        Observer o({m, percentile, 2048});
        std::mt19937 rng(7);
        for (int b = 0; b < batches; ++b) {
            std::vector<float> v(static_cast<size_t>(n));
            for (int i = 0; i < n; ++i) v[size_t(i)] = gen(rng, b);
            o.observe("x", tensorOf(v));
        }
        auto r = o.ranges();
        EXPECT_EQ(r.count("x"), 1u);
        out[m] = r["x"];
    }
    return out;
}
}  // namespace

TEST(Observers, UniformKeepsNearlyTheWholeRange) {
    auto r = rangesOf([](std::mt19937& g, int) { return std::uniform_real_distribution<float>(-1.f, 1.f)(g); });
    EXPECT_NEAR(r[CalibrationMethod::MinMax].max, 1.f, 1e-3);
    EXPECT_NEAR(r[CalibrationMethod::MinMax].min, -1.f, 1e-3);
    EXPECT_NEAR(r[CalibrationMethod::Percentile].max, 1.f, 2e-3);
    // without outliers the best clip is (close to) the whole range
    EXPECT_GT(r[CalibrationMethod::Mse].max, 0.95f);
    EXPECT_GT(r[CalibrationMethod::Entropy].max, 0.8f);
    for (auto& [m, v] : r) EXPECT_LE(v.max, 1.f) << calibrationMethodName(m);
}

TEST(Observers, GaussianWithOutliersGivesFourDifferentSensibleRanges) {
    // N(0,1) plus a rare outlier at +-100 in the last batch (the histogram range grows then)
    auto r = rangesOf([](std::mt19937& g, int b) {
        static std::normal_distribution<float> d(0.f, 1.f);
        float v = d(g);
        if (b == 3 && std::uniform_real_distribution<float>(0, 1)(g) < 1e-4f) v = v > 0 ? 100.f : -100.f;
        return v;
    });
    const auto mm = r[CalibrationMethod::MinMax], en = r[CalibrationMethod::Entropy], pc = r[CalibrationMethod::Percentile],
               ms = r[CalibrationMethod::Mse];
    EXPECT_EQ(mm.max, 100.f);
    EXPECT_EQ(mm.min, -100.f);
    // 99.99 % of a N(0,1) lies within about 3.9 (two-sided tails of 0.01 % each: 3.72)
    EXPECT_GT(pc.max, 3.0f);
    EXPECT_LT(pc.max, 5.0f);
    EXPECT_LT(pc.min, -3.0f);
    EXPECT_GT(pc.min, -5.0f);
    // KL clips well inside the outliers (the grown histogram has bins of 144/2048, and KL
    // starts at 128 of them: 9); MSE weighs ~20 squared outliers against everyone's rounding
    EXPECT_GT(en.max, 1.5f);
    EXPECT_LT(en.max, 20.f);
    EXPECT_GE(ms.max, pc.max);
    EXPECT_LE(ms.max, 100.f);
}

// Laplace(0, 1), 200k values: max about ln(200k) = 12.2; the two-sided 99.99 % percentile at
// ln(0.5 / 1e-4) = 8.5; the MSE-optimal 8-bit clip is 9.89 (Banner et al., ACIQ); KL lands
// elsewhere. Four methods, four different ranges.
TEST(Observers, LaplaceGivesFourDifferentKnownRanges) {
    auto r = rangesOf([](std::mt19937& g, int) {
        const float u = std::uniform_real_distribution<float>(-0.5f, 0.5f)(g);
        return -std::copysign(1.f, u) * std::log(1.f - 2.f * std::fabs(u));
    });
    const auto mm = r[CalibrationMethod::MinMax], en = r[CalibrationMethod::Entropy], pc = r[CalibrationMethod::Percentile],
               ms = r[CalibrationMethod::Mse];
    EXPECT_GT(mm.max, 10.f);
    EXPECT_NEAR(pc.max, 8.5f, 0.8f);  // only ~20 values per tail: sampling noise ~0.25
    EXPECT_NEAR(pc.min, -8.5f, 0.8f);
    EXPECT_NEAR(ms.max, 9.89f, 1.2f);
    EXPECT_GT(en.max, 3.f);
    EXPECT_LT(en.max, mm.max);
    std::set<float> distinct{mm.max, en.max, pc.max, ms.max};
    EXPECT_EQ(distinct.size(), 4u) << mm.max << " " << en.max << " " << pc.max << " " << ms.max;
}

TEST(Observers, PercentileIsConfigurable) {
    auto gen = [](std::mt19937& g, int) { return std::uniform_real_distribution<float>(0.f, 10.f)(g); };
    auto r99 = rangesOf(gen, 2, 50000, 99.0), r90 = rangesOf(gen, 2, 50000, 90.0);
    EXPECT_NEAR(r99[CalibrationMethod::Percentile].max, 9.9f, 0.05f);
    EXPECT_NEAR(r90[CalibrationMethod::Percentile].max, 9.0f, 0.05f);
    EXPECT_GE(r90[CalibrationMethod::Percentile].min, 0.f);  // one-sided data: the lower end is the min
}

TEST(Observers, AllZeroConstantAndNegativeOnly) {
    auto zero = rangesOf([](std::mt19937&, int) { return 0.f; }, 2, 1000);
    for (auto& [m, v] : zero) {
        EXPECT_EQ(v.min, 0.f) << calibrationMethodName(m);
        EXPECT_EQ(v.max, 0.f) << calibrationMethodName(m);
    }
    auto constant = rangesOf([](std::mt19937&, int) { return 2.5f; }, 2, 1000);
    for (auto& [m, v] : constant) {
        EXPECT_EQ(v.min, 2.5f) << calibrationMethodName(m);
        EXPECT_EQ(v.max, 2.5f) << calibrationMethodName(m);
    }
    auto neg = rangesOf([](std::mt19937& g, int) { return -std::uniform_real_distribution<float>(0.5f, 4.f)(g); }, 2, 20000);
    for (auto& [m, v] : neg) {
        EXPECT_LE(v.max, -0.5f + 1e-3f) << calibrationMethodName(m);  // never widened past the data
        EXPECT_LE(v.min, -3.f) << calibrationMethodName(m);
        EXPECT_GE(v.min, -4.f) << calibrationMethodName(m);
        EXPECT_LE(v.min, v.max) << calibrationMethodName(m);
    }
}

TEST(Observers, NonFiniteValuesAreCountedAndLeftOut) {
    const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
    for (auto m : {CalibrationMethod::MinMax, CalibrationMethod::Entropy, CalibrationMethod::Percentile, CalibrationMethod::Mse}) {
        Observer o({m});
        o.observe("x", tensorOf({nan, 1.f, -inf, -2.f, inf, 0.5f}));
        o.observe("allnan", tensorOf({nan, nan}));
        auto r = o.ranges();
        EXPECT_EQ(r.count("allnan"), 0u) << calibrationMethodName(m);
        ASSERT_EQ(r.count("x"), 1u);
        EXPECT_TRUE(std::isfinite(r["x"].min) && std::isfinite(r["x"].max));
        EXPECT_GE(r["x"].min, -2.f);
        EXPECT_LE(r["x"].max, 1.f);
        EXPECT_EQ(o.summaries()["x"].nonFinite, 3u);
        EXPECT_EQ(o.summaries()["x"].count, 3u);
    }
}

TEST(Histogram, GrowingTheRangeMergesBinsExactly) {
    Histogram h(1024);
    std::vector<float> a{0.f, 0.25f, -0.5f, 1.f};
    h.add(a.data(), 4);
    EXPECT_EQ(h.range(), 1.f);
    std::vector<float> b{3.f, -7.f};
    h.add(b.data(), 2);
    EXPECT_EQ(h.range(), 8.f);  // doubled three times
    EXPECT_EQ(h.count(), 6u);
    uint64_t total = 0;
    for (auto c : h.magnitude()) total += c;
    EXPECT_EQ(total, 6u);
    EXPECT_EQ(h.positive()[size_t(0.25 / 8 * 1024)], 1u);  // 0.25 stays in its (merged) bin
    EXPECT_EQ(h.negative()[size_t(7.0 / 8 * 1024)], 1u);
    EXPECT_EQ(h.minMax().min, -7.f);
    EXPECT_EQ(h.minMax().max, 3.f);
}

TEST(Observers, ParseAndValidate) {
    EXPECT_EQ(calibrationMethodName(parseCalibrationMethod("entropy").value()), "entropy");
    EXPECT_FALSE(parseCalibrationMethod("kl").isOk());
    EXPECT_FALSE(validate(ObserverOptions{CalibrationMethod::Percentile, 0.0}).isOk());
    EXPECT_FALSE(validate(ObserverOptions{CalibrationMethod::Percentile, 100.5}).isOk());
    EXPECT_TRUE(validate(ObserverOptions{CalibrationMethod::Percentile, 99.9}).isOk());
}

TEST(WeightQuant, PerTensorSharesOneScaleAndPerChannelDoesNot) {
    const std::vector<float> w{1.f, -0.5f, 0.25f, /* row 2 */ 0.1f, -0.2f, 0.05f, /* row 3 */ 0.f, 0.f, 0.f};
    auto pc = quantizeRowsS8(w.data(), 3, 3);
    EXPECT_FLOAT_EQ(pc.scales[0], 1.f / 127.f);
    EXPECT_FLOAT_EQ(pc.scales[1], 0.2f / 127.f);
    EXPECT_EQ(pc.scales[2], 1.f);  // an all-zero row
    EXPECT_EQ(pc.values[4], -127);
    auto pt = quantizeRowsS8(w.data(), 3, 3, true);
    for (float s : pt.scales) EXPECT_FLOAT_EQ(s, 1.f / 127.f);
    EXPECT_EQ(pt.values[0], 127);
    EXPECT_EQ(pt.values[3], 13);   // 0.1 * 127 = 12.7
    EXPECT_EQ(pt.values[4], -25);  // -25.4
    EXPECT_EQ(pt.values[8], 0);
}
