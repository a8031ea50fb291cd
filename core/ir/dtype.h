#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ql::ir {

enum class DType : uint8_t { Undefined, F32, F16, S8, U8, S32, S64, Bool };

size_t dtypeSize(DType t);
std::string_view dtypeName(DType t);  // "f32", "s8", ...

// IEEE half <-> float (f16 tensors are stored, converted on use).
float halfToFloat(uint16_t h);
uint16_t floatToHalf(float f);

// Calls f.template operator()<T>() with the C++ element type of `t`; f16 maps to uint16_t storage.
// Returns false for Undefined.
template <typename F>
bool visitDType(DType t, F&& f) {
    switch (t) {
        case DType::F32: f.template operator()<float>(); return true;
        case DType::F16: f.template operator()<uint16_t>(); return true;
        case DType::S8: f.template operator()<int8_t>(); return true;
        case DType::U8: f.template operator()<uint8_t>(); return true;
        case DType::S32: f.template operator()<int32_t>(); return true;
        case DType::S64: f.template operator()<int64_t>(); return true;
        case DType::Bool: f.template operator()<bool>(); return true;
        default: return false;
    }
}

}  // namespace ql::ir
