// DenseNet-style blocks concatenate every earlier feature map again in each layer: layer i
// concatenates [x0, y1, ..., y(i-1)] while layer i-1 already built [x0, ..., y(i-2)]. Reading
// the earlier concat instead (concat(cat(i-1), y(i-1)), exact by associativity) copies the same
// bytes in one run per pixel instead of i short ones (in NHWC a channel concat copies a few
// channels per pixel and operand), and each feature map then has one concat consumer, not all
// later layers. Concats with one operand are plain copies and are dropped.
#include <algorithm>

#include "core/passes/pass_manager.h"

namespace ql::passes {

namespace {
bool isConcat(const ir::Node& n) { return !n.removed && n.opType == "Concat" && n.domain.empty(); }

int64_t axisOf(const ir::Graph& g, const ir::Node& n) {
    const int64_t a = n.attrs.getInt("axis", 1), rank = int64_t(g.value(n.outputs[0]).dims.size());
    return a < 0 ? a + rank : a;
}
}  // namespace

Status reuseConcatPrefix(ir::Graph& g, std::vector<std::string>& changes) {
    // all rewrites are chosen on the original operand lists, then applied
    struct Rewrite {
        ir::NodeId concat, prefix;
        size_t length;
    };
    std::vector<Rewrite> rewrites;
    for (ir::NodeId id : g.nodeIds()) {
        const ir::Node& n = g.node(id);
        if (!isConcat(n) || n.inputs.size() < 3 || !n.inputs[0].valid()) continue;
        Rewrite best{id, ir::NodeId{}, 1};
        for (ir::NodeId c : g.value(n.inputs[0]).consumers) {
            const ir::Node& m = g.node(c);
            if (c == id || !isConcat(m) || m.inputs.size() <= best.length || m.inputs.size() >= n.inputs.size()) continue;
            if (axisOf(g, m) != axisOf(g, n) || g.value(m.outputs[0]).dtype != g.value(n.outputs[0]).dtype) continue;
            if (std::equal(m.inputs.begin(), m.inputs.end(), n.inputs.begin())) best = {id, c, m.inputs.size()};
        }
        if (best.prefix.valid()) rewrites.push_back(best);
    }
    for (const Rewrite& r : rewrites) {
        ir::Node& n = g.node(r.concat);
        const ir::ValueId prefixOut = g.node(r.prefix).outputs[0];
        for (size_t i = 0; i < r.length; ++i) {  // one consumer entry per operand slot
            auto& cons = g.value(n.inputs[i]).consumers;
            cons.erase(std::find(cons.begin(), cons.end(), r.concat));
        }
        n.inputs.erase(n.inputs.begin(), n.inputs.begin() + std::ptrdiff_t(r.length));
        n.inputs.insert(n.inputs.begin(), prefixOut);
        g.value(prefixOut).consumers.push_back(r.concat);
        changes.push_back("Concat '" + n.name + "' reads its first " + std::to_string(r.length) + " operands from Concat '" +
                          g.node(r.prefix).name + "'");
    }
    for (ir::NodeId id : g.nodeIds()) {
        const ir::Node& n = g.node(id);
        if (!isConcat(n) || n.inputs.size() != 1 || !n.inputs[0].valid() || g.isGraphOutput(n.outputs[0])) continue;
        const ir::ValueId in = n.inputs[0], out = n.outputs[0];
        const std::string name = n.name;
        g.removeNode(id);
        g.replaceAllUses(out, in);
        changes.push_back("remove one-operand Concat '" + name + "'");
    }
    return Status::ok();
}

}  // namespace ql::passes
