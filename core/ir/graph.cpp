#include "core/ir/graph.h"

#include <algorithm>
#include <queue>
#include <unordered_map>

namespace ql::ir {

std::string Node::label() const { return "node '" + name + "' (" + opType + ")"; }

ValueId Graph::addValue(std::string valueName, DType dtype, Dims dims) {
    Value v;
    v.id = ValueId{int32_t(values_.size())};
    v.name = std::move(valueName);
    v.dtype = dtype;
    v.shapeKnown = !dims.empty() && std::all_of(dims.begin(), dims.end(), [](int64_t d) { return d >= 0; });
    v.dims = std::move(dims);
    values_.push_back(std::move(v));
    return values_.back().id;
}

ValueId Graph::addConstant(std::string valueName, Tensor t) {
    ValueId id = addValue(std::move(valueName), t.dtype(), t.dims());
    Value& v = value(id);
    v.shapeKnown = true;
    v.constant = std::move(t);
    return id;
}

NodeId Graph::addNode(std::string opType, std::string nodeName, std::vector<ValueId> ins,
                      std::vector<ValueId> outs, Attributes attrs) {
    Node n;
    n.id = NodeId{int32_t(nodes_.size())};
    n.opType = std::move(opType);
    n.name = nodeName.empty() ? n.opType + "_" + std::to_string(n.id.v) : std::move(nodeName);
    n.inputs = std::move(ins);
    n.outputs = std::move(outs);
    n.attrs = std::move(attrs);
    n.fusedFrom = {n.id};
    for (ValueId in : n.inputs)
        if (in.valid()) value(in).consumers.push_back(n.id);
    for (ValueId out : n.outputs)
        if (out.valid()) value(out).producer = n.id;
    nodes_.push_back(std::move(n));
    return nodes_.back().id;
}

void Graph::removeNode(NodeId id) {
    Node& n = node(id);
    for (ValueId in : n.inputs) {
        if (!in.valid()) continue;
        auto& c = value(in).consumers;
        c.erase(std::remove(c.begin(), c.end(), id), c.end());
    }
    for (ValueId out : n.outputs)
        if (out.valid() && value(out).producer == id) value(out).producer = NodeId{};
    n.removed = true;
}

void Graph::replaceAllUses(ValueId from, ValueId to) {
    for (NodeId c : value(from).consumers) {
        for (ValueId& in : node(c).inputs)
            if (in == from) in = to;
        value(to).consumers.push_back(c);
    }
    value(from).consumers.clear();
    for (ValueId& o : outputs)
        if (o == from) o = to;
}

std::optional<ValueId> Graph::findValue(const std::string& valueName) const {
    for (const Value& v : values_)
        if (v.name == valueName) return v.id;
    return std::nullopt;
}

std::optional<NodeId> Graph::findNode(const std::string& nodeName) const {
    for (const Node& n : nodes_)
        if (!n.removed && n.name == nodeName) return n.id;
    return std::nullopt;
}

std::vector<NodeId> Graph::nodeIds() const {
    std::vector<NodeId> ids;
    for (const Node& n : nodes_)
        if (!n.removed) ids.push_back(n.id);
    return ids;
}

size_t Graph::liveNodeCount() const {
    return size_t(std::count_if(nodes_.begin(), nodes_.end(), [](const Node& n) { return !n.removed; }));
}

bool Graph::isGraphOutput(ValueId v) const { return std::find(outputs.begin(), outputs.end(), v) != outputs.end(); }

Expected<std::vector<NodeId>> Graph::topologicalOrder() const {
    std::vector<int> pending(nodes_.size(), 0);
    std::queue<NodeId> ready;
    for (const Node& n : nodes_) {
        if (n.removed) continue;
        for (ValueId in : n.inputs)
            if (in.valid() && value(in).producer.valid()) ++pending[size_t(n.id.v)];
        if (pending[size_t(n.id.v)] == 0) ready.push(n.id);
    }
    std::vector<NodeId> order;
    while (!ready.empty()) {
        NodeId id = ready.front();
        ready.pop();
        order.push_back(id);
        for (ValueId out : node(id).outputs) {
            if (!out.valid()) continue;
            for (NodeId c : value(out).consumers) {
                // a consumer may list the same value several times
                for (ValueId in : node(c).inputs)
                    if (in == out && --pending[size_t(c.v)] == 0) ready.push(c);
            }
        }
    }
    if (order.size() != liveNodeCount()) {
        for (const Node& n : nodes_)
            if (!n.removed && pending[size_t(n.id.v)] > 0)
                return Status::error(n.label() + ": graph has a cycle through this node");
    }
    return order;
}

Status Graph::verify() const {
    std::unordered_map<int32_t, int> producedBy;
    for (const Node& n : nodes_) {
        if (n.removed) continue;
        for (ValueId v : n.inputs)
            if (v.valid() && size_t(v.v) >= values_.size()) return Status::error(n.label() + ": input id out of range");
        for (ValueId v : n.outputs) {
            if (!v.valid() || size_t(v.v) >= values_.size()) return Status::error(n.label() + ": output id out of range");
            if (producedBy.count(v.v))
                return Status::error(n.label() + ": value '" + value(v).name + "' has more than one producer");
            producedBy[v.v] = 1;
            if (value(v).producer != n.id)
                return Status::error(n.label() + ": value '" + value(v).name + "' does not record its producer");
            if (value(v).constant) return Status::error(n.label() + ": output '" + value(v).name + "' is also an initializer");
        }
    }
    for (const Node& n : nodes_) {
        if (n.removed) continue;
        for (ValueId v : n.inputs) {
            if (!v.valid()) continue;
            const Value& val = value(v);
            bool isInput = std::find(inputs.begin(), inputs.end(), v) != inputs.end();
            if (!val.producer.valid() && !val.constant && !isInput)
                return Status::error(n.label() + ": input '" + val.name +
                                     "' is neither a graph input, an initializer nor produced by a node");
            if (std::find(val.consumers.begin(), val.consumers.end(), n.id) == val.consumers.end())
                return Status::error(n.label() + ": value '" + val.name + "' does not record this consumer");
        }
    }
    for (ValueId o : outputs) {
        const Value& val = value(o);
        bool isInput = std::find(inputs.begin(), inputs.end(), o) != inputs.end();
        if (!val.producer.valid() && !val.constant && !isInput)
            return Status::error("graph output '" + val.name + "' is not produced by any node");
    }
    auto order = topologicalOrder();
    return order.status();
}

}  // namespace ql::ir
