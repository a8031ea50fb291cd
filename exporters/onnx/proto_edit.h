#pragma once
// Small tools for rewriting an ONNX graph in place: who produces and reads a value, initializers
// as ir::Tensor, fresh unique names, and builders for initializers and nodes.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ir/tensor.h"
#include "core/util/status.h"

namespace onnx {
class GraphProto;
class ModelProto;
class NodeProto;
}  // namespace onnx

namespace ql::onnx_export {

class ProtoIndex {
public:
    ProtoIndex() = default;
    explicit ProtoIndex(const onnx::GraphProto& g);
    int producerOf(const std::string& value) const;  // node index, -1 for inputs and initializers
    int consumers(const std::string& value) const;
    bool isGraphOutput(const std::string& value) const { return outputs_.count(value) > 0; }
    // Initializer lookups see through Identity nodes that forward an initializer.
    bool isInitializer(const std::string& value) const;
    std::string resolve(const std::string& value) const;
    int initializerRank(const std::string& value) const;
    // The initializer as a tensor when it is a float constant; nullopt otherwise.
    Expected<std::optional<ir::Tensor>> floatInitializer(const std::string& value, const std::filesystem::path& modelDir) const;
    // `base` if no value, node or initializer has that name yet, else base_2, base_3, ...
    std::string uniqueName(const std::string& base);

private:
    const onnx::GraphProto* graph_ = nullptr;
    std::map<std::string, int> producers_, consumers_, initializers_;
    std::set<std::string> outputs_, taken_;
};

void addInitializer(onnx::GraphProto& g, const std::string& name, const ir::Tensor& t);
void addScalar(onnx::GraphProto& g, const std::string& name, float v);
void addVector(onnx::GraphProto& g, const std::string& name, const std::vector<float>& v);
void addZeroPoint(onnx::GraphProto& g, const std::string& name, ir::DType dtype, int32_t v);       // scalar
void addZeroPoints(onnx::GraphProto& g, const std::string& name, ir::DType dtype, int64_t count);  // zeros
onnx::NodeProto makeNode(const std::string& op, const std::string& name, const std::vector<std::string>& inputs, const std::vector<std::string>& outputs);
void setIntAttribute(onnx::NodeProto& n, const std::string& name, int64_t v);
void removeUnusedInitializers(onnx::GraphProto& g);

Expected<std::string> readModelBytes(const std::filesystem::path& model);
int defaultOpset(const onnx::ModelProto& m);  // the ai.onnx opset, 0 when none

}  // namespace ql::onnx_export
