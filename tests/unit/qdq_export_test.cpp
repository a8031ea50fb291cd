// quantize: the bundled model written as QDQ, read back by QuantLens' own importer, and run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/profile/output_agreement.h"
#include "core/session/inputs.h"
#include "core/session/quantize_workflow.h"
#include "tests/unit/test_models.h"

namespace ql {
namespace {

const std::string kModel = std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx";
const std::string kData = "/usr/share/datasets/fashion-mnist";

struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("ql_qdq_" + std::to_string(::getpid()));
    TempDir() { std::filesystem::create_directories(path); }
    ~TempDir() { std::filesystem::remove_all(path); }
};

std::map<std::string, int> opCounts(const ir::Graph& g) {
    std::map<std::string, int> n;
    for (ir::NodeId id : g.nodeIds()) ++n[g.node(id).opType];
    return n;
}

session::RunConfig calibrationConfig() {
    session::RunConfig c;
    c.calibration.samples = 64;
    return c;
}

TEST(QdqExport, BundledModelBecomesAQdqModelThatRunsLikeTheFloatOne) {
    TempDir dir;
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s) << s.status().message();
    session::QuantizeRequest req;
    req.output = dir.path / "q.onnx";
    req.calibration.dataDir = kData;
    auto r = session::quantizeModel(**s, calibrationConfig(), req);
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ(r->report.candidates, 10);
    EXPECT_EQ(r->report.quantized, 10);
    EXPECT_EQ(r->report.foldedBatchNorms, 9);  // two BN shifts arrive through Identity nodes
    EXPECT_TRUE(r->report.perChannel);
    EXPECT_LT(r->report.outputBytes * 3, r->report.inputBytes);  // s8 weights: well under a third

    // QuantLens reads its own export: no BatchNormalization left, a weight DQ and a bias DQ per
    // layer, and one activation Q/DQ pair per distinct layer input
    auto q = session::Session::open(req.output);
    ASSERT_TRUE(q) << q.status().message();
    const auto ops = opCounts(*(*q)->original());
    EXPECT_EQ(ops.count("BatchNormalization"), 0u);
    EXPECT_EQ(ops.at("Conv") + ops.at("Gemm"), 10);
    EXPECT_GE(ops.at("QuantizeLinear"), 8);
    int biases = 0;
    const ir::Graph& g = *(*q)->original();
    for (ir::NodeId id : g.nodeIds())
        if ((g.node(id).opType == "Conv" || g.node(id).opType == "Gemm") && g.node(id).hasInput(2)) ++biases;
    EXPECT_EQ(ops.at("DequantizeLinear"), ops.at("QuantizeLinear") + 10 + biases);

    // the same inputs through both (reference executor): the QDQ model is the float model with
    // int8 rounding, so the logits agree closely and the class does not change
    auto inputs = session::completeWithRandom(*(*s)->original(), {}, 7);
    ASSERT_TRUE(inputs);
    session::RunConfig run;
    run.precisions = {runtime::Precision::Fp32};
    run.executor = "reference";
    auto a = session::runModel(**s, run, *inputs);
    auto b = session::runModel(**q, run, *inputs);
    ASSERT_TRUE(a && b);
    const auto agreement = profile::compareOutputs(a->outputs, b->outputs);
    ASSERT_EQ(agreement.size(), 1u);
    EXPECT_GT(agreement[0].cosine, 0.99);
    EXPECT_GT(agreement[0].sqnrDb, 15);

    // profiled, the model's Q/DQ pairs fold into int8 kernels with its own scales: nothing runs
    // on reference kernels, and INT8 agrees with FP32 like a calibrated float model does
    session::RunConfig both;
    both.warmup = 1;
    both.repeat = 2;
    auto p = session::profileModel(**q, both, {*inputs});
    ASSERT_TRUE(p) << p.status().message();
    const session::PrecisionRun* int8 = (*p)->find(runtime::Precision::Int8);
    ASSERT_TRUE(int8);
    EXPECT_NE(int8->int8Note.find("the model's own QuantizeLinear scales"), std::string::npos) << int8->int8Note;
    for (const auto& l : int8->profile.layers) {
        EXPECT_NE(l.step.impl, "reference") << l.step.name;
        EXPECT_NE(l.step.opType, "QuantizeLinear");
        EXPECT_NE(l.step.opType, "DequantizeLinear");
    }
    ASSERT_EQ((*p)->agreement.size(), 1u);
    EXPECT_GT((*p)->agreement[0].cosine, 0.99);
    bool recorded = false;
    for (const auto& pass : (*q)->passRecords())
        if (pass.pass == "fold-qdq") recorded = pass.changes.size() >= 8;
    EXPECT_TRUE(recorded);
}

