// The importer on well-formed models (hostile ones: hostile_cli_test.cpp, through the CLI).
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
void writeText(const fs::path& f, const std::string& s) { std::ofstream(f, std::ios::binary) << s; }
}  // namespace

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
