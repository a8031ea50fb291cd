#include "core/quant/histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::quant {

Histogram::Histogram(int bins) : pos_(size_t(std::max(bins, 8)), 0), neg_(size_t(std::max(bins, 8)), 0) {}

void Histogram::growTo(float amax) {
    if (range_ == 0.f) {  // everything so far is exactly 0, in bin 0 either way
        range_ = amax;
        return;
    }
    int64_t factor = 1;
    float r = range_;
    while (r < amax) {
        r *= 2.f;
        factor *= 2;
    }
    if (factor == 1) return;
    for (auto* h : {&pos_, &neg_}) {
        std::vector<uint64_t> merged(h->size(), 0);
        for (size_t i = 0; i < h->size(); ++i) merged[size_t(int64_t(i) / factor)] += (*h)[i];
        *h = std::move(merged);
    }
    range_ = r;
}

void Histogram::add(const float* x, int64_t n) {
    float mn = std::numeric_limits<float>::infinity(), mx = -mn;
    int64_t finite = 0;
    for (int64_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i])) continue;
        mn = std::min(mn, x[i]);
        mx = std::max(mx, x[i]);
        ++finite;
    }
    nonFinite_ += uint64_t(n - finite);
    if (finite == 0) return;
    if (count_ == 0) min_ = mn, max_ = mx;
    else min_ = std::min(min_, mn), max_ = std::max(max_, mx);
    const float amax = std::max(std::fabs(mn), std::fabs(mx));
    if (amax > range_) growTo(amax);
    count_ += uint64_t(finite);
    if (range_ == 0.f) {
        pos_[0] += uint64_t(finite);
        return;
    }
    const int last = bins() - 1;
    const float scale = float(bins()) / range_;
    for (int64_t i = 0; i < n; ++i) {
        const float v = x[i];
        if (!std::isfinite(v)) continue;
        const int b = std::min(last, int(std::fabs(v) * scale));
        (v < 0.f ? neg_ : pos_)[size_t(b)]++;
    }
}

std::vector<uint64_t> Histogram::magnitude() const {
    std::vector<uint64_t> m(pos_);
    for (size_t i = 0; i < m.size(); ++i) m[i] += neg_[i];
    return m;
}

float entropyThreshold(const std::vector<uint64_t>& input, float range, int levels) {
    const int bins = int(input.size());
    if (bins <= levels) return range;
    // The spike of exact zeros (ReLU outputs, padding) would dominate both distributions and
    // push the clip down; like NVIDIA's pytorch-quantization, bin 0 counts as much as bin 1.
    std::vector<uint64_t> hist(input);
    hist[0] = hist[1];
    const double width = double(range) / bins;
    double total = 0;
    for (auto c : hist) total += double(c);
    if (total == 0) return range;
    // KL over the clipped distribution cannot see the clipping error itself: when the kept part
    // collapses into a few bins (data away from 0) it reaches 0 at absurd clips. Thresholds that
    // clip more than this share of the values are therefore not candidates (0.1 %: at 5 % the
    // bundled model lost 0.8 points of top-1).
    constexpr double kMaxClipped = 0.001;
    constexpr double kEps = 1e-7;  // smoothing where q is empty but p is not
    double best = std::numeric_limits<double>::infinity();
    int bestI = bins;
    std::vector<double> p, q;
    double outliers = 0;  // mass of bins [i, bins)
    std::vector<double> tail(size_t(bins) + 1, 0.0);
    for (int k = bins - 1; k >= 0; --k) tail[size_t(k)] = tail[size_t(k) + 1] + double(hist[size_t(k)]);
    for (int i = levels; i <= bins; ++i) {
        outliers = tail[size_t(i)];
        if (outliers > kMaxClipped * total) continue;
        // reference: the first i bins, the outliers folded into the last of them
        p.assign(hist.begin(), hist.begin() + i);
        p[size_t(i - 1)] += outliers;
        // candidate: the unclipped first i bins merged into `levels` groups, each group's mass
        // spread evenly over the bins where the reference is not empty
        q.assign(size_t(i), 0.0);
        const double per = double(i) / levels;
        for (int g = 0; g < levels; ++g) {
            const int a = int(std::floor(g * per)), b = g == levels - 1 ? i : int(std::floor((g + 1) * per));
            double mass = 0;
            int nonEmpty = 0;
            for (int k = a; k < b; ++k) {
                mass += double(hist[size_t(k)]);
                nonEmpty += p[size_t(k)] != 0;
            }
            for (int k = a; k < b; ++k)
                if (p[size_t(k)] != 0) q[size_t(k)] = mass / nonEmpty;
        }
        double sp = 0, sq = 0;
        for (int k = 0; k < i; ++k) sp += p[size_t(k)], sq += q[size_t(k)];
        if (sp == 0 || sq == 0) continue;
        double kl = 0;
        for (int k = 0; k < i; ++k) {
            if (p[size_t(k)] == 0) continue;
            const double pk = p[size_t(k)] / sp, qk = std::max(q[size_t(k)] / sq, kEps);
            kl += pk * std::log(pk / qk);
        }
        if (kl <= best) best = kl, bestI = i;  // ties go to the wider range
    }
    return float(bestI * width);
}

