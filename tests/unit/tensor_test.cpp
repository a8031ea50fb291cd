#include <gtest/gtest.h>

#include "core/ir/tensor.h"

using namespace ql::ir;

TEST(Tensor, CreateZeroInitialisedAndAligned) {
    auto t = Tensor::create(DType::F32, {2, 3});
    ASSERT_TRUE(t.isOk());
    EXPECT_EQ(t->numel(), 6);
    EXPECT_EQ(t->byteSize(), 24u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(t->raw()) % 64, 0u);
    for (int i = 0; i < 6; ++i) EXPECT_EQ(t->data<float>()[i], 0.f);
}

TEST(Tensor, AbsurdShapesFailWithMessage) {
    auto huge = Tensor::create(DType::F32, {1 << 20, 1 << 20});  // 2^40 elements
    ASSERT_FALSE(huge.isOk());
    EXPECT_NE(huge.message().find("limit"), std::string::npos);
    auto overflow = Tensor::create(DType::S8, {INT64_MAX / 2, 4});
    EXPECT_FALSE(overflow.isOk());
    auto negative = Tensor::create(DType::F32, {2, -3});
    ASSERT_FALSE(negative.isOk());
    EXPECT_NE(negative.message().find("negative"), std::string::npos);
}

TEST(Tensor, CopiesShareCloneDoesNot) {
    Tensor a = Tensor::fromFloats({2}, {1.f, 2.f});
    Tensor shared = a;
    Tensor deep = a.clone();
    a.data<float>()[0] = 5.f;
    EXPECT_EQ(shared.data<float>()[0], 5.f);
    EXPECT_EQ(deep.data<float>()[0], 1.f);
    EXPECT_EQ(a.reshaped({1, 2}).dims(), (Dims{1, 2}));
}

TEST(Half, RoundTripsRepresentableValuesAndRoundsToEven) {
    for (float f : {0.f, 1.f, -2.5f, 65504.f, 6.103515625e-05f, 5.9604645e-08f}) EXPECT_EQ(halfToFloat(floatToHalf(f)), f) << f;
    EXPECT_EQ(floatToHalf(1e6f), 0x7c00);                // overflow -> inf
    EXPECT_EQ(halfToFloat(floatToHalf(1.0f + 1.0f / 4096)), 1.0f);  // below half an ulp -> down
}
