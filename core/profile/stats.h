#pragma once
// Summary statistics of repeated timings, and the resampling that gives their intervals.
#include <cstdint>
#include <vector>

namespace ql::profile {

struct Interval {
    double low = 0, high = 0;
};

struct Stats {
    int n = 0;
    double median = 0, mean = 0, stddev = 0, p10 = 0, p90 = 0, min = 0, max = 0;
    // 95% percentile-bootstrap interval of the median: it stays inside [min, max], so a few
    // noisy repeats give a wide interval, never a negative time (Student t on the mean did).
    double ci95Low = 0, ci95High = 0;
};

Stats summarize(std::vector<double> samples);

// Linear-interpolated quantile q in [0, 1] of ascending `sorted`.
double quantile(const std::vector<double>& sorted, double q);
double median(std::vector<double> values);

// Percentile bootstrap of the median (seeded: the same samples always give the same interval).
Interval bootstrapMedianCi(const std::vector<double>& samples, double level = 0.95, int resamples = 2000, uint64_t seed = 1);

// Two-level bootstrap for repeats nested in independent trials (one vector per trial): each
// resample draws trials with replacement, then repeats within each drawn trial, and takes the
// median of the pooled draw. Trials are the independent unit, so a trial-level shift widens the
// interval as it should. Returns one median per resample (unsorted), for intervals of functions
// of medians such as ratios.
std::vector<double> hierarchicalBootstrapMedians(const std::vector<std::vector<double>>& trials, int resamples = 2000, uint64_t seed = 1);
// Its percentile interval.
Interval percentileInterval(std::vector<double> draws, double level = 0.95);

}  // namespace ql::profile
