#include "importers/onnx/onnx_importer.h"
#include "core/util/path_kind.h"

#include <google/protobuf/arena.h>
#include <onnx/onnx_pb.h>

#include <fstream>
#include <map>
#include <set>

#include "core/ops/op_registry.h"
#include "importers/onnx/tensor_proto.h"

namespace ql::onnx_io {

namespace fs = std::filesystem;

namespace {

std::string nodeLabel(const onnx::NodeProto& n, int index) {
    std::string name = n.name().empty() ? n.op_type() + "_" + std::to_string(index) : n.name();
    return "node '" + name + "' (" + n.op_type() + ")";
}

Expected<ir::Attribute> convertAttribute(const onnx::AttributeProto& a, const fs::path& modelDir) {
    switch (a.type()) {
        case onnx::AttributeProto::INT: return ir::Attribute(int64_t(a.i()));
        case onnx::AttributeProto::FLOAT: return ir::Attribute(a.f());
        case onnx::AttributeProto::STRING: return ir::Attribute(a.s());
        case onnx::AttributeProto::INTS: return ir::Attribute(std::vector<int64_t>(a.ints().begin(), a.ints().end()));
        case onnx::AttributeProto::FLOATS: return ir::Attribute(std::vector<float>(a.floats().begin(), a.floats().end()));
        case onnx::AttributeProto::STRINGS: return ir::Attribute(std::vector<std::string>(a.strings().begin(), a.strings().end()));
        case onnx::AttributeProto::TENSOR: {
            auto t = tensorFromProto(a.t(), modelDir);
            if (!t) return t.status();
            return ir::Attribute(std::move(t).value());
        }
        default: return Status::error("attribute '" + a.name() + "' has an unsupported type (graphs, sparse tensors)");
    }
}

// Value of a Constant node: value / value_float(s) / value_int(s).
Expected<ir::Tensor> constantValue(const onnx::NodeProto& n, const fs::path& modelDir) {
    for (const auto& a : n.attribute()) {
        if (a.name() == "value") return tensorFromProto(a.t(), modelDir);
        if (a.name() == "value_float") return ir::Tensor::fromFloats({}, {a.f()});
        if (a.name() == "value_floats") return ir::Tensor::fromFloats({int64_t(a.floats_size())}, {a.floats().begin(), a.floats().end()});
        if (a.name() == "value_int") return ir::Tensor::fromInt64s({}, {a.i()});
        if (a.name() == "value_ints") return ir::Tensor::fromInt64s({int64_t(a.ints_size())}, {a.ints().begin(), a.ints().end()});
    }
    return Status::error("Constant has no supported value attribute (sparse_value and strings are not supported)");
}

// A negative declared dimension is refused here: later stages read -1 as "symbolic".
Status setTypeInfo(ir::Value& v, const onnx::ValueInfoProto& info) {
    if (!info.type().has_tensor_type()) return Status::ok();
    const auto& tt = info.type().tensor_type();
    v.dtype = dtypeFromOnnx(tt.elem_type());
    if (!tt.has_shape()) return Status::ok();
    v.dims.clear();
    v.dimParams.clear();
    bool known = true;
    for (const auto& d : tt.shape().dim()) {
        if (d.has_dim_value() && d.dim_value() < 0)
            return Status::error("'" + info.name() + "' declares dimension " + std::to_string(v.dims.size()) + " as " +
                                 std::to_string(d.dim_value()) + " (negative)");
        if (d.has_dim_value()) {
            v.dims.push_back(d.dim_value());
            v.dimParams.emplace_back();
        } else {
            v.dims.push_back(-1);
            v.dimParams.push_back(d.has_dim_param() ? d.dim_param() : "?");
            known = false;
        }
    }
    v.shapeKnown = known;
    return Status::ok();
}

class Importer {
public:
    Importer(fs::path modelDir, const ImportOptions& options) : modelDir_(std::move(modelDir)), options_(options) {}

