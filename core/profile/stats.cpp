#include "core/profile/stats.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace ql::profile {

double quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0;
    const double pos = q * double(sorted.size() - 1);
    const size_t lo = size_t(std::floor(pos)), hi = size_t(std::ceil(pos));
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return quantile(values, 0.5);
}

Interval percentileInterval(std::vector<double> draws, double level) {
    if (draws.empty()) return {};
    std::sort(draws.begin(), draws.end());
    const double tail = (1.0 - level) / 2.0;
    return {quantile(draws, tail), quantile(draws, 1.0 - tail)};
}

namespace {
// Index in [0, n) from a 64-bit draw; the tiny modulo bias is irrelevant for n this small, and
// unlike std::uniform_int_distribution it is the same on every standard library.
size_t pick(std::mt19937_64& rng, size_t n) { return size_t(rng() % n); }
}  // namespace

Interval bootstrapMedianCi(const std::vector<double>& samples, double level, int resamples, uint64_t seed) {
    if (samples.empty()) return {};
    if (samples.size() == 1) return {samples[0], samples[0]};
    return percentileInterval(hierarchicalBootstrapMedians({samples}, resamples, seed), level);
}

std::vector<double> hierarchicalBootstrapMedians(const std::vector<std::vector<double>>& trials, int resamples, uint64_t seed) {
    std::vector<const std::vector<double>*> nonEmpty;
    for (const auto& t : trials)
        if (!t.empty()) nonEmpty.push_back(&t);
    std::vector<double> medians;
    if (nonEmpty.empty() || resamples < 1) return medians;
    std::mt19937_64 rng(seed);
    std::vector<double> pooled;
    medians.reserve(size_t(resamples));
    for (int r = 0; r < resamples; ++r) {
        pooled.clear();
        // one trial only: nothing to draw at the upper level, resample its repeats
        for (size_t t = 0; t < nonEmpty.size(); ++t) {
            const auto& trial = *nonEmpty[nonEmpty.size() == 1 ? 0 : pick(rng, nonEmpty.size())];
            for (size_t i = 0; i < trial.size(); ++i) pooled.push_back(trial[pick(rng, trial.size())]);
        }
        std::sort(pooled.begin(), pooled.end());
        medians.push_back(quantile(pooled, 0.5));
    }
    return medians;
}

Stats summarize(std::vector<double> s) {
    Stats r;
    r.n = int(s.size());
    if (s.empty()) return r;
    std::sort(s.begin(), s.end());
    r.min = s.front();
    r.max = s.back();
    r.median = quantile(s, 0.5);
    r.p10 = quantile(s, 0.1);
    r.p90 = quantile(s, 0.9);
    double sum = 0;
    for (double v : s) sum += v;
    r.mean = sum / double(r.n);
    double var = 0;
    for (double v : s) var += (v - r.mean) * (v - r.mean);
    r.stddev = r.n > 1 ? std::sqrt(var / double(r.n - 1)) : 0;
    const Interval ci = bootstrapMedianCi(s, 0.95, 1000);
    r.ci95Low = ci.low;
    r.ci95High = ci.high;
    return r;
}

}  // namespace ql::profile
