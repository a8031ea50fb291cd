// Every pass on a tiny graph: the rewrite happens, provenance is kept, outputs do not change.
#include <gtest/gtest.h>

#include <random>

#include "core/passes/infer_shapes.h"
#include "core/passes/pass_manager.h"
#include "core/runtime/reference_executor.h"
#include "core/session/session.h"
#include "importers/onnx/onnx_importer.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;

namespace {
ir::Tensor randomInput(ir::Dims dims, unsigned seed) {
    ir::Tensor t = ir::Tensor::create(ir::DType::F32, std::move(dims)).value();
    std::mt19937 rng(seed);
    std::normal_distribution<float> n;
    for (int64_t i = 0; i < t.numel(); ++i) t.data<float>()[i] = n(rng);
    return t;
}

ir::Tensor runRef(std::shared_ptr<ir::Graph> g, const ir::Tensor& x) {
    auto ex = runtime::ReferenceExecutor::create(g);
    EXPECT_TRUE(ex.isOk()) << ex.message();
    auto out = (*ex)->run({{g->value(g->inputs[0]).name, x}});
    EXPECT_TRUE(out.isOk()) << out.message();
    return out->begin()->second;
}

float maxDiff(const ir::Tensor& a, const ir::Tensor& b) {
    float d = 0;
    for (int64_t i = 0; i < a.numel(); ++i) d = std::max(d, std::fabs(a.data<float>()[i] - b.data<float>()[i]));
    return d;
}

// x -> Conv -> BN -> Add(x) -> Relu -> y  (Conv keeps shape: 2 channels, pad 1)
std::shared_ptr<ir::Graph> convBnAddRelu() {
    OnnxBuilder b;
    std::vector<float> w(2 * 2 * 9);
    for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i % 5) - 2) * 0.3f;
    b.input("x", {1, 2, 5, 5}).output("y").initializer("w", {2, 2, 3, 3}, w);
    b.initializer("g", {2}, {1.5f, 0.5f}).initializer("beta", {2}, {0.1f, -0.2f}).initializer("mu", {2}, {0.3f, -0.1f}).initializer("var", {2}, {2.f, 0.5f});
    auto& conv = b.node("Conv", {"x", "w"}, {"c"}, "conv");
    OnnxBuilder::setInts(conv, "pads", {1, 1, 1, 1});
    b.node("BatchNormalization", {"c", "g", "beta", "mu", "var"}, {"n"}, "bn");
    b.node("Add", {"n", "x"}, {"s"}, "add");
    b.node("Relu", {"s"}, {"r"}, "relu");
    b.node("Identity", {"r"}, {"y"}, "id");  // graph output: must survive
    return importGraph(b);
}
}  // namespace

TEST(Passes, EachFusionFiresOnceKeepsProvenanceAndOutputs) {
    auto g = convBnAddRelu();
    ir::Tensor x = randomInput({1, 2, 5, 5}, 1);
    ir::Tensor before = runRef(g, x);
    auto records = passes::runPasses(*g, passes::fusionPipeline());
    ASSERT_TRUE(records.isOk()) << records.message();
    ASSERT_EQ(records->size(), passes::fusionPipeline().size());
    auto changes = [&](const std::string& pass) {
        for (const auto& r : *records)
            if (r.pass == pass) return r.changes.size();
        ADD_FAILURE() << "no pass " << pass;
        return size_t(0);
    };
    EXPECT_EQ(changes("eliminate-identities"), 0u);  // the Identity feeds the graph output
    EXPECT_EQ(changes("fold-qdq"), 0u);              // no QuantizeLinear
    EXPECT_EQ(changes("fold-pad"), 0u);              // no Pad
    EXPECT_EQ(changes("fold-batchnorm"), 1u);
    EXPECT_EQ(changes("batchnorm-to-conv"), 0u);     // the BN folded: none left to turn into a conv
    EXPECT_EQ(changes("reuse-concat-prefix"), 0u);   // no Concat
    EXPECT_EQ(changes("fuse-conv-add"), 1u);
    EXPECT_EQ(changes("fuse-conv-activation"), 1u);
    EXPECT_EQ(g->liveNodeCount(), 2u);
    const ir::Node& fused = g->node(*g->findNode("conv"));
    EXPECT_EQ(fused.opType, "FusedConv");
    EXPECT_EQ(fused.attrs.getString("activation"), "Relu");
    EXPECT_EQ(fused.fusedFrom.size(), 4u);  // conv, bn, add, relu
    EXPECT_LT(maxDiff(before, runRef(g, x)), 1e-5f);
}

