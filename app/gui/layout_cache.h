#pragma once
// Layouts keyed by a hash of what determines them (node sizes, edges, engine options), shared
// between views and reopened models: the pass snapshots a pass left unchanged, and a model
// opened again, reuse their layout. Thread-safe; bounded (least recently stored go first).
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

#include "app/gui/graph_layout.h"

namespace ql::gui {

uint64_t layoutKey(const LayoutInput& input, const LayoutOptions& options);

class LayoutCache {
public:
    explicit LayoutCache(size_t capacity = 32) : capacity_(capacity) {}
    std::shared_ptr<const LayoutResult> find(uint64_t key) const;
    void store(uint64_t key, std::shared_ptr<const LayoutResult> layout);

private:
    mutable std::mutex mutex_;
    size_t capacity_;
    std::map<uint64_t, std::shared_ptr<const LayoutResult>> map_;
    std::deque<uint64_t> order_;
};

// Lays out with the engine the options choose (see LayoutOptions), consulting `cache` first.
std::shared_ptr<const LayoutResult> computeLayout(const LayoutInput& input, const LayoutOptions& options, LayoutCache* cache);

}  // namespace ql::gui
