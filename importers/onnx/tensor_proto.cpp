#include "importers/onnx/tensor_proto.h"

#include <onnx/onnx_pb.h>

#include <cstring>
#include <fstream>

namespace ql::onnx_io {

namespace fs = std::filesystem;
using ir::DType;

ir::DType dtypeFromOnnx(int t) {
    switch (t) {
        case onnx::TensorProto::FLOAT: return DType::F32;
        case onnx::TensorProto::FLOAT16: return DType::F16;
        case onnx::TensorProto::INT8: return DType::S8;
        case onnx::TensorProto::UINT8: return DType::U8;
        case onnx::TensorProto::INT32: return DType::S32;
        case onnx::TensorProto::INT64: return DType::S64;
        case onnx::TensorProto::BOOL: return DType::Bool;
        // Read and converted: the kernels compute in f32, s32 and s64 (see widenedSize).
        case onnx::TensorProto::DOUBLE: return DType::F32;
        case onnx::TensorProto::INT16:
        case onnx::TensorProto::UINT16: return DType::S32;
        case onnx::TensorProto::UINT32:
        case onnx::TensorProto::UINT64: return DType::S64;
        default: return DType::Undefined;
    }
}

int dtypeToOnnx(ir::DType t) {
    switch (t) {
        case DType::F32: return onnx::TensorProto::FLOAT;
        case DType::F16: return onnx::TensorProto::FLOAT16;
        case DType::S8: return onnx::TensorProto::INT8;
        case DType::U8: return onnx::TensorProto::UINT8;
        case DType::S32: return onnx::TensorProto::INT32;
        case DType::S64: return onnx::TensorProto::INT64;
        case DType::Bool: return onnx::TensorProto::BOOL;
        default: return onnx::TensorProto::UNDEFINED;
    }
}

std::string onnxTypeName(int t) {
    if (onnx::TensorProto_DataType_IsValid(t)) return onnx::TensorProto_DataType_Name(onnx::TensorProto_DataType(t));
    return "type " + std::to_string(t);
}

namespace {
// Bytes per element in the file of an ONNX type converted on reading (0: stored as is).
size_t widenedSize(int t) {
    switch (t) {
        case onnx::TensorProto::DOUBLE: return 8;
        case onnx::TensorProto::INT16:
        case onnx::TensorProto::UINT16: return 2;
        case onnx::TensorProto::UINT32: return 4;
        case onnx::TensorProto::UINT64: return 8;
        default: return 0;
    }
}

template <typename Src, typename Dst>
void convertLittleEndian(const char* src, Dst* dst, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
        Src v;
        std::memcpy(&v, src + size_t(i) * sizeof(Src), sizeof(Src));
        dst[i] = Dst(v);
    }
}

// Converts n elements of a widened ONNX type from raw little-endian bytes into out.
Status convertRaw(int onnxType, const char* src, int64_t n, ir::Tensor& out) {
    switch (onnxType) {
        case onnx::TensorProto::DOUBLE: convertLittleEndian<double>(src, out.data<float>(), n); break;
        case onnx::TensorProto::INT16: convertLittleEndian<int16_t>(src, out.data<int32_t>(), n); break;
        case onnx::TensorProto::UINT16: convertLittleEndian<uint16_t>(src, out.data<int32_t>(), n); break;
        case onnx::TensorProto::UINT32: convertLittleEndian<uint32_t>(src, out.data<int64_t>(), n); break;
        case onnx::TensorProto::UINT64:
            for (int64_t i = 0; i < n; ++i) {
                uint64_t v;
                std::memcpy(&v, src + size_t(i) * 8, 8);
                if (v > uint64_t(INT64_MAX)) return Status::error("uint64 entry " + std::to_string(i) + " = " + std::to_string(v) + " does not fit int64");
                out.data<int64_t>()[i] = int64_t(v);
            }
            break;
        default: return Status::error("internal: no conversion from " + onnxTypeName(onnxType));
    }
    return Status::ok();
}

// Resolves an external data location inside modelDir; refuses absolute paths and escapes.
Expected<fs::path> externalPath(const std::string& location, const fs::path& modelDir) {
    fs::path rel(location);
    if (location.empty() || rel.is_absolute()) return Status::error("external data location '" + location + "' must be a relative path");
    std::error_code ec;
    fs::path base = fs::weakly_canonical(modelDir.empty() ? fs::path(".") : modelDir, ec);
    fs::path full = fs::weakly_canonical(base / rel, ec);
    auto [b, f] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
    if (ec || b != base.end()) return Status::error("external data location '" + location + "' points outside the model's folder");
    return full;
}

Expected<std::string> readExternal(const onnx::TensorProto& p, const fs::path& modelDir, size_t expectedBytes) {
    std::string location;
    int64_t offset = 0, length = -1;
    for (const auto& kv : p.external_data()) {
        try {
            if (kv.key() == "location") location = kv.value();
            else if (kv.key() == "offset") offset = std::stoll(kv.value());
            else if (kv.key() == "length") length = std::stoll(kv.value());
        } catch (const std::exception&) {
            return Status::error("external data entry '" + kv.key() + "' is not a number");
        }
    }
    QL_ASSIGN(fs::path file, externalPath(location, modelDir));
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::error("cannot open external data file '" + file.string() + "'");
    std::error_code ec;
    const auto fileSize = int64_t(fs::file_size(file, ec));
    if (length < 0) length = int64_t(expectedBytes);
    if (offset < 0 || length < 0 || offset > fileSize || length > fileSize - offset)  // no overflowing offset + length
        return Status::error("external data '" + location + "' range [" + std::to_string(offset) + ", +" + std::to_string(length) +
                             ") exceeds the file size " + std::to_string(fileSize));
    std::string bytes(size_t(length), '\0');
    in.seekg(offset);
    in.read(bytes.data(), length);
    if (!in) return Status::error("cannot read external data file '" + file.string() + "'");
    return bytes;
}
// How many entries the typed field that carries dt holds (no raw_data), and its name.
std::pair<int64_t, const char*> typedEntries(const onnx::TensorProto& p, DType dt) {
    if (p.data_type() == onnx::TensorProto::DOUBLE) return {p.double_data_size(), "double_data"};
    if (p.data_type() == onnx::TensorProto::UINT32 || p.data_type() == onnx::TensorProto::UINT64) return {p.uint64_data_size(), "uint64_data"};
    if (dt == DType::F32) return {p.float_data_size(), "float_data"};
    if (dt == DType::S64) return {p.int64_data_size(), "int64_data"};
    return {p.int32_data_size(), "int32_data"};  // s32, s16, u16, s8, u8, bool and f16 bit patterns
}
}  // namespace

