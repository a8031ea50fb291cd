// Data sets behind core/data/dataset.h: each reader on small files made here, its error cases,
// spec parsing and detection, slices; McNemar's test against hand-computed values; symbolic
// input dimensions fixed by shapes.
#include <gtest/gtest.h>
#include <stb_image_write.h>
#include <zlib.h>

#include <fstream>

#include "core/data/dataset.h"
#include "core/data/npy.h"
#include "core/session/inputs.h"
#include "core/session/workflows.h"
#include "tests/unit/test_models.h"

using namespace ql;
namespace fs = std::filesystem;

namespace {

std::string be32(uint32_t v) { return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; }

// An IDX split of `n` 2x3 images whose pixel i of image k is 10k + i, labels k % 10.
void writeIdx(const fs::path& dir, const std::string& split, uint32_t n, bool gzip, uint32_t labelsCount = 0) {
    std::string images = std::string("\0\0\x08\x03", 4) + be32(n) + be32(2) + be32(3);
    for (uint32_t k = 0; k < n; ++k)
        for (int i = 0; i < 6; ++i) images += char(10 * k + uint32_t(i));
    std::string labels = std::string("\0\0\x08\x01", 4) + be32(labelsCount ? labelsCount : n);
    for (uint32_t k = 0; k < (labelsCount ? labelsCount : n); ++k) labels += char(k % 10);
    auto put = [&](const std::string& stem, const std::string& bytes) {
        if (gzip) {
            gzFile f = gzopen((dir / (stem + ".gz")).c_str(), "wb");
            gzwrite(f, bytes.data(), unsigned(bytes.size()));
            gzclose(f);
        } else {
            std::ofstream(dir / stem, std::ios::binary) << bytes;
        }
    };
    put(split + "-images-idx3-ubyte", images);
    put(split + "-labels-idx1-ubyte", labels);
}

// A w x h RGB PNG whose every pixel is (r, g, b).
void writePng(const fs::path& file, int w, int h, unsigned char r, unsigned char g, unsigned char b) {
    std::vector<unsigned char> px(size_t(w * h * 3));
    for (size_t i = 0; i < px.size(); i += 3) px[i] = r, px[i + 1] = g, px[i + 2] = b;
    fs::create_directories(file.parent_path());
    ASSERT_TRUE(stbi_write_png(file.c_str(), w, h, 3, px.data(), w * 3));
}

Expected<data::DatasetPtr> open(const std::string& spec, const data::Preprocess& pre = {}, const std::string& split = "t10k") {
    QL_ASSIGN(auto s, data::parseDatasetSpec(spec, split));
    return data::openDataset(s, pre);
}

bool mentions(const Status& s, const std::string& what) { return s.message().find(what) != std::string::npos; }

}  // namespace

TEST(Dataset, IdxGzipAndRawReadTheSameBatchesWithPadding) {
    for (bool gz : {true, false}) {
        fs::path dir = test::tempDir(gz ? "ds-idx-gz" : "ds-idx-raw");
        writeIdx(dir, "t10k", 5, gz);
        data::Preprocess pre;
        pre.mean = {0.5f}, pre.std = {0.25f};
        auto d = open(dir.string(), pre);  // plain DIR: detected as IDX
        ASSERT_TRUE(d.isOk()) << d.message();
        EXPECT_EQ((*d)->size(), 5);
        EXPECT_EQ((*d)->sampleShape(), (ir::Dims{1, 2, 3}));
        auto b = (*d)->read(3, 2, 4);
        ASSERT_TRUE(b.isOk()) << b.message();
        EXPECT_EQ(b->samples.dims(), (ir::Dims{4, 1, 2, 3}));
        EXPECT_EQ(b->labels, (std::vector<int64_t>{3, 4}));
        EXPECT_FLOAT_EQ(b->samples.data<float>()[1], ((31.f / 255.f) - 0.5f) / 0.25f);  // image 3, pixel 1
        for (int i = 12; i < 24; ++i) EXPECT_EQ(b->samples.data<float>()[i], 0.f) << "padding row " << i;
        auto shape = data::peekSampleShape(data::parseDatasetSpec("idx:" + dir.string()).value(), {});
        ASSERT_TRUE(shape.isOk()) << shape.message();
        EXPECT_EQ(*shape, (ir::Dims{1, 2, 3}));
        fs::remove_all(dir);
    }
}

