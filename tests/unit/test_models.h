#pragma once
// Builds tiny ONNX models in memory for importer, inference and CLI tests.
#include <onnx/onnx_pb.h>

#include "core/ir/graph.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ql::test {

class OnnxBuilder {
public:
    explicit OnnxBuilder(int opset = 13);
    // dims: -1 becomes the symbolic dimension "N".
    OnnxBuilder& input(const std::string& name, std::vector<int64_t> dims, int elemType = onnx::TensorProto::FLOAT);
    OnnxBuilder& output(const std::string& name);
    OnnxBuilder& initializer(const std::string& name, std::vector<int64_t> dims, const std::vector<float>& values);
    OnnxBuilder& initializerInts(const std::string& name, std::vector<int64_t> dims, const std::vector<int64_t>& values);
    onnx::NodeProto& node(const std::string& op, std::vector<std::string> inputs, std::vector<std::string> outputs,
                          const std::string& name = "");
    static void setInts(onnx::NodeProto& n, const std::string& name, const std::vector<int64_t>& v);
    static void setInt(onnx::NodeProto& n, const std::string& name, int64_t v);

    onnx::ModelProto& model() { return m_; }
    std::string bytes() const;
    std::filesystem::path save(const std::filesystem::path& dir, const std::string& file) const;

private:
    onnx::ModelProto m_;
};

// A fresh empty folder under the system temp dir.
std::filesystem::path tempDir(const std::string& tag);

// The model imported and shape-inferred (the test fails, via EXPECT, if either step does).
std::shared_ptr<ir::Graph> importGraph(const OnnxBuilder& b);

// n values drawn uniformly from [lo, hi) with a seeded generator (weights, inputs).
std::vector<float> randomValues(size_t n, unsigned seed, float lo, float hi);

// Conv -> Relu -> GlobalAveragePool -> Flatten -> Gemm classifier (x [batch,1,8,8] -> y [batch,3])
// with a dynamic batch (-1), or one the model fixes.
OnnxBuilder smallConvNet(int64_t batch = -1);

}  // namespace ql::test
