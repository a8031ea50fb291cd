#pragma once
// A RunResult's JSON and CSV forms (schema: docs/profile-json.md), and atomic file writes.
#include <string>

#include "core/session/run_result.h"

namespace ql::report {

std::string toJson(const session::RunResult& r);
std::string toCsv(const session::RunResult& r);  // one row per layer and precision
// Written next to the target and renamed, so readers never see half a file; a failed write
// leaves nothing behind.
Status writeFileAtomically(const std::string& path, const std::string& text);

}  // namespace ql::report
