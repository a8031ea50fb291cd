#pragma once
// The graph IR: nodes and values in flat arrays addressed by strong ids. Node ids are stable
// for the lifetime of the graph (removed nodes leave a tombstone), and every node carries
// `fusedFrom`: the ids of the original nodes it stands for, so later passes stay traceable.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ir/attribute.h"
#include "core/ir/quant_params.h"
#include "core/ir/tensor.h"
#include "core/util/status.h"

namespace ql::ir {

template <typename Tag>
struct Id {
    int32_t v = -1;
    bool valid() const { return v >= 0; }
    friend bool operator==(Id a, Id b) { return a.v == b.v; }
    friend bool operator!=(Id a, Id b) { return a.v != b.v; }
    friend bool operator<(Id a, Id b) { return a.v < b.v; }
};
using NodeId = Id<struct NodeTag>;
using ValueId = Id<struct ValueTag>;

struct Value {
    ValueId id;
    std::string name;
    DType dtype = DType::Undefined;
    Dims dims;                    // -1 = unknown; after shape inference, concrete for the chosen batch
    bool shapeKnown = false;
    std::vector<std::string> dimParams;  // graph inputs/outputs: symbolic names ("batch"), "" if fixed
    std::optional<Tensor> constant;      // initializer or folded constant
    std::optional<QuantParams> quant;
    NodeId producer;                     // invalid for graph inputs and constants
    std::vector<NodeId> consumers;
};

struct Node {
    NodeId id;
    std::string name;
    std::string opType;
    std::string domain;                  // "" = ai.onnx
    std::vector<ValueId> inputs;         // invalid id = omitted optional input
    std::vector<ValueId> outputs;
    Attributes attrs;
    std::vector<NodeId> fusedFrom;       // original node ids this node stands for (itself at import)
    bool removed = false;

    bool hasInput(size_t i) const { return i < inputs.size() && inputs[i].valid(); }
    std::string label() const;           // "'conv1' (Conv)" for messages
};

class Graph {
public:
    std::string name;
    std::string producerName, producerVersion;
    int64_t opsetVersion = 0;            // default-domain opset
    int64_t irVersion = 0;
    std::string batchSymbol;             // name of the symbolic batch dimension, "" if none

    ValueId addValue(std::string valueName, DType dtype = DType::Undefined, Dims dims = {});
    ValueId addConstant(std::string valueName, Tensor t);
    NodeId addNode(std::string opType, std::string nodeName, std::vector<ValueId> ins,
                   std::vector<ValueId> outs, Attributes attrs = {});
    void removeNode(NodeId id);          // detaches; the id stays reserved
    void replaceAllUses(ValueId from, ValueId to);

    Node& node(NodeId id) { return nodes_[size_t(id.v)]; }
    const Node& node(NodeId id) const { return nodes_[size_t(id.v)]; }
    Value& value(ValueId id) { return values_[size_t(id.v)]; }
    const Value& value(ValueId id) const { return values_[size_t(id.v)]; }
    std::optional<ValueId> findValue(const std::string& valueName) const;
    std::optional<NodeId> findNode(const std::string& nodeName) const;

    // Live nodes in insertion order / values.
    std::vector<NodeId> nodeIds() const;
    size_t liveNodeCount() const;
    size_t valueCount() const { return values_.size(); }

    std::vector<ValueId> inputs;         // runtime inputs (initializers excluded)
    std::vector<ValueId> outputs;

    bool isGraphOutput(ValueId v) const;
    // Kahn's algorithm; fails naming a node on a cycle.
    Expected<std::vector<NodeId>> topologicalOrder() const;
    // Structural checks: ids in range, producers/consumers consistent, single producer per
    // value, every consumed value produced / constant / a graph input, acyclic.
    Status verify() const;

private:
    std::vector<Node> nodes_;
    std::vector<Value> values_;
};

}  // namespace ql::ir
