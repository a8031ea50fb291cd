#pragma once
// Activation arena planning: buffers with lifetimes [first, last] step get offsets in one
// arena such that buffers alive at the same step never overlap. Greedy best-offset, largest
// first; reports the liveness lower bound (most bytes alive at one step) to judge the result.
#include <cstddef>
#include <vector>

namespace ql::runtime {

struct Lifetime {
    size_t bytes = 0;
    int first = 0, last = 0;  // steps that use the buffer (inclusive)
};

struct ArenaPlan {
    std::vector<size_t> offsets;  // per lifetime, 64-byte aligned
    size_t arenaBytes = 0;
    size_t totalBytes = 0;        // sum of all buffers
    size_t lowerBound = 0;        // max bytes alive at one step
};

ArenaPlan planArena(const std::vector<Lifetime>& buffers);

}  // namespace ql::runtime
