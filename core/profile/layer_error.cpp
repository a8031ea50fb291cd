#include "core/profile/layer_error.h"

#include <cmath>
#include <limits>

namespace ql::profile {

void LayerErrorAccumulator::add(const float* ref, const float* test, int64_t n, const std::optional<Int8Grid>& grid) {
    double refSq = 0, testSq = 0, dot = 0, errSq = 0, maxErr = maxErr_;
    for (int64_t i = 0; i < n; ++i) {
        const double x = ref[i], y = test[i], e = x - y;
        refSq += x * x;
        testSq += y * y;
        dot += x * y;
        errSq += e * e;
        if (std::fabs(e) > maxErr || std::isnan(e)) maxErr = std::isnan(e) ? std::numeric_limits<double>::infinity() : std::fabs(e);
    }
    if (grid) {
        hasGrid_ = true;
        const float half = grid->step * 0.5f;
        const float clipLo = grid->lo - half, clipHi = grid->hi + half;
        const bool loEnd = grid->lo < 0.f, hiEnd = grid->hi > 0.f;  // zero is an ordinary code, not saturation
        uint64_t clipped = 0, saturated = 0;
        for (int64_t i = 0; i < n; ++i) {
            clipped += ref[i] < clipLo || ref[i] > clipHi;
            saturated += (hiEnd && test[i] >= grid->hi - half) || (loEnd && test[i] <= grid->lo + half);
        }
        clipped_ += clipped;
        saturated_ += saturated;
    }
    refSq_ += refSq;
    testSq_ += testSq;
    dot_ += dot;
    errSq_ += errSq;
    maxErr_ = maxErr;
    count_ += uint64_t(n);
}

LayerError LayerErrorAccumulator::result() const {
    LayerError r;
    r.count = count_;
    r.hasGrid = hasGrid_;
    r.maxAbsError = maxErr_;
    if (!count_) return r;
    const double n = double(count_);
    r.mse = errSq_ / n;
    r.refRms = std::sqrt(refSq_ / n);
    if (errSq_ == 0) r.sqnrDb = std::numeric_limits<double>::infinity();
    else if (refSq_ == 0) r.sqnrDb = -std::numeric_limits<double>::infinity();
    else r.sqnrDb = 10.0 * std::log10(refSq_ / errSq_);
    if (refSq_ == 0 && testSq_ == 0) r.cosine = 1.0;
    else if (refSq_ > 0 && testSq_ > 0) r.cosine = dot_ / std::sqrt(refSq_ * testSq_);
    r.clippedShare = double(clipped_) / n;
    r.saturatedShare = double(saturated_) / n;
    return r;
}

}  // namespace ql::profile
