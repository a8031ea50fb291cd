// quantlens-cli with --dataset SPECs, eval's JSON and McNemar line, and a model whose height and
// width are symbolic (tests/models/dynamic_hw.onnx, exported by torch with dynamic axes; see
// tests/models/make_dynamic_hw.py).
#include <gtest/gtest.h>

#include <fstream>
#include <stb_image_write.h>

#include <nlohmann/json.hpp>
#include <random>

#include "core/data/idx_dataset.h"
#include "core/data/npy.h"
#include "tests/unit/cli_runner.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;
namespace fs = std::filesystem;

namespace {
const std::string kBundled = std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx";
const std::string kFashion = "/usr/share/datasets/fashion-mnist";
const fs::path kModels = fs::path(QL_SOURCE_DIR) / "tests" / "models";
const std::string kDynamic = (kModels / "dynamic_hw.onnx").string();

int64_t argmax(const float* row, int64_t n) { return int64_t(std::max_element(row, row + n) - row); }
}  // namespace

TEST(CliData, InspectShowsSymbolicDimensionsAndShapeFixesThem) {
    fs::path dir = tempDir("cli-dyn-inspect");
    CliResult bare = runCli("inspect " + kDynamic, dir);
    ASSERT_EQ(bare.exitCode, 0) << bare.err;
    EXPECT_NE(bare.out.find("x  f32 [batch,3,height,width]"), std::string::npos) << bare.out;
    EXPECT_NE(bare.out.find("params    1477"), std::string::npos) << bare.out;  // known without shapes
    EXPECT_NE(bare.out.find("MACs      unknown"), std::string::npos) << bare.out;
    CliResult fixed = runCli("inspect " + kDynamic + " --shape x=1,3,48,192", dir);
    ASSERT_EQ(fixed.exitCode, 0) << fixed.err;
    EXPECT_NE(fixed.out.find("[batch=1,3,height=48,width=192]"), std::string::npos) << fixed.out;
    EXPECT_EQ(fixed.out.find("MACs      unknown"), std::string::npos) << fixed.out;
    CliResult json = runCli("inspect " + kDynamic + " --json", dir);
    ASSERT_EQ(json.exitCode, 0) << json.err;
    auto j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j["shapes_inferred"], false);
    EXPECT_EQ(j["inputs"][0]["dim_params"][2], "height");
    fs::remove_all(dir);
}

TEST(CliData, DynamicModelRunsWithShapeOrInputFileAndMatchesTorch) {
    fs::path dir = tempDir("cli-dyn-run");
    CliResult none = runCli("run " + kDynamic, dir);
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_NE(none.err.find("symbolic dimension 2 ('height'): fix it with --shape x="), std::string::npos) << none.err;
    CliResult shaped = runCli("run " + kDynamic + " --shape x=2,3,48,192 --executor planned", dir);
    ASSERT_EQ(shaped.exitCode, 0) << shaped.err;
    EXPECT_NE(shaped.out.find("batch 2"), std::string::npos) << shaped.out;
    EXPECT_NE(shaped.out.find("output logits f32 [2,5]"), std::string::npos) << shaped.out;
    EXPECT_EQ(runCli("run " + kDynamic + " --shape x=1,4,48,192", dir).exitCode, 2);  // channels are fixed at 3

    // The input file's [2,3,12,20] fixes the shape; torch's logits for it were saved beside it.
    auto expected = data::readNpy(kModels / "dynamic_hw_logits.npy");
    ASSERT_TRUE(expected.isOk()) << expected.message();
    for (const std::string executor : {"reference", "planned"}) {
        CliResult r = runCli("run " + kDynamic + " --executor " + executor + " --input x=" + (kModels / "dynamic_hw_input.npy").string() +
                                 " --save-outputs " + (dir / executor).string(), dir);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        auto got = data::readNpy(dir / executor / "logits.npy");
        ASSERT_TRUE(got.isOk()) << got.message();
        ASSERT_EQ(got->dims(), expected->dims());
        for (int64_t i = 0; i < got->numel(); ++i) EXPECT_NEAR(got->data<float>()[i], expected->data<float>()[i], 1e-4) << executor << " " << i;
    }
    fs::remove_all(dir);
}

