// The benchmark's statistics, grid, sharding, records and merge.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/bench/analysis.h"
#include "core/bench/bench_run.h"
#include "core/bench/grid.h"
#include "core/bench/tables.h"
#include "core/profile/significance.h"
#include "core/profile/stats.h"

namespace ql {
namespace {

TEST(Significance, StudentTMatchesTables) {
    // two-sided p of Student's t, from printed tables
    EXPECT_NEAR(profile::studentTwoSidedP(2.228, 10), 0.05, 2e-4);
    EXPECT_NEAR(profile::studentTwoSidedP(2.0, 10), 0.07339, 2e-4);
    EXPECT_NEAR(profile::studentTwoSidedP(4.032, 5), 0.01, 2e-4);
    EXPECT_NEAR(profile::studentTwoSidedP(12.706, 1), 0.05, 2e-4);
    EXPECT_NEAR(profile::studentTwoSidedP(0.0, 7), 1.0, 1e-12);
    EXPECT_NEAR(profile::studentTwoSidedP(-2.0, 10), profile::studentTwoSidedP(2.0, 10), 1e-12);
}

TEST(Significance, IncompleteBetaMatchesBinomialSum) {
    // I_x(a, n-a+1) = P(Binomial(n, x) >= a): I_0.4(2, 3) = 6(.16)(.36) + 4(.064)(.6) + .0256
    EXPECT_NEAR(profile::incompleteBeta(2, 3, 0.4), 0.5248, 1e-10);
    EXPECT_NEAR(profile::incompleteBeta(1, 1, 0.3), 0.3, 1e-12);
    EXPECT_NEAR(profile::incompleteBeta(5, 2, 0.9), 1 - (0.1 * 0.1 * 0.1 * 0.1 * 0.1 * 0.1 + 6 * 0.9 * std::pow(0.1, 5) + 15 * 0.81 * std::pow(0.1, 4) +
                                                         20 * 0.729 * 0.001 + 15 * 0.6561 * 0.01),
                1e-10);
}

TEST(Significance, WelchOnLogsSeesAClearSpeedUpAndNotNoise) {
    const std::vector<double> fp32{10.0, 10.4, 9.8, 10.1}, int8{4.1, 3.9, 4.0, 4.2};
    const auto r = profile::welchOnLogs(fp32, int8);
    ASSERT_TRUE(r.valid);
    EXPECT_GT(r.statistic, 10);
    EXPECT_LT(r.p, 1e-5);
    EXPECT_GT(r.df, 3);
    const auto swapped = profile::welchOnLogs(int8, fp32);
    EXPECT_NEAR(swapped.statistic, -r.statistic, 1e-12);
    EXPECT_NEAR(swapped.p, r.p, 1e-15);
    // overlapping noisy samples: no evidence
    const auto noise = profile::welchOnLogs({10, 14, 8}, {11, 9, 13});
    ASSERT_TRUE(noise.valid);
    EXPECT_GT(noise.p, 0.5);
    EXPECT_FALSE(profile::welchOnLogs({10}, {4, 5}).valid);
    EXPECT_FALSE(profile::welchOnLogs({10, 0}, {4, 5}).valid);
}

TEST(Significance, MannWhitneyExactAndApproximate) {
    // complete separation: U = 0 and p = 2 / C(n1+n2, n1)
    auto r = profile::mannWhitneyU({1, 2, 3}, {4, 5, 6});
    ASSERT_TRUE(r.valid);
    EXPECT_EQ(r.statistic, 0);
    EXPECT_NEAR(r.p, 2.0 / 20, 1e-12);
    r = profile::mannWhitneyU({5, 6, 7, 8}, {1, 2, 3, 4});
    EXPECT_EQ(r.statistic, 16);
    EXPECT_NEAR(r.p, 2.0 / 70, 1e-12);
    // 3x3 counts by U = 0..9: 1 1 2 3 3 3 3 2 1 1 (of 20)
    EXPECT_NEAR(profile::mannWhitneyU({1, 2, 4}, {3, 5, 6}).p, 2 * 2.0 / 20, 1e-12);  // U = 1
    EXPECT_NEAR(profile::mannWhitneyU({1, 2, 5}, {3, 4, 6}).p, 2 * 4.0 / 20, 1e-12);  // U = 2
    // ties: the normal approximation, symmetric
    r = profile::mannWhitneyU({1, 1, 2, 3, 3, 4, 5, 6, 7, 8}, {3, 3, 5, 6, 7, 8, 9, 9, 10, 11});
    ASSERT_TRUE(r.valid);
    EXPECT_GT(r.p, 0.01);
    EXPECT_LT(r.p, 0.2);
    EXPECT_NEAR(profile::mannWhitneyU({3, 3, 5, 6, 7, 8, 9, 9, 10, 11}, {1, 1, 2, 3, 3, 4, 5, 6, 7, 8}).p, r.p, 1e-12);
}

TEST(Significance, HolmStepDown) {
    const auto adjusted = profile::holmAdjust({0.01, 0.04, 0.03, 0.005});
    ASSERT_EQ(adjusted.size(), 4u);
    EXPECT_NEAR(adjusted[0], 0.03, 1e-12);
    EXPECT_NEAR(adjusted[1], 0.06, 1e-12);  // monotone: never below an earlier step
    EXPECT_NEAR(adjusted[2], 0.06, 1e-12);
    EXPECT_NEAR(adjusted[3], 0.02, 1e-12);
    EXPECT_NEAR(profile::holmAdjust({0.6, 0.7})[1], 1.0, 1e-12);
}

TEST(Stats, BootstrapIntervalOfTheMedianStaysPositive) {
    // the case that gave a Student t interval of [-58, 156] ms
    const std::vector<double> noisy{3.0, 4.0, 190.0};
    const profile::Stats s = profile::summarize(noisy);
    EXPECT_GE(s.ci95Low, 3.0);
    EXPECT_LE(s.ci95High, 190.0);
    EXPECT_LE(s.ci95Low, s.median);
    EXPECT_GE(s.ci95High, s.median);
    const auto a = profile::bootstrapMedianCi(noisy), b = profile::bootstrapMedianCi(noisy);
    EXPECT_EQ(a.low, b.low);  // seeded: reproducible
    EXPECT_EQ(a.high, b.high);
}

TEST(Stats, TwoLevelBootstrapWidensWhenTrialsDisagree) {
    // the same runs, once spread evenly over trials and once with a shift between trials
    const std::vector<std::vector<double>> steady{{10, 10.2, 9.9, 10.1}, {10, 10.1, 9.8, 10.2}, {10.1, 9.9, 10, 10.2}};
    const std::vector<std::vector<double>> drifting{{9, 9.2, 8.9, 9.1}, {10, 10.1, 9.8, 10.2}, {11.1, 10.9, 11, 11.2}};
    const auto narrow = profile::percentileInterval(profile::hierarchicalBootstrapMedians(steady));
    const auto wide = profile::percentileInterval(profile::hierarchicalBootstrapMedians(drifting));
    EXPECT_LT(narrow.high - narrow.low, 0.5);
    EXPECT_GT(wide.high - wide.low, 1.0);
}

bench::GridSpec twoModels() {
    bench::GridSpec s;
    s.models = {"/m/resnet18.onnx", "/other/mobilenet_v2.onnx"};
    s.batches = {1, 8};
    return s;
}

TEST(BenchGrid, ExpandsEveryCombinationOnce) {
    auto grid = bench::expandGrid(twoModels());
    ASSERT_TRUE(grid) << grid.status().message();
    ASSERT_EQ(grid->size(), 8u);  // 2 models x 2 batches x 2 precisions
    std::set<std::string> ids;
    for (const auto& c : *grid) ids.insert(c.id());
    EXPECT_EQ(ids.size(), 8u);
    EXPECT_EQ(grid->front().id(), "resnet18|fp32|auto|planned|t0|b1");
    EXPECT_EQ(grid->front().pairKey(), (*grid)[1].pairKey());
    // eager runs NCHW only: listing layouts does not repeat its configurations
    bench::GridSpec s = twoModels();
    s.layouts = {"auto", "nhwc"};
    s.executors = {"planned", "eager"};
    auto wide = bench::expandGrid(s);
    ASSERT_TRUE(wide);
    EXPECT_EQ(wide->size(), 2u * 2u * 2u * 3u);
}

TEST(BenchGrid, RefusesBadSpecsNamingTheOption) {
    bench::GridSpec s = twoModels();
    s.models.push_back("/elsewhere/resnet18.onnx");
    auto g = bench::expandGrid(s);
    ASSERT_FALSE(g);
    EXPECT_NE(g.status().message().find("same name 'resnet18'"), std::string::npos);
    s = twoModels();
    s.precisions = {"fp16"};
    g = bench::expandGrid(s);
    ASSERT_FALSE(g);
    EXPECT_NE(g.status().message().find("--precisions"), std::string::npos);
    s = twoModels();
    s.batches = {0};
    EXPECT_NE(bench::expandGrid(s).status().message().find("--batch"), std::string::npos);
    s = twoModels();
    s.batches = {1, 8, 1};
    EXPECT_NE(bench::expandGrid(s).status().message().find("--batch: '1' is listed twice"), std::string::npos) << bench::expandGrid(s).status().message();
    s = twoModels();
    s.targetCiPercent = 5;
    s.maxTrials = 2;
    EXPECT_NE(bench::expandGrid(s).status().message().find("--max-trials"), std::string::npos);
}

TEST(BenchGrid, ShardsPartitionTheGrid) {
    auto grid = bench::expandGrid(twoModels());
    ASSERT_TRUE(grid);
    std::multiset<std::string> seen;
    for (int i = 0; i < 3; ++i) {
        auto shard = bench::parseShard(std::to_string(i) + "/3");
        ASSERT_TRUE(shard);
        for (const auto& c : bench::shardOf(*grid, *shard)) seen.insert(c.id());
    }
    EXPECT_EQ(seen.size(), grid->size());
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), grid->size());
    for (const char* bad : {"3/3", "-1/2", "1", "a/b", "1/0", "1/2x"}) EXPECT_FALSE(bench::parseShard(bad)) << bad;
}