TEST(Dataset, IdxErrorsNameTheFile) {
    fs::path dir = test::tempDir("ds-idx-bad");
    writeIdx(dir, "t10k", 4, false, 3);  // 4 images, 3 labels
    auto mismatch = open("idx:" + dir.string());
    ASSERT_FALSE(mismatch.isOk());
    EXPECT_TRUE(mentions(mismatch.status(), "4 images, but ") && mentions(mismatch.status(), "t10k-labels-idx1-ubyte has 3 labels")) << mismatch.message();
    writeIdx(dir, "t10k", 4, false);
    fs::resize_file(dir / "t10k-images-idx3-ubyte", 30);  // truncated
    auto truncated = open("idx:" + dir.string());
    ASSERT_FALSE(truncated.isOk());
    EXPECT_TRUE(mentions(truncated.status(), (dir / "t10k-images-idx3-ubyte").string())) << truncated.message();
    EXPECT_TRUE(mentions(truncated.status(), "header says")) << truncated.message();
    std::ofstream(dir / "t10k-images-idx3-ubyte", std::ios::binary) << std::string("\x01\x02\x08\x03", 4) << be32(0) << be32(2) << be32(3);
    auto magic = open("idx:" + dir.string());
    ASSERT_FALSE(magic.isOk());
    EXPECT_TRUE(mentions(magic.status(), "not an IDX file")) << magic.message();
    EXPECT_FALSE(open("idx:" + dir.string(), {}, "valid").isOk());
    fs::remove_all(dir);
}

TEST(Dataset, NpyPairStreamsFloatSamplesWithInt32OrInt64Labels) {
    fs::path dir = test::tempDir("ds-npy");
    std::vector<float> values(6 * 2 * 3);
    for (size_t i = 0; i < values.size(); ++i) values[i] = float(i);
    ASSERT_TRUE(data::writeNpy(dir / "x.npy", ir::Tensor::fromFloats({6, 2, 3}, values)).isOk());
    ir::Tensor l32 = ir::Tensor::create(ir::DType::S32, {6}).value();
    for (int i = 0; i < 6; ++i) l32.data<int32_t>()[i] = 5 - i;
    ASSERT_TRUE(data::writeNpy(dir / "l32.npy", l32).isOk());
    ASSERT_TRUE(data::writeNpy(dir / "l64.npy", ir::Tensor::fromInt64s({6}, {0, 1, 2, 3, 4, 5})).isOk());
    auto d = open("npy:" + (dir / "x.npy").string() + "," + (dir / "l32.npy").string());
    ASSERT_TRUE(d.isOk()) << d.message();
    EXPECT_EQ((*d)->sampleShape(), (ir::Dims{2, 3}));
    auto b = (*d)->read(4, 2, 3);
    ASSERT_TRUE(b.isOk()) << b.message();
    EXPECT_EQ(b->labels, (std::vector<int64_t>{1, 0}));
    EXPECT_EQ(b->samples.data<float>()[0], 24.f);
    EXPECT_EQ(b->samples.data<float>()[11], 35.f);
    EXPECT_EQ(b->samples.data<float>()[12], 0.f);
    EXPECT_TRUE(open("npy:" + (dir / "x.npy").string() + "," + (dir / "l64.npy").string()).isOk());

    // count mismatch, wrong dtypes, a truncated file, wrong magic, a malformed spec
    ASSERT_TRUE(data::writeNpy(dir / "l5.npy", ir::Tensor::fromInt64s({5}, {0, 1, 2, 3, 4})).isOk());
    auto count = open("npy:" + (dir / "x.npy").string() + "," + (dir / "l5.npy").string());
    ASSERT_FALSE(count.isOk());
    EXPECT_TRUE(mentions(count.status(), "5 labels but")) << count.message();
    auto floatLabels = open("npy:" + (dir / "x.npy").string() + "," + (dir / "x.npy").string());
    ASSERT_FALSE(floatLabels.isOk());
    EXPECT_TRUE(mentions(floatLabels.status(), "labels must be int32 or int64")) << floatLabels.message();
    auto intSamples = open("npy:" + (dir / "l64.npy").string() + "," + (dir / "l64.npy").string());
    ASSERT_FALSE(intSamples.isOk());
    EXPECT_TRUE(mentions(intSamples.status(), "must be float32")) << intSamples.message();
    fs::copy_file(dir / "x.npy", dir / "cut.npy");
    fs::resize_file(dir / "cut.npy", fs::file_size(dir / "cut.npy") - 8);
    auto cut = open("npy:" + (dir / "cut.npy").string() + "," + (dir / "l64.npy").string());
    ASSERT_FALSE(cut.isOk());
    EXPECT_TRUE(mentions(cut.status(), (dir / "cut.npy").string() + ": data is shorter")) << cut.message();
    std::ofstream(dir / "junk.npy") << "PK\x03\x04 not numpy";
    auto junk = open("npy:" + (dir / "junk.npy").string() + "," + (dir / "l64.npy").string());
    ASSERT_FALSE(junk.isOk());
    EXPECT_TRUE(mentions(junk.status(), "junk.npy: not a .npy file")) << junk.message();
    EXPECT_FALSE(data::parseDatasetSpec("npy:" + (dir / "x.npy").string()).isOk());
    fs::remove_all(dir);
}

