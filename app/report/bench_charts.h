#pragma once
// The benchmark's plots, drawn with QCustomPlot from a BenchAnalysis: speed-up per model with
// its 95% interval, latency per image against batch size, and latency per layout. The GUI's
// Benchmark page shows them; bench writes them as PNG and SVG (bench_plot_writer.h).
#include <QString>
#include <vector>

#include "core/bench/analysis.h"

class QCustomPlot;

namespace ql::report {

enum class BenchChartKind {
    SpeedUp,         // FP32/INT8 per pair, with the bootstrap interval and the 1x line
    LatencyByBatch,  // ms/image against batch size, one line per model and precision
    LatencyByLayout, // ms/image per configuration, one bar per layout
};

struct BenchChartInfo {
    BenchChartKind kind;
    QString id;      // file name: "speed-up"
    QString title;
};
std::vector<BenchChartInfo> benchCharts();

// Clears `plot` and draws `kind` for the configurations `keep` accepts (all when empty).
void drawBenchChart(QCustomPlot& plot, BenchChartKind kind, const bench::BenchAnalysis& analysis, bool title = true,
                    const std::vector<bool>& keep = {});

}  // namespace ql::report
