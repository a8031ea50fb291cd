// The session layer: run configs survive JSON, every long stage stops on cancel from another
// thread within 100 ms and says "cancelled", progress is monotonic and ends at 1.0, and two
// sessions run at once on two threads without sharing state.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include "core/session/inputs.h"
#include "core/session/workflows.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {
const std::string kModel = std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx";

// Records progress; fires `onStart` once when the fraction first passes `startAt`.
struct ProgressLog {
    std::mutex m;
    std::vector<double> fractions;
    std::vector<std::string> stages;
    double startAt = 0.0;
    std::promise<void> started;
    bool fired = false;
    ProgressFn fn() {
        return [this](double f, const std::string& stage) {
            std::lock_guard<std::mutex> lock(m);
            fractions.push_back(f);
            stages.push_back(stage);
            if (!fired && f >= startAt) {
                fired = true;
                started.set_value();
            }
        };
    }
    bool monotonic() {
        for (size_t i = 1; i < fractions.size(); ++i)
            if (fractions[i] < fractions[i - 1]) return false;
        return true;
    }
};

// Runs `work(job)` on this thread while another thread cancels once progress passes `startAt`;
// returns the work's status and the milliseconds from cancel() to the work's return.
template <typename Work>
std::pair<Status, double> cancelMidway(double startAt, Work work) {
    ProgressLog log;
    log.startAt = startAt;
    session::Job job{CancelToken{}, log.fn()};
    std::atomic<int64_t> cancelledAt{0};
    auto started = log.started.get_future();
    std::thread canceller([&] {
        if (started.wait_for(std::chrono::seconds(60)) != std::future_status::ready) return;
        cancelledAt = Clock::now().time_since_epoch().count();
        job.cancel.cancel();
    });
    Status st = work(job);
    const int64_t returned = Clock::now().time_since_epoch().count();
    if (!log.fired) {  // finished without ever reaching the start mark: let the canceller go
        log.started.set_value();
    }
    canceller.join();
    const double ms = cancelledAt ? double(returned - cancelledAt) / 1e6 : -1;
    return {st, ms};
}

// A long chain of cheap nodes: import and shape inference take a while, each step is short.
fs::path longChainModel(const fs::path& dir, int nodes) {
    OnnxBuilder b;
    b.input("x", {-1, 64}).output("y" + std::to_string(nodes));
    std::string prev = "x";
    for (int i = 1; i <= nodes; ++i) {
        const std::string out = "y" + std::to_string(i);
        b.node(i % 2 ? "Relu" : "Sigmoid", {prev}, {out}, "n" + std::to_string(i));
        prev = out;
    }
    return b.save(dir, "chain.onnx");
}

// Many small convolutions: the oneDNN plan build creates one primitive each.
fs::path manyConvsModel(const fs::path& dir, int convs) {
    OnnxBuilder b;
    b.input("x", {-1, 8, 16, 16}).output("c" + std::to_string(convs));
    std::vector<float> w(8 * 8 * 3 * 3, 0.01f);
    std::string prev = "x";
    for (int i = 1; i <= convs; ++i) {
        const std::string out = "c" + std::to_string(i), wn = "w" + std::to_string(i);
        b.initializer(wn, {8, 8, 3, 3}, w);
        auto& n = b.node("Conv", {prev, wn}, {out}, "conv" + std::to_string(i));
        OnnxBuilder::setInts(n, "pads", {1, 1, 1, 1});
        prev = out;
    }
    return b.save(dir, "convs.onnx");
}

session::RunConfig quickConfig() {
    session::RunConfig c;
    c.threads = 1;
    c.warmup = 1;
    c.repeat = 3;
    return c;
}
}  // namespace

