#include <gtest/gtest.h>

#include "core/ir/dot_writer.h"
#include "core/ir/graph.h"

using namespace ql;
using namespace ql::ir;

namespace {
// x -> A -> a -> B -> b, with a constant c into B.
Graph chain() {
    Graph g;
    ValueId x = g.addValue("x", DType::F32, {1, 4});
    ValueId a = g.addValue("a");
    ValueId b = g.addValue("b");
    ValueId c = g.addConstant("c", Tensor::fromFloats({4}, {1, 2, 3, 4}));
    g.inputs = {x};
    g.addNode("Relu", "A", {x}, {a});
    g.addNode("Add", "B", {a, c}, {b});
    g.outputs = {b};
    return g;
}
}  // namespace

TEST(Graph, TopologicalOrderFollowsEdgesNotInsertion) {
    Graph g;
    ValueId x = g.addValue("x", DType::F32, {1});
    ValueId a = g.addValue("a"), b = g.addValue("b");
    g.inputs = {x};
    NodeId second = g.addNode("Relu", "second", {a}, {b});
    NodeId first = g.addNode("Relu", "first", {x}, {a});
    g.outputs = {b};
    auto order = g.topologicalOrder();
    ASSERT_TRUE(order.isOk());
    EXPECT_EQ((*order)[0], first);
    EXPECT_EQ((*order)[1], second);
    EXPECT_TRUE(g.verify().isOk());
}

TEST(Graph, CycleIsReportedWithNodeName) {
    Graph g;
    ValueId a = g.addValue("a"), b = g.addValue("b");
    g.addNode("Relu", "p", {a}, {b});
    g.addNode("Relu", "q", {b}, {a});
    g.outputs = {b};
    Status st = g.verify();
    ASSERT_FALSE(st.isOk());
    EXPECT_NE(st.message().find("cycle"), std::string::npos);
}

TEST(Graph, VerifyRejectsDanglingInput) {
    Graph g = chain();
    ValueId ghost = g.addValue("ghost");
    g.addNode("Relu", "C", {ghost}, {g.addValue("z")});
    Status st = g.verify();
    ASSERT_FALSE(st.isOk());
    EXPECT_NE(st.message().find("'ghost'"), std::string::npos);
    EXPECT_NE(st.message().find("'C'"), std::string::npos);
}

TEST(Graph, NodesCarryProvenanceAndRemovalDetaches) {
    Graph g = chain();
    NodeId a = *g.findNode("A");
    EXPECT_EQ(g.node(a).fusedFrom, std::vector<NodeId>{a});
    NodeId b = *g.findNode("B");
    g.replaceAllUses(g.node(a).outputs[0], g.node(a).inputs[0]);
    g.removeNode(a);
    EXPECT_EQ(g.liveNodeCount(), 1u);
    EXPECT_EQ(g.node(b).inputs[0], g.inputs[0]);
    EXPECT_TRUE(g.verify().isOk());
    EXPECT_FALSE(g.findNode("A").has_value());
}

TEST(Graph, DotListsEveryNodeAndEdge) {
    std::string dot = toDot(chain());
    EXPECT_NE(dot.find("Relu\\nA"), std::string::npos);
    EXPECT_NE(dot.find("n0 -> n1"), std::string::npos);
}
