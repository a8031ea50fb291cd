// Hostile and malformed models: each gets one clear line naming file, node and reason, and
// exit code 2 from the CLI; nothing crashes or allocates absurd amounts.
#include <gtest/gtest.h>

#include <fstream>

#include "core/session/session.h"
#include "importers/onnx/onnx_importer.h"
#include "tests/unit/cli_runner.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;
namespace fs = std::filesystem;

namespace {
struct BadCase {
    std::string name;
    std::function<void(const fs::path& dir, const fs::path& file)> write;
    std::vector<std::string> expected;  // substrings of the one-line message
};

void writeText(const fs::path& f, const std::string& s) { std::ofstream(f, std::ios::binary) << s; }

std::vector<BadCase> badCases() {
    return {
        {"not_onnx", [](auto&, auto& f) { writeText(f, "this is not a model\n"); }, {"not an ONNX model"}},
        {"truncated", [](auto&, auto& f) {
             std::string b = smallConvNet().bytes();
             writeText(f, b.substr(0, b.size() / 2));
         }, {"not an ONNX model"}},
        {"empty", [](auto&, auto& f) { writeText(f, ""); }, {"empty"}},
        {"missing_initializer", [](auto&, auto& f) {
             OnnxBuilder b = smallConvNet();
             b.model().mutable_graph()->mutable_initializer()->RemoveLast();  // fcb
             b.save(f.parent_path(), f.filename().string());
         }, {"node 'fc' (Gemm)", "'fcb'", "not produced"}},
        {"cycle", [](auto&, auto& f) {
             OnnxBuilder b;
             b.input("x", {1, 2}).output("b");
             b.node("Add", {"x", "b"}, {"a"}, "first");
             b.node("Relu", {"a"}, {"b"}, "second");
             b.save(f.parent_path(), f.filename().string());
         }, {"cycle", "node '"}},
        {"rank_mismatch", [](auto&, auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_dims();
             for (int64_t d : {4, 1, 9}) w->add_dims(d);
             b.save(f.parent_path(), f.filename().string());
         }, {"node 'conv' (Conv)", "rank 3"}},
        {"zero_stride", [](auto&, auto& f) {
             OnnxBuilder b = smallConvNet();
             OnnxBuilder::setInts(*b.model().mutable_graph()->mutable_node(0), "strides", {0, 1});
             b.save(f.parent_path(), f.filename().string());
         }, {"node 'conv' (Conv)", "stride 0"}},
        {"group_not_dividing", [](auto&, auto& f) {
             OnnxBuilder b = smallConvNet();
             OnnxBuilder::setInt(*b.model().mutable_graph()->mutable_node(0), "group", 3);
             b.save(f.parent_path(), f.filename().string());
         }, {"node 'conv' (Conv)", "does not divide"}},
        {"huge_tensor", [](auto&, auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_dims();
             w->clear_float_data();
             for (int64_t d : std::vector<int64_t>{int64_t(1) << 20, int64_t(1) << 20, 1, 1}) w->add_dims(d);
             b.save(f.parent_path(), f.filename().string());
         }, {"tensor 'w'", "limit"}},
        {"unsupported_ops", [](auto&, auto& f) {
             OnnxBuilder b;
             b.input("x", {1, 4}).output("z");
             b.node("LSTMish", {"x"}, {"y"}, "mystery1");
             b.node("Relu", {"y"}, {"y2"}, "fine");
             b.node("Einsum", {"y2"}, {"z"}, "mystery2");
             b.save(f.parent_path(), f.filename().string());
         }, {"2 node(s)", "'mystery1' (LSTMish)", "'mystery2' (Einsum)"}},
        {"opset_too_new", [](auto&, auto& f) { OnnxBuilder b = smallConvNet(); b.model().mutable_opset_import(0)->set_version(18); b.save(f.parent_path(), f.filename().string()); },
         {"opset 18 is not supported"}},
        {"opset_too_old", [](auto&, auto& f) { OnnxBuilder b = smallConvNet(); b.model().mutable_opset_import(0)->set_version(5); b.save(f.parent_path(), f.filename().string()); },
         {"opset 5 is not supported"}},
        {"external_data_escape", [](auto&, auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_float_data();
             w->set_data_location(onnx::TensorProto::EXTERNAL);
             auto* kv = w->add_external_data();
             kv->set_key("location");
             kv->set_value("../../etc/passwd");
             b.save(f.parent_path(), f.filename().string());
         }, {"outside the model's folder"}},
        {"short_raw_data", [](auto&, auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_float_data();
             w->set_raw_data(std::string(10, '\0'));
             b.save(f.parent_path(), f.filename().string());
         }, {"tensor 'w'", "raw_data holds 10"}},
    };
}
}  // namespace

