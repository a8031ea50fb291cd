// The oneDNN plan as a job: cancel and progress while it builds, the thread count it runs
// with on any thread, and per-node output hooks matching the reference executor.
#include <gtest/gtest.h>
#include <dlfcn.h>
#include <omp.h>

#include <cmath>
#include <random>
#include <thread>

#include "core/passes/infer_shapes.h"
#include "core/runtime/executor_factory.h"
#include "core/runtime/planned_executor.h"
#include "core/session/session.h"
#include "importers/onnx/onnx_importer.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;

namespace {
std::shared_ptr<ir::Graph> smallNet() {
    auto g = onnx_io::importOnnxBytes(smallConvNet().bytes(), ".");
    EXPECT_TRUE(g.isOk()) << g.message();
    auto graph = std::make_shared<ir::Graph>(std::move(g).value());
    EXPECT_TRUE(passes::inferShapes(*graph, {2}).isOk());
    return graph;
}

runtime::TensorMap randomInputs(const ir::Graph& g, unsigned seed) {
    runtime::TensorMap m;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-1.f, 1.f);
    for (ir::ValueId id : g.inputs) {
        ir::Tensor t = ir::Tensor::create(ir::DType::F32, g.value(id).dims).value();
        for (int64_t i = 0; i < t.numel(); ++i) t.data<float>()[i] = u(rng);
        m[g.value(id).name] = std::move(t);
    }
    return m;
}

std::shared_ptr<kernels::onednn::Context> context(int threads = 0) {
    kernels::onednn::ContextOptions o;
    o.threads = threads;
    auto c = kernels::onednn::Context::create(o);
    EXPECT_TRUE(c.isOk()) << c.message();
    return c.isOk() ? *c : nullptr;
}
}  // namespace

TEST(OnednnPlan, CancelBeforeBuildReturnsCancelled) {
    CancelToken cancel;
    cancel.cancel();
    auto plan = runtime::OnednnPlan::build(smallNet(), context(), {}, cancel);
    ASSERT_FALSE(plan.isOk());
    EXPECT_TRUE(plan.status().isCancelled()) << plan.message();
    auto executor = runtime::PlannedExecutor::create(smallNet(), context(), {}, cancel);
    ASSERT_FALSE(executor.isOk());
    EXPECT_TRUE(executor.status().isCancelled()) << executor.message();
}

TEST(OnednnPlan, BuildProgressIsMonotonicAndEndsAtOne) {
    std::vector<double> seen;
    auto progress = [&](double f, const std::string& stage) {
        EXPECT_EQ(stage, "plan build");
        seen.push_back(f);
    };
    auto executor = runtime::PlannedExecutor::create(smallNet(), context(), {}, {}, progress);
    ASSERT_TRUE(executor.isOk()) << executor.message();
    ASSERT_GE(seen.size(), 3u);  // one report per node, and the end
    for (size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i], seen[i - 1]);
    EXPECT_GE(seen.front(), 0.0);
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

// omp_set_num_threads is per thread: a plan built with threads=1 on one thread must still run
// with one thread when a worker thread (the GUI's) runs it.
TEST(OnednnPlan, RunAppliesTheConfiguredThreadCountOnTheCallingThread) {
    auto g = smallNet();
    auto plan = runtime::OnednnPlan::build(g, context(1), {});
    ASSERT_TRUE(plan.isOk()) << plan.message();
    const auto in = randomInputs(*g, 1);
    int before = 0, during = 0, after = 0;
    bool ok = false;
    std::thread worker([&] {
        omp_set_num_threads(3);  // whatever this thread had before, it is not the plan's count
        before = omp_get_max_threads();
        runtime::RunOptions ro;
        ro.onStepTimed = [&](size_t, double) { during = omp_get_max_threads(); };
        ok = (*plan)->run(in, ro).isOk();
        after = omp_get_max_threads();
    });
    worker.join();
    ASSERT_TRUE(ok);
    EXPECT_EQ(before, 3);
    EXPECT_EQ(during, 1);
    EXPECT_EQ(after, 1);
}

#ifdef QL_LLVM_OPENMP
// kernels/CMakeLists.txt binds every OpenMP call (oneDNN's GOMP_* included) to LLVM's libomp,
// whose fork and join is ~2.5x faster here; this breaks silently if the link order changes.
TEST(OnednnPlan, OpenMpRunsOnLlvmLibompAsBuilt) {
    EXPECT_EQ(context(2)->facts().openmp, "LLVM libomp");
    Dl_info where{};
    void* gompParallel = dlsym(RTLD_DEFAULT, "GOMP_parallel");  // what libdnnl's parallel regions call
    ASSERT_NE(gompParallel, nullptr);
    ASSERT_NE(dladdr(gompParallel, &where), 0);
    EXPECT_NE(std::string(where.dli_fname).find("libomp"), std::string::npos) << where.dli_fname;
}
#endif

namespace {
// Per-node outputs of an executor run, by output value name (fused nodes keep the name of the
// value they finally produce, so this is how the two graphs line up).
std::map<std::string, ir::Tensor> nodeOutputs(runtime::Executor& e, const ir::Graph& g, const runtime::TensorMap& in, size_t* calls = nullptr) {
    std::map<std::string, ir::Tensor> outs;
    runtime::RunOptions ro;
    ro.hooks.onNodeOutputs = [&](const ir::Node& n, const std::vector<ir::Tensor>& ts) {
        if (calls) ++*calls;
        for (size_t i = 0; i < ts.size() && i < n.outputs.size(); ++i) outs[g.value(n.outputs[i]).name] = ts[i].clone();
    };
    auto r = e.run(in, ro);
    EXPECT_TRUE(r.isOk()) << r.message();
    return outs;
}
}  // namespace