TEST(Passes, NoFusionAcrossSharedValues) {
    // the conv output feeds both BN and a graph output: nothing may fold
    OnnxBuilder b;
    b.input("x", {1, 1, 3, 3}).output("c").output("n").initializer("w", {1, 1, 1, 1}, {2.f});
    b.initializer("g", {1}, {1.f}).initializer("beta", {1}, {0.f}).initializer("mu", {1}, {0.f}).initializer("var", {1}, {1.f});
    b.node("Conv", {"x", "w"}, {"c"}, "conv");
    b.node("BatchNormalization", {"c", "g", "beta", "mu", "var"}, {"n"}, "bn");
    auto g = onnx_io::importOnnxBytes(b.bytes(), ".");
    ASSERT_TRUE(g.isOk());
    ASSERT_TRUE(passes::inferShapes(*g).isOk());
    std::vector<std::string> changes;
    ASSERT_TRUE(passes::foldBatchNorm(*g, changes).isOk());
    EXPECT_TRUE(changes.empty());
    EXPECT_EQ(g->liveNodeCount(), 2u);
}

TEST(Passes, BundledModelFusesToTwelveNodesWithSameLogits) {
    auto loaded = session::loadModel(std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx", {2});
    ASSERT_TRUE(loaded.isOk()) << loaded.message();
    auto g = *loaded;
    ir::Tensor x = randomInput({2, 1, 28, 28}, 2);
    ir::Tensor before = runRef(g, x);
    ASSERT_EQ(g->liveNodeCount(), 33u);
    auto records = passes::runPasses(*g, passes::fusionPipeline());
    ASSERT_TRUE(records.isOk()) << records.message();
    EXPECT_EQ(g->liveNodeCount(), 12u);  // 9 FusedConv + GlobalAveragePool + Flatten + Gemm
    EXPECT_LT(maxDiff(before, runRef(g, x)), 1e-4f);
}

TEST(Passes, ZeroPadFoldsIntoAveragePoolAndConvButNotMaxPool) {
    for (const std::string consumer : {"AveragePool", "Conv", "MaxPool"}) {
        OnnxBuilder b(13);
        b.input("x", {1, 2, 6, 6}).output("y").initializerInts("pads", {8}, {0, 0, 1, 2, 0, 0, 1, 0});
        b.node("Pad", {"x", "pads"}, {"p"}, "pad");
        if (consumer == "Conv") {
            b.initializer("w", {3, 2, 3, 3}, std::vector<float>(54, 0.25f));
            b.node("Conv", {"p", "w"}, {"y"}, "next");
        } else {
            auto& pool = b.node(consumer, {"p"}, {"y"}, "next");
            OnnxBuilder::setInts(pool, "kernel_shape", {3, 3});
        }
        auto g0 = onnx_io::importOnnxBytes(b.bytes(), ".");
        ASSERT_TRUE(g0.isOk()) << g0.message();
        auto g = std::make_shared<ir::Graph>(std::move(g0).value());
        ASSERT_TRUE(passes::inferShapes(*g).isOk());
        ir::Tensor x = randomInput({1, 2, 6, 6}, 4);
        ir::Tensor before = runRef(g, x);
        std::vector<std::string> changes;
        ASSERT_TRUE(passes::foldPad(*g, changes).isOk());
        EXPECT_EQ(changes.size(), consumer == "MaxPool" ? 0u : 1u) << consumer;
        ASSERT_TRUE(g->verify().isOk());
        ir::Tensor after = runRef(g, x);
        ASSERT_EQ(after.dims(), before.dims());
        EXPECT_LT(maxDiff(before, after), 1e-5f) << consumer;
    }
}
