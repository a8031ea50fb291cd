#pragma once
// Per-layer numeric error of one run (INT8) against a reference run (FP32) of the same graph,
// accumulated tensor by tensor as they are produced: an accumulator keeps a handful of sums
// and counters, never a tensor, so memory does not grow with the number of samples.
#include <cstdint>
#include <optional>

namespace ql::profile {

// The int8 grid a value was quantized to, as real numbers: codes map to [lo, hi] in steps of
// `step` (the scale). FP32 values outside [lo - step/2, hi + step/2] are clipped by the
// calibration range; INT8 values within step/2 of a non-zero end are saturated.
struct Int8Grid {
    float lo = 0.f, hi = 0.f, step = 1.f;
};

// The finished statistics of one tensor pair stream.
struct LayerError {
    uint64_t count = 0;           // values compared
    double sqnrDb = 0;            // 10 log10(sum ref^2 / sum (ref - test)^2); +inf when equal
    double cosine = 0;            // 1 when both are zero
    double maxAbsError = 0;
    double mse = 0;
    double clippedShare = 0;      // reference values outside the int8 grid (0 without a grid)
    double saturatedShare = 0;    // test values at a non-zero end of the grid (0 without a grid)
    bool hasGrid = false;         // the value was int8 in the test run
    double refRms = 0;            // sqrt(mean ref^2): the scale the errors compare against
};

class LayerErrorAccumulator {
public:
    // `n` values of each; `grid` when the test value was int8.
    void add(const float* ref, const float* test, int64_t n, const std::optional<Int8Grid>& grid = std::nullopt);
    LayerError result() const;
    uint64_t count() const { return count_; }

private:
    uint64_t count_ = 0, clipped_ = 0, saturated_ = 0;
    double refSq_ = 0, testSq_ = 0, dot_ = 0, errSq_ = 0, maxErr_ = 0;
    bool hasGrid_ = false;
};

}  // namespace ql::profile