TEST(CliData, DynamicModelEvaluatesFromNpyDataset) {
    fs::path dir = tempDir("cli-dyn-eval");
    // 30 random samples at a height and width of our choosing; every label 0.
    const int64_t n = 30;
    std::mt19937 rng(3);
    std::normal_distribution<float> normal;
    std::vector<float> x(size_t(n * 3 * 16 * 32));
    for (float& v : x) v = normal(rng);
    ASSERT_TRUE(data::writeNpy(dir / "images.npy", ir::Tensor::fromFloats({n, 3, 16, 32}, x)).isOk());
    ASSERT_TRUE(data::writeNpy(dir / "labels.npy", ir::Tensor::fromInt64s({n}, std::vector<int64_t>(size_t(n), 0))).isOk());
    // What the model predicts for them, from one run on the whole file.
    ASSERT_EQ(runCli("run " + kDynamic + " --input x=" + (dir / "images.npy").string() + " --save-outputs " + (dir / "out").string(), dir).exitCode, 0);
    auto logits = data::readNpy(dir / "out" / "logits.npy");
    ASSERT_TRUE(logits.isOk());
    int64_t zeros = 0;
    for (int64_t i = 0; i < n; ++i) zeros += argmax(logits->data<float>() + i * 5, 5) == 0;

    const std::string spec = "npy:" + (dir / "images.npy").string() + "," + (dir / "labels.npy").string();
    const std::string json = (dir / "e.json").string();
    CliResult r = runCli("eval " + kDynamic + " --dataset " + spec + " --batch 7 --json " + json, dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = nlohmann::json::parse(slurp(json));
    EXPECT_EQ(j["schema"], "quantlens.eval/1");
    EXPECT_EQ(j["images"], n);
    EXPECT_EQ(j["precisions"][0]["top1_count"], zeros) << r.out;
    EXPECT_EQ(runCli("eval " + kDynamic + " --dataset " + spec + " --json " + json, dir).exitCode, 2);  // no silent overwrite

    // fp32,int8 without a calibration set: a disjoint slice is held out, and said so
    CliResult pair = runCli("eval " + kDynamic + " --dataset " + spec + " --precision fp32,int8 --samples 10 --batch 4 --json " + json + " --force", dir);
    ASSERT_EQ(pair.exitCode, 0) << pair.err;
    EXPECT_NE(pair.out.find("int8 calibration: samples 20..29 of"), std::string::npos) << pair.out;
    EXPECT_NE(pair.out.find("McNemar"), std::string::npos) << pair.out;
    auto p = nlohmann::json::parse(slurp(json));
    EXPECT_EQ(p["images"], 20);
    EXPECT_TRUE(p["paired"]["mcnemar"]["p"].is_number());
    CliResult same = runCli("eval " + kDynamic + " --dataset " + spec + " --precision int8 --calib-dataset " + spec, dir);
    EXPECT_EQ(same.exitCode, 2);
    EXPECT_NE(same.err.find("is the evaluated data set"), std::string::npos) << same.err;
    fs::remove_all(dir);
}

// The same 40 test images as IDX and as a folder of grey PNGs (lossless): the same score.
// A model exported without a dynamic batch ([1,1,8,8]) runs at batch 1 when --batch is not
// given, eval included (its default is 100), and says so; --batch 4 is refused with the batch to use.
TEST(CliData, AFixedBatchModelRunsAtItsBatchUnlessToldOtherwise) {
    fs::path dir = tempDir("cli-fixed-batch");
    const std::string model = smallConvNet(1).save(dir, "fixed1.onnx").string();
    CliResult p = runCli("profile " + model + " --repeat 2 --warmup 0", dir);
    ASSERT_EQ(p.exitCode, 0) << p.err;
    EXPECT_NE(p.out.find("batch 1 (fixed by the model)"), std::string::npos) << p.out;
    CliResult four = runCli("profile " + model + " --batch 4 --repeat 2", dir);
    EXPECT_EQ(four.exitCode, 2);
    EXPECT_NE(four.err.find("the model fixes its batch at 1 (input 'x' is [1,1,8,8]), so it cannot run at batch 4: use batch 1"), std::string::npos)
        << four.err;
    // a batch in a --config file is a choice too: refused, not silently replaced
    {
        std::ofstream(dir / "b4.json") << R"({"batch": 4})";
        CliResult c = runCli("profile " + model + " --config " + (dir / "b4.json").string() + " --repeat 2", dir);
        EXPECT_EQ(c.exitCode, 2);
        EXPECT_NE(c.err.find("fixes its batch at 1"), std::string::npos) << c.err;
    }
    // bench says so before any trial starts (no output folder)
    CliResult b = runCli("bench --models " + model + " --batch 1,2 --trials 1 --out " + (dir / "bench").string(), dir);
    EXPECT_EQ(b.exitCode, 2);
    EXPECT_NE(b.err.find("so the grid's batch 2 cannot run it: use --batch 1"), std::string::npos) << b.err;
    EXPECT_FALSE(fs::exists(dir / "bench"));
    const int64_t n = 12;
    ASSERT_TRUE(data::writeNpy(dir / "images.npy", ir::Tensor::fromFloats({n, 1, 8, 8}, randomValues(size_t(n * 64), 5, -1.f, 1.f))).isOk());
    ASSERT_TRUE(data::writeNpy(dir / "labels.npy", ir::Tensor::fromInt64s({n}, std::vector<int64_t>(size_t(n), 0))).isOk());
    const std::string spec = "npy:" + (dir / "images.npy").string() + "," + (dir / "labels.npy").string();
    CliResult e = runCli("eval " + model + " --dataset " + spec + " --precision fp32,int8 --samples 4", dir);
    ASSERT_EQ(e.exitCode, 0) << e.err;
    EXPECT_NE(e.out.find("on 8 images (planned fp32 executor, batch 1)"), std::string::npos) << e.out;
    CliResult r = runCli("run " + model, dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("batch 1,"), std::string::npos) << r.out;
    fs::remove_all(dir);
}

TEST(CliData, ImageFolderScoresLikeTheIdxItCameFrom) {
    ASSERT_TRUE(fs::exists(kFashion + "/t10k-images-idx3-ubyte.gz")) << "scripts/setup.sh installs dataset-fashion-mnist";
    fs::path dir = tempDir("cli-folder");
    auto images = data::readFashionMnist(kFashion, "t10k");
    ASSERT_TRUE(images.isOk()) << images.message();
    const int64_t n = 40;
    for (int64_t i = 0; i < n; ++i) {
        const fs::path f = dir / "images" / ("class" + std::to_string(images->labels[size_t(i)])) / ("img" + std::to_string(i) + ".png");
        fs::create_directories(f.parent_path());
        ASSERT_TRUE(stbi_write_png(f.c_str(), 28, 28, 1, images->pixels.data() + i * 28 * 28, 28));
    }
    // class folders must cover 0..9 for the folder order to be the label: add empty ones
    for (int c = 0; c < 10; ++c) fs::create_directories(dir / "images" / ("class" + std::to_string(c)));
    CliResult idx = runCli("eval " + kBundled + " --dataset idx:" + kFashion + " --limit " + std::to_string(n) + " --json " + (dir / "idx.json").string(), dir);
    ASSERT_EQ(idx.exitCode, 0) << idx.err;
    CliResult folder = runCli("eval " + kBundled + " --dataset folder:" + (dir / "images").string() + " --channels gray --json " + (dir / "folder.json").string(), dir);
    ASSERT_EQ(folder.exitCode, 0) << folder.err;
    auto a = nlohmann::json::parse(slurp(dir / "idx.json")), b = nlohmann::json::parse(slurp(dir / "folder.json"));
    EXPECT_EQ(b["images"], n);
    EXPECT_EQ(a["precisions"][0]["top1_count"], b["precisions"][0]["top1_count"]) << folder.out;
    EXPECT_EQ(a["precisions"][0]["top5_count"], b["precisions"][0]["top5_count"]) << folder.out;
    // RGB images do not fit a one-channel model: said before anything runs
    CliResult rgb = runCli("eval " + kBundled + " --dataset folder:" + (dir / "images").string(), dir);
    EXPECT_EQ(rgb.exitCode, 2);
    EXPECT_NE(rgb.err.find("dimension 1 of input"), std::string::npos) << rgb.err;
    // quantize prepares the folder's images with the same options (it used to lack them)
    CliResult q = runCli("quantize " + kBundled + " --dataset folder:" + (dir / "images").string() +
                             " --channels gray --resize 32 --crop 28 --samples 20 -o " + (dir / "q.onnx").string(),
                         dir);
    ASSERT_EQ(q.exitCode, 0) << q.err;
    EXPECT_NE(q.out.find("calibration:"), std::string::npos) << q.out;
    EXPECT_NE(q.out.find("images"), std::string::npos) << q.out;
    EXPECT_TRUE(fs::exists(dir / "q.onnx"));
    fs::remove_all(dir);
}

// quantize with a calibration table reads no data set: the default IDX folder's 1x28x28 samples
// must not fix a 3-channel model's input shape (--shape does).
TEST(CliData, QuantizeWithATableReadsNoDataSet) {
    fs::path dir = tempDir("cli-quantize-table");
    {
        std::ofstream t(dir / "t.json");
        t << R"({"schema":"quantlens.calibration/1","method":"minmax","values":{"x":{"min":-2,"max":2}}})";
    }
    CliResult q = runCli("quantize " + kDynamic + " --calib-table " + (dir / "t.json").string() + " --shape x=1,3,8,8 -o " + (dir / "q.onnx").string(), dir);
    EXPECT_EQ(q.exitCode, 0) << q.err;
    EXPECT_TRUE(fs::exists(dir / "q.onnx"));
    fs::remove_all(dir);
}

// A model copied without its card loses its normalisation: eval says so, where the card would
// be and the way out (it read "none (no model card)" and gave 19 % top-1 for 94 %).
TEST(CliData, AModelWithoutItsCardSaysWhereTheCardWouldBe) {
    fs::path dir = tempDir("cli-no-card");
    fs::copy_file(kBundled, dir / "copy.onnx");
    CliResult r = runCli("eval " + (dir / "copy.onnx").string() + " --limit 50", dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("no model card copy.json beside the model; if it was trained on normalised images, give --mean/--std"), std::string::npos) << r.out;
    fs::remove_all(dir);
}

TEST(CliData, LegacyDataOptionStillWorksAndConflictsWithDataset) {
    fs::path dir = tempDir("cli-legacy");
    CliResult old = runCli("eval " + kBundled + " --data " + kFashion + " --split t10k --limit 50", dir);
    ASSERT_EQ(old.exitCode, 0) << old.err;
    EXPECT_NE(old.out.find("t10k split of " + kFashion), std::string::npos) << old.out;
    EXPECT_EQ(runCli("eval " + kBundled + " --data " + kFashion + " --dataset idx:" + kFashion, dir).exitCode, 2);
    CliResult bad = runCli("eval " + kBundled + " --dataset npy:/no/such.npy,/no/labels.npy", dir);
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("/no/such.npy: cannot open"), std::string::npos) << bad.err;
    fs::remove_all(dir);
}