TEST(Dataset, ImageFolderByClassFoldersWithResizeCropMeanStdBgrNhwc) {
    fs::path dir = test::tempDir("ds-folder");
    writePng(dir / "cat" / "a.png", 8, 4, 255, 0, 0);
    writePng(dir / "cat" / "b.PNG", 8, 4, 0, 255, 0);
    writePng(dir / "dog" / "c.png", 8, 4, 0, 0, 255);
    std::ofstream(dir / "dog" / "notes.txt") << "not an image, left out";
    data::Preprocess pre;
    pre.resizeShorter = 2;  // 8x4 -> 4x2
    pre.cropHeight = 2, pre.cropWidth = 2;
    pre.mean = {0.5f, 0.f, 0.f};
    pre.std = {0.5f, 1.f, 1.f};
    auto d = open(dir.string(), pre);  // plain DIR: detected from the class folders
    ASSERT_TRUE(d.isOk()) << d.message();
    EXPECT_EQ((*d)->size(), 3);
    EXPECT_EQ((*d)->sampleShape(), (ir::Dims{3, 2, 2}));
    auto b = (*d)->read(0, 3, 3);
    ASSERT_TRUE(b.isOk()) << b.message();
    EXPECT_EQ(b->labels, (std::vector<int64_t>{0, 0, 1}));
    const float* p = b->samples.data<float>();
    EXPECT_NEAR(p[0], 1.f, 1e-2);    // red image, R channel: (1 - 0.5) / 0.5 (resampled: within a level)
    EXPECT_NEAR(p[4], 0.f, 1e-2);    // G channel
    EXPECT_NEAR(p[12], -1.f, 1e-2);  // green image, R channel: (0 - 0.5) / 0.5
    EXPECT_NEAR(p[16], 1.f, 1e-2);   // green image, G channel

    data::Preprocess bgr;
    bgr.channels = "bgr", bgr.nhwc = true;
    auto d2 = open("folder:" + dir.string(), bgr);
    ASSERT_TRUE(d2.isOk()) << d2.message();
    EXPECT_EQ((*d2)->sampleShape(), (ir::Dims{4, 8, 3}));
    auto b2 = (*d2)->read(0, 1, 1);
    ASSERT_TRUE(b2.isOk()) << b2.message();
    EXPECT_NEAR(b2->samples.data<float>()[0], 0.f, 1e-6);  // B first: the red image has none
    EXPECT_NEAR(b2->samples.data<float>()[2], 1.f, 1e-6);  // R last
    fs::remove_all(dir);
}

