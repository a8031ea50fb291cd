#pragma once
// The benchmark's plots as files, for front ends without Qt in their headers (quantlens-cli):
// DIR/<chart>.png and DIR/<chart>.svg for every benchmark chart, rendered offscreen.
#include <filesystem>

#include "core/bench/analysis.h"

namespace ql::report {

Status writeBenchPlots(const bench::BenchRun& run, const bench::BenchAnalysis& analysis, const std::filesystem::path& dir);

}  // namespace ql::report
