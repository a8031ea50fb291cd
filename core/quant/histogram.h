#pragma once
// A streaming two-sided histogram of one value's activations with bounded memory: `bins` bins
// of |x| over [0, R] for the positive side and as many for the negative side. The first batch
// sets R to its largest magnitude; a later batch beyond R doubles R as often as needed and
// merges neighbouring bins (exact: no interpolation), so nothing but the counts is kept.
// Non-finite values (NaN, ±Inf) are counted and left out.
#include <cstdint>
#include <vector>

#include "core/quant/ranges.h"

namespace ql::quant {

class Histogram {
public:
    explicit Histogram(int bins = 2048);
    void add(const float* x, int64_t n);

    int bins() const { return int(pos_.size()); }
    float range() const { return range_; }               // R: bins cover |x| in [0, R]
    float binWidth() const { return range_ / float(bins()); }
    uint64_t count() const { return count_; }            // finite values seen
    uint64_t nonFinite() const { return nonFinite_; }
    ValueRange minMax() const { return {min_, max_}; }   // exact, of the finite values
    const std::vector<uint64_t>& positive() const { return pos_; }  // x >= 0
    const std::vector<uint64_t>& negative() const { return neg_; }  // x < 0, by |x|
    std::vector<uint64_t> magnitude() const;             // positive + negative

private:
    void growTo(float amax);
    std::vector<uint64_t> pos_, neg_;
    float range_ = 0.f, min_ = 0.f, max_ = 0.f;
    uint64_t count_ = 0, nonFinite_ = 0;
};

// Clip thresholds on |x| from a magnitude histogram over [0, range]; `levels` is the number of
// quantization levels on one side (128 for s8, 256 for u8).
// KL divergence (TensorRT/MXNet): the threshold whose clipped reference distribution (outliers
// folded into the last bin) loses least information when merged into `levels` levels.
float entropyThreshold(const std::vector<uint64_t>& hist, float range, int levels);  // bin 0 counts as bin 1
// The threshold minimising the expected squared error: rounding (step^2/12) inside, clipping
// (|x| - T)^2 outside, with bin centres standing for their values.
float mseThreshold(const std::vector<uint64_t>& hist, float range, int levels);

// The range of the clipped values for each method, inside the exact min/max.
ValueRange entropyRange(const Histogram& h);
ValueRange mseRange(const Histogram& h);
// Two-sided: the top and bottom (100 - percentile) % of the values are clipped.
ValueRange percentileRange(const Histogram& h, double percentile);

// Every method's range from one histogram (min/max is the exact observed range).
struct MethodRanges {
    ValueRange minMax, entropy, percentile, mse;
};
MethodRanges methodRanges(const Histogram& h, double percentile);

// The counts merged `factor` bins into one (exact; `factor` must divide the bin count).
std::vector<uint64_t> mergeBins(const std::vector<uint64_t>& counts, int factor);

}  // namespace ql::quant
