#include "core/profile/significance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ql::profile {

namespace {
// Continued fraction of the incomplete beta (modified Lentz), valid for x < (a+1)/(a+b+2).
double betaFraction(double a, double b, double x) {
    constexpr double tiny = 1e-300, eps = 1e-15;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    d = std::abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m < 1000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        d = std::abs(d) < tiny ? tiny : d;
        c = 1 + aa / c;
        c = std::abs(c) < tiny ? tiny : c;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        d = std::abs(d) < tiny ? tiny : d;
        c = 1 + aa / c;
        c = std::abs(c) < tiny ? tiny : c;
        d = 1 / d;
        const double step = d * c;
        h *= step;
        if (std::abs(step - 1) < eps) break;
    }
    return h;
}

double meanOf(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); }

double varianceOf(const std::vector<double>& v, double mean) {
    double s = 0;
    for (double x : v) s += (x - mean) * (x - mean);
    return s / double(v.size() - 1);
}

double normalTwoSidedP(double z) { return std::erfc(std::abs(z) / std::sqrt(2.0)); }
}  // namespace

double incompleteBeta(double a, double b, double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2)) return front * betaFraction(a, b, x) / a;
    return 1 - front * betaFraction(b, a, 1 - x) / b;  // symmetry converges faster here
}

double studentTwoSidedP(double t, double df) {
    if (!std::isfinite(t)) return 0;
    if (df <= 0) return 1;
    return incompleteBeta(df / 2, 0.5, df / (df + t * t));
}

TestResult welchOnLogs(const std::vector<double>& a, const std::vector<double>& b) {
    TestResult r;
    if (a.size() < 2 || b.size() < 2) {
        r.why = "needs at least 2 trials per side";
        return r;
    }
    std::vector<double> la, lb;
    for (double v : a) {
        if (!(v > 0)) return r.why = "non-positive value", r;
        la.push_back(std::log(v));
    }
    for (double v : b) {
        if (!(v > 0)) return r.why = "non-positive value", r;
        lb.push_back(std::log(v));
    }
    const double ma = meanOf(la), mb = meanOf(lb);
    const double va = varianceOf(la, ma) / double(la.size()), vb = varianceOf(lb, mb) / double(lb.size());
    r.valid = true;
    if (va + vb == 0) {  // no spread at all: any difference is certain, none is no evidence
        r.statistic = ma == mb ? 0 : (ma > mb ? INFINITY : -INFINITY);
        r.df = double(la.size() + lb.size() - 2);
        r.p = ma == mb ? 1 : 0;
        return r;
    }
    r.statistic = (ma - mb) / std::sqrt(va + vb);
    r.df = (va + vb) * (va + vb) / (va * va / double(la.size() - 1) + vb * vb / double(lb.size() - 1));
    r.p = studentTwoSidedP(r.statistic, r.df);
    return r;
}

TestResult mannWhitneyU(const std::vector<double>& a, const std::vector<double>& b) {
    TestResult r;
    const size_t n1 = a.size(), n2 = b.size();
    if (n1 == 0 || n2 == 0) {
        r.why = "needs values on both sides";
        return r;
    }
    // U of a: pairs where a is larger, ties count half
    double u = 0;
    for (double x : a)
        for (double y : b) u += x > y ? 1.0 : (x == y ? 0.5 : 0.0);
    r.valid = true;
    r.statistic = u;
    std::vector<double> all(a);
    all.insert(all.end(), b.begin(), b.end());
    std::sort(all.begin(), all.end());
    double tieTerm = 0;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j < all.size() && all[j] == all[i]) ++j;
        const double t = double(j - i);
        tieTerm += t * t * t - t;
        i = j;
    }
    const double nn1 = double(n1), nn2 = double(n2), n = nn1 + nn2;
    if (tieTerm == 0 && n1 * n2 <= 400) {
        // exact: count rank arrangements by U with the recurrence f(i, j, u) = f(i-1, j, u-j) + f(i, j-1, u)
        const size_t maxU = n1 * n2;
        std::vector<std::vector<double>> prev(n2 + 1, std::vector<double>(maxU + 1, 0)), cur = prev;
        for (size_t j = 0; j <= n2; ++j) prev[j][0] = 1;  // i = 0: one arrangement, U = 0
        for (size_t i = 1; i <= n1; ++i) {
            for (auto& row : cur) std::fill(row.begin(), row.end(), 0.0);
            cur[0][0] = 1;
            for (size_t j = 1; j <= n2; ++j)
                for (size_t k = 0; k <= maxU; ++k) cur[j][k] = (k >= j ? prev[j][k - j] : 0) + cur[j - 1][k];
            std::swap(prev, cur);
        }
        const auto& counts = prev[n2];
        const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
        double low = 0, high = 0;
        for (size_t k = 0; k <= maxU; ++k) {
            if (double(k) <= u) low += counts[k];
            if (double(k) >= u) high += counts[k];
        }
        r.p = std::min(1.0, 2 * std::min(low, high) / total);
        return r;
    }
    const double mean = nn1 * nn2 / 2;
    const double sd = std::sqrt(nn1 * nn2 / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
    if (sd == 0) return r.p = 1, r;
    const double z = (std::abs(u - mean) - 0.5) / sd;
    r.p = std::min(1.0, normalTwoSidedP(std::max(z, 0.0)));
    return r;
}

McNemar mcnemarTest(int64_t b, int64_t c) {
    McNemar m;
    m.onlyFirst = b, m.onlySecond = c;
    const int64_t n = b + c;
    if (n == 0) return m;
    if (n < 25) {
        // Two-sided exact binomial test of min(b, c) successes in n trials at p = 1/2.
        const int64_t k = std::min(b, c);
        double tail = 0;
        for (int64_t i = 0; i <= k; ++i) tail += std::exp(std::lgamma(double(n) + 1) - std::lgamma(double(i) + 1) - std::lgamma(double(n - i) + 1) - double(n) * std::log(2.0));
        m.p = std::min(1.0, 2.0 * tail);
        return m;
    }
    m.exact = false;
    const double d = std::abs(double(b - c)) - 1.0;
    m.statistic = d > 0 ? d * d / double(n) : 0.0;
    m.p = std::erfc(std::sqrt(m.statistic / 2.0));  // chi-square with 1 df: P(X > s) = erfc(sqrt(s/2))
    return m;
}

std::vector<double> holmAdjust(const std::vector<double>& p) {
    std::vector<size_t> order(p.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return p[x] < p[y]; });
    std::vector<double> adjusted(p.size());
    double running = 0;
    const double m = double(p.size());
    for (size_t rank = 0; rank < order.size(); ++rank) {
        running = std::max(running, std::min(1.0, (m - double(rank)) * p[order[rank]]));
        adjusted[order[rank]] = running;
    }
    return adjusted;
}

}  // namespace ql::profile
