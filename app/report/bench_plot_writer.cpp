#include "app/report/bench_plot_writer.h"

#include <qcustomplot.h>

#include "app/report/bench_charts.h"
#include "app/report/charts.h"
#include "app/report/offscreen_app.h"
#include "app/report/safe_write.h"

namespace ql::report {

Status writeBenchPlots(const bench::BenchRun& run, const bench::BenchAnalysis& analysis, const std::filesystem::path& dir) {
    if (analysis.configs.empty()) return Status::ok();  // nothing finished: no plot to draw
    auto app = ensureWidgetApplication("bench plots");
    if (!app) return app.status();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::error(dir.string() + ": cannot create the folder (" + ec.message() + ")");
    const QString machine = QString::fromStdString(run.machine.cpuModel + ", " + run.machine.isa);
    for (const auto& chart : benchCharts()) {
        if (chart.kind == BenchChartKind::SpeedUp && analysis.pairs.empty()) continue;
        QCustomPlot plot;
        plot.setAttribute(Qt::WA_DontShowOnScreen);
        const int groups = int(analysis.configs.size());
        const QSize size(std::clamp(260 + 70 * groups, 720, 1800), 480);
        plot.resize(size);
        drawBenchChart(plot, chart.kind, analysis);
        const QString base = QString::fromStdString((dir / chart.id.toStdString()).string());
        for (const auto& [suffix, bytes] : {std::pair{QStringLiteral(".png"), chartPng(plot, size, 1.5)},
                                            std::pair{QStringLiteral(".svg"), chartSvg(plot, size, chart.title + QStringLiteral(" — ") + machine)}}) {
            const QString error = writeFileSafely(base + suffix, bytes, Overwrite::Replace);
            if (!error.isEmpty()) return Status::error(error.toStdString());
        }
    }
    return Status::ok();
}

}  // namespace ql::report