TEST(BenchGrid, ScheduleInterleavesRoundsInASeededOrder) {
    const std::vector<size_t> configs{0, 1, 2, 3, 4, 5};
    const auto a = bench::schedule(configs, 0, 3, 7), b = bench::schedule(configs, 0, 3, 7), c = bench::schedule(configs, 0, 3, 8);
    ASSERT_EQ(a.size(), 18u);
    for (int round = 0; round < 3; ++round) {
        std::set<size_t> inRound;
        for (size_t k = 0; k < 6; ++k) {
            EXPECT_EQ(a[size_t(round) * 6 + k].trial, round);
            inRound.insert(a[size_t(round) * 6 + k].config);
        }
        EXPECT_EQ(inRound.size(), 6u);  // every configuration once per round
    }
    bool same = true, differs = false;
    for (size_t k = 0; k < a.size(); ++k) {
        same = same && a[k].config == b[k].config;
        differs = differs || a[k].config != c[k].config;
    }
    EXPECT_TRUE(same);
    EXPECT_TRUE(differs);
}

bench::TrialRecord trial(const bench::BenchConfig& c, int t, double centre, int64_t weights) {
    bench::TrialRecord r;
    r.config = c;
    r.trial = t;
    for (int i = 0; i < 10; ++i) r.samplesMs.push_back(centre * (1.0 + 0.01 * double((i * 7 + t * 3) % 5 - 2)));
    r.weightBytes = weights;
    r.threadsUsed = 2;
    r.peakRssBytes = 100 << 20;
    return r;
}