TEST(BadInput, EveryCaseGivesOneLineNamingFileAndReasonAndExit2) {
    for (const BadCase& c : badCases()) {
        fs::path dir = tempDir("bad-" + c.name);
        fs::path file = dir / (c.name + ".onnx");
        c.write(dir, file);
        CliResult r = runCli("inspect " + file.string(), dir);
        EXPECT_EQ(r.exitCode, 2) << c.name << ": " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.name << ": " << r.err;
        EXPECT_NE(r.err.find(file.string()), std::string::npos) << c.name << ": " << r.err;
        for (const auto& s : c.expected) EXPECT_NE(r.err.find(s), std::string::npos) << c.name << " lacks '" << s << "': " << r.err;
        fs::remove_all(dir);
    }
}

TEST(OnnxImport, ConstantNodesBecomeConstantValues) {
    OnnxBuilder b;
    b.input("x", {1, 2}).output("y");
    auto& k = b.node("Constant", {}, {"k"}, "const");
    auto* a = k.add_attribute();
    a->set_name("value");
    a->set_type(onnx::AttributeProto::TENSOR);
    a->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
    a->mutable_t()->add_dims(2);
    a->mutable_t()->add_float_data(1.f);
    a->mutable_t()->add_float_data(2.f);
    b.node("Add", {"x", "k"}, {"y"}, "add");
    auto g = onnx_io::importOnnxBytes(b.bytes(), ".");
    ASSERT_TRUE(g.isOk()) << g.message();
    EXPECT_EQ(g->liveNodeCount(), 1u);
    auto k2 = g->findValue("k");
    ASSERT_TRUE(k2.has_value());
    ASSERT_TRUE(g->value(*k2).constant.has_value());
    EXPECT_EQ(g->value(*k2).constant->toFloatVector(), (std::vector<float>{1.f, 2.f}));
}

TEST(OnnxImport, ExternalDataInsideTheModelFolderLoads) {
    fs::path dir = tempDir("external");
    OnnxBuilder b = smallConvNet();
    auto* w = b.model().mutable_graph()->mutable_initializer(0);
    std::string raw(reinterpret_cast<const char*>(w->float_data().data()), size_t(w->float_data_size()) * 4);
    w->clear_float_data();
    w->set_data_location(onnx::TensorProto::EXTERNAL);
    auto* kv = w->add_external_data();
    kv->set_key("location");
    kv->set_value("weights.bin");
    writeText(dir / "weights.bin", std::string(16, 'x') + raw);
    auto* off = w->add_external_data();
    off->set_key("offset");
    off->set_value("16");
    fs::path file = b.save(dir, "model.onnx");
    auto g = session::loadModel(file, {2});
    ASSERT_TRUE(g.isOk()) << g.message();
    auto wid = (*g)->findValue("w");
    EXPECT_FLOAT_EQ((*g)->value(*wid).constant->data<float>()[0], -0.3f);
    EXPECT_EQ((*g)->value((*g)->outputs[0]).dims, (ir::Dims{2, 3}));
    fs::remove_all(dir);
}

TEST(OnnxImport, DynamicBatchIsSymbolicUntilInference) {
    auto g = onnx_io::importOnnxBytes(smallConvNet().bytes(), ".");
    ASSERT_TRUE(g.isOk());
    EXPECT_EQ(g->batchSymbol, "N");
    EXPECT_EQ(g->value(g->inputs[0]).dims[0], -1);
}
