#pragma once
// Shared by the fuzz targets: readers that take a path get the fuzz input through a private
// temporary file (one per process, rewritten for every input).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace ql::fuzz {

inline std::filesystem::path scratchDir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("quantlens-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

inline std::filesystem::path writeScratch(const std::string& name, const uint8_t* data, size_t size) {
    const auto path = scratchDir() / name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), std::streamsize(size));
    return path;
}

}  // namespace ql::fuzz