TEST(Dataset, ImageFolderWithLabelsFile) {
    fs::path dir = test::tempDir("ds-labels");
    writePng(dir / "img" / "one.png", 4, 4, 10, 20, 30);
    writePng(dir / "img" / "two.png", 4, 4, 40, 50, 60);
    std::ofstream(dir / "labels.csv") << "file,label\nimg/two.png,7\n# a comment\nimg/one.png,3\n";
    data::Preprocess gray;
    gray.channels = "gray";
    auto d = open("folder:" + dir.string(), gray);
    ASSERT_TRUE(d.isOk()) << d.message();
    EXPECT_EQ((*d)->sampleShape(), (ir::Dims{1, 4, 4}));
    auto b = (*d)->read(0, 2, 2);
    ASSERT_TRUE(b.isOk()) << b.message();
    EXPECT_EQ(b->labels, (std::vector<int64_t>{7, 3}));
    std::ofstream(dir / "labels.csv") << "img/one.png,3\nimg/missing.png,1\n";
    auto missing = open("folder:" + dir.string());
    ASSERT_FALSE(missing.isOk());
    EXPECT_TRUE(mentions(missing.status(), "labels.csv:2: ")) << missing.message();
    EXPECT_TRUE(mentions(missing.status(), "missing.png: no such image")) << missing.message();
    std::ofstream(dir / "labels.csv") << "img/one.png,cat\n";
    auto nonNumeric = open("folder:" + dir.string());
    ASSERT_FALSE(nonNumeric.isOk());
    EXPECT_TRUE(mentions(nonNumeric.status(), "lists no images")) << nonNumeric.message();
    fs::remove_all(dir);
}

TEST(Dataset, BadOrMismatchedImagesAreNamedNotSkipped) {
    fs::path dir = test::tempDir("ds-badimg");
    writePng(dir / "a" / "good.png", 6, 6, 1, 2, 3);
    writePng(dir / "b" / "big.png", 8, 6, 1, 2, 3);
    std::ofstream(dir / "b" / "broken.jpg") << "\xff\xd8\xff this is not a JPEG";
    auto d = open("folder:" + dir.string());
    ASSERT_TRUE(d.isOk()) << d.message();  // streaming: images decode when read
    ASSERT_EQ((*d)->size(), 3);
    EXPECT_TRUE((*d)->read(0, 1, 1).isOk());
    auto size = (*d)->read(0, 2, 2);
    ASSERT_FALSE(size.isOk());
    EXPECT_TRUE(mentions(size.status(), (dir / "b" / "big.png").string())) << size.message();
    EXPECT_TRUE(mentions(size.status(), "--resize")) << size.message();
    auto broken = (*d)->read(2, 1, 1);
    ASSERT_FALSE(broken.isOk());
    EXPECT_TRUE(mentions(broken.status(), (dir / "b" / "broken.jpg").string() + ": cannot decode")) << broken.message();
    data::Preprocess crop;
    crop.cropHeight = crop.cropWidth = 7;
    auto tooSmall = open("folder:" + dir.string(), crop);
    ASSERT_FALSE(tooSmall.isOk());
    EXPECT_TRUE(mentions(tooSmall.status(), "good.png")) << tooSmall.message();
    fs::remove_all(dir);
}

