#include "core/util/atomic_file.h"

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

}  // namespace ql
