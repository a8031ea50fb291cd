#include "core/quant/shared_ranges.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <vector>

namespace ql::quant {

namespace {
// Union-find over value ids.
struct Groups {
    std::vector<int32_t> parent;
    explicit Groups(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int32_t find(int32_t v) {
        while (parent[size_t(v)] != v) v = parent[size_t(v)] = parent[size_t(parent[size_t(v)])];
        return v;
    }
    void join(int32_t a, int32_t b) { parent[size_t(find(a))] = find(b); }
};
}  // namespace

std::vector<int32_t> scaleGroups(const ir::Graph& g, const std::function<bool(const ir::Node&)>& sharesScale) {
    Groups groups(g.valueCount());
    for (ir::NodeId id : g.nodeIds()) {
        const ir::Node& n = g.node(id);
        if (n.outputs.empty() || !n.outputs[0].valid() || !sharesScale(n)) continue;
        for (ir::ValueId in : n.inputs)
            if (in.valid() && !g.value(in).constant) groups.join(in.v, n.outputs[0].v);
    }
    std::vector<int32_t> root(g.valueCount());
    for (size_t v = 0; v < root.size(); ++v) root[v] = groups.find(int32_t(v));
    return root;
}

RangeTable shareRanges(const ir::Graph& g, const RangeTable& ranges, const std::function<bool(const ir::Node&)>& sharesScale) {
    RangeTable out = ranges;
    const std::vector<int32_t> root = scaleGroups(g, sharesScale);
    // the union of the members' ranges, per group
    std::map<int32_t, ValueRange> united;
    for (size_t v = 0; v < g.valueCount(); ++v) {
        auto it = ranges.find(g.value(ir::ValueId{int32_t(v)}).name);
        if (it == ranges.end()) continue;
        auto [u, fresh] = united.try_emplace(root[v], it->second);
        if (!fresh) u->second = {std::min(u->second.min, it->second.min), std::max(u->second.max, it->second.max)};
    }
    for (size_t v = 0; v < g.valueCount(); ++v) {
        auto it = out.find(g.value(ir::ValueId{int32_t(v)}).name);
        if (it != out.end()) it->second = united.at(root[v]);
    }
    return out;
}

}  // namespace ql::quant