    Expected<ir::Graph> run(const onnx::ModelProto& m) {
        QL_TRY(readOpsets(m));
        const onnx::GraphProto& gp = m.graph();
        g_.name = gp.name();
        g_.producerName = m.producer_name();
        g_.producerVersion = m.producer_version();
        g_.irVersion = m.ir_version();
        if (gp.node_size() == 0) return Status::error("the graph has no nodes");
        total_ = gp.initializer_size() + 2 * gp.node_size();

        for (const auto& init : gp.initializer()) {
            QL_TRY(step());
            if (values_.count(init.name())) return Status::error("initializer '" + init.name() + "' is defined twice");
            auto t = tensorFromProto(init, modelDir_);
            if (!t) return Status::error("initializer " + t.message());
            values_[init.name()] = g_.addConstant(init.name(), std::move(t).value());
        }
        for (const auto& in : gp.input()) {
            if (values_.count(in.name())) continue;  // initializer listed as input: a constant
            ir::ValueId id = g_.addValue(in.name());
            QL_TRY(setTypeInfo(g_.value(id), in));
            if (g_.value(id).dtype == ir::DType::Undefined)
                return Status::error("graph input '" + in.name() + "' has type " + onnxTypeName(in.type().tensor_type().elem_type()) +
                                     ", which is not supported");
            values_[in.name()] = id;
            g_.inputs.push_back(id);
        }
        if (!g_.inputs.empty()) {
            const auto& params = g_.value(g_.inputs[0]).dimParams;
            if (!params.empty()) g_.batchSymbol = params[0];
        }
        QL_TRY(checkOperators(gp));
        QL_TRY(addNodes(gp));
        for (const auto& vi : gp.value_info())
            if (auto it = values_.find(vi.name()); it != values_.end() && !g_.value(it->second).constant)
                QL_TRY(setTypeInfo(g_.value(it->second), vi));
        for (const auto& out : gp.output()) {
            auto it = values_.find(out.name());
            if (it == values_.end()) return Status::error("graph output '" + out.name() + "' is not produced by any node");
            ir::Value& v = g_.value(it->second);
            if (!v.producer.valid() && !v.constant && std::find(g_.inputs.begin(), g_.inputs.end(), v.id) == g_.inputs.end())
                return Status::error("graph output '" + out.name() + "' is not produced by any node");
            if (!v.constant) QL_TRY(setTypeInfo(v, out));
            g_.outputs.push_back(it->second);
        }
        QL_TRY(g_.verify());
        return std::move(g_);
    }

private:
    Status readOpsets(const onnx::ModelProto& m) {
        bool found = false;
        for (const auto& os : m.opset_import()) {
            if (os.domain().empty() || os.domain() == "ai.onnx") {
                g_.opsetVersion = os.version();
                found = true;
            }
        }
        if (!found) g_.opsetVersion = m.opset_import_size() == 0 ? 1 : 0;
        if (found && (g_.opsetVersion < kMinOpset || g_.opsetVersion > kMaxOpset))
            return Status::unsupported("opset " + std::to_string(g_.opsetVersion) + " is not supported (supported: " + std::to_string(kMinOpset) +
                                 " to " + std::to_string(kMaxOpset) + ")");
        if (!found) return Status::error("the model imports no default-domain (ai.onnx) opset");
        return Status::ok();
    }

    // All unsupported nodes at once, so the user sees the whole list.
    Status checkOperators(const onnx::GraphProto& gp) {
        std::vector<std::string> bad;
        std::map<std::string, int> byOp;
        for (int i = 0; i < gp.node_size(); ++i) {
            const auto& n = gp.node(i);
            if (n.op_type() == "Constant" && (n.domain().empty() || n.domain() == "ai.onnx")) continue;
            if (!ops::findSchema(n.domain(), n.op_type())) {
                bad.push_back(nodeLabel(n, i));
                ++byOp[(n.domain().empty() ? "" : n.domain() + ".") + n.op_type()];
            }
        }
        if (bad.empty()) return Status::ok();
        std::string msg = std::to_string(bad.size()) + " node(s) use unsupported operators (";
        bool first = true;
        for (const auto& [op, count] : byOp) {
            msg += (first ? "" : ", ") + op + " x" + std::to_string(count);
            first = false;
        }
        msg += "): ";
        for (size_t i = 0; i < bad.size(); ++i) msg += (i ? ", " : "") + bad[i];
        return Status::unsupported(msg);
    }

