// Golden tests of the reference kernels on hand-computed cases; the ONNX node tests
// (onnx_conformance) cover the rest of the attribute space.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "kernels/reference/evaluate_node.h"

using namespace ql;
using namespace ql::ir;

namespace {
std::vector<Tensor> eval(const std::string& op, std::vector<Tensor> inputs, Attributes attrs = {}, int64_t opset = 13,
                         int outputs = 1) {
    Node n;
    n.name = op;
    n.opType = op;
    n.attrs = std::move(attrs);
    std::vector<const Tensor*> ptrs;
    for (size_t i = 0; i < inputs.size(); ++i) {
        n.inputs.push_back(inputs[i].empty() ? ValueId{} : ValueId{int32_t(i)});
        ptrs.push_back(inputs[i].empty() ? nullptr : &inputs[i]);
    }
    for (int i = 0; i < outputs; ++i) n.outputs.push_back(ValueId{100 + i});
    std::vector<Tensor> outs;
    Status st = kernels::evaluateNode(n, opset, ptrs, outs);
    EXPECT_TRUE(st.isOk()) << st.message();
    return outs;
}

template <typename T>
Tensor make(DType dt, Dims dims, const std::vector<T>& v) {
    Tensor t = Tensor::create(dt, std::move(dims)).value();
    std::copy(v.begin(), v.end(), t.data<T>());
    return t;
}
}  // namespace

TEST(ReferenceConv, HandComputed2x2Window) {
    Tensor x = Tensor::fromFloats({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
    Tensor w = Tensor::fromFloats({1, 1, 2, 2}, {1, 1, 1, 1});
    Tensor b = Tensor::fromFloats({1}, {0.5f});
    auto y = eval("Conv", {x, w, b});
    EXPECT_EQ(y[0].dims(), (Dims{1, 1, 2, 2}));
    EXPECT_EQ(y[0].toFloatVector(), (std::vector<float>{12.5f, 16.5f, 24.5f, 28.5f}));
}

TEST(ReferenceConv, QLinearConvMatchesDequantizedFloatConvWithin1Lsb) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> u8(0, 255), s8(-127, 127);
    const int64_t C = 4, M = 3;
    std::vector<uint8_t> xv(size_t(C * 5 * 5));
    std::vector<int8_t> wv(size_t(M * C * 9));
    for (auto& v : xv) v = uint8_t(u8(rng));
    for (auto& v : wv) v = int8_t(s8(rng));
    const float xs = 0.02f, ys = 0.5f;
    const std::vector<float> ws = {0.01f, 0.02f, 0.005f};
    const uint8_t xz = 128, yz = 100;
    Tensor x = make<uint8_t>(DType::U8, {1, C, 5, 5}, xv), w = make<int8_t>(DType::S8, {M, C, 3, 3}, wv);
    Attributes pads;
    pads.set("pads", std::vector<int64_t>{1, 1, 1, 1});
    auto q = eval("QLinearConv", {x, Tensor::fromFloats({}, {xs}), make<uint8_t>(DType::U8, {}, {xz}), w, Tensor::fromFloats({M}, ws),
                                  make<int8_t>(DType::S8, {M}, {0, 0, 0}), Tensor::fromFloats({}, {ys}), make<uint8_t>(DType::U8, {}, {yz})},
                  pads);
    // float path on dequantized operands
    std::vector<float> xf(xv.size()), wf(wv.size());
    for (size_t i = 0; i < xv.size(); ++i) xf[i] = (float(xv[i]) - xz) * xs;
    for (size_t i = 0; i < wv.size(); ++i) wf[i] = float(wv[i]) * ws[i / size_t(C * 9)];
    auto f = eval("Conv", {Tensor::fromFloats({1, C, 5, 5}, xf), Tensor::fromFloats({M, C, 3, 3}, wf)}, pads);
    int worst = 0;
    for (int64_t i = 0; i < f[0].numel(); ++i) {
        float expect = std::clamp(std::nearbyint(f[0].data<float>()[i] / ys) + yz, 0.f, 255.f);
        worst = std::max(worst, std::abs(int(q[0].data<uint8_t>()[i]) - int(expect)));
    }
    EXPECT_LE(worst, 1);
}

TEST(ReferenceQuant, QuantizeRoundsHalfToEvenAndSaturates) {
    auto y = eval("QuantizeLinear", {Tensor::fromFloats({5}, {2.5f, 3.5f, -2.5f, 1000.f, -1000.f}), Tensor::fromFloats({}, {1.f}),
                                     make<int8_t>(DType::S8, {}, {0})});
    EXPECT_EQ(y[0].toInt64Vector(), (std::vector<int64_t>{2, 4, -2, 127, -128}));
}

TEST(ReferenceQuant, PerAxisDequantize) {
    Tensor x = make<int8_t>(DType::S8, {2, 2}, {1, 2, 3, 4});
    Attributes a;
    a.set("axis", int64_t(0));
    auto y = eval("DequantizeLinear", {x, Tensor::fromFloats({2}, {0.5f, 2.f}), make<int8_t>(DType::S8, {2}, {1, 0})}, a);
    EXPECT_EQ(y[0].toFloatVector(), (std::vector<float>{0.f, 0.5f, 6.f, 8.f}));
}

TEST(ReferencePool, AveragePoolCountIncludePad) {
    Tensor x = Tensor::fromFloats({1, 1, 2, 2}, {1, 2, 3, 4});
    Attributes a;
    a.set("kernel_shape", std::vector<int64_t>{2, 2});
    a.set("pads", std::vector<int64_t>{1, 1, 0, 0});
    auto excl = eval("AveragePool", {x}, a);
    EXPECT_EQ(excl[0].toFloatVector(), (std::vector<float>{1.f, 1.5f, 2.f, 2.5f}));
    a.set("count_include_pad", int64_t(1));
    auto incl = eval("AveragePool", {x}, a);
    EXPECT_EQ(incl[0].toFloatVector(), (std::vector<float>{0.25f, 0.75f, 1.f, 2.5f}));
}

// NaN propagates as in ONNX's reference implementation (numpy's maximum and max): the oracle
// must not hide a NaN that a broken model or input produced.
TEST(ReferenceKernels, NanPropagatesThroughReluMaxPoolAndClip) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    auto relu = eval("Relu", {Tensor::fromFloats({3}, {nan, -1.f, 2.f})})[0].toFloatVector();
    EXPECT_TRUE(std::isnan(relu[0]));
    EXPECT_EQ(relu[1], 0.f);
    EXPECT_EQ(relu[2], 2.f);
    Attributes a;
    a.set("kernel_shape", std::vector<int64_t>{2, 2});
    for (const std::vector<float>& window : {std::vector<float>{nan, 1, 2, 3}, {1, nan, 2, 3}, {1, 2, 3, nan}}) {
        EXPECT_TRUE(std::isnan(eval("MaxPool", {Tensor::fromFloats({1, 1, 2, 2}, window)}, a)[0].toFloatVector()[0]));
        EXPECT_TRUE(std::isnan(eval("GlobalMaxPool", {Tensor::fromFloats({1, 1, 2, 2}, window)})[0].toFloatVector()[0]));
    }
    EXPECT_EQ(eval("MaxPool", {Tensor::fromFloats({1, 1, 2, 2}, {1, 4, 2, 3})}, a)[0].toFloatVector()[0], 4.f);
    Attributes clip;
    clip.set("min", 0.f);
    clip.set("max", 6.f);
    EXPECT_TRUE(std::isnan(eval("Clip", {Tensor::fromFloats({1}, {nan})}, clip, 6)[0].toFloatVector()[0]));
}

