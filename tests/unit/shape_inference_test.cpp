#include <gtest/gtest.h>

#include "core/ops/op_registry.h"
#include "core/passes/infer_shapes.h"

using namespace ql;
using namespace ql::ir;

namespace {
// Infers one node from input shapes; returns output 0's dims or the error.
Expected<Dims> infer1(const std::string& op, std::vector<Dims> shapes, Attributes attrs = {},
                      std::vector<const Tensor*> values = {}, int64_t opset = 13) {
    Node n;
    n.name = "n";
    n.opType = op;
    n.attrs = std::move(attrs);
    n.outputs = {ValueId{0}};
    ops::InferContext c{n, opset, {}, {}};
    for (size_t i = 0; i < shapes.size(); ++i) {
        const Tensor* v = i < values.size() ? values[i] : nullptr;
        c.inputs.push_back({true, v ? v->dtype() : DType::F32, shapes[i], v, {}});
        n.inputs.push_back(ValueId{int32_t(i)});
    }
    Status st = ops::inferNode(c);
    if (!st) return st;
    return c.outputs[0].dims;
}

Attributes ints(std::initializer_list<std::pair<std::string, std::vector<int64_t>>> kv) {
    Attributes a;
    for (auto& [k, v] : kv) a.set(k, v);
    return a;
}
}  // namespace

TEST(ShapeInference, ConvStridesPadsDilations) {
    auto d = infer1("Conv", {{1, 3, 224, 224}, {64, 3, 7, 7}}, ints({{"strides", {2, 2}}, {"pads", {3, 3, 3, 3}}}));
    ASSERT_TRUE(d.isOk()) << d.message();
    EXPECT_EQ(*d, (Dims{1, 64, 112, 112}));
    auto dil = infer1("Conv", {{1, 8, 10, 10}, {8, 8, 3, 3}}, ints({{"dilations", {2, 2}}}));
    EXPECT_EQ(*dil, (Dims{1, 8, 6, 6}));
}

TEST(ShapeInference, DepthwiseAndSameUpperAutoPad) {
    Attributes a = ints({{"strides", {2, 2}}});
    a.set("group", int64_t(32));
    a.set("auto_pad", std::string("SAME_UPPER"));
    auto d = infer1("Conv", {{1, 32, 15, 15}, {32, 1, 3, 3}}, a);
    ASSERT_TRUE(d.isOk()) << d.message();
    EXPECT_EQ(*d, (Dims{1, 32, 8, 8}));
}

TEST(ShapeInference, ConvErrorsNameTheReason) {
    auto zero = infer1("Conv", {{1, 3, 8, 8}, {4, 3, 3, 3}}, ints({{"strides", {0, 1}}}));
    ASSERT_FALSE(zero.isOk());
    EXPECT_NE(zero.message().find("stride 0"), std::string::npos);
    Attributes g;
    g.set("group", int64_t(2));
    auto group = infer1("Conv", {{1, 3, 8, 8}, {4, 1, 3, 3}}, g);
    ASSERT_FALSE(group.isOk());
    EXPECT_NE(group.message().find("does not divide"), std::string::npos);
    auto rank = infer1("Conv", {{1, 3, 8, 8}, {4, 3, 3}});
    ASSERT_FALSE(rank.isOk());
    EXPECT_NE(rank.message().find("rank 3"), std::string::npos);
    EXPECT_NE(rank.message().find("node 'n' (Conv)"), std::string::npos);
}

TEST(ShapeInference, PoolingCeilModeAndGlobal) {
    Attributes a = ints({{"kernel_shape", {3, 3}}, {"strides", {2, 2}}});
    a.set("ceil_mode", int64_t(1));
    EXPECT_EQ(*infer1("MaxPool", {{1, 64, 112, 112}}, a), (Dims{1, 64, 56, 56}));
    EXPECT_EQ(*infer1("MaxPool", {{1, 1, 6, 6}}, a), (Dims{1, 1, 3, 3}));
    EXPECT_EQ(*infer1("GlobalAveragePool", {{2, 8, 7, 7}}), (Dims{2, 8, 1, 1}));
}

TEST(ShapeInference, BroadcastingAndItsFailure) {
    EXPECT_EQ(*infer1("Add", {{2, 1, 4}, {3, 1}}), (Dims{2, 3, 4}));
    auto bad = infer1("Mul", {{2, 3}, {4}});
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.message().find("cannot be broadcast"), std::string::npos);
}

