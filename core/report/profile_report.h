#pragma once
// A RunResult's JSON and CSV forms (schema: docs/profile-json.md); write them with
// core/util/atomic_file.h.
#include <string>

#include "core/session/run_result.h"

namespace ql::report {

std::string toJson(const session::RunResult& r);
std::string toCsv(const session::RunResult& r);  // one row per layer and precision

}  // namespace ql::report