TEST(RunConfig, SurvivesAJsonRoundTrip) {
    session::RunConfig c;
    c.precisions = {runtime::Precision::Int8};
    c.executor = "eager";
    c.layout = runtime::Layout::Nhwc;
    c.threads = 3;
    c.batch = 16;
    c.maxIsa = "avx2";
    c.asymmetricActivations = true;
    c.sevenBitActivations = false;
    c.calibration.samples = 512;
    c.calibration.method = "percentile";
    c.calibration.percentile = 99.9;
    c.calibration.perTensorWeights = true;
    c.calibration.table = "tables/model.calib.json";
    c.fp32Fallback = {"conv1", "Gemm"};
    c.warmup = 7;
    c.repeat = 42;
    c.seed = 1234567890123ull;
    auto back = session::runConfigFromJson(session::toJson(c));
    ASSERT_TRUE(back.isOk()) << back.message();
    EXPECT_EQ(*back, c);
    EXPECT_NE(c, session::RunConfig{});
    auto defaults = session::runConfigFromJson(session::toJson(session::RunConfig{}));
    ASSERT_TRUE(defaults.isOk());
    EXPECT_EQ(*defaults, session::RunConfig{});
}

TEST(RunConfig, BadJsonNamesTheSourceAndTheKey) {
    auto broken = session::runConfigFromJson("{\"batch\": 4,", "my.json");
    ASSERT_FALSE(broken.isOk());
    EXPECT_NE(broken.message().find("my.json: not valid JSON"), std::string::npos) << broken.message();
    auto unknown = session::runConfigFromJson("{\"btach\": 4}", "my.json");
    EXPECT_NE(unknown.message().find("unknown key 'btach'"), std::string::npos) << unknown.message();
    auto wrongType = session::runConfigFromJson("{\"threads\": \"two\"}", "my.json");
    EXPECT_NE(wrongType.message().find("'threads' has the wrong type"), std::string::npos) << wrongType.message();
    auto outOfRange = session::runConfigFromJson("{\"batch\": 0}", "my.json");
    EXPECT_NE(outOfRange.message().find("batch must be between"), std::string::npos) << outOfRange.message();
    for (const char* m : {"minmax", "entropy", "percentile", "mse"}) {
        auto method = session::runConfigFromJson(std::string("{\"calibration\": {\"method\": \"") + m + "\"}}");
        EXPECT_TRUE(method.isOk()) << m << ": " << method.message();
    }
    auto method = session::runConfigFromJson("{\"calibration\": {\"method\": \"kl\"}}", "my.json");
    EXPECT_NE(method.message().find("unknown calibration method 'kl'"), std::string::npos) << method.message();
    auto percentile = session::runConfigFromJson("{\"calibration\": {\"percentile\": 120}}", "my.json");
    EXPECT_NE(percentile.message().find("percentile must be in (0, 100]"), std::string::npos) << percentile.message();
    auto perTensor = session::runConfigFromJson("{\"calibration\": {\"per_tensor_weights\": 1}}", "my.json");
    EXPECT_NE(perTensor.message().find("'per_tensor_weights' has the wrong type"), std::string::npos) << perTensor.message();
}