TEST(Dataset, SpecsAreDetectedOrRefusedClearly) {
    fs::path dir = test::tempDir("ds-spec");
    auto nothing = data::parseDatasetSpec(dir.string());
    ASSERT_FALSE(nothing.isOk());
    EXPECT_TRUE(mentions(nothing.status(), "cannot tell what data set")) << nothing.message();
    EXPECT_FALSE(data::parseDatasetSpec((dir / "missing").string()).isOk());
    ASSERT_TRUE(data::writeNpy(dir / "images.npy", ir::Tensor::fromFloats({2, 1}, {1, 2})).isOk());
    ASSERT_TRUE(data::writeNpy(dir / "labels.npy", ir::Tensor::fromInt64s({2}, {0, 1})).isOk());
    auto npy = data::parseDatasetSpec(dir.string());
    ASSERT_TRUE(npy.isOk()) << npy.message();
    EXPECT_EQ(npy->kind, data::DatasetKind::Npy);
    auto idx = data::parseDatasetSpec("idx:/x", "train");
    ASSERT_TRUE(idx.isOk());
    EXPECT_EQ(data::otherIdxSplit(*idx).split, "t10k");
    EXPECT_FALSE(idx->sameData(data::otherIdxSplit(*idx)));
    EXPECT_TRUE(idx->sameData(*idx));
    data::Preprocess p;
    EXPECT_TRUE(data::parseResize("48x192", p).isOk());
    EXPECT_EQ(p.resizeHeight, 48);
    EXPECT_EQ(p.resizeWidth, 192);
    EXPECT_FALSE(data::parseResize("0", p).isOk());
    EXPECT_FALSE(data::parseCrop("12x", p).isOk());
    EXPECT_EQ(data::parseFloatList("0.5,0.25", "--mean").value(), (std::vector<float>{0.5f, 0.25f}));
    EXPECT_FALSE(data::parseFloatList("0.5,,1", "--mean").isOk());
    fs::remove_all(dir);
}

TEST(Dataset, SliceIsADisjointWindow) {
    fs::path dir = test::tempDir("ds-slice");
    writeIdx(dir, "t10k", 10, false);
    auto d = open("idx:" + dir.string());
    ASSERT_TRUE(d.isOk());
    auto tail = data::sliceDataset(*d, 7, 3), head = data::sliceDataset(*d, 0, 7);
    EXPECT_EQ(tail->size(), 3);
    EXPECT_EQ(head->size(), 7);
    EXPECT_EQ(tail->read(0, 3, 3)->labels, (std::vector<int64_t>{7, 8, 9}));
    EXPECT_FALSE(tail->read(1, 3, 3).isOk());
    EXPECT_NE(tail->description().find("samples 7..9 of"), std::string::npos) << tail->description();
    fs::remove_all(dir);
}

// Hand-computed: exact two-sided binomial p = 2 * sum_{i <= min(b,c)} C(n,i) / 2^n, capped at 1;
// from 25 discordant pairs on chi-square = (|b-c| - 1)^2 / (b+c), p = erfc(sqrt(chi2 / 2)).
TEST(McNemar, MatchesHandComputedValues) {
    EXPECT_EQ(session::mcnemarTest(0, 0).p, 1.0);
    EXPECT_NEAR(session::mcnemarTest(1, 5).p, 14.0 / 64.0, 1e-12);  // 2 * (1 + 6) / 64
    EXPECT_NEAR(session::mcnemarTest(5, 1).p, 14.0 / 64.0, 1e-12);
    EXPECT_NEAR(session::mcnemarTest(10, 2).p, 2.0 * 79.0 / 4096.0, 1e-12);  // 2 * (1 + 12 + 66) / 2^12
    EXPECT_EQ(session::mcnemarTest(3, 3).p, 1.0);
    EXPECT_TRUE(session::mcnemarTest(12, 12).exact);
    const auto big = session::mcnemarTest(30, 10);
    EXPECT_FALSE(big.exact);
    EXPECT_NEAR(big.statistic, 361.0 / 40.0, 1e-12);
    EXPECT_NEAR(big.p, 0.0026631, 1e-6);  // chi-square(1) tail at 9.025
    EXPECT_NEAR(session::mcnemarTest(19, 22).p, 0.75478, 1e-4);  // (3 - 1)^2 / 41 = 0.0976
}

