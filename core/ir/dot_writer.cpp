#include "core/ir/dot_writer.h"

#include <sstream>

#include "core/util/strings.h"

namespace ql::ir {

namespace {
std::string escape(const std::string& s) {
    std::string r;
    for (char c : s) {
        if (c == '"' || c == '\\') r += '\\';
        r += c;
    }
    return r;
}
}  // namespace

std::string toDot(const Graph& g) {
    std::ostringstream os;
    os << "digraph \"" << escape(g.name) << "\" {\n  rankdir=TB;\n  node [shape=box, style=rounded];\n";
    for (NodeId id : g.nodeIds()) {
        const Node& n = g.node(id);
        os << "  n" << id.v << " [label=\"" << escape(n.opType) << "\\n" << escape(n.name);
        if (n.fusedFrom.size() > 1) os << "\\n(fused " << n.fusedFrom.size() << ")";
        os << "\"];\n";
    }
    for (NodeId id : g.nodeIds()) {
        const Node& n = g.node(id);
        for (ValueId in : n.inputs) {
            if (!in.valid() || !g.value(in).producer.valid()) continue;
            const Value& v = g.value(in);
            os << "  n" << v.producer.v << " -> n" << id.v << " [label=\"" << (v.shapeKnown ? shapeToString(v.dims) : "") << "\"];\n";
        }
    }
    os << "}\n";
    return os.str();
}

}  // namespace ql::ir