TEST(Session, OpenKeepsASnapshotAfterEveryPassWithStructuredRecords) {
    ProgressLog log;
    auto s = session::Session::open(kModel, {1, {}, log.fn()});
    ASSERT_TRUE(s.isOk()) << s.message();
    const auto& passes = (*s)->passes();
    ASSERT_EQ(passes.size(), passes::fusionPipeline().size());
    EXPECT_EQ((*s)->original()->liveNodeCount(), 33u);
    EXPECT_EQ((*s)->fused()->liveNodeCount(), 12u);
    size_t removed = 0, fusions = 0;
    for (const auto& p : passes) {
        EXPECT_EQ(p.graph->liveNodeCount(), p.record.nodesAfter) << p.record.pass;
        EXPECT_EQ(p.record.nodesBefore - p.record.nodesAfter, p.record.removed.size() - p.record.created.size()) << p.record.pass;
        removed += p.record.removed.size();
        fusions += p.record.fusions.size();
        for (const auto& f : p.record.fusions) EXPECT_FALSE(f.absorbed.empty());
    }
    EXPECT_EQ(removed, 21u);
    EXPECT_GT(fusions, 0u);
    // the BN fold records what it folded into which conv
    const auto bnAt = std::find_if(passes.begin(), passes.end(), [](const auto& p) { return p.record.pass == "fold-batchnorm"; });
    ASSERT_NE(bnAt, passes.end());
    const auto& bn = *bnAt;
    ASSERT_FALSE(bn.record.fusions.empty());
    const ir::Node& conv = bn.graph->node(bn.record.fusions[0].into);
    EXPECT_EQ(conv.opType, "Conv");
    EXPECT_EQ((*s)->original()->node(bn.record.fusions[0].absorbed[0]).opType, "BatchNormalization");
    EXPECT_TRUE(log.monotonic());
    ASSERT_FALSE(log.fractions.empty());
    EXPECT_DOUBLE_EQ(log.fractions.back(), 1.0);
    // another batch re-derives from the imported graph
    auto b4 = (*s)->withBatch(4);
    ASSERT_TRUE(b4.isOk()) << b4.message();
    EXPECT_EQ((*b4)->original()->value((*b4)->original()->inputs[0]).dims[0], 4);
    EXPECT_EQ((*s)->original()->value((*s)->original()->inputs[0]).dims[0], 1);
}

// A model whose input declares its batch (torch.onnx.export without dynamic_axes) runs at that
// batch only: another is an error naming the file, the input and the batch to use, where it
// used to run batch 1 and report the asked-for batch.
TEST(Session, AModelThatFixesItsBatchRunsAtItOrSaysWhichToUse) {
    const fs::path dir = tempDir("session-fixed-batch");
    const fs::path model = smallConvNet(1).save(dir, "fixed1.onnx");
    session::OpenOptions o;
    o.batch = 4;
    auto refused = session::Session::open(model, o);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find(model.string() + ": the model fixes its batch at 1 (input 'x' is [1,1,8,8]), so it cannot run at batch 4: use batch 1"),
              std::string::npos)
        << refused.message();
    o.batchFollowsModel = true;
    auto s = session::Session::open(model, o);
    ASSERT_TRUE(s) << s.message();
    EXPECT_EQ((*s)->batch(), 1);
    EXPECT_EQ((*s)->fixedBatch(), std::optional<int64_t>(1));
    EXPECT_FALSE((*s)->withBatch(4));
    // every workflow derives its batch through the session, so a profile "at batch 4" is refused too
    auto inputs = session::completeWithRandom(*(*s)->original(), {}, 1);
    ASSERT_TRUE(inputs);
    session::RunConfig config;
    config.batch = 4;
    config.warmup = 0;
    config.repeat = 1;
    auto profiled = session::profileModel(**s, config, session::ProfileRequest{*inputs});
    ASSERT_FALSE(profiled);
    EXPECT_NE(profiled.status().message().find("fixes its batch at 1"), std::string::npos) << profiled.status().message();
    config.batch = 1;
    EXPECT_TRUE(session::profileModel(**s, config, session::ProfileRequest{*inputs}));
    // only batched data decides: an integer shape operand listed first ([4]) does not
    {
        OnnxBuilder b;
        b.input("shape", {2}, onnx::TensorProto::INT64).input("x", {1, 2, 3, 4}).output("y");
        b.node("Reshape", {"x", "shape"}, {"y"}, "reshape");
        auto g = session::importModel(b.save(dir, "operand_first.onnx"));
        ASSERT_TRUE(g) << g.message();
        auto f = session::fixedBatchOf(**g);
        ASSERT_TRUE(f);
        EXPECT_EQ(f->batch, 1);
        EXPECT_EQ(f->input, "x");
    }
    // a symbolic batch follows the request
    auto dynamic = session::Session::open(smallConvNet().save(dir, "dynamic.onnx"), o);
    ASSERT_TRUE(dynamic) << dynamic.message();
    EXPECT_EQ((*dynamic)->batch(), 4);
    EXPECT_FALSE((*dynamic)->fixedBatch());
    fs::remove_all(dir);
}

