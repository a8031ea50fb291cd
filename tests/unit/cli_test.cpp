// quantlens-cli end to end on the bundled model, as a user runs it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>

#include "core/data/npy.h"
#include "tests/unit/cli_runner.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;
namespace fs = std::filesystem;

namespace {
const std::string kModel = std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx";
}

TEST(Cli, InspectBundledModel) {
    fs::path dir = tempDir("cli-inspect");
    CliResult r = runCli("inspect " + kModel, dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("input     input  f32 [batch=1,1,28,28]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Conv 9"), std::string::npos);
    EXPECT_NE(r.out.find("BatchNormalization 9"), std::string::npos);
    EXPECT_NE(r.out.find("params    78330"), std::string::npos);
    CliResult j = runCli("inspect --json --batch 4 " + kModel, dir);
    ASSERT_EQ(j.exitCode, 0) << j.err;
    EXPECT_NE(j.out.find("\"total_macs\":" + std::to_string(4 * 9345920)), std::string::npos) << j.out.substr(0, 400);
    // the layers' parameters add up to the total (a constant two nodes read counts once)
    const auto doc = nlohmann::json::parse(j.out);
    int64_t sum = 0;
    for (const auto& l : doc["layers"]) sum += l["params"].get<int64_t>();
    EXPECT_EQ(sum, 78330);
    fs::remove_all(dir);
}

TEST(Cli, RunSavesOutputsAndIsDeterministicPerSeed) {
    fs::path dir = tempDir("cli-run");
    CliResult a = runCli("run " + kModel + " --seed 5 --batch 3 --save-outputs " + (dir / "a").string(), dir);
    ASSERT_EQ(a.exitCode, 0) << a.err;
    CliResult b = runCli("run " + kModel + " --seed 5 --batch 3 --save-outputs " + (dir / "b").string(), dir);
    ASSERT_EQ(b.exitCode, 0) << b.err;
    auto la = data::readNpy(dir / "a" / "logits.npy"), lb = data::readNpy(dir / "b" / "logits.npy");
    ASSERT_TRUE(la.isOk()) << la.message();
    EXPECT_EQ(la->dims(), (ir::Dims{3, 10}));
    EXPECT_EQ(la->toFloatVector(), lb->toFloatVector());
    // an input given as .npy is used as is, and its batch wins
    ASSERT_TRUE(data::writeNpy(dir / "x.npy", ir::Tensor::create(ir::DType::F32, {2, 1, 28, 28}).value()).isOk());
    CliResult c = runCli("run " + kModel + " --input input=" + (dir / "x.npy").string() + " --save-outputs " + (dir / "c").string(), dir);
    ASSERT_EQ(c.exitCode, 0) << c.err;
    EXPECT_EQ(data::readNpy(dir / "c" / "logits.npy")->dims(), (ir::Dims{2, 10}));
    fs::remove_all(dir);
}

