#include "core/quant/observers.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::quant {

Expected<CalibrationMethod> parseCalibrationMethod(const std::string& s) {
    if (s == "minmax") return CalibrationMethod::MinMax;
    if (s == "entropy") return CalibrationMethod::Entropy;
    if (s == "percentile") return CalibrationMethod::Percentile;
    if (s == "mse") return CalibrationMethod::Mse;
    return Status::error("unknown calibration method '" + s + "' (choose minmax, entropy, percentile or mse)");
}

std::string calibrationMethodName(CalibrationMethod m) {
    switch (m) {
        case CalibrationMethod::MinMax: return "minmax";
        case CalibrationMethod::Entropy: return "entropy";
        case CalibrationMethod::Percentile: return "percentile";
        case CalibrationMethod::Mse: return "mse";
    }
    return "?";
}

Status validate(const ObserverOptions& o) {
    if (!(o.percentile > 0.0 && o.percentile <= 100.0))
        return Status::error("the calibration percentile must be in (0, 100], got " + std::to_string(o.percentile));
    if (o.bins < 256 || o.bins > (1 << 16)) return Status::error("histogram bins must be between 256 and 65536, got " + std::to_string(o.bins));
    return Status::ok();
}

Observer::Observer(ObserverOptions options) : options_(options) {}

void Observer::observe(const std::string& value, const ir::Tensor& t) {
    if (t.dtype() != ir::DType::F32 || t.numel() == 0) return;
    auto [it, fresh] = stats_.try_emplace(value);
    Stats& s = it->second;
    const float* x = t.data<float>();
    const int64_t n = t.numel();
    if (options_.method != CalibrationMethod::MinMax) {
        if (!s.hist) s.hist = std::make_unique<Histogram>(options_.bins);
        s.hist->add(x, n);
        return;
    }
    float mn = std::numeric_limits<float>::infinity(), mx = -mn;
    uint64_t finite = 0;
    for (int64_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i])) continue;
        mn = std::min(mn, x[i]);
        mx = std::max(mx, x[i]);
        ++finite;
    }
    s.nonFinite += uint64_t(n) - finite;
    if (!finite) return;
    s.minMax = s.count ? ValueRange{std::min(s.minMax.min, mn), std::max(s.minMax.max, mx)} : ValueRange{mn, mx};
    s.count += finite;
}

RangeTable Observer::ranges() const {
    RangeTable table;
    for (const auto& [name, s] : stats_) {
        if (!s.hist) {
            if (s.count) table[name] = s.minMax;
            continue;
        }
        if (!s.hist->count()) continue;
        switch (options_.method) {
            case CalibrationMethod::Entropy: table[name] = entropyRange(*s.hist); break;
            case CalibrationMethod::Percentile: table[name] = percentileRange(*s.hist, options_.percentile); break;
            case CalibrationMethod::Mse: table[name] = mseRange(*s.hist); break;
            case CalibrationMethod::MinMax: table[name] = s.hist->minMax(); break;
        }
    }
    return table;
}

const Histogram* Observer::histogram(const std::string& value) const {
    const auto it = stats_.find(value);
    return it == stats_.end() ? nullptr : it->second.hist.get();
}

std::map<std::string, ValueSummary> Observer::summaries() const {
    std::map<std::string, ValueSummary> out;
    for (const auto& [name, s] : stats_) {
        ValueSummary v;
        if (s.hist) {
            v.observed = s.hist->minMax();
            v.count = s.hist->count();
            v.nonFinite = s.hist->nonFinite();
            v.histogramRange = s.hist->range();
            v.bins = s.hist->bins();
        } else {
            v.observed = s.minMax;
            v.count = s.count;
            v.nonFinite = s.nonFinite;
        }
        out[name] = v;
    }
    return out;
}

}  // namespace ql::quant