float mseThreshold(const std::vector<uint64_t>& hist, float range, int levels) {
    const int bins = int(hist.size());
    const double width = double(range) / bins;
    double best = std::numeric_limits<double>::infinity();
    float bestT = range;
    for (int i = bins; i >= 1; --i) {
        const double t = i * width, step = t / (levels - 1);
        double err = 0;
        for (int k = 0; k < bins; ++k) {
            if (!hist[size_t(k)]) continue;
            const double c = (k + 0.5) * width;
            err += double(hist[size_t(k)]) * (c <= t ? step * step / 12.0 : (c - t) * (c - t));
        }
        if (err < best) best = err, bestT = float(t);
    }
    return bestT;
}

namespace {
// The clipped range for a magnitude threshold; a constant value keeps its exact range.
ValueRange clipTo(const Histogram& h, float t) {
    const ValueRange mm = h.minMax();
    if (h.count() == 0 || mm.min == mm.max || h.range() == 0.f) return mm;
    return {std::max(mm.min, -t), std::min(mm.max, t)};
}
int levelsFor(const Histogram& h) { return h.minMax().min < 0.f ? 128 : 256; }
}  // namespace

ValueRange entropyRange(const Histogram& h) {
    if (h.count() == 0 || h.range() == 0.f) return h.minMax();
    return clipTo(h, entropyThreshold(h.magnitude(), h.range(), levelsFor(h)));
}

ValueRange mseRange(const Histogram& h) {
    if (h.count() == 0 || h.range() == 0.f) return h.minMax();
    return clipTo(h, mseThreshold(h.magnitude(), h.range(), levelsFor(h)));
}

ValueRange percentileRange(const Histogram& h, double percentile) {
    const ValueRange mm = h.minMax();
    if (h.count() == 0 || mm.min == mm.max || h.range() == 0.f) return mm;
    const double tail = double(h.count()) * (1.0 - percentile / 100.0);
    const double width = h.binWidth();
    // the upper edge of the bin where the clipped tail (counted from the far end) begins
    auto edge = [&](const std::vector<uint64_t>& side) {
        double seen = 0;
        for (int k = h.bins() - 1; k >= 0; --k) {
            seen += double(side[size_t(k)]);
            if (seen > tail) return float((k + 1) * width);
        }
        return 0.f;
    };
    ValueRange r = mm;
    if (mm.max > 0.f) r.max = std::min(mm.max, std::max(edge(h.positive()), mm.min));
    if (mm.min < 0.f) r.min = std::max(mm.min, std::min(-edge(h.negative()), r.max));
    return r;
}

MethodRanges methodRanges(const Histogram& h, double percentile) {
    return {h.minMax(), entropyRange(h), percentileRange(h, percentile), mseRange(h)};
}

std::vector<uint64_t> mergeBins(const std::vector<uint64_t>& counts, int factor) {
    factor = std::max(1, factor);
    std::vector<uint64_t> out((counts.size() + size_t(factor) - 1) / size_t(factor), 0);
    for (size_t i = 0; i < counts.size(); ++i) out[i / size_t(factor)] += counts[i];
    return out;
}

}  // namespace ql::quant
