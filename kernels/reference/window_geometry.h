#pragma once
// 1-D/2-D/3-D windows (conv, pooling) normalised to three spatial dims, so one loop nest
// serves them all: missing dims get size 1, kernel 1, stride 1, no padding.
#include <cstdint>

#include "core/ops/op_params.h"

namespace ql::kernels::ref {

struct Window3 {
    int64_t N = 1, C = 1, M = 1, G = 1;
    int64_t in[3] = {1, 1, 1}, out[3] = {1, 1, 1}, k[3] = {1, 1, 1};
    int64_t stride[3] = {1, 1, 1}, dil[3] = {1, 1, 1}, pad[3] = {0, 0, 0}, padEnd[3] = {0, 0, 0};

    int64_t inSize() const { return in[0] * in[1] * in[2]; }
    int64_t outSize() const { return out[0] * out[1] * out[2]; }
    int64_t kSize() const { return k[0] * k[1] * k[2]; }
};

inline bool makeWindow3(const ops::WindowParams& p, const ir::Dims& x, const ir::Dims& y, Window3& w) {
    if (p.spatial < 1 || p.spatial > 3) return false;
    w.N = x[0];
    w.C = x[1];
    w.M = y[1];
    w.G = p.group;
    const int off = 3 - p.spatial;
    for (int i = 0; i < p.spatial; ++i) {
        w.in[off + i] = x[size_t(i) + 2];
        w.out[off + i] = y[size_t(i) + 2];
        w.k[off + i] = p.kernel[size_t(i)];
        w.stride[off + i] = p.strides[size_t(i)];
        w.dil[off + i] = p.dilations[size_t(i)];
        w.pad[off + i] = p.padsBegin[size_t(i)];
        w.padEnd[off + i] = p.padsEnd[size_t(i)];
    }
    return true;
}

}  // namespace ql::kernels::ref
