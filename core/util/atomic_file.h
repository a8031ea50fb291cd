#pragma once
// Writes a file so that readers see either the old file or the complete new one: the bytes go
// to PATH.tmp, which is renamed over PATH only after a successful write. A failed write
// removes the temporary file, so nothing half-written is left behind.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/status.h"

namespace ql {

Status writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);
// For large payloads: `write` streams into the temporary file.
Status writeFileAtomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

// Before the work that produces it: can `path` be written? Not when it names a folder, its
// folder is missing, not a folder or not writable, or it exists read-only. `option` names where
// the path came from ("--json"). An empty path is fine (no output asked for).
Status checkWritable(const std::filesystem::path& path, const std::string& option);
// checkWritable, and an existing file is refused unless `replace`: every command replaces a
// file only when told (its --force), and says so before the work.
Status checkOutput(const std::filesystem::path& path, const std::string& option, bool replace);

// The outputs of one command, written together: when one fails, the files this command created
// before it are removed again, so a failed command leaves no output of its own behind.
class OutputFiles {
public:
    Status write(const std::filesystem::path& path, std::string_view bytes);
    // Removes what this command created; call when it fails after some outputs were written.
    void rollback();

private:
    std::vector<std::filesystem::path> created_;
};

}  // namespace ql