TEST(Session, CancelStopsImportWithin100ms) {
    const fs::path dir = tempDir("session-cancel-import");
    const fs::path model = longChainModel(dir, 100000);
    auto [st, ms] = cancelMidway(0.01, [&](const session::Job& job) {
        return session::Session::open(model, {1, job.cancel, job.progress}).status();
    });
    RecordProperty("cancel_to_return_ms", std::to_string(ms));
    EXPECT_TRUE(st.isCancelled()) << st.message();
    EXPECT_NE(st.message().find("cancelled"), std::string::npos);
    EXPECT_GE(ms, 0);
    EXPECT_LT(ms, 100);
    fs::remove_all(dir);
}

TEST(Session, CancelStopsPlanBuildWithin100ms) {
    const fs::path dir = tempDir("session-cancel-plan");
    auto s = session::Session::open(manyConvsModel(dir, 400));
    ASSERT_TRUE(s.isOk()) << s.message();
    auto inputs = session::completeWithRandom(*(*s)->original(), {}, 1);
    ASSERT_TRUE(inputs.isOk());
    session::RunConfig config = quickConfig();
    config.precisions = {runtime::Precision::Fp32};
    // the plan build takes fractions 0.19 to 0.335 of a one-precision profile
    auto [st, ms] = cancelMidway(0.2, [&](const session::Job& job) {
        return session::profileModel(**s, config, {*inputs, false}, job).status();
    });
    EXPECT_TRUE(st.isCancelled()) << st.message();
    EXPECT_NE(st.message().find("plan build"), std::string::npos) << st.message();
    EXPECT_GE(ms, 0);
    EXPECT_LT(ms, 100);
    fs::remove_all(dir);
}

TEST(Session, CancelStopsAProfileWithin100ms) {
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s.isOk()) << s.message();
    auto inputs = session::completeWithRandom(*(*s)->original(), {}, 1);
    session::RunConfig config = quickConfig();
    config.repeat = 100000;
    auto [st, ms] = cancelMidway(0.2, [&](const session::Job& job) {
        return session::profileModel(**s, config, {*inputs, false}, job).status();
    });
    EXPECT_TRUE(st.isCancelled()) << st.message();
    EXPECT_GE(ms, 0);
    EXPECT_LT(ms, 100);
}

TEST(Session, CancelStopsAnEvalWithin100ms) {
    auto s = session::Session::open(kModel, {100});
    ASSERT_TRUE(s.isOk()) << s.message();
    session::RunConfig config = quickConfig();
    config.batch = 100;
    config.precisions = {runtime::Precision::Fp32};
    auto [st, ms] = cancelMidway(0.25, [&](const session::Job& job) { return session::evaluateModel(**s, config, {}, job).status(); });
    EXPECT_TRUE(st.isCancelled()) << st.message();
    EXPECT_GE(ms, 0);
    EXPECT_LT(ms, 100);
}

TEST(Session, ProfileProgressIsMonotonicAndEndsAtOne) {
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s.isOk()) << s.message();
    auto inputs = session::completeWithRandom(*(*s)->original(), {}, 1);
    ProgressLog log;
    auto r = session::profileModel(**s, quickConfig(), {*inputs, false}, {{}, log.fn()});
    ASSERT_TRUE(r.isOk()) << r.message();
    EXPECT_TRUE(log.monotonic());
    EXPECT_DOUBLE_EQ(log.fractions.back(), 1.0);
    EXPECT_GT(log.fractions.size(), 8u);
    ASSERT_EQ((*r)->runs.size(), 2u);
    EXPECT_TRUE((*r)->runs[0].profile.outputs.empty());  // outputs only on request
    ASSERT_EQ((*r)->agreement.size(), 1u);
    EXPECT_TRUE((*r)->agreement[0].sameArgmax);
    for (const auto& l : (*r)->runs[0].profile.layers) EXPECT_TRUE(l.step.node.valid()) << l.step.name;
}

