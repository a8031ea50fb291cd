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

RangeTable shareRanges(const ir::Graph& g, const RangeTable& ranges, const std::function<bool(const ir::Node&)>& sharesScale) {
    RangeTable out = ranges;
    Groups groups(g.valueCount());
    bool any = false;
    for (ir::NodeId id : g.nodeIds()) {
        const ir::Node& n = g.node(id);
        if (n.outputs.empty() || !n.outputs[0].valid() || !sharesScale(n)) continue;
        for (ir::ValueId in : n.inputs)
            if (in.valid() && !g.value(in).constant) groups.join(in.v, n.outputs[0].v), any = true;
    }
    if (!any) return out;
    // the union of the members' ranges, per group
    std::map<int32_t, ValueRange> united;
    for (size_t v = 0; v < g.valueCount(); ++v) {
        auto it = ranges.find(g.value(ir::ValueId{int32_t(v)}).name);
        if (it == ranges.end()) continue;
        const int32_t root = groups.find(int32_t(v));
        auto [u, fresh] = united.try_emplace(root, it->second);
        if (!fresh) u->second = {std::min(u->second.min, it->second.min), std::max(u->second.max, it->second.max)};
    }
    for (size_t v = 0; v < g.valueCount(); ++v) {
        auto it = out.find(g.value(ir::ValueId{int32_t(v)}).name);
        if (it != out.end()) it->second = united.at(groups.find(int32_t(v)));
    }
    return out;
}

}  // namespace ql::quant
