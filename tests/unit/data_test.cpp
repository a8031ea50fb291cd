#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "core/data/idx_dataset.h"
#include "core/data/npy.h"
#include "tests/unit/test_models.h"

using namespace ql;
namespace fs = std::filesystem;

TEST(Npy, RoundTripKeepsDtypeShapeAndValues) {
    fs::path dir = test::tempDir("npy");
    ir::Tensor t = ir::Tensor::fromFloats({2, 3}, {1, 2, 3, 4, 5, 6.5f});
    ASSERT_TRUE(data::writeNpy(dir / "a.npy", t).isOk());
    auto r = data::readNpy(dir / "a.npy");
    ASSERT_TRUE(r.isOk()) << r.message();
    EXPECT_EQ(r->dims(), t.dims());
    EXPECT_EQ(r->toFloatVector(), t.toFloatVector());
    ir::Tensor v = ir::Tensor::fromInt64s({3}, {7, 8, 9});
    ASSERT_TRUE(data::writeNpy(dir / "v.npy", v).isOk());
    EXPECT_EQ(data::readNpy(dir / "v.npy")->toInt64Vector(), (std::vector<int64_t>{7, 8, 9}));
    fs::remove_all(dir);
}

TEST(Npy, ArraysWithAZeroDimensionRoundTrip) {
    // an empty output (Reshape with allowzero, a Slice past the end) is a valid array
    fs::path dir = test::tempDir("npy-empty");
    auto t = ir::Tensor::create(ir::DType::F32, {2, 0, 3});
    ASSERT_TRUE(t);
    ASSERT_TRUE(data::writeNpy(dir / "e.npy", *t));
    auto back = data::readNpy(dir / "e.npy");
    ASSERT_TRUE(back) << back.status().message();
    EXPECT_EQ(back->dims(), (ir::Dims{2, 0, 3}));
    EXPECT_EQ(back->numel(), 0);
    fs::remove_all(dir);
}

TEST(Npy, TruncatedAndForeignFilesAreErrors) {
    fs::path dir = test::tempDir("npy-bad");
    ASSERT_TRUE(data::writeNpy(dir / "a.npy", ir::Tensor::fromFloats({100}, std::vector<float>(100, 1.f))).isOk());
    fs::resize_file(dir / "a.npy", 200);
    auto r = data::readNpy(dir / "a.npy");
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.message().find("shorter"), std::string::npos);
    std::ofstream(dir / "b.npy") << "hello";
    EXPECT_NE(data::readNpy(dir / "b.npy").message().find("not a .npy"), std::string::npos);
    fs::remove_all(dir);
}

TEST(IdxDataset, WrongFolderNamesTheFile) {
    auto r = data::readFashionMnist("/nonexistent/folder", "t10k");
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.message().find("/nonexistent/folder/t10k-images-idx3-ubyte"), std::string::npos);
}

TEST(IdxDataset, ReadsHandMadeIdxAndRejectsCountMismatch) {
    fs::path dir = test::tempDir("idx");
    auto be = [](uint32_t v) { return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; };
    std::ofstream(dir / "t10k-images-idx3-ubyte", std::ios::binary) << std::string("\0\0\x08\x03", 4) << be(2) << be(2) << be(2)
                                                                     << std::string("\x00\xff\x10\x20\x01\x02\x03\x04", 8);
    std::ofstream(dir / "t10k-labels-idx1-ubyte", std::ios::binary) << std::string("\0\0\x08\x01", 4) << be(2) << std::string("\x03\x07", 2);
    auto d = data::readFashionMnist(dir, "t10k");
    ASSERT_TRUE(d.isOk()) << d.message();
    EXPECT_EQ(d->count, 2);
    EXPECT_EQ(d->labels[1], 7);
    ir::Tensor b = d->batch(0, 1, 0.f, 1.f);
    EXPECT_EQ(b.dims(), (ir::Dims{1, 1, 2, 2}));
    EXPECT_FLOAT_EQ(b.data<float>()[1], 1.f);
    std::ofstream(dir / "t10k-labels-idx1-ubyte", std::ios::binary) << std::string("\0\0\x08\x01", 4) << be(3) << std::string("\x03\x07\x01", 3);
    auto bad = data::readFashionMnist(dir, "t10k");
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.message().find("2 images, but "), std::string::npos);
    EXPECT_NE(bad.message().find("t10k-labels-idx1-ubyte has 3 labels"), std::string::npos) << bad.message();
    fs::remove_all(dir);
}

TEST(IdxDataset, DebianFashionMnistTestSplit) {
    const fs::path dir = "/usr/share/datasets/fashion-mnist";
    ASSERT_TRUE(fs::exists(dir / "t10k-images-idx3-ubyte.gz")) << "scripts/setup.sh installs dataset-fashion-mnist";
    auto d = data::readFashionMnist(dir, "t10k");
    ASSERT_TRUE(d.isOk()) << d.message();
    EXPECT_EQ(d->count, 10000);
    EXPECT_EQ(d->height, 28);
    EXPECT_EQ(d->width, 28);
}

TEST(Idx, ATailBatchPastTheLastImageIsZeroPadded) {
    data::LabelledImages d;
    d.count = 3;
    d.height = d.width = 2;
    d.pixels = {255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 255, 0};
    d.labels = {1, 2, 3};
    ir::Tensor t = d.batch(2, 4, 0.f, 1.f);  // image 2, then three rows past the end
    ASSERT_EQ(t.dims(), (ir::Dims{4, 1, 2, 2}));
    const std::vector<float> v = t.toFloatVector();
    EXPECT_EQ(std::vector<float>(v.begin(), v.begin() + 4), (std::vector<float>{1, 0, 1, 0}));
    EXPECT_TRUE(std::all_of(v.begin() + 4, v.end(), [](float x) { return x == 0.f; }));
}
