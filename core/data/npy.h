#pragma once
// NumPy .npy files (format 1.0/2.0, little-endian, C order) <-> ir::Tensor.
#include <cstdint>
#include <filesystem>
#include <string>

#include "core/ir/tensor.h"
#include "core/util/status.h"

namespace ql::data {

// What the header says, checked against the file's size (the data is all there).
struct NpyHeader {
    // float64, int16, uint16, uint32 and uint64 files are read into f32, s32 or s64 (converted).
    ir::DType dtype = ir::DType::Undefined;
    std::string descr;  // the file's element type, e.g. "<f8"
    uint32_t fileElementBytes = 0;
    bool converted = false;
    ir::Dims dims;
    uint64_t dataOffset = 0, dataBytes = 0;
};
Expected<NpyHeader> readNpyHeader(const std::filesystem::path& file);

Expected<ir::Tensor> readNpy(const std::filesystem::path& file);
// Written to a temporary file and renamed, so a crash never leaves half a file.
Status writeNpy(const std::filesystem::path& file, const ir::Tensor& t);

}  // namespace ql::data