bench::BenchRun syntheticRun(const bench::Shard& shard) {
    bench::BenchRun run;
    run.machine = {"host", "Test CPU", "avx512_core_vnni", "2.6.3", "0.1.0", true, 2};
    run.spec = twoModels();
    run.shards = {shard};
    run.configs = bench::shardOf(*bench::expandGrid(run.spec), shard);
    for (const auto& c : run.configs)
        for (int t = 0; t < 3; ++t)
            run.trials.push_back(trial(c, t, (c.precision == "fp32" ? 10.0 : 4.0) * double(c.batch) * (1 + 0.02 * t), c.precision == "fp32" ? 4000 : 1000));
    run.complete = true;
    return run;
}

TEST(BenchAnalysis, SpeedUpIntervalTestAndWeightRatio) {
    const bench::BenchRun run = syntheticRun({0, 1});
    const bench::BenchAnalysis a = bench::analyze(run);
    ASSERT_EQ(a.configs.size(), 8u);
    ASSERT_EQ(a.pairs.size(), 4u);
    for (const auto& p : a.pairs) {
        EXPECT_NEAR(p.speedUp, 2.5, 0.1);
        EXPECT_LE(p.ciSpeedUp.low, p.speedUp);
        EXPECT_GE(p.ciSpeedUp.high, p.speedUp);
        EXPECT_GT(p.ciSpeedUp.low, 2.0);
        EXPECT_TRUE(p.welch.valid);
        EXPECT_TRUE(p.significant);
        EXPECT_GE(p.pHolm, p.welch.p);
        EXPECT_NEAR(p.weightRatio, 4.0, 1e-12);
    }
    const auto& b8 = a.configs[2];  // resnet18 fp32 b8: per image, not per batch
    EXPECT_EQ(b8.config.batch, 8);
    EXPECT_NEAR(b8.msPerImage, 10.0 * 1.02, 0.3);
    EXPECT_NEAR(b8.imagesPerSecond, 1000.0 / b8.msPerImage, 1e-9);
    EXPECT_EQ(b8.trials, 3);
    EXPECT_EQ(b8.repeats, 30);
    const std::string md = bench::toMarkdown(run, a);
    EXPECT_NE(md.find("| resnet18 | 8 |"), std::string::npos);
    EXPECT_NE(md.find("Holm"), std::string::npos);
    EXPECT_NE(md.find("| Significant |"), std::string::npos);  // every column has a header
    EXPECT_EQ(md.find("untested |"), std::string::npos);

    // one trial per configuration: no test, and the table says so rather than "n.s."
    bench::BenchRun single = run;
    single.trials.erase(std::remove_if(single.trials.begin(), single.trials.end(), [](const bench::TrialRecord& t) { return t.trial > 0; }),
                        single.trials.end());
    const bench::BenchAnalysis one = bench::analyze(single);
    for (const auto& p : one.pairs) EXPECT_FALSE(p.welch.valid);
    const std::string md1 = bench::toMarkdown(single, one);
    EXPECT_NE(md1.find("| n/a | n/a | untested |"), std::string::npos) << md1;
    EXPECT_EQ(md1.find("n.s. |"), std::string::npos) << md1;
}