TEST(QdqFold, TorchStylePairsThroughACastFoldAndKeepTheirScale) {
    // input -> QuantizeLinear(0.1, u8 0) -> Cast(uint8) -> DequantizeLinear -> Relu: what torch exports
    test::OnnxBuilder b;
    b.input("x", {1, 4}).output("y");
    b.initializer("s", {}, {0.1f});
    auto* zp = b.model().mutable_graph()->add_initializer();
    zp->set_name("zp");
    zp->set_data_type(onnx::TensorProto::UINT8);
    zp->add_int32_data(3);
    b.node("QuantizeLinear", {"x", "s", "zp"}, {"q"}, "q");
    test::OnnxBuilder::setInt(b.node("Cast", {"q"}, {"qc"}, "cast"), "to", onnx::TensorProto::UINT8);
    b.node("DequantizeLinear", {"qc", "s", "zp"}, {"dq"}, "dq");
    b.node("Relu", {"dq"}, {"r"}, "relu");
    // and a pair on the model's output: it folds too, and the output keeps its name
    b.node("QuantizeLinear", {"r", "s", "zp"}, {"q2"}, "q2");
    b.node("DequantizeLinear", {"q2", "s", "zp"}, {"y"}, "dq2");
    const auto dir = test::tempDir("qdq_fold");
    auto s = session::Session::open(b.save(dir, "m.onnx"));
    ASSERT_TRUE(s) << s.status().message();
    const ir::Graph& g = *(*s)->fused();
    ASSERT_EQ(g.liveNodeCount(), 1u);
    const ir::Node& relu = g.node(g.nodeIds().front());
    EXPECT_EQ(relu.opType, "Relu");
    EXPECT_EQ(relu.fusedFrom.size(), 6u);  // it stands for the Q, the Cast and the DQ too, and for the output pair
    ASSERT_EQ(g.outputs.size(), 1u);
    EXPECT_EQ(g.outputs[0], relu.outputs[0]);
    EXPECT_EQ(g.value(g.outputs[0]).name, "y");
    ASSERT_TRUE(g.value(g.outputs[0]).quant);
    const ir::Value& x = g.value(relu.inputs[0]);
    EXPECT_EQ(x.name, "x");
    ASSERT_TRUE(x.quant);
    EXPECT_FLOAT_EQ(x.quant->scales[0], 0.1f);
    EXPECT_EQ(x.quant->zeroPoints[0], 3);
    EXPECT_EQ(x.quant->storage, ir::DType::U8);
    std::filesystem::remove_all(dir);
}

TEST(QdqExport, FallbackTablesAndRefusals) {
    TempDir dir;
    auto s = session::Session::open(kModel);
    ASSERT_TRUE(s);
    // a calibration table made once, used for two exports
    session::CalibrationRequest data;
    data.dataDir = kData;
    data.split = "train";
    auto table = session::calibrateModel(**s, calibrationConfig(), data);
    ASSERT_TRUE(table) << table.status().message();
    ASSERT_TRUE(session::writeCalibrationTable(dir.path / "t.json", *table, false));
    session::RunConfig c;
    c.calibration.table = (dir.path / "t.json").string();
    c.fp32Fallback = {"Gemm"};
    session::QuantizeRequest req;
    req.output = dir.path / "q.onnx";
    auto r = session::quantizeModel(**s, c, req);
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ(r->report.quantized, 9);
    ASSERT_EQ(r->report.leftFloat.size(), 1u);
    EXPECT_NE(r->report.leftFloat[0].find("(Gemm): in the FP32 fallback list"), std::string::npos);

    // an existing file is never replaced silently
    const auto before = std::filesystem::file_size(req.output);
    auto again = session::quantizeModel(**s, c, req);
    ASSERT_FALSE(again);
    EXPECT_NE(again.status().message().find("exists; not overwritten"), std::string::npos);
    EXPECT_EQ(std::filesystem::file_size(req.output), before);
    req.overwrite = true;
    c.fp32Fallback.clear();
    ASSERT_TRUE(session::quantizeModel(**s, c, req));
    EXPECT_LT(std::filesystem::file_size(req.output), before);  // the Gemm's weights are int8 now too

    // a table for another model: nothing can be quantized, and every node says why
    session::CalibrationTable other = *table;
    other.ranges.clear();
    other.ranges["something_else"] = {0, 1};
    onnx_export::QdqOptions o;
    o.ranges = &other.ranges;
    o.overwrite = true;
    auto none = onnx_export::writeQdqModel(kModel, dir.path / "none.onnx", o);
    ASSERT_TRUE(none);
    EXPECT_EQ(none->quantized, 0);
    EXPECT_EQ(none->leftFloat.size(), 10u);
    EXPECT_NE(none->leftFloat[0].find("no calibration range for its input"), std::string::npos);

    // not a model: named, nothing written
    std::ofstream(dir.path / "junk.onnx") << "this is not protobuf";
    auto junk = onnx_export::writeQdqModel(dir.path / "junk.onnx", dir.path / "out.onnx", o);
    ASSERT_FALSE(junk);
    EXPECT_NE(junk.status().message().find("junk.onnx"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.path / "out.onnx"));
}

}  // namespace
}  // namespace ql
