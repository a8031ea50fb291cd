#pragma once
// Small helpers shared by the reference kernels.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/ir/tensor.h"
#include "core/ops/op_params.h"

namespace ql::kernels::ref {

// Maps output flat indices to input flat indices under numpy broadcasting.
class BroadcastIndexer {
public:
    BroadcastIndexer(const ir::Dims& in, const ir::Dims& out) : outDims_(out), strides_(out.size(), 0) {
        auto inStrides = ops::stridesOf(in);
        size_t off = out.size() - in.size();
        for (size_t i = 0; i < in.size(); ++i) strides_[off + i] = in[i] == 1 ? 0 : inStrides[i];
    }
    int64_t operator()(int64_t outIndex) const {
        int64_t r = 0;
        for (int i = int(outDims_.size()) - 1; i >= 0; --i) {
            int64_t d = outDims_[size_t(i)];
            r += (outIndex % d) * strides_[size_t(i)];
            outIndex /= d;
        }
        return r;
    }

private:
    ir::Dims outDims_;
    std::vector<int64_t> strides_;
};

// Round half to even, as ONNX QuantizeLinear specifies.
inline float roundHalfEven(float x) { return std::nearbyint(x); }

template <typename Q>
inline Q saturate(float x) {
    float lo = float(std::numeric_limits<Q>::min()), hi = float(std::numeric_limits<Q>::max());
    return Q(std::fmin(std::fmax(x, lo), hi));
}

// Value of a scale/zero-point tensor for channel c (scalar tensors broadcast).
inline float scaleAt(const ir::Tensor& s, int64_t c) { return s.data<float>()[s.numel() == 1 ? 0 : c]; }
inline int32_t zeroPointAt(const ir::Tensor* zp, int64_t c) {
    if (!zp) return 0;
    return int32_t(zp->getAsInt64(zp->numel() == 1 ? 0 : c));
}

}  // namespace ql::kernels::ref
