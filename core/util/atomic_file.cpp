#include "core/util/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace ql {

Status writeFileAtomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
    std::filesystem::path tmp = path;
    tmp += ".tmp";
    std::error_code ec;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return Status::error(path.string() + ": cannot write");
        write(out);
        out.flush();
        if (!out) {
            out.close();
            std::filesystem::remove(tmp, ec);
            return Status::error(path.string() + ": write failed (disk full?)");
        }
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        return Status::error(path.string() + ": " + ec.message());
    }
    return Status::ok();
}

Status writeFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
    return writeFileAtomically(path, [bytes](std::ostream& out) { out.write(bytes.data(), std::streamsize(bytes.size())); });
}

Status checkWritable(const std::filesystem::path& path, const std::string& option) {
    if (path.empty()) return Status::ok();
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string what = option + " " + path.string() + ": ";
    if (fs::is_directory(path, ec)) return Status::error(what + "is a folder, not a file");
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::exists(folder, ec)) return Status::error(what + "its folder " + folder.string() + " does not exist");
    if (!fs::is_directory(folder, ec)) return Status::error(what + folder.string() + " is not a folder");
    if (::access(folder.c_str(), W_OK) != 0) return Status::error(what + "folder " + folder.string() + " is not writable (" + std::strerror(errno) + ")");
    if (fs::exists(path, ec) && ::access(path.c_str(), W_OK) != 0) return Status::error(what + "not writable (" + std::strerror(errno) + ")");
    return Status::ok();
}

Status checkOutput(const std::filesystem::path& path, const std::string& option, bool replace) {
    std::error_code ec;
    if (!path.empty() && !replace && std::filesystem::exists(path, ec) && !std::filesystem::is_directory(path, ec))
        return Status::error(option + " " + path.string() + ": exists; add --force to replace it");
    return checkWritable(path, option);
}

Status OutputFiles::write(const std::filesystem::path& path, std::string_view bytes) {
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    Status st = writeFileAtomically(path, bytes);
    if (st && !existed) created_.push_back(path);
    return st;
}

void OutputFiles::rollback() {
    std::error_code ec;
    for (const auto& p : created_) std::filesystem::remove(p, ec);
    created_.clear();
}

}  // namespace ql
