#include "core/data/npy.h"

#include <algorithm>

#include "core/util/atomic_file.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <regex>
#include <type_traits>

namespace ql::data {

namespace fs = std::filesystem;
using ir::DType;

namespace {
const char* descrOf(DType t) {
    switch (t) {
        case DType::F32: return "<f4";
        case DType::F16: return "<f2";
        case DType::S8: return "|i1";
        case DType::U8: return "|u1";
        case DType::S32: return "<i4";
        case DType::S64: return "<i8";
        case DType::Bool: return "|b1";
        default: return nullptr;
    }
}

bool sameDescr(const std::string& d, const std::string& ours) {
    return d == ours || (d.size() == 3 && d.substr(1) == ours.substr(1) && (d[0] == '=' || d[0] == '<' || d[0] == '|'));
}

DType dtypeOfDescr(const std::string& d) {
    for (DType t : {DType::F32, DType::F16, DType::S8, DType::U8, DType::S32, DType::S64, DType::Bool})
        if (sameDescr(d, descrOf(t))) return t;
    return DType::Undefined;
}

// Element types read and converted to the one the kernels compute in: {descr, ours, file bytes}.
struct Converted {
    const char* descr;
    DType to;
    uint32_t bytes;
};
constexpr Converted kConverted[] = {{"<f8", DType::F32, 8}, {"<i2", DType::S32, 2}, {"<u2", DType::S32, 2},
                                    {"<u4", DType::S64, 4}, {"<u8", DType::S64, 8}};

template <typename Src, typename Dst>
Status convertInto(const std::string& raw, Dst* dst, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
        Src v;
        std::memcpy(&v, raw.data() + size_t(i) * sizeof(Src), sizeof(Src));
        if constexpr (std::is_same_v<Src, uint64_t>)
            if (v > uint64_t(INT64_MAX)) return Status::error("uint64 entry " + std::to_string(i) + " = " + std::to_string(v) + " does not fit int64");
        dst[i] = Dst(v);
    }
    return Status::ok();
}
}  // namespace

Expected<NpyHeader> readNpyHeader(const fs::path& file) {
    const std::string where = file.string() + ": ";
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::error(where + "cannot open");
    char magic[8];
    if (!in.read(magic, 8) || std::memcmp(magic, "\x93NUMPY", 6) != 0) return Status::error(where + "not a .npy file");
    uint32_t headerLen = 0;
    if (magic[6] == 1) {
        unsigned char b[2];
        if (!in.read(reinterpret_cast<char*>(b), 2)) return Status::error(where + "truncated header");
        headerLen = b[0] | (uint32_t(b[1]) << 8);
    } else if (magic[6] == 2 || magic[6] == 3) {
        unsigned char b[4];
        if (!in.read(reinterpret_cast<char*>(b), 4)) return Status::error(where + "truncated header");
        headerLen = b[0] | (uint32_t(b[1]) << 8) | (uint32_t(b[2]) << 16) | (uint32_t(b[3]) << 24);
    } else {
        return Status::error(where + "unsupported .npy version " + std::to_string(int(magic[6])));
    }
    if (headerLen > (1u << 20)) return Status::error(where + "header too large");
    std::string header(headerLen, '\0');
    if (!in.read(header.data(), headerLen)) return Status::error(where + "truncated header");
    std::smatch m;
    if (!std::regex_search(header, m, std::regex("'descr'\\s*:\\s*'([^']+)'"))) return Status::error(where + "header has no descr");
    NpyHeader h;
    h.descr = m[1];
    h.dtype = dtypeOfDescr(h.descr);
    h.fileElementBytes = uint32_t(ir::dtypeSize(h.dtype));
    for (const Converted& c : kConverted)
        if (sameDescr(h.descr, c.descr)) {
            h.dtype = c.to;
            h.fileElementBytes = c.bytes;
            h.converted = true;
        }
    if (h.dtype == DType::Undefined) return Status::error(where + "element type '" + std::string(m[1]) + "' is not supported");
    if (std::regex_search(header, std::regex("'fortran_order'\\s*:\\s*True"))) return Status::error(where + "Fortran-order arrays are not supported");
    if (!std::regex_search(header, m, std::regex("'shape'\\s*:\\s*\\(([^)]*)\\)"))) return Status::error(where + "header has no shape");
    // A tuple of non-negative integers: "()", "(5,)", "(2, 3)"; anything else is refused.
    const std::string shape = m[1];
    size_t i = 0;
    auto skipSpace = [&] { while (i < shape.size() && shape[i] == ' ') ++i; };
    for (skipSpace(); i < shape.size(); skipSpace()) {
        size_t digits = 0;
        int64_t d = 0;
        while (i < shape.size() && std::isdigit(static_cast<unsigned char>(shape[i]))) {
            if (d > (INT64_MAX - 9) / 10) return Status::error(where + "shape entry too large");
            d = d * 10 + (shape[i++] - '0');
            ++digits;
        }
        if (digits == 0) return Status::error(where + "shape '(" + shape + ")' is not a tuple of integers");
        h.dims.push_back(d);
        skipSpace();
        if (i < shape.size() && shape[i] != ',') return Status::error(where + "shape '(" + shape + ")' is not a tuple of integers");
        ++i;
    }
    // The data must be in the file before anything is allocated for it: a small file claiming a
    // huge shape is refused, not allocated.
    h.dataOffset = uint64_t(in.tellg());
    in.seekg(0, std::ios::end);
    const uint64_t available = uint64_t(in.tellg()) - h.dataOffset;
    uint64_t expected = h.fileElementBytes;
    // an array with a zero dimension holds no data, whatever its other dimensions say
    if (std::find(h.dims.begin(), h.dims.end(), int64_t(0)) != h.dims.end()) expected = 0;
    for (int64_t d : h.dims) {
        if (expected == 0) break;
        if (__builtin_mul_overflow(expected, uint64_t(d), &expected)) {
            expected = UINT64_MAX;  // said as "more than 2^64" below
            break;
        }
    }
    if (expected > available)
        return Status::error(where + "data is shorter than the shape: it needs " +
                             (expected == UINT64_MAX ? std::string("more than 2^64") : std::to_string(expected)) + " bytes, the file holds " +
                             std::to_string(available));
    h.dataBytes = expected;
    return h;
}

