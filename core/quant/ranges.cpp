#include "core/quant/ranges.h"

#include <algorithm>
#include <cmath>
#include <limits>


namespace ql::quant {

void MinMaxObserver::observe(const std::string& value, const ir::Tensor& t) {
    if (t.dtype() != ir::DType::F32 || t.numel() == 0) return;
    float mn = std::numeric_limits<float>::infinity(), mx = -mn;
    for (int64_t i = 0; i < t.numel(); ++i) {
        const float v = t.data<float>()[i];
        if (std::isfinite(v)) mn = std::min(mn, v), mx = std::max(mx, v);
    }
    if (mn > mx) return;  // nothing finite
    auto it = table_.find(value);
    if (it == table_.end()) table_[value] = {mn, mx};
    else it->second = {std::min(it->second.min, mn), std::max(it->second.max, mx)};
}

Int8Params int8ParamsFor(const ValueRange& r, bool sevenBit, bool asymmetric) {
    Int8Params p;
    const bool nonNegative = r.min >= 0.f;
    if (asymmetric && !nonNegative) {
        const float qmax = sevenBit ? 127.f : 255.f;
        const float lo = std::min(r.min, 0.f), hi = std::max(r.max, 0.f);
        p.dtype = ir::DType::U8;
        p.scale = hi > lo && std::isfinite(hi - lo) ? (hi - lo) / qmax : 1.f;
        p.zeroPoint = int32_t(std::clamp(std::nearbyint(-lo / p.scale), 0.f, qmax));
        return p;
    }
    p.dtype = nonNegative ? ir::DType::U8 : ir::DType::S8;
    const float qmax = nonNegative ? (sevenBit ? 127.f : 255.f) : (sevenBit ? 63.f : 127.f);
    const float amax = std::max(std::fabs(r.min), std::fabs(r.max));
    p.scale = amax > 0 && std::isfinite(amax) ? amax / qmax : 1.f;
    return p;
}

std::optional<Int8Params> modelParams(const ir::QuantParams& q) {
    if (q.scales.size() != 1 || q.zeroPoints.size() > 1 || (q.storage != ir::DType::U8 && q.storage != ir::DType::S8)) return std::nullopt;
    if (!(q.scales[0] > 0) || !std::isfinite(q.scales[0])) return std::nullopt;
    return Int8Params{q.storage, q.scales[0], q.zeroPoints.empty() ? 0 : q.zeroPoints[0]};
}

std::optional<ValueRange> rangeOfModelParams(const ir::QuantParams& q) {
    const auto p = modelParams(q);
    if (!p) return std::nullopt;
    const bool u8 = p->dtype == ir::DType::U8;
    const float z = float(p->zeroPoint), lo = u8 ? 0.f : (p->zeroPoint == 0 ? -127.f : -128.f), hi = u8 ? 255.f : 127.f;
    return ValueRange{p->scale * (lo - z), p->scale * (hi - z)};
}

}  // namespace ql::quant
