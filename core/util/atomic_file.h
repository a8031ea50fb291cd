#pragma once
// Writes a file so that readers see either the old file or the complete new one: the bytes go
// to PATH.tmp, which is renamed over PATH only after a successful write. A failed write
// removes the temporary file, so nothing half-written is left behind.
#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>

#include "core/util/status.h"

namespace ql {

Status writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);
// For large payloads: `write` streams into the temporary file.
Status writeFileAtomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

}  // namespace ql