Expected<ir::Tensor> readNpy(const fs::path& file) {
    QL_ASSIGN(NpyHeader h, readNpyHeader(file));
    auto t = ir::Tensor::create(h.dtype, h.dims);
    if (!t) return Status::error(file.string() + ": " + t.message());
    std::ifstream in(file, std::ios::binary);
    in.seekg(std::streamoff(h.dataOffset));
    if (!h.converted) {
        if (!in.read(static_cast<char*>(t->raw()), std::streamsize(t->byteSize())))
            return Status::error(file.string() + ": data is shorter than the shape " + std::to_string(t->byteSize()) + " bytes");
        return t;
    }
    std::string raw(size_t(h.dataBytes), '\0');
    if (!in.read(raw.data(), std::streamsize(raw.size())))
        return Status::error(file.string() + ": data is shorter than the shape " + std::to_string(raw.size()) + " bytes");
    const int64_t n = t->numel();
    Status st;
    const std::string d = h.descr.substr(1);
    if (d == "f8") st = convertInto<double>(raw, t->data<float>(), n);
    else if (d == "i2") st = convertInto<int16_t>(raw, t->data<int32_t>(), n);
    else if (d == "u2") st = convertInto<uint16_t>(raw, t->data<int32_t>(), n);
    else if (d == "u4") st = convertInto<uint32_t>(raw, t->data<int64_t>(), n);
    else st = convertInto<uint64_t>(raw, t->data<int64_t>(), n);
    if (!st) return Status::error(file.string() + ": " + st.message());
    return t;
}

Status writeNpy(const fs::path& file, const ir::Tensor& t) {
    const char* descr = descrOf(t.dtype());
    if (!descr) return Status::error(file.string() + ": cannot write dtype " + std::string(dtypeName(t.dtype())));
    std::string shape;
    for (int i = 0; i < t.rank(); ++i) shape += (i ? ", " : "") + std::to_string(t.dims()[size_t(i)]);
    if (t.rank() == 1) shape += ",";  // "(5,)" is a tuple, "(5)" is not
    std::string header = "{'descr': '" + std::string(descr) + "', 'fortran_order': False, 'shape': (" + shape + "), }";
    size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header += '\n';
    return writeFileAtomically(file, [&](std::ostream& out) {
        out.write("\x93NUMPY\x01\x00", 8);
        const uint16_t len = uint16_t(header.size());
        const char lb[2] = {char(len & 0xff), char(len >> 8)};
        out.write(lb, 2);
        out.write(header.data(), std::streamsize(header.size()));
        out.write(static_cast<const char*>(t.raw()), std::streamsize(t.byteSize()));
    });
}

}  // namespace ql::data
