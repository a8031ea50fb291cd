#pragma once
// A ComparisonResult as JSON (schema "quantlens.compare/1", docs/compare-json.md); write it
// with core/util/atomic_file.h.
#include <string>

#include "core/session/comparison.h"

namespace ql::report {

std::string toJson(const session::ComparisonResult& r);

}  // namespace ql::report
