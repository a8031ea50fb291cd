#include <gtest/gtest.h>

#include <algorithm>

#include "core/runtime/memory_planner.h"

using namespace ql::runtime;

namespace {
bool overlapsInMemory(const ArenaPlan& p, const std::vector<Lifetime>& b, size_t i, size_t j) {
    auto end = [&](size_t k) { return p.offsets[k] + (b[k].bytes + 63) / 64 * 64; };
    return p.offsets[i] < end(j) && p.offsets[j] < end(i);
}
}  // namespace

TEST(MemoryPlanner, AChainReusesMemoryDownToTheLivenessBound) {
    // a -> b -> c -> d: only neighbours are alive together
    std::vector<Lifetime> chain = {{1024, 0, 1}, {2048, 1, 2}, {1024, 2, 3}, {2048, 3, 4}};
    ArenaPlan p = planArena(chain);
    EXPECT_EQ(p.totalBytes, 6144u);
    EXPECT_EQ(p.lowerBound, 3072u);
    EXPECT_EQ(p.arenaBytes, 3072u);
}

TEST(MemoryPlanner, NoTwoLiveBuffersShareBytes) {
    std::vector<Lifetime> b = {{100, 0, 5}, {300, 1, 2}, {200, 2, 4}, {50, 3, 3}, {400, 4, 6}, {70, 0, 0}, {90, 6, 7}};
    ArenaPlan p = planArena(b);
    for (size_t i = 0; i < b.size(); ++i)
        for (size_t j = i + 1; j < b.size(); ++j)
            if (b[i].first <= b[j].last && b[j].first <= b[i].last) EXPECT_FALSE(overlapsInMemory(p, b, i, j)) << i << " " << j;
    for (size_t off : p.offsets) EXPECT_EQ(off % 64, 0u);
    EXPECT_GE(p.arenaBytes, p.lowerBound);
    EXPECT_LE(double(p.arenaBytes), 1.25 * double(p.lowerBound) + 64 * b.size());
}

TEST(MemoryPlanner, ReportsTheBytesAliveAtEveryStep) {
    // a [0,1], b [1,2], c [2,3], d [3,4], e [1,3]: summed by hand per step
    std::vector<Lifetime> b = {{1024, 0, 1}, {2048, 1, 2}, {1024, 2, 3}, {2048, 3, 4}, {100, 1, 3}};
    ArenaPlan p = planArena(b);
    const std::vector<size_t> expected = {1024, 1024 + 2048 + 100, 2048 + 1024 + 100, 1024 + 2048 + 100, 2048};
    EXPECT_EQ(p.liveBytes, expected);
    EXPECT_EQ(p.lowerBound, *std::max_element(expected.begin(), expected.end()));
    EXPECT_TRUE(planArena({}).liveBytes.empty());
}
