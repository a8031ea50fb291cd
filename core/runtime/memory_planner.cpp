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
    // bytes alive per step: +bytes where a lifetime starts, -bytes after it ends
    plan.liveBytes.assign(size_t(lastStep + 1), 0);
    std::vector<int64_t> delta(size_t(lastStep + 2), 0);
    for (const Lifetime& b : buffers) {
        if (b.last < b.first || b.first < 0) continue;
        delta[size_t(b.first)] += int64_t(b.bytes);
        delta[size_t(b.last) + 1] -= int64_t(b.bytes);
    }
    int64_t live = 0;
    for (int t = 0; t <= lastStep; ++t) {
        live += delta[size_t(t)];
        plan.liveBytes[size_t(t)] = size_t(live);
        plan.lowerBound = std::max(plan.lowerBound, size_t(live));
    }
    return plan;
}

}  // namespace ql::runtime
