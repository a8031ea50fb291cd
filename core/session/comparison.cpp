#include "core/session/comparison.h"

#include <algorithm>

namespace ql::session {

Expected<CompareMode> parseCompareMode(const std::string& s) {
    if (s == "propagated") return CompareMode::Propagated;
    if (s == "isolated") return CompareMode::Isolated;
    if (s == "both") return CompareMode::Both;
    return Status::error("unknown comparison mode '" + s + "' (choose propagated, isolated or both)");
}

std::string compareModeName(CompareMode m) {
    switch (m) {
        case CompareMode::Propagated: return "propagated";
        case CompareMode::Isolated: return "isolated";
        case CompareMode::Both: return "both";
    }
    return "?";
}

namespace {
template <class Key>
std::vector<const LayerComparison*> lowest(const std::vector<LayerComparison>& layers, size_t n, Key key) {
    std::vector<const LayerComparison*> v;
    for (const auto& l : layers)
        if (key(l)) v.push_back(&l);
    std::stable_sort(v.begin(), v.end(), [&](const LayerComparison* a, const LayerComparison* b) { return *key(*a) < *key(*b); });
    if (v.size() > n) v.resize(n);
    return v;
}
}  // namespace

std::vector<const LayerComparison*> ComparisonResult::worstPropagated(size_t n) const {
    return lowest(layers, n, [](const LayerComparison& l) -> std::optional<double> {
        if (!l.propagated || !l.propagated->count) return std::nullopt;
        return l.propagated->sqnrDb;
    });
}

std::vector<const LayerComparison*> ComparisonResult::mostSensitive(size_t n) const {
    return lowest(layers, n, [](const LayerComparison& l) -> std::optional<double> {
        if (!l.isolated || !l.isolated->output.count) return std::nullopt;
        return l.isolated->output.sqnrDb;
    });
}

}  // namespace ql::session
