#include "exporters/onnx/proto_edit.h"

#include <onnx/onnx_pb.h>

#include <cstring>
#include <fstream>

#include "importers/onnx/tensor_proto.h"

namespace ql::onnx_export {

ProtoIndex::ProtoIndex(const onnx::GraphProto& g) : graph_(&g) {
    for (int i = 0; i < g.initializer_size(); ++i) {
        initializers_[g.initializer(i).name()] = i;
        taken_.insert(g.initializer(i).name());
    }
    for (int i = 0; i < g.node_size(); ++i) {
        const auto& n = g.node(i);
        taken_.insert(n.name());
        for (const auto& o : n.output()) producers_[o] = i, taken_.insert(o);
        for (const auto& in : n.input())
            if (!in.empty()) ++consumers_[in];
    }
    for (const auto& v : g.input()) taken_.insert(v.name());
    for (const auto& v : g.output()) outputs_.insert(v.name()), taken_.insert(v.name());
}

int ProtoIndex::producerOf(const std::string& value) const {
    auto it = producers_.find(value);
    return it == producers_.end() ? -1 : it->second;
}

int ProtoIndex::consumers(const std::string& value) const {
    auto it = consumers_.find(value);
    return it == consumers_.end() ? 0 : it->second;
}

std::string ProtoIndex::resolve(const std::string& value) const {
    // exporters share equal constants through Identity nodes (torch does): look through them
    std::string v = value;
    for (int hops = 0; hops < 16 && !initializers_.count(v); ++hops) {
        const int p = producerOf(v);
        if (p < 0 || graph_->node(p).op_type() != "Identity" || !graph_->node(p).domain().empty() || graph_->node(p).input_size() != 1) break;
        v = graph_->node(p).input(0);
    }
    return v;
}

bool ProtoIndex::isInitializer(const std::string& value) const { return initializers_.count(resolve(value)) > 0; }

int ProtoIndex::initializerRank(const std::string& value) const {
    auto it = initializers_.find(resolve(value));
    return it == initializers_.end() ? -1 : graph_->initializer(it->second).dims_size();
}

Expected<std::optional<ir::Tensor>> ProtoIndex::floatInitializer(const std::string& value, const std::filesystem::path& modelDir) const {
    auto it = initializers_.find(resolve(value));
    if (it == initializers_.end()) return std::optional<ir::Tensor>();
    const auto& proto = graph_->initializer(it->second);
    if (proto.data_type() != onnx::TensorProto::FLOAT) return std::optional<ir::Tensor>();
    QL_ASSIGN(auto t, onnx_io::tensorFromProto(proto, modelDir));
    return std::optional<ir::Tensor>(std::move(t));
}

std::string ProtoIndex::uniqueName(const std::string& base) {
    std::string name = base;
    for (int k = 2; taken_.count(name); ++k) name = base + "_" + std::to_string(k);
    taken_.insert(name);
    return name;
}

void addInitializer(onnx::GraphProto& g, const std::string& name, const ir::Tensor& t) {
    auto* p = g.add_initializer();
    p->set_name(name);
    p->set_data_type(onnx_io::dtypeToOnnx(t.dtype()));
    for (int64_t d : t.dims()) p->add_dims(d);
    p->set_raw_data(std::string(reinterpret_cast<const char*>(t.data<uint8_t>()), size_t(t.byteSize())));
}

void addScalar(onnx::GraphProto& g, const std::string& name, float v) {
    auto* p = g.add_initializer();
    p->set_name(name);
    p->set_data_type(onnx::TensorProto::FLOAT);
    p->add_float_data(v);
}

void addVector(onnx::GraphProto& g, const std::string& name, const std::vector<float>& v) {
    auto* p = g.add_initializer();
    p->set_name(name);
    p->set_data_type(onnx::TensorProto::FLOAT);
    p->add_dims(int64_t(v.size()));
    p->set_raw_data(std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float)));
}

void addZeroPoint(onnx::GraphProto& g, const std::string& name, ir::DType dtype, int32_t v) {
    auto* p = g.add_initializer();
    p->set_name(name);
    p->set_data_type(onnx_io::dtypeToOnnx(dtype));
    p->add_int32_data(v);  // u8, s8 and s32 all live in int32_data
}

void addZeroPoints(onnx::GraphProto& g, const std::string& name, ir::DType dtype, int64_t count) {
    auto* p = g.add_initializer();
    p->set_name(name);
    p->set_data_type(onnx_io::dtypeToOnnx(dtype));
    p->add_dims(count);
    for (int64_t i = 0; i < count; ++i) p->add_int32_data(0);
}

onnx::NodeProto makeNode(const std::string& op, const std::string& name, const std::vector<std::string>& inputs, const std::vector<std::string>& outputs) {
    onnx::NodeProto n;
    n.set_op_type(op);
    n.set_name(name);
    for (const auto& i : inputs) n.add_input(i);
    for (const auto& o : outputs) n.add_output(o);
    return n;
}

void setIntAttribute(onnx::NodeProto& n, const std::string& name, int64_t v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
}

void removeUnusedInitializers(onnx::GraphProto& g) {
    std::set<std::string> used;
    for (const auto& n : g.node())
        for (const auto& i : n.input()) used.insert(i);
    for (const auto& o : g.output()) used.insert(o.name());
    auto* list = g.mutable_initializer();
    std::set<std::string> removed;
    for (int i = list->size() - 1; i >= 0; --i)
        if (!used.count(list->Get(i).name())) removed.insert(list->Get(i).name()), list->DeleteSubrange(i, 1);
    // an initializer also declared as a graph input (IR version < 4 style) leaves with it
    auto* inputs = g.mutable_input();
    for (int i = inputs->size() - 1; i >= 0; --i)
        if (removed.count(inputs->Get(i).name())) inputs->DeleteSubrange(i, 1);
}

Expected<std::string> readModelBytes(const std::filesystem::path& model) {
    std::ifstream in(model, std::ios::binary);
    if (!in) return Status::error(model.string() + ": cannot be read");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() > (size_t(2) << 30) - 1)
        return Status::unsupported(model.string() + ": over 2 GiB, the limit of a single protobuf (external-data models are not exported yet)");
    return bytes;
}

int defaultOpset(const onnx::ModelProto& m) {
    for (const auto& o : m.opset_import())
        if (o.domain().empty() || o.domain() == "ai.onnx") return int(o.version());
    return 0;
}

}  // namespace ql::onnx_export