TEST(ReferenceSoftmax, Opset13NormalisesOneAxisOpset11TheFlattenedTail) {
    Tensor x = Tensor::fromFloats({1, 2, 2}, {0, 0, 0, 0});
    Attributes a;
    a.set("axis", int64_t(1));
    EXPECT_EQ(eval("Softmax", {x}, a, 13)[0].toFloatVector(), (std::vector<float>{0.5f, 0.5f, 0.5f, 0.5f}));
    EXPECT_EQ(eval("Softmax", {x}, a, 11)[0].toFloatVector(), (std::vector<float>{0.25f, 0.25f, 0.25f, 0.25f}));
}

TEST(ReferenceMatmul, GemmTransposedWithBroadcastBias) {
    Attributes a;
    a.set("transB", int64_t(1));
    a.set("alpha", 2.f);
    auto y = eval("Gemm", {Tensor::fromFloats({1, 2}, {1, 2}), Tensor::fromFloats({2, 2}, {1, 0, 0, 1}), Tensor::fromFloats({}, {1})}, a);
    EXPECT_EQ(y[0].toFloatVector(), (std::vector<float>{3.f, 5.f}));
}

TEST(ReferenceKernels, IntegerDivisionByZeroIsAnErrorNotACrash) {
    Node n;
    n.name = "div";
    n.opType = "Div";
    n.inputs = {ValueId{0}, ValueId{1}};
    n.outputs = {ValueId{2}};
    Tensor a = Tensor::fromInt64s({2}, {4, 5}), b = Tensor::fromInt64s({2}, {2, 0});
    std::vector<Tensor> outs;
    Status st = kernels::evaluateNode(n, 13, {&a, &b}, outs);
    ASSERT_FALSE(st.isOk());
    EXPECT_NE(st.message().find("division by zero"), std::string::npos);
}
