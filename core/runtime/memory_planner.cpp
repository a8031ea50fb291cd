#include "core/runtime/memory_planner.h"

#include <algorithm>
#include <numeric>

namespace ql::runtime {

namespace {
size_t align64(size_t n) { return (n + 63) / 64 * 64; }
bool overlap(const Lifetime& a, const Lifetime& b) { return a.first <= b.last && b.first <= a.last; }
}  // namespace

ArenaPlan planArena(const std::vector<Lifetime>& buffers) {
    ArenaPlan plan;
    plan.offsets.assign(buffers.size(), 0);
    std::vector<size_t> order(buffers.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return buffers[a].bytes > buffers[b].bytes; });
    std::vector<size_t> placed;
    for (size_t i : order) {
        const size_t size = align64(buffers[i].bytes);
        std::vector<std::pair<size_t, size_t>> busy;  // [offset, end) of overlapping placed buffers
        for (size_t o : placed)
            if (overlap(buffers[o], buffers[i])) busy.push_back({plan.offsets[o], plan.offsets[o] + align64(buffers[o].bytes)});
        std::sort(busy.begin(), busy.end());
        size_t offset = 0;
        for (auto [lo, hi] : busy) {
            if (offset + size <= lo) break;  // fits in the gap before this one
            offset = std::max(offset, hi);
        }
        plan.offsets[i] = offset;
        plan.arenaBytes = std::max(plan.arenaBytes, offset + size);
        placed.push_back(i);
    }
    int lastStep = -1;
    for (const Lifetime& b : buffers) {
        plan.totalBytes += b.bytes;
        lastStep = std::max(lastStep, b.last);
    }
    for (int t = 0; t <= lastStep; ++t) {
        size_t live = 0;
        for (const Lifetime& b : buffers)
            if (b.first <= t && t <= b.last) live += b.bytes;
        plan.lowerBound = std::max(plan.lowerBound, live);
    }
    return plan;
}

}  // namespace ql::runtime