Expected<ir::Tensor> tensorFromProto(const onnx::TensorProto& p, const fs::path& modelDir) {
    const std::string what = "tensor '" + p.name() + "': ";
    DType dt = dtypeFromOnnx(p.data_type());
    if (dt == DType::Undefined) return Status::error(what + "data type " + onnxTypeName(p.data_type()) + " is not supported");
    ir::Dims dims(p.dims().begin(), p.dims().end());
    auto count = ir::checkedElementCount(dims, dt);
    if (!count) return Status::error(what + count.message());
    const int64_t n = *count;
    const size_t wide = widenedSize(p.data_type());
    // bytes the file holds for the shape (a converted type's file element size differs from ours)
    const size_t bytes = size_t(n) * (wide ? wide : ir::dtypeSize(dt));
    auto sizeError = [&](size_t got, const char* field) {
        return Status::error(what + std::string(field) + " holds " + std::to_string(got) + " entries/bytes, shape needs " +
                             std::to_string(std::string(field) == "raw_data" ? int64_t(bytes) : n));
    };
    // The data must be there before anything is allocated: a few bytes of file declaring a
    // billion elements are refused, not answered with gigabytes of zeros.
    if (p.data_location() != onnx::TensorProto::EXTERNAL) {
        if (p.has_raw_data()) {
            if (p.raw_data().size() != bytes) return sizeError(p.raw_data().size(), "raw_data");
        } else {
            const auto [entries, field] = typedEntries(p, dt);
            if (entries != n) return sizeError(size_t(entries), field);
        }
    }
    auto t = ir::Tensor::create(dt, dims);
    if (!t) return Status::error(what + t.message());
    ir::Tensor& out = t.value();
    auto fromRaw = [&](const std::string& raw) -> Status {
        if (raw.size() != bytes) return sizeError(raw.size(), "raw_data");
        if (!wide) {
            std::memcpy(out.raw(), raw.data(), bytes);
            return Status::ok();
        }
        Status st = convertRaw(p.data_type(), raw.data(), n, out);
        return st ? st : Status::error(what + st.message());
    };
    if (p.data_location() == onnx::TensorProto::EXTERNAL) {
        auto raw = readExternal(p, modelDir, bytes);
        if (!raw) return Status::error(what + raw.message());
        QL_TRY(fromRaw(*raw));
    } else if (p.has_raw_data()) {
        QL_TRY(fromRaw(p.raw_data()));
    } else if (p.data_type() == onnx::TensorProto::DOUBLE) {
        if (p.double_data_size() != n) return sizeError(size_t(p.double_data_size()), "double_data");
        for (int64_t i = 0; i < n; ++i) out.data<float>()[i] = float(p.double_data(int(i)));
    } else if (p.data_type() == onnx::TensorProto::UINT32 || p.data_type() == onnx::TensorProto::UINT64) {
        if (p.uint64_data_size() != n) return sizeError(size_t(p.uint64_data_size()), "uint64_data");
        for (int64_t i = 0; i < n; ++i) {
            const uint64_t v = p.uint64_data(int(i));
            if (v > uint64_t(INT64_MAX)) return Status::error(what + "uint64 entry " + std::to_string(i) + " = " + std::to_string(v) + " does not fit int64");
            out.data<int64_t>()[i] = int64_t(v);
        }
    } else {
        switch (dt) {
            case DType::F32:
                if (p.float_data_size() != n) return sizeError(size_t(p.float_data_size()), "float_data");
                std::memcpy(out.raw(), p.float_data().data(), out.byteSize());
                break;
            case DType::S64:
                if (p.int64_data_size() != n) return sizeError(size_t(p.int64_data_size()), "int64_data");
                std::memcpy(out.raw(), p.int64_data().data(), out.byteSize());
                break;
            default:  // int32_data carries s32, s16, u16, s8, u8, bool and f16 bit patterns
                if (p.int32_data_size() != n) return sizeError(size_t(p.int32_data_size()), "int32_data");
                for (int64_t i = 0; i < n; ++i) {
                    int32_t v = p.int32_data(int(i));
                    switch (dt) {
                        case DType::S32: out.data<int32_t>()[i] = p.data_type() == onnx::TensorProto::UINT16 ? int32_t(uint16_t(v)) : p.data_type() == onnx::TensorProto::INT16 ? int32_t(int16_t(v)) : v; break;
                        case DType::S8: out.data<int8_t>()[i] = int8_t(v); break;
                        case DType::U8: out.data<uint8_t>()[i] = uint8_t(v); break;
                        case DType::Bool: out.data<bool>()[i] = v != 0; break;
                        case DType::F16: out.data<uint16_t>()[i] = uint16_t(v); break;
                        default: break;
                    }
                }
        }
    }
    return t;
}

Expected<ir::Tensor> readTensorProtoFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::error(file.string() + ": cannot open");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    onnx::TensorProto p;
    if (!p.ParseFromString(bytes)) return Status::error(file.string() + ": not a serialized ONNX TensorProto");
    auto t = tensorFromProto(p, file.parent_path());
    if (!t) return Status::error(file.string() + ": " + t.message());
    return t;
}

}  // namespace ql::onnx_io
