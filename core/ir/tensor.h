#pragma once
// Tensor: dtype + static shape + a shared, 64-byte aligned buffer. Copies share the buffer
// (constants are never written after creation); clone() makes a deep copy.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/ir/dtype.h"
#include "core/util/status.h"

namespace ql::ir {

using Dims = std::vector<int64_t>;

// Largest tensor we agree to allocate: far above any image classifier's activations, far below
// what would take the machine down. Absurd shapes fail with a message instead.
inline constexpr int64_t kMaxTensorBytes = int64_t(8) << 30;

// Number of elements, or an error for negative dims or overflow past kMaxTensorBytes.
Expected<int64_t> checkedElementCount(const Dims& dims, DType dtype);
int64_t elementCount(const Dims& dims);  // no checks; dims must be valid

class Tensor {
public:
    Tensor() = default;
    // Allocates zero-initialised storage; fails on absurd sizes.
    static Expected<Tensor> create(DType dtype, Dims dims);
    // A non-owning view of memory someone else keeps alive (executor arenas).
    static Tensor view(DType dtype, Dims dims, void* data);
    // Scalars and small vectors, mostly for tests and shape arithmetic.
    static Tensor fromFloats(Dims dims, const std::vector<float>& values);
    static Tensor fromInt64s(Dims dims, const std::vector<int64_t>& values);

    DType dtype() const { return dtype_; }
    const Dims& dims() const { return dims_; }
    int rank() const { return int(dims_.size()); }
    int64_t numel() const { return numel_; }
    size_t byteSize() const { return size_t(numel_) * dtypeSize(dtype_); }
    bool empty() const { return dtype_ == DType::Undefined; }

    template <typename T> T* data() { return reinterpret_cast<T*>(buffer_.get()); }
    template <typename T> const T* data() const { return reinterpret_cast<const T*>(buffer_.get()); }
    void* raw() { return buffer_.get(); }
    const void* raw() const { return buffer_.get(); }

    // Element i converted to double / int64 whatever the dtype (shape arithmetic, printing).
    double getAsDouble(int64_t i) const;
    int64_t getAsInt64(int64_t i) const;
    std::vector<int64_t> toInt64Vector() const;
    std::vector<float> toFloatVector() const;

    Tensor clone() const;
    // Same buffer, new dims with the same element count (Reshape, Flatten, ...).
    Tensor reshaped(Dims dims) const;

private:
    DType dtype_ = DType::Undefined;
    Dims dims_;
    int64_t numel_ = 0;
    std::shared_ptr<std::byte> buffer_;
};

}  // namespace ql::ir
