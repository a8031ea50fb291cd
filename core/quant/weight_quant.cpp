#include "core/quant/weight_quant.h"

#include <algorithm>
#include <cmath>

namespace ql::quant {

QuantizedRows quantizeRowsS8(const float* w, int64_t rows, int64_t perRow, bool perTensor) {
    QuantizedRows q;
    float tensorMax = 0;
    if (perTensor)
        for (int64_t i = 0; i < rows * perRow; ++i) tensorMax = std::max(tensorMax, std::fabs(w[i]));
    q.scales.assign(size_t(rows), 1.f);
    q.values.resize(size_t(rows * perRow));
    for (int64_t r = 0; r < rows; ++r) {
        const float* row = w + r * perRow;
        float amax = tensorMax;
        if (!perTensor)
            for (int64_t i = 0; i < perRow; ++i) amax = std::max(amax, std::fabs(row[i]));
        const float s = amax > 0 ? amax / 127.f : 1.f;
        q.scales[size_t(r)] = s;
        for (int64_t i = 0; i < perRow; ++i)
            q.values[size_t(r * perRow + i)] = int8_t(std::clamp(std::nearbyint(row[i] / s), -127.f, 127.f));
    }
    return q;
}

QuantizedRows quantizeRowsS8WithScales(const float* w, int64_t rows, int64_t perRow, const std::vector<float>& scales) {
    QuantizedRows q;
    if (scales.size() != size_t(rows) && scales.size() != 1) return q;
    for (float s : scales)
        if (!(s > 0) || !std::isfinite(s)) return q;
    q.scales.resize(size_t(rows));
    q.values.resize(size_t(rows * perRow));
    for (int64_t r = 0; r < rows; ++r) {
        const float s = scales[scales.size() == 1 ? 0 : size_t(r)];
        q.scales[size_t(r)] = s;
        for (int64_t i = 0; i < perRow; ++i)
            q.values[size_t(r * perRow + i)] = int8_t(std::clamp(std::nearbyint(w[r * perRow + i] / s), -128.f, 127.f));
    }
    return q;
}

}  // namespace ql::quant