TEST(OnednnPlan, NodeOutputHooksMatchTheReferenceExecutor) {
    auto model = session::loadModel(std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx", {2});
    ASSERT_TRUE(model.isOk()) << model.message();
    const auto in = randomInputs(**model, 3);
    auto ref = runtime::prepareExecutor(*model, {"reference"});
    ASSERT_TRUE(ref.isOk()) << ref.message();
    const auto expected = nodeOutputs(*ref->executor, *ref->graph, in);
    for (const char* layout : {"nchw", "nhwc", "blocked", "auto"}) {
        runtime::ExecutorOptions o;
        o.layout = *runtime::parseLayout(layout);
        auto planned = runtime::prepareExecutor(*model, o);
        ASSERT_TRUE(planned.isOk()) << planned.message();
        size_t calls = 0, nodeSteps = 0;
        const auto got = nodeOutputs(*planned->executor, *planned->graph, in, &calls);
        for (const auto& s : planned->executor->steps()) nodeSteps += !s.inserted;
        EXPECT_EQ(calls, nodeSteps) << layout;  // one call per graph-node step, none for reorders
        ASSERT_FALSE(got.empty());
        for (const auto& [name, t] : got) {
            auto it = expected.find(name);
            ASSERT_NE(it, expected.end()) << name;
            const ir::Tensor& r = it->second;
            ASSERT_EQ(t.dtype(), ir::DType::F32) << name;
            ASSERT_EQ(t.dims(), r.dims()) << name;
            double amax = 1e-6, worst = 0;
            for (int64_t i = 0; i < r.numel(); ++i) amax = std::max(amax, double(std::fabs(r.data<float>()[i])));
            for (int64_t i = 0; i < r.numel(); ++i) worst = std::max(worst, double(std::fabs(t.data<float>()[i] - r.data<float>()[i])));
            EXPECT_LT(worst / amax, 1e-4) << layout << " " << name;
        }
    }
    // int8 outputs come back dequantized to f32, close to the reference (not bit-equal)
    runtime::ExecutorOptions o;
    o.precision = runtime::Precision::Int8;
    o.calibration = {in};
    auto q = runtime::prepareExecutor(*model, o);
    ASSERT_TRUE(q.isOk()) << q.message();
    for (const auto& [name, t] : nodeOutputs(*q->executor, *q->graph, in)) {
        const ir::Tensor& r = expected.at(name);
        ASSERT_EQ(t.dims(), r.dims()) << name;
        double dot = 0, nt = 0, nr = 0;
        for (int64_t i = 0; i < r.numel(); ++i) {
            dot += double(t.data<float>()[i]) * r.data<float>()[i];
            nt += double(t.data<float>()[i]) * t.data<float>()[i];
            nr += double(r.data<float>()[i]) * r.data<float>()[i];
        }
        EXPECT_GT(dot / std::sqrt(nt * nr + 1e-30), 0.99) << "int8 " << name;
    }
}

// oneDNN has no int64 (or bool) type: such a graph input is a buffer of raw bytes that only the
// reference fallback reading it (here a Cast to float) sees, and the plan builds and runs in both
// precisions instead of failing inside oneDNN.
TEST(OnednnPlan, AnInt64InputIsCarriedAsBytesToItsReferenceFallback) {
    OnnxBuilder b;
    b.input("x", {1, 3, 6, 6}, onnx::TensorProto::INT64).output("y");
    std::vector<float> w(4 * 3 * 9);
    for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i * 7 % 11) - 5) * 0.1f;
    b.initializer("w", {4, 3, 3, 3}, w);
    OnnxBuilder::setInt(b.node("Cast", {"x"}, {"xf"}, "cast"), "to", onnx::TensorProto::FLOAT);
    OnnxBuilder::setInts(b.node("Conv", {"xf", "w"}, {"y"}, "conv"), "pads", {1, 1, 1, 1});
    auto g = onnx_io::importOnnxBytes(b.bytes(), ".");
    ASSERT_TRUE(g.isOk()) << g.message();
    auto graph = std::make_shared<ir::Graph>(std::move(g).value());
    ASSERT_TRUE(passes::inferShapes(*graph, {1}).isOk());
    runtime::TensorMap in;
    ir::Tensor x = ir::Tensor::create(ir::DType::S64, {1, 3, 6, 6}).value();
    for (int64_t i = 0; i < x.numel(); ++i) x.data<int64_t>()[i] = i % 9 - 4;
    in["x"] = std::move(x);
    auto ref = runtime::prepareExecutor(graph, {"reference"});
    ASSERT_TRUE(ref.isOk()) << ref.message();
    auto want = ref->executor->run(in);
    ASSERT_TRUE(want.isOk()) << want.message();
    for (auto precision : {runtime::Precision::Fp32, runtime::Precision::Int8}) {
        runtime::ExecutorOptions o;
        o.precision = precision;
        if (precision == runtime::Precision::Int8) o.calibration = {in};
        auto planned = runtime::prepareExecutor(graph, o);
        ASSERT_TRUE(planned.isOk()) << planned.message();
        auto got = planned->executor->run(in);
        ASSERT_TRUE(got.isOk()) << got.message();
        const ir::Tensor &a = got->at("y"), &r = want->at("y");
        ASSERT_EQ(a.dims(), r.dims());
        double worst = 0, amax = 1e-6;
        for (int64_t i = 0; i < r.numel(); ++i) {
            amax = std::max(amax, double(std::fabs(r.data<float>()[i])));
            worst = std::max(worst, double(std::fabs(a.data<float>()[i] - r.data<float>()[i])));
        }
        EXPECT_LT(worst / amax, precision == runtime::Precision::Fp32 ? 1e-5 : 0.05);
    }
}
