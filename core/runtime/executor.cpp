#include "core/runtime/executor.h"

#include "core/analysis/model_summary.h"
#include "core/util/strings.h"

namespace ql::runtime {

StepInfo stepInfoFor(const ir::Graph& g, const ir::Node& n) {
    StepInfo s;
    s.node = n.id;
    s.name = n.name;
    s.opType = n.opType;
    s.fusedFrom = n.fusedFrom;
    for (ir::NodeId f : n.fusedFrom) s.fusedFromNames.push_back(g.node(f).name);
    s.macs = analysis::nodeMacs(g, n);
    return s;
}

Status checkInputs(const ir::Graph& g, const TensorMap& inputs) {
    for (ir::ValueId id : g.inputs) {
        const ir::Value& v = g.value(id);
        auto it = inputs.find(v.name);
        if (it == inputs.end()) return Status::error("input '" + v.name + "' is missing");
        const ir::Tensor& t = it->second;
        if (t.dtype() != v.dtype)
            return Status::error("input '" + v.name + "' has type " + std::string(dtypeName(t.dtype())) + ", the model expects " +
                                 std::string(dtypeName(v.dtype)));
        const ir::Dims& declared = v.dims;
        if (!declared.empty() || v.shapeKnown) {
            if (declared.size() != t.dims().size())
                return Status::error("input '" + v.name + "' has shape " + shapeToString(t.dims()) + ", the model expects rank " +
                                     std::to_string(declared.size()) + " " + shapeToString(declared));
            for (size_t i = 0; i < declared.size(); ++i) {
                bool symbolic = i < v.dimParams.size() && !v.dimParams[i].empty();
                if (!symbolic && declared[i] >= 0 && declared[i] != t.dims()[i])
                    return Status::error("input '" + v.name + "' has shape " + shapeToString(t.dims()) + ", the model expects " +
                                         shapeToString(declared));
            }
        }
    }
    for (const auto& [name, t] : inputs) {
        bool known = false;
        for (ir::ValueId id : g.inputs) known |= g.value(id).name == name;
        if (!known) return Status::error("the model has no input named '" + name + "'");
    }
    return Status::ok();
}

}  // namespace ql::runtime
