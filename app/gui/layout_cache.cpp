#include "app/gui/layout_cache.h"

#include <algorithm>
#include <cstring>

#include "app/gui/graphviz_layout.h"
#include "app/gui/layered_layout.h"

namespace ql::gui {
namespace {

struct Fnv {
    uint64_t h = 1469598103934665603ull;
    void bytes(const void* p, size_t n) {
        auto* c = static_cast<const unsigned char*>(p);
        for (size_t i = 0; i < n; ++i) h = (h ^ c[i]) * 1099511628211ull;
    }
    template <typename T> void add(const T& v) { bytes(&v, sizeof v); }
};

// Why `dot` would be too slow for this graph, or "" when it is fine.
std::string dotTooCostly(const LayoutInput& input, const LayoutOptions& o) {
    const size_t n = input.sizes.size(), e = input.edges.size();
    if (n > size_t(o.maxDotNodes)) return std::to_string(n) + " nodes > " + std::to_string(o.maxDotNodes);
    if (n > 50 && double(e) > o.maxDotEdgesPerNode * double(n))
        return std::to_string(e) + " edges for " + std::to_string(n) + " nodes";
    std::vector<int> fanIn(n, 0);
    for (auto [a, b] : input.edges)
        if (b >= 0 && size_t(b) < n) ++fanIn[size_t(b)];
    const int maxFanIn = n ? *std::max_element(fanIn.begin(), fanIn.end()) : 0;
    if (maxFanIn > o.maxDotFanIn) return "a node with " + std::to_string(maxFanIn) + " inputs";
    return {};
}

}  // namespace

uint64_t layoutKey(const LayoutInput& input, const LayoutOptions& options) {
    Fnv f;
    f.add(input.sizes.size());
    for (auto [w, h] : input.sizes) f.add(w), f.add(h);
    f.add(input.edges.size());
    for (auto [a, b] : input.edges) f.add(a), f.add(b);
    f.add(int(options.engine));
    f.add(options.maxDotNodes);
    f.add(options.maxDotEdgesPerNode);
    f.add(options.maxDotFanIn);
    return f.h;
}

std::shared_ptr<const LayoutResult> LayoutCache::find(uint64_t key) const {
    std::lock_guard lock(mutex_);
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : it->second;
}

void LayoutCache::store(uint64_t key, std::shared_ptr<const LayoutResult> layout) {
    std::lock_guard lock(mutex_);
    if (map_.emplace(key, std::move(layout)).second) order_.push_back(key);
    while (order_.size() > capacity_) {
        map_.erase(order_.front());
        order_.pop_front();
    }
}

std::shared_ptr<const LayoutResult> computeLayout(const LayoutInput& input, const LayoutOptions& options, LayoutCache* cache) {
    const uint64_t key = layoutKey(input, options);
    if (cache)
        if (auto hit = cache->find(key)) return hit;
    LayoutResult result;
    std::string reason = options.engine == LayoutEngine::Auto ? dotTooCostly(input, options) : std::string();
    const bool useDot = options.engine == LayoutEngine::Dot || (options.engine == LayoutEngine::Auto && reason.empty());
    if (useDot) {
        auto dot = dotLayout(input);
        if (dot) {
            result = std::move(dot).value();
        } else {
            reason = dot.message();
        }
    }
    if (!useDot || result.engine.empty()) {
        result = layeredLayout(input);
        if (!reason.empty()) result.note = "dot skipped: " + reason;
    }
    auto shared = std::make_shared<const LayoutResult>(std::move(result));
    if (cache) cache->store(key, shared);
    return shared;
}

}  // namespace ql::gui
