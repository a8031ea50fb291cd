// Data-movement reference kernels. They are dtype-agnostic: elements are moved as bytes.
#include <cstring>

#include "core/ops/infer_common.h"
#include "kernels/reference/kernel_registry.h"
#include "kernels/reference/ref_util.h"

namespace ql::kernels {

namespace {
using ir::DType;

const std::byte* bytesOf(const ir::Tensor& t) { return static_cast<const std::byte*>(t.raw()); }
std::byte* bytesOf(ir::Tensor& t) { return static_cast<std::byte*>(t.raw()); }

Status copyData(KernelContext& c) {  // Flatten, Reshape, Squeeze, Unsqueeze: same bytes, new dims
    std::memcpy(c.out(0).raw(), c.in(0).raw(), c.in(0).byteSize());
    return Status::ok();
}

Status fromInference(KernelContext& c) {  // Shape, Size, Constant: value known from inference
    const ir::Tensor& v = c.info.outputs[0].computed;
    if (v.empty()) return c.fail("value was not computed by inference");
    std::memcpy(c.out(0).raw(), v.raw(), v.byteSize());
    return Status::ok();
}

// Generic gather: out[i] = in[srcIndex(outCoords)].
template <typename F>
void gatherByCoords(const ir::Tensor& in, ir::Tensor& out, F srcIndex) {
    const size_t es = dtypeSize(in.dtype());
    const auto& od = out.dims();
    std::vector<int64_t> coord(od.size(), 0);
    for (int64_t i = 0; i < out.numel(); ++i) {
        int64_t rem = i;
        for (int k = int(od.size()) - 1; k >= 0; --k) {
            coord[size_t(k)] = rem % od[size_t(k)];
            rem /= od[size_t(k)];
        }
        std::memcpy(bytesOf(out) + size_t(i) * es, bytesOf(in) + size_t(srcIndex(coord)) * es, es);
    }
}

Status transpose(KernelContext& c) {
    auto perm = ops::transposePermOf(c.info);
    auto inStrides = ops::stridesOf(c.in(0).dims());
    gatherByCoords(c.in(0), c.out(0), [&](const std::vector<int64_t>& oc) {
        int64_t s = 0;
        for (size_t k = 0; k < oc.size(); ++k) s += oc[k] * inStrides[size_t(perm[k])];
        return s;
    });
    return Status::ok();
}

Status slice(KernelContext& c) {
    QL_ASSIGN(auto p, ops::sliceParamsOf(c.info));
    auto inStrides = ops::stridesOf(c.in(0).dims());
    gatherByCoords(c.in(0), c.out(0), [&](const std::vector<int64_t>& oc) {
        int64_t s = 0;
        for (size_t k = 0; k < oc.size(); ++k) s += (p.starts[k] + oc[k] * p.steps[k]) * inStrides[k];
        return s;
    });
    return Status::ok();
}

Status expand(KernelContext& c) {
    ref::BroadcastIndexer ix(c.in(0).dims(), c.out(0).dims());
    const size_t es = dtypeSize(c.in(0).dtype());
    for (int64_t i = 0; i < c.out(0).numel(); ++i)
        std::memcpy(bytesOf(c.out(0)) + size_t(i) * es, bytesOf(c.in(0)) + size_t(ix(i)) * es, es);
    return Status::ok();
}

Status tile(KernelContext& c) {
    const auto& id = c.in(0).dims();
    auto inStrides = ops::stridesOf(id);
    gatherByCoords(c.in(0), c.out(0), [&](const std::vector<int64_t>& oc) {
        int64_t s = 0;
        for (size_t k = 0; k < oc.size(); ++k) s += (oc[k] % id[k]) * inStrides[k];
        return s;
    });
    return Status::ok();
}

// Concat/Split treat tensors as [outer, axisLen * inner] blocks.
void outerInner(const ir::Dims& d, int axis, int64_t& outer, int64_t& inner) {
    outer = 1;
    inner = 1;
    for (int i = 0; i < int(d.size()); ++i) {
        if (i < axis) outer *= d[size_t(i)];
        if (i > axis) inner *= d[size_t(i)];
    }
}

Status concat(KernelContext& c) {
    QL_ASSIGN(int axis, ops::normalizeAxis(c.node().attrs.getInt("axis", 1), c.out(0).rank(), c.node()));
    const size_t es = dtypeSize(c.out(0).dtype());
    int64_t outer, inner;
    outerInner(c.out(0).dims(), axis, outer, inner);
    const int64_t outRow = c.out(0).dims()[size_t(axis)] * inner;
    int64_t offset = 0;
    for (size_t k = 0; k < c.inputs.size(); ++k) {
        if (!c.has(k)) continue;
        const int64_t row = c.in(k).dims()[size_t(axis)] * inner;
        for (int64_t o = 0; o < outer; ++o)
            std::memcpy(bytesOf(c.out(0)) + size_t(o * outRow + offset) * es, bytesOf(c.in(k)) + size_t(o * row) * es, size_t(row) * es);
        offset += row;
    }
    return Status::ok();
}

Status split(KernelContext& c) {
    QL_ASSIGN(int axis, ops::normalizeAxis(c.node().attrs.getInt("axis", 0), c.in(0).rank(), c.node()));
    const size_t es = dtypeSize(c.in(0).dtype());
    int64_t outer, inner;
    outerInner(c.in(0).dims(), axis, outer, inner);
    const int64_t inRow = c.in(0).dims()[size_t(axis)] * inner;
    int64_t offset = 0;
    for (ir::Tensor& y : c.outputs) {
        const int64_t row = y.dims()[size_t(axis)] * inner;
        for (int64_t o = 0; o < outer; ++o)
            std::memcpy(bytesOf(y) + size_t(o * row) * es, bytesOf(c.in(0)) + size_t(o * inRow + offset) * es, size_t(row) * es);
        offset += row;
    }
    return Status::ok();
}

Status pad(KernelContext& c) {
    QL_ASSIGN(auto pads, ops::padsOf(c.info));
    const std::string mode = c.node().attrs.getString("mode", "constant");
    const auto& id = c.in(0).dims();
    const size_t rank = id.size(), es = dtypeSize(c.in(0).dtype());
    for (size_t k = 0; k < rank; ++k)
        if (mode == "reflect" && id[k] < 2 && (pads[k] > 0 || pads[k + rank] > 0))
            return c.fail("reflect padding needs at least 2 elements along padded axis " + std::to_string(k));
    // constant value: input 2 (opset >= 11) or attribute "value"
    ir::Tensor fill = ir::Tensor::create(c.in(0).dtype(), {}).value();
    if (c.has(2) && c.in(2).numel() > 0) std::memcpy(fill.raw(), c.in(2).raw(), es);
    else if (c.in(0).dtype() == DType::F32) fill.data<float>()[0] = c.node().attrs.getFloat("value", 0.f);
    auto inStrides = ops::stridesOf(id);
    const auto& od = c.out(0).dims();
    std::vector<int64_t> coord(rank);
    for (int64_t i = 0; i < c.out(0).numel(); ++i) {
        int64_t rem = i, src = 0;
        bool outside = false;
        for (int k = int(rank) - 1; k >= 0; --k) {
            int64_t x = rem % od[size_t(k)] - pads[size_t(k)];
            rem /= od[size_t(k)];
            const int64_t n = id[size_t(k)];
            if (x < 0 || x >= n) {
                if (mode == "constant" || n == 0) { outside = true; continue; }
                if (mode == "edge") x = x < 0 ? 0 : n - 1;
                else {  // reflect (period 2n-2), without repeating the edge
                    const int64_t period = 2 * n - 2;
                    x = period ? ((x % period) + period) % period : 0;
                    if (x >= n) x = period - x;
                }
            }
            src += x * inStrides[size_t(k)];
        }
        std::memcpy(bytesOf(c.out(0)) + size_t(i) * es, outside ? fill.raw() : bytesOf(c.in(0)) + size_t(src) * es, es);
    }
    return Status::ok();
}

Status gather(KernelContext& c) {
    QL_ASSIGN(int axis, ops::normalizeAxis(c.node().attrs.getInt("axis", 0), c.in(0).rank(), c.node()));
    const auto& d = c.in(0).dims();
    const int64_t axisLen = d[size_t(axis)];
    int64_t outer, inner;
    outerInner(d, axis, outer, inner);
    const ir::Tensor& idx = c.in(1);
    const size_t es = dtypeSize(c.in(0).dtype());
    for (int64_t o = 0; o < outer; ++o)
        for (int64_t j = 0; j < idx.numel(); ++j) {
            int64_t k = idx.getAsInt64(j);
            if (k < -axisLen || k >= axisLen) return c.fail("index " + std::to_string(k) + " is out of range for axis length " + std::to_string(axisLen));
            if (k < 0) k += axisLen;
            std::memcpy(bytesOf(c.out(0)) + size_t((o * idx.numel() + j) * inner) * es,
                        bytesOf(c.in(0)) + size_t((o * axisLen + k) * inner) * es, size_t(inner) * es);
        }
    return Status::ok();
}

Status constantOfShape(KernelContext& c) {
    const ir::Tensor* v = c.node().attrs.getTensor("value");
    const size_t es = dtypeSize(c.out(0).dtype());
    for (int64_t i = 0; i < c.out(0).numel(); ++i)
        if (v) std::memcpy(bytesOf(c.out(0)) + size_t(i) * es, v->raw(), es);
    return Status::ok();  // without a value attribute: float zeros, already zero-initialised
}

Status range(KernelContext& c) {
    const double start = c.in(0).getAsDouble(0), delta = c.in(2).getAsDouble(0);
    ir::Tensor& y = c.out(0);
    for (int64_t i = 0; i < y.numel(); ++i) {
        double v = start + double(i) * delta;
        switch (y.dtype()) {
            case DType::F32: y.data<float>()[i] = float(v); break;
            case DType::S32: y.data<int32_t>()[i] = int32_t(v); break;
            case DType::S64: y.data<int64_t>()[i] = int64_t(v); break;
            default: return c.fail("unsupported Range type");
        }
    }
    return Status::ok();
}
}  // namespace

void addTensorKernels(std::vector<KernelEntry>& k) {
    k.insert(k.end(), {{"Flatten", copyData}, {"Reshape", copyData}, {"Squeeze", copyData}, {"Unsqueeze", copyData},
                       {"Shape", fromInference}, {"Size", fromInference}, {"Constant", fromInference},
                       {"Transpose", transpose}, {"Slice", slice}, {"Expand", expand}, {"Tile", tile},
                       {"Concat", concat}, {"Split", split}, {"Pad", pad}, {"Gather", gather},
                       {"ConstantOfShape", constantOfShape}, {"Range", range}});
}

}  // namespace ql::kernels