    Status addNodes(const onnx::GraphProto& gp) {
        // First every produced value (nodes may be listed out of order), then the nodes.
        std::set<std::string> seenNames;
        for (int i = 0; i < gp.node_size(); ++i) {
            QL_TRY(step());
            const auto& n = gp.node(i);
            for (const auto& out : n.output()) {
                if (out.empty()) continue;
                if (values_.count(out)) return Status::error(nodeLabel(n, i) + ": output '" + out + "' is already defined elsewhere");
                if (n.op_type() == "Constant") {
                    auto t = constantValue(n, modelDir_);
                    if (!t) return Status::error(nodeLabel(n, i) + ": " + t.message());
                    values_[out] = g_.addConstant(out, std::move(t).value());
                } else {
                    values_[out] = g_.addValue(out);
                }
            }
        }
        for (int i = 0; i < gp.node_size(); ++i) {
            QL_TRY(step());
            const auto& n = gp.node(i);
            if (n.op_type() == "Constant") continue;
            std::vector<ir::ValueId> ins, outs;
            for (const auto& in : n.input()) {
                if (in.empty()) { ins.emplace_back(); continue; }
                auto it = values_.find(in);
                if (it == values_.end())
                    return Status::error(nodeLabel(n, i) + ": input '" + in + "' is not produced by any node, initializer or graph input");
                ins.push_back(it->second);
            }
            for (const auto& out : n.output()) outs.push_back(out.empty() ? ir::ValueId{} : values_[out]);
            ir::Attributes attrs;
            for (const auto& a : n.attribute()) {
                auto v = convertAttribute(a, modelDir_);
                if (!v) return Status::error(nodeLabel(n, i) + ": " + v.message());
                attrs.set(a.name(), std::move(v).value());
            }
            if (n.op_type() == "Cast") {  // store the target as an ir::DType
                ir::DType to = dtypeFromOnnx(int(attrs.getInt("to", 0)));
                if (to == ir::DType::Undefined)
                    return Status::error(nodeLabel(n, i) + ": cast to " + onnxTypeName(int(attrs.getInt("to", 0))) + " is not supported");
                attrs.set("to", int64_t(to));
            }
            std::string name = n.name().empty() ? n.op_type() + "_" + std::to_string(i) : n.name();
            if (!seenNames.insert(name).second) name += "_" + std::to_string(i);  // names must be unique for matching
            ir::NodeId id = g_.addNode(n.op_type(), name, std::move(ins), std::move(outs), std::move(attrs));
            g_.node(id).domain = n.domain() == "ai.onnx" ? "" : n.domain();
        }
        return Status::ok();
    }

    // One unit of work done: check for cancel, report progress now and then.
    Status step() {
        if (options_.cancel.isCancelled()) return Status::cancelled("import");
        if (options_.progress && (++done_ % 64 == 0 || done_ == total_)) options_.progress(double(done_) / double(total_), "import");
        return Status::ok();
    }

    fs::path modelDir_;
    const ImportOptions& options_;
    int64_t done_ = 0, total_ = 1;
    ir::Graph g_;
    std::map<std::string, ir::ValueId> values_;
};

}  // namespace

Expected<ir::Graph> importOnnxBytes(const std::string& bytes, const fs::path& modelDir, const ImportOptions& options) {
    // On an arena, so a big model (or one whose import is cancelled) is freed in bulk, not node by node.
    google::protobuf::Arena arena;
    onnx::ModelProto& m = *google::protobuf::Arena::CreateMessage<onnx::ModelProto>(&arena);
    if (bytes.empty()) return Status::error("the file is empty");
    if (!m.ParseFromString(bytes)) return Status::error("not an ONNX model (protobuf parsing failed; truncated or another format?)");
    if (!m.has_graph()) return Status::error("not an ONNX model (no graph)");
    if (options.cancel.isCancelled()) return Status::cancelled("import");
    auto g = Importer(modelDir, options).run(m);
    if (g && options.progress) options.progress(1.0, "import");
    return g;
}

Expected<ir::Graph> importOnnxFile(const fs::path& file, const ImportOptions& options) {
    std::error_code ec;
    if (const std::string why = whyNotAFile(file); !why.empty()) return Status::error(file.string() + ": " + why);
    const auto size = fs::file_size(file, ec);
    if (ec) return Status::error(file.string() + ": cannot read size");
    if (size > (size_t(2) << 30)) return Status::error(file.string() + ": larger than protobuf's 2 GiB limit; use external data");
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::error(file.string() + ": cannot open");
    std::string bytes(size, '\0');
    in.read(bytes.data(), std::streamsize(size));
    auto g = importOnnxBytes(bytes, file.parent_path(), options);
    if (!g) return g.status().withContext(file.string() + ": ");
    return g;
}

}  // namespace ql::onnx_io
