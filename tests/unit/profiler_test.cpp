// The profiler's run schedule: executors timed in alternation, with an untimed re-warm run.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include <string>
#include <vector>

#include "core/profile/profiler.h"

namespace ql {
namespace {

// Logs each run by name; its one step reports the run number as its time in ms.
class LoggingExecutor : public runtime::Executor {
public:
    LoggingExecutor(std::string name, std::vector<std::string>& log, int failAt = -1) : name_(std::move(name)), log_(log), failAt_(failAt) {}
    std::string name() const override { return name_; }
    Expected<runtime::TensorMap> run(const runtime::TensorMap&, const runtime::RunOptions& options) override {
        if (runs_++ == failAt_) return Status::internal(name_ + " failed");
        options.onStepTimed(0, double(runs_));  // the profiler keeps it only for a timed run
        log_.push_back(name_);
        return runtime::TensorMap{{"y", ir::Tensor::fromFloats({1}, {float(runs_)})}};
    }
    std::vector<runtime::StepInfo> steps() const override {
        runtime::StepInfo s;
        s.name = name_ + " step";
        return {s};
    }

private:
    std::string name_;
    std::vector<std::string>& log_;
    int failAt_;
    int runs_ = 0;
};

TEST(Profiler, InterleavesBlocksOfTimedRunsInAlternatingOrderEachAfterSettlingRuns) {
    std::vector<std::string> log;
    LoggingExecutor a("A", log), b("B", log);
    auto runs = profile::profileRunsInterleaved({&a, &b}, {}, {/*warmup*/ 1, /*repeat*/ 6, /*settleMs*/ 0});
    ASSERT_TRUE(runs.isOk()) << runs.status().message();
    // warm-up round A B; then blocks of 4 timed runs (the last block shorter), each after 2
    // untimed settling runs of the same executor, the order reversed every block; B, which ran
    // last before the reversal, goes on without settling
    std::vector<std::string> expected = {"A", "B"};
    expected.insert(expected.end(), 2 + 4, "A");
    expected.insert(expected.end(), 2 + 4, "B");
    expected.insert(expected.end(), 2, "B");
    expected.insert(expected.end(), 2 + 2, "A");
    EXPECT_EQ(log, expected);
    ASSERT_EQ(runs->size(), 2u);
    for (const auto& r : *runs) {
        EXPECT_EQ(r.wholeSamplesMs.size(), 6u);
        ASSERT_EQ(r.layers.size(), 1u);
        EXPECT_EQ(r.layers[0].ms.n, 6);
    }
    // A's timed runs are its 4th-7th and 10th-11th: the step times kept are exactly those
    EXPECT_DOUBLE_EQ((*runs)[0].layers[0].ms.min, 4.0);
    EXPECT_DOUBLE_EQ((*runs)[0].layers[0].ms.median, 6.5);
    EXPECT_DOUBLE_EQ((*runs)[0].layers[0].ms.max, 11.0);
    // outputs are the last timed run's
    EXPECT_FLOAT_EQ((*runs)[0].outputs.at("y").data<float>()[0], 11.f);
    EXPECT_EQ((*runs)[0].layers[0].step.name, "A step");
    EXPECT_EQ((*runs)[1].layers[0].step.name, "B step");
}

// Runs that take 2 ms each: settling goes on for settleMs (12 ms), not just the minimum of 2 runs.
class SleepingExecutor : public LoggingExecutor {
public:
    using LoggingExecutor::LoggingExecutor;
    Expected<runtime::TensorMap> run(const runtime::TensorMap& in, const runtime::RunOptions& options) override {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return LoggingExecutor::run(in, options);
    }
};

TEST(Profiler, SettlesEachBlockForTheSettleTime) {
    std::vector<std::string> log;
    SleepingExecutor a("A", log), b("B", log);
    auto runs = profile::profileRunsInterleaved({&a, &b}, {}, {/*warmup*/ 0, /*repeat*/ 4, /*settleMs*/ 12});
    ASSERT_TRUE(runs.isOk());
    const auto aRuns = std::count(log.begin(), log.end(), "A");
    // 4 timed after 12 ms of 2-ms settling runs: 6, fewer when a loaded machine oversleeps, but
    // more than the minimum of 2 unless each sleep takes twice as long as asked
    EXPECT_GE(aRuns, 4 + 3);
    EXPECT_LE(aRuns, 4 + 7);
    EXPECT_EQ((*runs)[0].wholeSamplesMs.size(), 4u);
}

TEST(Profiler, OneExecutorRunsWarmupThenTimedRunsWithoutRewarm) {
    std::vector<std::string> log;
    LoggingExecutor a("A", log);
    auto run = profile::profileRuns(a, {}, {2, 4});
    ASSERT_TRUE(run.isOk());
    EXPECT_EQ(log.size(), 6u);
    EXPECT_EQ(run->wholeSamplesMs.size(), 4u);
    EXPECT_DOUBLE_EQ(run->layers[0].ms.min, 3.0);
}

TEST(Profiler, AFailingRunStopsTheProfileWithItsMessage) {
    std::vector<std::string> log;
    LoggingExecutor a("A", log), b("B", log, /*failAt*/ 2);
    auto runs = profile::profileRunsInterleaved({&a, &b}, {}, {1, 3});
    ASSERT_FALSE(runs.isOk());
    EXPECT_NE(runs.status().message().find("B failed"), std::string::npos);
}

TEST(Profiler, CancelStopsBetweenRuns) {
    std::vector<std::string> log;
    LoggingExecutor a("A", log), b("B", log);
    CancelToken cancel;
    cancel.cancel();
    auto runs = profile::profileRunsInterleaved({&a, &b}, {}, {1, 3}, cancel);
    ASSERT_FALSE(runs.isOk());
    EXPECT_TRUE(runs.status().isCancelled());
    EXPECT_TRUE(log.empty());
}

}  // namespace
}  // namespace ql