TEST(Session, TwoSessionsRunAtOnceOnTwoThreadsWithoutSharingState) {
    // The same work alone, then twice at once: the results must be identical.
    auto work = [](uint64_t seed) -> Expected<runtime::TensorMap> {
        QL_ASSIGN(auto s, session::Session::open(kModel, {2}));
        QL_ASSIGN(auto inputs, session::completeWithRandom(*s->original(), {}, seed));
        session::RunConfig config = quickConfig();
        config.batch = 2;
        QL_ASSIGN(auto r, session::profileModel(*s, config, {inputs, true}));
        if (r->runs.size() != 2 || r->agreement.size() != 1) return Status::internal("incomplete result");
        runtime::TensorMap both;
        for (const auto& run : r->runs)
            for (const auto& [name, t] : run.profile.outputs) both[runtime::precisionName(run.precision) + name] = t;
        return both;
    };
    auto aloneA = work(11), aloneB = work(22);
    ASSERT_TRUE(aloneA.isOk() && aloneB.isOk()) << aloneA.message() << aloneB.message();
    auto a = std::async(std::launch::async, work, 11);
    auto b = std::async(std::launch::async, work, 22);
    auto ra = a.get(), rb = b.get();
    ASSERT_TRUE(ra.isOk()) << ra.message();
    ASSERT_TRUE(rb.isOk()) << rb.message();
    for (auto [alone, together] : {std::pair{&*aloneA, &*ra}, std::pair{&*aloneB, &*rb}}) {
        ASSERT_EQ(alone->size(), 2u);
        for (const auto& [name, t] : *alone) EXPECT_EQ(t.toFloatVector(), together->at(name).toFloatVector()) << name;
    }
    EXPECT_NE(aloneA->begin()->second.toFloatVector(), aloneB->begin()->second.toFloatVector());
}

TEST(Session, CalibrationReportsProgressPerBatchAndCancels) {
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s.isOk()) << s.message();
    session::RunConfig config = quickConfig();
    config.calibration.method = "mse";
    config.calibration.samples = 96;  // 2 batches of 48
    ProgressLog log;
    auto t = session::calibrateModel(**s, config, {}, {{}, log.fn()});
    ASSERT_TRUE(t.isOk()) << t.message();
    EXPECT_TRUE(log.monotonic());
    EXPECT_DOUBLE_EQ(log.fractions.back(), 1.0);
    EXPECT_EQ(t->samples, 96);
    EXPECT_EQ(t->ranges.count("input"), 1u);
    EXPECT_EQ(quant::calibrationMethodName(t->observer.method), "mse");
    // a table survives its JSON round trip
    auto back = session::calibrationTableFromJson(session::toJson(*t), "t.json");
    ASSERT_TRUE(back.isOk()) << back.message();
    EXPECT_EQ(back->ranges.size(), t->ranges.size());
    for (const auto& [name, r] : t->ranges) {
        EXPECT_EQ(back->ranges.at(name).min, r.min) << name;
        EXPECT_EQ(back->ranges.at(name).max, r.max) << name;
    }
    EXPECT_TRUE(session::checkTableAgainst(*back, *(*s)->fused(), "t.json").isOk());

    config.calibration.samples = 3200;  // 50 batches: the mark at 0.1 comes after a few
    auto [st, ms] = cancelMidway(0.1, [&](const session::Job& job) { return session::calibrateModel(**s, config, {}, job).status(); });
    EXPECT_TRUE(st.isCancelled()) << st.message();
    EXPECT_GE(ms, 0);
    EXPECT_LT(ms, 500);  // the executor checks cancel per node
}
