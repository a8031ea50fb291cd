#pragma once
// The benchmark's tables, shaped like published benchmark tables: Markdown (the pairs, then
// every configuration), CSV (one file each) and JSON (schema in docs/bench.md).
#include <string>

#include "core/bench/analysis.h"

namespace ql::bench {

std::string toMarkdown(const BenchRun& run, const BenchAnalysis& a);
std::string configsCsv(const BenchAnalysis& a);
std::string pairsCsv(const BenchAnalysis& a);
std::string resultsJson(const BenchRun& run, const BenchAnalysis& a);  // schema "quantlens.bench-results/1"

}  // namespace ql::bench
