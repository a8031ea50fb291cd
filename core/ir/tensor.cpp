#include "core/ir/tensor.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/util/strings.h"

namespace ql::ir {

Expected<int64_t> checkedElementCount(const Dims& dims, DType dtype) {
    int64_t n = 1;
    const int64_t limit = kMaxTensorBytes / int64_t(std::max<size_t>(1, dtypeSize(dtype)));
    for (int64_t d : dims) {
        if (d < 0) return Status::error("shape " + shapeToString(dims) + " has a negative or unknown dimension");
        if (d != 0 && n > limit / d)
            return Status::error("shape " + shapeToString(dims) + " has more elements than the " +
                                 std::to_string(kMaxTensorBytes >> 30) + " GiB tensor limit");
        n *= d;
    }
    return n;
}

int64_t elementCount(const Dims& dims) {
    // Declared shapes can be absurd (inspect shows them): saturate rather than overflow.
    if (std::find(dims.begin(), dims.end(), int64_t(0)) != dims.end()) return 0;
    int64_t n = 1;
    for (int64_t d : dims)
        if (__builtin_mul_overflow(n, d, &n)) return INT64_MAX;
    return n;
}

Expected<Tensor> Tensor::create(DType dtype, Dims dims) {
    if (dtypeSize(dtype) == 0) return Status::error("cannot create a tensor of undefined dtype");
    QL_ASSIGN(int64_t n, checkedElementCount(dims, dtype));
    Tensor t;
    t.dtype_ = dtype;
    t.dims_ = std::move(dims);
    t.numel_ = n;
    size_t bytes = (t.byteSize() + 63) / 64 * 64;
    if (bytes == 0) bytes = 64;
    void* p = std::aligned_alloc(64, bytes);
    if (!p) return Status::error("out of memory allocating " + std::to_string(bytes) + " bytes for shape " + shapeToString(t.dims_));
    std::memset(p, 0, bytes);
    t.buffer_ = std::shared_ptr<std::byte>(static_cast<std::byte*>(p), [](std::byte* q) { std::free(q); });
    return t;
}

Tensor Tensor::view(DType dtype, Dims dims, void* data) {
    Tensor t;
    t.dtype_ = dtype;
    t.numel_ = elementCount(dims);
    t.dims_ = std::move(dims);
    t.buffer_ = std::shared_ptr<std::byte>(static_cast<std::byte*>(data), [](std::byte*) {});
    return t;
}

Tensor Tensor::fromFloats(Dims dims, const std::vector<float>& values) {
    Tensor t = create(DType::F32, std::move(dims)).value();
    std::memcpy(t.raw(), values.data(), std::min(values.size() * 4, t.byteSize()));
    return t;
}

Tensor Tensor::fromInt64s(Dims dims, const std::vector<int64_t>& values) {
    Tensor t = create(DType::S64, std::move(dims)).value();
    std::memcpy(t.raw(), values.data(), std::min(values.size() * 8, t.byteSize()));
    return t;
}

double Tensor::getAsDouble(int64_t i) const {
    double r = 0;
    visitDType(dtype_, [&]<typename T>() {
        if constexpr (std::is_same_v<T, uint16_t>) r = halfToFloat(data<uint16_t>()[i]);
        else r = double(data<T>()[i]);
    });
    return r;
}

int64_t Tensor::getAsInt64(int64_t i) const {
    if (dtype_ == DType::F32 || dtype_ == DType::F16) return int64_t(getAsDouble(i));
    int64_t r = 0;
    visitDType(dtype_, [&]<typename T>() { r = int64_t(data<T>()[i]); });
    return r;
}

std::vector<int64_t> Tensor::toInt64Vector() const {
    std::vector<int64_t> v(static_cast<size_t>(numel_));
    for (int64_t i = 0; i < numel_; ++i) v[size_t(i)] = getAsInt64(i);
    return v;
}

std::vector<float> Tensor::toFloatVector() const {
    std::vector<float> v(static_cast<size_t>(numel_));
    for (int64_t i = 0; i < numel_; ++i) v[size_t(i)] = float(getAsDouble(i));
    return v;
}

Tensor Tensor::clone() const {
    if (empty()) return {};
    Tensor t = create(dtype_, dims_).value();
    std::memcpy(t.raw(), raw(), byteSize());
    return t;
}

Tensor Tensor::reshaped(Dims dims) const {
    Tensor t = *this;
    t.dims_ = std::move(dims);
    return t;
}

}  // namespace ql::ir
