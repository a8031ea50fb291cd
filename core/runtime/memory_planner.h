#pragma once
// Activation arena planning: buffers with lifetimes [first, last] step get offsets in one
// arena such that buffers alive at the same step never overlap. Greedy best-offset, largest
// first; reports the bytes alive at every step and their maximum, the liveness lower bound, to
// judge the result.
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
    std::vector<size_t> liveBytes;  // per step 0..last: bytes of the buffers alive at it
};

ArenaPlan planArena(const std::vector<Lifetime>& buffers);

}  // namespace ql::runtime
