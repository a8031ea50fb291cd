#include "core/profile/output_agreement.h"

#include <algorithm>
#include <cmath>

namespace ql::profile {

std::vector<OutputAgreement> compareOutputs(const runtime::TensorMap& ref, const runtime::TensorMap& other) {
    std::vector<OutputAgreement> v;
    for (const auto& [name, a] : ref) {
        auto it = other.find(name);
        if (it == other.end() || a.dtype() != ir::DType::F32 || it->second.dims() != a.dims()) continue;
        const float* x = a.data<float>();
        const float* y = it->second.data<float>();
        double dot = 0, nx = 0, ny = 0, err = 0, maxErr = 0;
        for (int64_t i = 0; i < a.numel(); ++i) {
            dot += double(x[i]) * y[i];
            nx += double(x[i]) * x[i];
            ny += double(y[i]) * y[i];
            const double e = double(x[i]) - y[i];
            err += e * e;
            maxErr = std::max(maxErr, std::fabs(e));
        }
        OutputAgreement o;
        o.output = name;
        o.cosine = nx > 0 && ny > 0 ? dot / std::sqrt(nx * ny) : 0;
        o.maxAbsError = maxErr;
        o.sqnrDb = err > 0 ? 10 * std::log10(nx / err) : INFINITY;
        o.sameArgmax = true;
        if (a.rank() == 2) {
            const int64_t rows = a.dims()[0], cols = a.dims()[1];
            for (int64_t r = 0; r < rows; ++r) {
                auto am = [&](const float* p) { return std::max_element(p + r * cols, p + (r + 1) * cols) - (p + r * cols); };
                o.sameArgmax &= am(x) == am(y);
            }
        }
        v.push_back(o);
    }
    return v;
}

}  // namespace ql::profile
