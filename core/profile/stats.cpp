#include "core/profile/stats.h"

#include <algorithm>
#include <cmath>

namespace ql::profile {

namespace {
double quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0;
    const double pos = q * double(sorted.size() - 1);
    const size_t lo = size_t(std::floor(pos)), hi = size_t(std::ceil(pos));
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - double(lo));
}

// Two-sided 97.5% Student t quantile for df degrees of freedom.
double t975(int df) {
    static const double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                   2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                   2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (df <= 0) return 0;
    if (df <= 30) return table[df - 1];
    return 1.96 + 2.4 / double(df);  // close to the exact value above 30
}
}  // namespace

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
    const double half = r.n > 1 ? t975(r.n - 1) * r.stddev / std::sqrt(double(r.n)) : 0;
    r.ci95Low = r.mean - half;
    r.ci95High = r.mean + half;
    return r;
}

}  // namespace ql::profile
