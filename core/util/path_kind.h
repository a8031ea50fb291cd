#pragma once
// Why a path the user gave is not the file or folder a command wants, in a few words for a
// message that already names the path: "no such file", "is a folder, not a file", ...
#include <filesystem>
#include <string>

namespace ql {

// "" when `path` is a regular file (or a link to one).
inline std::string whyNotAFile(const std::filesystem::path& path) {
    std::error_code ec;
    const auto st = std::filesystem::status(path, ec);
    if (std::filesystem::is_regular_file(st)) return "";
    if (std::filesystem::is_directory(st)) return "is a folder, not a file";
    if (std::filesystem::exists(st)) return "is not a regular file";
    return "no such file";
}

// "" when `path` is a folder (or a link to one).
inline std::string whyNotAFolder(const std::filesystem::path& path) {
    std::error_code ec;
    const auto st = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(st)) return "";
    if (std::filesystem::exists(st)) return "is a file, not a folder";
    return "no such folder";
}

}  // namespace ql