TEST(InputShapes, FixSymbolicDimensionsOrSayHow) {
    auto graph = [] {
        ir::Graph g;
        ir::ValueId x = g.addValue("x", ir::DType::F32, {-1, 3, -1, -1});
        g.value(x).dimParams = {"batch", "", "height", "width"};
        ir::ValueId m = g.addValue("mask", ir::DType::F32, {-1, -1});
        g.value(m).dimParams = {"batch", "width"};
        g.inputs = {x, m};
        g.batchSymbol = "batch";
        return g;
    };
    ir::Graph g = graph();
    auto shapes = session::parseShapeSpecs({"x=2,3,48,192"});
    ASSERT_TRUE(shapes.isOk());
    ASSERT_TRUE(session::applyInputShapes(g, *shapes, std::nullopt).isOk());
    EXPECT_EQ(g.value(g.inputs[0]).dims, (ir::Dims{-1, 3, 48, 192}));  // the batch follows the session
    EXPECT_EQ(g.value(g.inputs[1]).dims, (ir::Dims{-1, 192}));         // 'width' shared by name
    EXPECT_TRUE(session::symbolicInputs(g).empty());

    ir::Graph none = graph();
    Status st = session::applyInputShapes(none, {}, std::nullopt);
    ASSERT_FALSE(st.isOk());
    EXPECT_TRUE(mentions(st, "('height'): fix it with --shape x=1,3,N,N")) << st.message();
    ir::Graph fixed = graph();
    st = session::applyInputShapes(fixed, session::parseShapeSpecs({"x=1,4,48,192"}).value(), std::nullopt);
    EXPECT_TRUE(mentions(st, "fixed at 3 in the model, not 4")) << st.message();
    st = session::applyInputShapes(fixed, session::parseShapeSpecs({"y=1,4"}).value(), std::nullopt);
    EXPECT_TRUE(mentions(st, "the model's inputs are x, mask")) << st.message();
    EXPECT_FALSE(session::parseShapeSpecs({"x=1,0,3"}).isOk());
    EXPECT_FALSE(session::parseShapeSpecs({"x=1,3", "x=1,3"}).isOk());

    ir::Graph single;
    ir::ValueId x = single.addValue("x", ir::DType::F32, {-1, 3, -1, -1});
    single.value(x).dimParams = {"N", "", "h", "w"};
    single.inputs = {x};
    ASSERT_TRUE(session::applyInputShapes(single, {}, ir::Dims{3, 8, 16}).isOk());  // a data set's sample shape
    EXPECT_EQ(single.value(x).dims, (ir::Dims{-1, 3, 8, 16}));
}

// The shapes given at open stay with the session: re-deriving at another batch keeps them.
TEST(InputShapes, SessionKeepsThemAcrossBatches) {
    const fs::path model = fs::path(QL_SOURCE_DIR) / "tests" / "models" / "dynamic_hw.onnx";
    session::OpenOptions o;
    o.shapes = session::parseShapeSpecs({"x=1,3,24,40"}).value();
    auto s = session::Session::open(model, o);
    ASSERT_TRUE(s.isOk()) << s.message();
    const ir::Graph& g = *(*s)->original();
    EXPECT_EQ(g.value(g.inputs[0]).dims, (ir::Dims{1, 3, 24, 40}));
    EXPECT_EQ(g.value(g.inputs[0]).dimParams[2], "height");  // still named, for display
    auto at3 = (*s)->withBatch(3);
    ASSERT_TRUE(at3.isOk()) << at3.message();
    const ir::Graph& g3 = *(*at3)->original();
    EXPECT_EQ(g3.value(g3.inputs[0]).dims, (ir::Dims{3, 3, 24, 40}));
    EXPECT_EQ(g3.value(g3.outputs[0]).dims, (ir::Dims{3, 5}));
    session::OpenOptions sample;
    sample.sampleShape = ir::Dims{3, 8, 8};
    auto fromData = session::Session::open(model, sample);
    ASSERT_TRUE(fromData.isOk()) << fromData.message();
    EXPECT_EQ((*fromData)->original()->value((*fromData)->original()->inputs[0]).dims, (ir::Dims{1, 3, 8, 8}));
    auto none = session::Session::open(model);
    ASSERT_FALSE(none.isOk());
    EXPECT_TRUE(mentions(none.status(), model.string() + ": input 'x'")) << none.message();
}