TEST(ShapeInference, ReshapeResolvesZeroAndMinusOne) {
    Tensor shape = Tensor::fromInt64s({3}, {0, -1, 2});
    EXPECT_EQ(*infer1("Reshape", {{2, 3, 4}, {3}}, {}, {nullptr, &shape}), (Dims{2, 6, 2}));
    Tensor bad = Tensor::fromInt64s({2}, {5, -1});
    EXPECT_FALSE(infer1("Reshape", {{2, 3, 4}, {2}}, {}, {nullptr, &bad}).isOk());
    auto unknown = infer1("Reshape", {{2, 3, 4}, {3}});
    ASSERT_FALSE(unknown.isOk());
    EXPECT_NE(unknown.message().find("must be a constant"), std::string::npos);
}

TEST(ShapeInference, GemmMatMulFlattenTranspose) {
    Attributes t;
    t.set("transB", int64_t(1));
    EXPECT_EQ(*infer1("Gemm", {{4, 512}, {1000, 512}, {1000}}, t), (Dims{4, 1000}));
    EXPECT_EQ(*infer1("MatMul", {{2, 3, 4}, {4}}), (Dims{2, 3}));
    EXPECT_EQ(*infer1("MatMul", {{5, 1, 3, 4}, {2, 4, 6}}), (Dims{5, 2, 3, 6}));
    EXPECT_EQ(*infer1("Flatten", {{2, 3, 4, 5}}), (Dims{2, 60}));
    EXPECT_EQ(*infer1("Transpose", {{2, 3, 4}}, ints({{"perm", {0, 2, 1}}})), (Dims{2, 4, 3}));
    EXPECT_FALSE(infer1("Transpose", {{2, 3, 4}}, ints({{"perm", {0, 0, 1}}})).isOk());
}

TEST(ShapeInference, OpsetDecidesAttributeOrInput) {
    // Squeeze-11 takes axes as an attribute, Squeeze-13 as an input
    EXPECT_EQ(*infer1("Squeeze", {{1, 3, 1}}, ints({{"axes", {0}}}), {}, 11), (Dims{3, 1}));
    Tensor axes = Tensor::fromInt64s({1}, {2});
    EXPECT_EQ(*infer1("Squeeze", {{1, 3, 1}, {1}}, {}, {nullptr, &axes}, 13), (Dims{1, 3}));
    EXPECT_EQ(*infer1("Unsqueeze", {{3}}, ints({{"axes", {0, 2}}}), {}, 11), (Dims{1, 3, 1}));
}

TEST(InferShapesPass, FoldsExporterShapeArithmeticWithSymbolicBatch) {
    // x[N,2,3] -> Shape -> Gather(0) -> Unsqueeze -> Concat(-1) -> Reshape(x): [N, 6]
    Graph g;
    ValueId x = g.addValue("x", DType::F32, {-1, 2, 3});
    g.value(x).dimParams = {"N", "", ""};
    g.batchSymbol = "N";
    g.inputs = {x};
    g.opsetVersion = 13;
    ValueId shape = g.addValue("shape"), n = g.addValue("n"), n1 = g.addValue("n1"), target = g.addValue("target"), y = g.addValue("y");
    ValueId zero = g.addConstant("zero", Tensor::fromInt64s({}, {0}));
    ValueId axes = g.addConstant("axes", Tensor::fromInt64s({1}, {0}));
    ValueId minus1 = g.addConstant("minus1", Tensor::fromInt64s({1}, {-1}));
    g.addNode("Shape", "shape", {x}, {shape});
    g.addNode("Gather", "gather", {shape, zero}, {n});
    g.addNode("Unsqueeze", "unsq", {n, axes}, {n1});
    Attributes cat;
    cat.set("axis", int64_t(0));
    g.addNode("Concat", "concat", {n1, minus1}, {target}, cat);
    g.addNode("Reshape", "reshape", {x, target}, {y});
    g.outputs = {y};
    ASSERT_TRUE(passes::inferShapes(g, {5}).isOk());
    EXPECT_EQ(g.value(y).dims, (Dims{5, 6}));
    EXPECT_EQ(g.value(x).dims, (Dims{5, 2, 3}));
}