TEST(BenchRun, JsonRoundTripAndClearErrors) {
    const bench::BenchRun run = syntheticRun({1, 2});
    auto back = bench::benchRunFromJson(bench::toJson(run), "x/bench.json");
    ASSERT_TRUE(back) << back.status().message();
    EXPECT_EQ(back->trials.size(), run.trials.size());
    EXPECT_EQ(back->configs.size(), run.configs.size());
    EXPECT_EQ(back->shards[0].text(), "1/2");
    EXPECT_EQ(back->trials[5].samplesMs, run.trials[5].samplesMs);
    EXPECT_EQ(bench::toJson(*back), bench::toJson(run));

    auto broken = bench::benchRunFromJson("{\"schema\": \"quantlens.bench/1\", ", "x/bench.json");
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.status().message().find("x/bench.json: not valid JSON"), std::string::npos);
    std::string text = bench::toJson(run);
    text.replace(text.find("\"samples_ms\""), 12, "\"samples_xx\"");
    broken = bench::benchRunFromJson(text, "x/bench.json");
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.status().message().find("trials[0]: 'samples_ms' is missing"), std::string::npos);
}

TEST(BenchMerge, ShardsMergeIntoTheWholeGrid) {
    const bench::BenchRun whole = syntheticRun({0, 1});
    auto merged = bench::mergeRuns({syntheticRun({1, 2}), syntheticRun({0, 2})}, {"b", "a"});
    ASSERT_TRUE(merged) << merged.status().message();
    std::set<std::string> wholeIds, mergedIds;
    for (const auto& c : whole.configs) wholeIds.insert(c.id());
    for (const auto& c : merged->configs) mergedIds.insert(c.id());
    EXPECT_EQ(mergedIds, wholeIds);
    EXPECT_EQ(merged->trials.size(), whole.trials.size());
    EXPECT_TRUE(merged->complete);
    EXPECT_EQ(merged->shards.front().text(), "0/2");
    // the statistics over the merge equal those of the unsharded run (same trials)
    const auto a = bench::analyze(whole), b = bench::analyze(*merged);
    ASSERT_EQ(a.pairs.size(), b.pairs.size());

    // a missing shard leaves the merge incomplete
    EXPECT_FALSE(bench::mergeRuns({syntheticRun({0, 2})}, {"a"})->complete);
    // the same shard twice, another machine, other settings: refused with the folder's name
    auto twice = bench::mergeRuns({syntheticRun({0, 2}), syntheticRun({0, 2})}, {"a", "b"});
    ASSERT_FALSE(twice);
    EXPECT_NE(twice.status().message().find("b: shard 0/2 is given twice"), std::string::npos);
    bench::BenchRun other = syntheticRun({1, 2});
    other.machine.cpuModel = "Other CPU";
    auto mixed = bench::mergeRuns({syntheticRun({0, 2}), other}, {"a", "b"});
    ASSERT_FALSE(mixed);
    EXPECT_NE(mixed.status().message().find("--allow-mixed"), std::string::npos);
    auto allowed = bench::mergeRuns({syntheticRun({0, 2}), other}, {"a", "b"}, {true});
    ASSERT_TRUE(allowed);
    EXPECT_EQ(allowed->otherMachines.size(), 1u);
    bench::BenchRun settings = syntheticRun({1, 2});
    settings.spec.repeat = 5;
    EXPECT_FALSE(bench::mergeRuns({syntheticRun({0, 2}), settings}, {"a", "b"}));
}

}  // namespace
}  // namespace ql