// A NaN in an input is named, and the outputs' NaN are counted apart from their min/max/mean;
// the reference executor carries it to the logits as ONNX's reference does.
TEST(Cli, RunNamesNanInputsAndCountsNanOutputs) {
    fs::path dir = tempDir("cli-nan");
    ir::Tensor x = ir::Tensor::create(ir::DType::F32, {1, 1, 28, 28}).value();
    x.data<float>()[100] = std::numeric_limits<float>::quiet_NaN();
    ASSERT_TRUE(data::writeNpy(dir / "x.npy", x).isOk());
    CliResult r = runCli("run " + kModel + " --input input=" + (dir / "x.npy").string(), dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("warning: input 'input' holds 1 NaN and 0 Inf value(s)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("output logits f32 [1,10] (10 NaN, 0 Inf)"), std::string::npos) << r.out;
    fs::remove_all(dir);
}

TEST(Cli, BadArgumentsExit2WithOneLine) {
    fs::path dir = tempDir("cli-bad");
    for (const std::string& args : std::vector<std::string>{"run " + kModel + " --input nope=/does/not/exist.npy", "run " + kModel + " --executor warp",
                                    "inspect /does/not/exist.onnx", "inspect " + kModel + " --batch 0", "frobnicate",
                                    "eval " + kModel + " --data /no/such/folder"}) {
        CliResult r = runCli(args, dir);
        EXPECT_EQ(r.exitCode, 2) << args;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
    }
    // a wrong input shape names the input and both shapes
    ASSERT_TRUE(data::writeNpy(dir / "x.npy", ir::Tensor::create(ir::DType::F32, {1, 3, 28, 28}).value()).isOk());
    CliResult r = runCli("run " + kModel + " --input input=" + (dir / "x.npy").string(), dir);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("input 'input' from " + (dir / "x.npy").string() + " has shape [1,3,28,28]"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(Cli, BundledModelIsAccurateOnFashionMnist) {
    ASSERT_TRUE(fs::exists("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")) << "scripts/setup.sh installs dataset-fashion-mnist";
    fs::path dir = tempDir("cli-eval");
    CliResult r = runCli("eval " + kModel + " --limit 300 --batch 50", dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto pos = r.out.find("top-1 ");
    ASSERT_NE(pos, std::string::npos) << r.out;
    EXPECT_GE(std::stod(r.out.substr(pos + 6)), 88.0) << r.out;
    fs::remove_all(dir);
}

TEST(Cli, ProfileWritesJsonAndCsvWithEveryLayerAndFacts) {
    fs::path dir = tempDir("cli-profile");
    const std::string json = (dir / "p.json").string(), csv = (dir / "p.csv").string();
    CliResult r = runCli("profile " + kModel + " --repeat 3 --warmup 1 --json " + json + " --csv " + csv, dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("int8 vs fp32: speed-up"), std::string::npos) << r.out;
    // the table leaves out no-op steps, and says so
    EXPECT_NE(r.out.find("not listed: --verbose lists every step"), std::string::npos) << r.out;
    const std::string j = slurp(json);
    for (const char* key : {"\"schema\":\"quantlens.profile/1\"", "\"isa\":", "\"onednn\":\"2.", "\"precision\":\"fp32\"",
                            "\"precision\":\"int8\"", "\"arena_bytes\":", "\"liveness_lower_bound_bytes\":", "\"fused_from\":[\"/stem/stem.0/Conv\",\"/stem/stem.1/BatchNormalization\",\"/stem/stem.2/Relu\"]",
                            "\"impl\":\"", "\"gmac_per_s\":", "\"same_argmax\":", "\"fold-batchnorm\""})
        EXPECT_NE(j.find(key), std::string::npos) << key;
    const std::string c = slurp(csv);
    EXPECT_EQ(std::count(c.begin(), c.end(), '\n'), 1 + 2 * 12 + 1) << c;  // header, 12 fused layers per precision, the int8 input quantize (pool, flatten and gemm share one scale)
    fs::remove_all(dir);
}

TEST(Cli, EveryExecutorAgreesWithTheReferenceOnTheBundledModel) {
    fs::path dir = tempDir("cli-executors");
    ASSERT_EQ(runCli("run " + kModel + " --seed 9 --batch 2 --save-outputs " + (dir / "ref").string(), dir).exitCode, 0);
    auto ref = data::readNpy(dir / "ref" / "logits.npy");
    ASSERT_TRUE(ref.isOk());
    for (const std::string ex : {"planned", "eager"}) {
        for (const std::string layout : {"nchw", "nhwc", "blocked", "auto"}) {
            CliResult r = runCli("run " + kModel + " --seed 9 --batch 2 --executor " + ex + " --layout " + layout + " --save-outputs " +
                                     (dir / (ex + layout)).string(), dir);
            ASSERT_EQ(r.exitCode, 0) << r.err;
            auto y = data::readNpy(dir / (ex + layout) / "logits.npy");
            ASSERT_TRUE(y.isOk());
            for (int64_t i = 0; i < ref->numel(); ++i) EXPECT_NEAR(y->data<float>()[i], ref->data<float>()[i], 1e-4) << ex << " " << layout;
        }
    }
    fs::remove_all(dir);
}

TEST(Cli, Int8KeepsTheBundledModelsAccuracy) {
    fs::path dir = tempDir("cli-int8");
    auto top1 = [&](const std::string& precision) {
        CliResult r = runCli("eval " + kModel + " --limit 2000 --executor planned --precision " + precision, dir);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        auto pos = r.out.find("top-1 ");
        return pos == std::string::npos ? 0.0 : std::stod(r.out.substr(pos + 6));
    };
    const double fp32 = top1("fp32"), int8 = top1("int8");
    EXPECT_GE(fp32, 90.0);
    EXPECT_GE(int8, fp32 - 1.0) << "fp32 " << fp32 << " int8 " << int8;
    fs::remove_all(dir);
}

TEST(Cli, EveryCommandAnswersHelpWithItsOptionsAndDefaults) {
    fs::path dir = tempDir("cli-help");
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"inspect", {"--json", "--batch"}},
        {"run", {"--input", "--seed", "--save-outputs", "--executor", "--precision", "--config"}},
        {"eval", {"--data", "--split", "--limit", "--mean", "--std", "--executor", "(default planned)", "=t10k"}},
        {"profile", {"--repeat", "--warmup", "--json", "--csv", "--save-config", "(default fp32,int8)", "--fp32-fallback"}}};
    for (const auto& [cmd, options] : expected) {
        CliResult r = runCli(cmd + " --help", dir);
        EXPECT_EQ(r.exitCode, 0) << cmd << ": " << r.err;
        for (const auto& o : options) EXPECT_NE(r.out.find(o), std::string::npos) << cmd << " --help lacks " << o << ":\n" << r.out;
    }
    CliResult top = runCli("--help", dir);
    EXPECT_EQ(top.exitCode, 0);
    for (const char* cmd : {"inspect", "run", "eval", "profile"}) EXPECT_NE(top.out.find(cmd), std::string::npos);
    fs::remove_all(dir);
}

TEST(Cli, TyposGetASuggestion) {
    fs::path dir = tempDir("cli-typo");
    CliResult r = runCli("profile " + kModel + " --repat 3", dir);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("did you mean --repeat?"), std::string::npos) << r.err;
    CliResult c = runCli("profil " + kModel, dir);
    EXPECT_EQ(c.exitCode, 2);
    EXPECT_NE(c.err.find("did you mean profile?"), std::string::npos) << c.err;
    EXPECT_NE(c.err.find("unknown command 'profil'"), std::string::npos) << c.err;
    // a word like no command says so (not "a subcommand is required"), listing the commands
    CliResult w = runCli("frobnicate", dir);
    EXPECT_EQ(w.exitCode, 2);
    EXPECT_NE(w.err.find("unknown command 'frobnicate' (commands: inspect, run,"), std::string::npos) << w.err;
    // a bad value names its option and gets no option suggestion
    CliResult v = runCli("profile " + kModel + " --batch abc", dir);
    EXPECT_EQ(v.exitCode, 2);
    EXPECT_NE(v.err.find("--batch"), std::string::npos) << v.err;
    EXPECT_EQ(v.err.find("did you mean"), std::string::npos) << v.err;
    // and says what is wrong with it: not a number is not "not in range"
    EXPECT_NE(v.err.find("'abc' is not a whole number; expected 1 to 65536"), std::string::npos) << v.err;
    CliResult big = runCli("profile " + kModel + " --repeat 0", dir);
    EXPECT_EQ(big.exitCode, 2);
    EXPECT_NE(big.err.find("--repeat: 0 is out of range; expected 1 to 100000"), std::string::npos) << big.err;
    CliResult pct = runCli("calibrate " + kModel + " --percentile 150 -o " + (dir / "t.json").string(), dir);
    EXPECT_EQ(pct.exitCode, 2);
    EXPECT_NE(pct.err.find("--percentile: 150 is out of range; expected a share in (0, 100]"), std::string::npos) << pct.err;
    CliResult twice = runCli("profile " + kModel + " --precision fp32,fp32", dir);
    EXPECT_EQ(twice.exitCode, 2);
    EXPECT_NE(twice.err.find("precision fp32 is listed twice"), std::string::npos) << twice.err;
    CliResult seed = runCli("run " + kModel + " --seed -1", dir);
    EXPECT_EQ(seed.exitCode, 2);
    EXPECT_NE(seed.err.find("--seed: -1 is out of range; expected 0 or more"), std::string::npos) << seed.err;
    CliResult version = runCli("--version", dir);
    EXPECT_EQ(version.exitCode, 0) << version.err;
    EXPECT_EQ(version.out.rfind("quantlens-cli ", 0), 0u) << version.out;
    fs::remove_all(dir);
}

// Every command that writes files replaces one only when told (--force), and says so before
// the work: the file is left as it was.
TEST(Cli, EveryCommandAsksBeforeReplacingAFile) {
    fs::path dir = tempDir("cli-replace");
    const std::string f = (dir / "existing.out").string();  // quantize writes its card beside it as existing.json
    const struct {
        std::string name, args, option;
    } cases[] = {
        {"profile --json", "profile " + kModel + " --repeat 1 --warmup 0 --json " + f, "--json"},
        {"profile --csv", "profile " + kModel + " --repeat 1 --warmup 0 --csv " + f, "--csv"},
        {"profile --save-config", "profile " + kModel + " --repeat 1 --warmup 0 --save-config " + f, "--save-config"},
        {"compare --json", "compare " + kModel + " --data random --samples 1 --json " + f, "--json"},
        {"eval --json", "eval " + kModel + " --limit 50 --json " + f, "--json"},
        {"calibrate -o", "calibrate " + kModel + " --samples 8 -o " + f, "--output"},
        {"quantize -o", "quantize " + kModel + " --data random -o " + f, "--output"},
    };
    for (const auto& c : cases) {
        { std::ofstream(f) << "keep"; }
        CliResult refused = runCli(c.args, dir);
        EXPECT_EQ(refused.exitCode, 2) << c.name;
        EXPECT_NE(refused.err.find(c.option + " " + f + ": exists; add --force to replace it"), std::string::npos) << c.name << ": " << refused.err;
        EXPECT_EQ(slurp(f), "keep") << c.name;
        CliResult replaced = runCli(c.args + " --force", dir);
        EXPECT_EQ(replaced.exitCode, 0) << c.name << ": " << replaced.err;
        EXPECT_NE(slurp(f), "keep") << c.name;
    }
    // quantize's model card beside its output is an output too
    { std::ofstream(dir / "existing.json") << "keep"; }
    CliResult card = runCli("quantize " + kModel + " --data random -o " + f + " --force", dir);
    EXPECT_EQ(card.exitCode, 0) << card.err;  // --force: the model and its card
    EXPECT_NE(slurp(dir / "existing.json"), "keep");
    { std::ofstream(dir / "existing.json") << "keep"; }
    CliResult kept = runCli("quantize " + kModel + " --data random -o " + (dir / "existing.onnx").string(), dir);
    EXPECT_EQ(kept.exitCode, 2);
    EXPECT_NE(kept.err.find("existing.json exists (the model card written beside"), std::string::npos) << kept.err;
    EXPECT_EQ(slurp(dir / "existing.json"), "keep");
    EXPECT_FALSE(fs::exists(dir / "existing.onnx"));
    fs::remove_all(dir);
}

TEST(Cli, ARunConfigSavedByProfileRepeatsTheRun) {
    fs::path dir = tempDir("cli-config");
    const std::string config = (dir / "run.json").string();
    CliResult a = runCli("profile " + kModel + " --precision int8 --repeat 2 --warmup 0 --batch 2 --threads 1 --save-config " + config, dir);
    ASSERT_EQ(a.exitCode, 0) << a.err;
    CliResult b = runCli("profile " + kModel + " --config " + config + " --json " + (dir / "p.json").string(), dir);
    ASSERT_EQ(b.exitCode, 0) << b.err;
    EXPECT_NE(b.out.find("batch 2"), std::string::npos) << b.out;
    EXPECT_NE(b.out.find("warm-up 0, repeats 2"), std::string::npos) << b.out;
    EXPECT_EQ(b.out.find("== fp32 =="), std::string::npos);
    const std::string json = slurp(dir / "p.json");
    EXPECT_NE(json.find("\"schema\":\"quantlens.run-config/1\""), std::string::npos);
    // a broken config names the file and exits 2
    std::ofstream(dir / "bad.json") << "{\"repeat\": }";
    CliResult c = runCli("profile " + kModel + " --config " + (dir / "bad.json").string(), dir);
    EXPECT_EQ(c.exitCode, 2);
    EXPECT_NE(c.err.find("bad.json: not valid JSON"), std::string::npos) << c.err;
    EXPECT_FALSE(fs::exists(dir / "bad.json.tmp"));
    fs::remove_all(dir);
}

TEST(Cli, CtrlCCancelsAndExits130) {
    fs::path dir = tempDir("cli-sigint");
    // The reference executor takes seconds for the whole test split. A background job of sh
    // starts with SIGINT ignored, so the signal is sent only once the CLI has installed its
    // handler (SigCgt bit 2 in /proc/PID/status), then 0.3 s later, mid-evaluation.
    const std::string waitForHandler =
        "i=0; while [ $i -lt 1200 ]; do c=$(grep SigCgt /proc/$pid/status | cut -f2); "
        "[ -n \"$c\" ] && [ $(( 0x$c & 2 )) -ne 0 ] && break; sleep 0.05; i=$((i+1)); done; sleep 0.3; ";
    const std::string cmd = std::string(QL_CLI_PATH) + " eval " + kModel + " --executor reference --batch 10 >" + (dir / "out").string() +
                            " 2>" + (dir / "err").string() + " & pid=$!; " + waitForHandler + "kill -INT $pid; wait $pid";
    const int status = std::system(("sh -c '" + cmd + "'").c_str());
    CliResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out"), slurp(dir / "err")};
    EXPECT_EQ(r.exitCode, 130) << r.out << r.err;
    EXPECT_NE(r.err.find("cancelled"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    fs::remove_all(dir);
}

// calibrate writes a table once (refusing to overwrite without --force); eval with the table
// gives the same accuracy as with the same options inline; a malformed table exits 2 naming the
// file and the entry.
// --data random calibrates on seeded random inputs (as quantize and compare do); it used to be
// ignored and the default IDX folder read instead, failing on any model that is not 1x28x28.
TEST(Cli, CalibrateOnRandomInputs) {
    fs::path dir = tempDir("cli-calibrate-random");
    CliResult r = runCli("calibrate " + kModel + " --data random --samples 4 -o " + (dir / "t.json").string(), dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("from 4 sample(s) of seeded N(0,1) random inputs"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("fashion-mnist"), std::string::npos) << r.out;
    fs::remove_all(dir);
}

TEST(Cli, CalibrationTableIsWrittenReusedAndChecked) {
    fs::path dir = tempDir("cli-calib");
    const std::string table = (dir / "t.json").string();
    CliResult c = runCli("calibrate " + kModel + " --method percentile --percentile 99.9 --samples 64 -o " + table, dir);
    ASSERT_EQ(c.exitCode, 0) << c.err;
    EXPECT_NE(c.out.find("percentile 99.9 ranges from 64 sample(s) of train split"), std::string::npos) << c.out;
    EXPECT_NE(c.out.find("weights s8 per-channel"), std::string::npos) << c.out;
    const std::string j = slurp(table);
    for (const char* key : {"\"schema\": \"quantlens.calibration/1\"", "\"method\": \"percentile\"", "\"samples\": 64", "\"input\": {", "\"histogram_range\":"})
        EXPECT_NE(j.find(key), std::string::npos) << key << "\n" << j.substr(0, 400);
    CliResult again = runCli("calibrate " + kModel + " --samples 64 -o " + table, dir);
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_NE(again.err.find("exists"), std::string::npos) << again.err;
    EXPECT_EQ(slurp(table), j);  // untouched
    EXPECT_EQ(runCli("calibrate " + kModel + " --method percentile --percentile 99.9 --samples 64 --force -o " + table, dir).exitCode, 0);

    auto top1Line = [](const std::string& out) {
        auto a = out.find("int8 executor");
        return a == std::string::npos ? std::string() : out.substr(a, out.find("top-5", a) - a);
    };
    CliResult viaTable = runCli("eval " + kModel + " --precision int8 --limit 400 --calib-table " + table, dir);
    ASSERT_EQ(viaTable.exitCode, 0) << viaTable.err;
    EXPECT_NE(viaTable.out.find("(calibration table " + table + ")"), std::string::npos) << viaTable.out;
    CliResult inline_ = runCli("eval " + kModel + " --precision int8 --limit 400 --method percentile --percentile 99.9 --samples 64", dir);
    ASSERT_EQ(inline_.exitCode, 0) << inline_.err;
    EXPECT_NE(inline_.out.find("percentile 99.9 ranges from 64 sample(s) of train split"), std::string::npos) << inline_.out;
    EXPECT_FALSE(top1Line(viaTable.out).empty());
    EXPECT_EQ(top1Line(viaTable.out), top1Line(inline_.out));
    EXPECT_EQ(viaTable.out.find("no range in the table"), std::string::npos) << viaTable.out;  // complete
    {  // a table without one value's range: legal, but the profile says which layers it leaves in f32
        nlohmann::json partial = nlohmann::json::parse(slurp(table));
        ASSERT_EQ(partial["values"].erase("/layer1/Relu_output_0"), 1u);
        const fs::path f = dir / "partial.json";
        { std::ofstream(f) << partial.dump(); }
        CliResult r = runCli("profile " + kModel + " --precision int8 --repeat 1 --warmup 0 --calib-table " + f.string(), dir);
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_NE(r.out.find("no range in the table for 1 value(s) ('/layer1/Relu_output_0')"), std::string::npos) << r.out;
    }

    // malformed tables: each names the file and the entry
    const std::vector<std::pair<std::string, std::string>> bad{
        {R"({"schema": "quantlens.calibration/1", "method": "minmax", "values": {"input": {"min": 2, "max": 1}}})", "'values.input': min 2"},
        {R"({"schema": "quantlens.calibration/1", "method": "minmax", "values": {"input": {"min": "low", "max": 1}}})", "'values.input.min' must be a finite number"},
        {R"({"schema": "quantlens.calibration/1", "method": "minmax", "values": {"input": {"min": null, "max": 1}}})", "'values.input.min' must be a finite number"},
        {R"({"schema": "quantlens.calibration/1", "method": "minmax", "values": {"nope": {"min": 0, "max": 1}}})", "'values.nope' is not a value of this model"},
        {R"({"schema": "quantlens.calibration/1", "method": "kl", "values": {}})", "unknown calibration method 'kl'"},
        {R"({"schema": "quantlens.calibration/1", "method": "minmax", "values": {)", "not valid JSON"}};
    for (const auto& [text, message] : bad) {
        const fs::path f = dir / "bad.json";
        { std::ofstream(f) << text; }
        CliResult r = runCli("eval " + kModel + " --precision int8 --limit 100 --calib-table " + f.string(), dir);
        EXPECT_EQ(r.exitCode, 2) << text;
        EXPECT_NE(r.err.find(f.string() + ": "), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    }
    fs::remove_all(dir);
}

TEST(Cli, EvalComparesFp32AndInt8SideBySide) {
    fs::path dir = tempDir("cli-eval-pair");
    CliResult r = runCli("eval " + kModel + " --precision fp32,int8 --limit 200 --method entropy --samples 32 --per-tensor", dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("entropy ranges from 32 sample(s) of train split"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("weights s8 per-tensor"), std::string::npos) << r.out;
    auto pos = r.out.find("same top-1 on ");
    ASSERT_NE(pos, std::string::npos) << r.out;
    EXPECT_GE(std::stod(r.out.substr(pos + 14)), 90.0) << r.out;
    fs::remove_all(dir);
}

// Without VNNI (--max-isa avx2, once per process: a CLI run each) a 3x3 depthwise conv runs on
// the native kernel, and inside a row-band group on one band per thread: the outputs equal the
// step-by-step plan's byte for byte.
// A MobileNet-style bottleneck on 32 channels: expand 1x1 + ReLU, 3x3 depthwise + ReLU, project
// 1x1 (s8 out: a linear bottleneck) and a 1x1 head (f32 out).
std::string narrowBottleneck(const fs::path& dir) {
    OnnxBuilder b;
    b.input("x", {1, 32, 20, 20});
    std::vector<float> w1(32 * 32), wd(32 * 9), w2(32 * 32);
    for (size_t i = 0; i < w1.size(); ++i) w1[i] = float(int(i * 7 % 13) - 6) * 0.02f;
    for (size_t i = 0; i < wd.size(); ++i) wd[i] = float(int(i * 5 % 11) - 5) * 0.05f;
    for (size_t i = 0; i < w2.size(); ++i) w2[i] = float(int(i * 3 % 17) - 8) * 0.02f;
    std::vector<float> w3(16 * 32);
    for (size_t i = 0; i < w3.size(); ++i) w3[i] = float(int(i * 11 % 19) - 9) * 0.02f;
    b.initializer("w1", {32, 32, 1, 1}, w1).initializer("wd", {32, 1, 3, 3}, wd).initializer("w2", {32, 32, 1, 1}, w2);
    b.initializer("w3", {16, 32, 1, 1}, w3);
    b.node("Conv", {"x", "w1"}, {"e"}, "expand");
    b.node("Relu", {"e"}, {"er"}, "expand_relu");
    auto& dw = b.node("Conv", {"er", "wd"}, {"d"}, "dw");
    OnnxBuilder::setInt(dw, "group", 32);
    OnnxBuilder::setInts(dw, "pads", {1, 1, 1, 1});
    b.node("Relu", {"d"}, {"dr"}, "dw_relu");
    b.node("Conv", {"dr", "w2"}, {"p"}, "project");  // s8 out: a linear bottleneck
    b.node("Conv", {"p", "w3"}, {"y"}, "head");        // f32 out: oneDNN's
    b.output("y");
    return b.save(dir, "dw.onnx").string();
}

// The INT8 output of `run` (saved as y.npy under dir/name) and its squared error relative to the
// FP32 output's energy.
double int8ErrorVsFp32(const std::string& model, const fs::path& dir, const std::string& isaOption, const std::vector<float>& int8) {
    EXPECT_EQ(runCli("run " + model + " --executor planned --precision fp32 --threads 2 " + isaOption + " --seed 3 --save-outputs " + (dir / "fp32").string(), dir).exitCode, 0);
    auto fp32 = data::readNpy(dir / "fp32" / "y.npy");
    if (!fp32.isOk()) return 1e9;
    const std::vector<float> a = fp32->toFloatVector();
    if (a.size() != int8.size()) return 1e9;
    double err = 0, ref = 0;
    for (size_t i = 0; i < a.size(); ++i) err += (a[i] - int8[i]) * (a[i] - int8[i]), ref += a[i] * a[i];
    return err / ref;
}

// The INT8 output of `run` (isaOption e.g. "--max-isa avx2") with row bands on; the same run with
// them off must give the same bytes. Empty (the failure reported) when a run fails or they differ.
std::vector<float> int8OutputWithAndWithoutRowBands(const std::string& model, const fs::path& dir, const std::string& isaOption) {
    for (const char* bands : {"on", "off"}) {
        CliResult r = runCli("run " + model + " --executor planned --precision int8 --threads 2 " + isaOption + " --seed 3 --row-bands " +
                                 bands + " --save-outputs " + (dir / bands).string(),
                             dir);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        if (r.exitCode != 0) return {};
    }
    auto on = data::readNpy(dir / "on" / "y.npy"), off = data::readNpy(dir / "off" / "y.npy");
    EXPECT_TRUE(on.isOk() && off.isOk());
    if (!on.isOk() || !off.isOk()) return {};
    EXPECT_EQ(on->toFloatVector(), off->toFloatVector());
    return on->toFloatVector() == off->toFloatVector() ? on->toFloatVector() : std::vector<float>{};
}

TEST(Cli, NativeKernelsWithoutVnniRunInRowBandsWithTheSameOutputCloseToFp32) {
    fs::path dir = tempDir("cli-native-dw");
    const std::string model = narrowBottleneck(dir);
    const std::vector<float> int8 = int8OutputWithAndWithoutRowBands(model, dir, "--max-isa avx2");
    ASSERT_FALSE(int8.empty());
    CliResult p = runCli("profile " + model + " --precision int8 --threads 2 --max-isa avx2 --repeat 2 --warmup 1", dir);
    ASSERT_EQ(p.exitCode, 0) << p.err;
    const size_t dwLine = p.out.find("native:dw3x3_avx2");
    ASSERT_NE(dwLine, std::string::npos) << p.out;
    EXPECT_NE(p.out.find("row bands", dwLine), std::string::npos) << p.out;
    // the narrow 1x1 convs (s8 source from the quantized input, u8 after the ReLU) run natively too
    const size_t expandLine = p.out.find("\nexpand"), projectLine = p.out.find("\nproject");
    ASSERT_NE(expandLine, std::string::npos) << p.out;
    ASSERT_NE(projectLine, std::string::npos) << p.out;
    EXPECT_NE(p.out.substr(expandLine, p.out.find('\n', expandLine + 1) - expandLine).find("native:1x1_avx2"), std::string::npos) << p.out;
    EXPECT_NE(p.out.substr(projectLine, p.out.find('\n', projectLine + 1) - projectLine).find("native:1x1_avx2"), std::string::npos) << p.out;
    // and the INT8 output stays close to FP32's (a wrong channel order or shift would not)
    EXPECT_LT(int8ErrorVsFp32(model, dir, "--max-isa avx2", int8), 0.01) << "INT8 output's squared error relative to FP32's energy";
    fs::remove_all(dir);
}

// With AVX-512 VNNI the 32-channel depthwise conv runs the native VNNI kernel (paired: two
// output columns per vector), in a row band per thread, close to FP32; the 1x1 convs stay oneDNN's.
TEST(Cli, TheVnniDepthwiseKernelRunsInRowBandsWithTheSameOutputCloseToFp32) {
    if (!__builtin_cpu_supports("avx512vnni") || !__builtin_cpu_supports("avx512bw") || !__builtin_cpu_supports("avx512vl"))
        GTEST_SKIP() << "no AVX-512 VNNI on this CPU";
    fs::path dir = tempDir("cli-native-dw-vnni");
    const std::string model = narrowBottleneck(dir);
    const std::vector<float> int8 = int8OutputWithAndWithoutRowBands(model, dir, "");
    ASSERT_FALSE(int8.empty());
    CliResult p = runCli("profile " + model + " --precision int8 --threads 2 --repeat 2 --warmup 1", dir);
    ASSERT_EQ(p.exitCode, 0) << p.err;
    const size_t dwLine = p.out.find("native:dw3x3_vnni");
    ASSERT_NE(dwLine, std::string::npos) << p.out;
    EXPECT_NE(p.out.find("row bands", dwLine), std::string::npos) << p.out;
    EXPECT_EQ(p.out.find("native:1x1"), std::string::npos) << p.out;
    EXPECT_LT(int8ErrorVsFp32(model, dir, "", int8), 0.01) << "INT8 output's squared error relative to FP32's energy";
    fs::remove_all(dir);
}
