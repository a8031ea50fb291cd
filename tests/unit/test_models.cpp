#include "tests/unit/test_models.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "core/passes/infer_shapes.h"
#include "importers/onnx/onnx_importer.h"

namespace ql::test {

namespace fs = std::filesystem;

OnnxBuilder::OnnxBuilder(int opset) {
    m_.set_ir_version(8);
    m_.set_producer_name("quantlens-tests");
    auto* os = m_.add_opset_import();
    os->set_domain("");
    os->set_version(opset);
    m_.mutable_graph()->set_name("test");
}

OnnxBuilder& OnnxBuilder::input(const std::string& name, std::vector<int64_t> dims, int elemType) {
    auto* in = m_.mutable_graph()->add_input();
    in->set_name(name);
    auto* tt = in->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(elemType);
    auto* shape = tt->mutable_shape();
    for (int64_t d : dims) {
        auto* dim = shape->add_dim();
        if (d < 0) dim->set_dim_param("N");
        else dim->set_dim_value(d);
    }
    return *this;
}

OnnxBuilder& OnnxBuilder::output(const std::string& name) {
    m_.mutable_graph()->add_output()->set_name(name);
    return *this;
}

OnnxBuilder& OnnxBuilder::initializer(const std::string& name, std::vector<int64_t> dims, const std::vector<float>& values) {
    auto* t = m_.mutable_graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (int64_t d : dims) t->add_dims(d);
    for (float v : values) t->add_float_data(v);
    return *this;
}

OnnxBuilder& OnnxBuilder::initializerInts(const std::string& name, std::vector<int64_t> dims, const std::vector<int64_t>& values) {
    auto* t = m_.mutable_graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    for (int64_t d : dims) t->add_dims(d);
    for (int64_t v : values) t->add_int64_data(v);
    return *this;
}

onnx::NodeProto& OnnxBuilder::node(const std::string& op, std::vector<std::string> inputs, std::vector<std::string> outputs,
                                   const std::string& name) {
    auto* n = m_.mutable_graph()->add_node();
    n->set_op_type(op);
    n->set_name(name.empty() ? op + "_" + std::to_string(m_.graph().node_size()) : name);
    for (auto& i : inputs) n->add_input(i);
    for (auto& o : outputs) n->add_output(o);
    return *n;
}

void OnnxBuilder::setInts(onnx::NodeProto& n, const std::string& name, const std::vector<int64_t>& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t x : v) a->add_ints(x);
}

void OnnxBuilder::setInt(onnx::NodeProto& n, const std::string& name, int64_t v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
}

std::string OnnxBuilder::bytes() const { return m_.SerializeAsString(); }

fs::path OnnxBuilder::save(const fs::path& dir, const std::string& file) const {
    fs::path p = dir / file;
    std::ofstream(p, std::ios::binary) << bytes();
    return p;
}

fs::path tempDir(const std::string& tag) {
    static std::mt19937_64 rng{std::random_device{}()};
    fs::path p = fs::temp_directory_path() / ("quantlens-test-" + tag + "-" + std::to_string(rng()));
    fs::create_directories(p);
    return p;
}

OnnxBuilder smallConvNet(int64_t batch) {
    OnnxBuilder b;
    std::vector<float> w(4 * 1 * 3 * 3), fc(3 * 4), fcb(3, 0.1f);
    for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i % 7) - 3) * 0.1f;
    for (size_t i = 0; i < fc.size(); ++i) fc[i] = float(int(i % 5) - 2) * 0.2f;
    b.input("x", {batch, 1, 8, 8}).output("y").initializer("w", {4, 1, 3, 3}, w).initializer("fc", {3, 4}, fc).initializer("fcb", {3}, fcb);
    auto& conv = b.node("Conv", {"x", "w"}, {"c"}, "conv");
    OnnxBuilder::setInts(conv, "pads", {1, 1, 1, 1});
    b.node("Relu", {"c"}, {"r"}, "relu");
    b.node("GlobalAveragePool", {"r"}, {"g"}, "gap");
    b.node("Flatten", {"g"}, {"f"}, "flatten");
    auto& gemm = b.node("Gemm", {"f", "fc", "fcb"}, {"y"}, "fc");
    OnnxBuilder::setInt(gemm, "transB", 1);
    return b;
}

std::vector<float> randomValues(size_t n, unsigned seed, float lo, float hi) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(lo, hi);
    std::vector<float> v(n);
    for (float& x : v) x = u(rng);
    return v;
}

std::shared_ptr<ir::Graph> importGraph(const OnnxBuilder& b) {
    auto g = onnx_io::importOnnxBytes(b.bytes(), ".");
    EXPECT_TRUE(g.isOk()) << g.message();
    auto graph = std::make_shared<ir::Graph>(std::move(g).value());
    EXPECT_TRUE(passes::inferShapes(*graph).isOk());
    return graph;
}

}  // namespace ql::test
