#include "app/report/bench_charts.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <map>
#include <set>

namespace ql::report {

namespace {
const QColor kFp32(0x4e, 0x79, 0xa7), kInt8(0xf2, 0x8e, 0x2b);
const QList<QColor> kPalette = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f), QColor(0xe1, 0x57, 0x59),
                                QColor(0x76, 0xb7, 0xb2), QColor(0xb0, 0x7a, 0xa1), QColor(0xed, 0xc9, 0x48), QColor(0x9c, 0x75, 0x5f)};

void reset(QCustomPlot& plot, const QString& title, bool showTitle) {
    plot.clearPlottables();
    plot.clearItems();
    plot.clearGraphs();
    if (plot.plotLayout()->rowCount() > 1) plot.plotLayout()->removeAt(0), plot.plotLayout()->simplify();
    if (showTitle) {
        plot.plotLayout()->insertRow(0);
        plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, title, QFont(plot.font().family(), 11, QFont::Bold)));
    }
    plot.xAxis->setScaleType(QCPAxis::stLinear);
    plot.yAxis->setScaleType(QCPAxis::stLinear);
    plot.xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot.yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot.legend->setVisible(false);
}

bool kept(const std::vector<bool>& keep, size_t i) { return keep.empty() || (i < keep.size() && keep[i]); }

void drawSpeedUp(QCustomPlot& plot, const bench::BenchAnalysis& a, const std::vector<bool>& keep) {
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setBrush(kInt8);
    bars->setPen(QPen(kInt8.darker(140)));
    bars->setWidth(0.6);
    auto* errors = new QCPErrorBars(plot.xAxis, plot.yAxis);
    errors->setDataPlottable(bars);
    errors->setPen(QPen(Qt::black, 1.2));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double key = 0, top = 1.0, bottom = 1.0;
    for (const auto& p : a.pairs) {
        if (!kept(keep, p.fp32) || !kept(keep, p.int8)) continue;
        const bench::BenchConfig& c = a.configs[p.int8].config;
        bars->addData(++key, p.speedUp - 1.0);  // QCPBars stack on the base value: the bar spans 1x .. speed-up
        errors->addData(std::max(0.0, p.speedUp - p.ciSpeedUp.low), std::max(0.0, p.ciSpeedUp.high - p.speedUp));
        QString label = QStringLiteral("%1\nb%2").arg(QString::fromStdString(c.modelName)).arg(c.batch);
        if (a.configs[p.int8].config.layout != "auto") label += QStringLiteral(" %1").arg(QString::fromStdString(c.layout));
        if (!p.welch.valid) label += QStringLiteral("\n") + QCoreApplication::translate("BenchCharts", "untested");
        else if (!p.significant) label += QStringLiteral("\n") + QCoreApplication::translate("BenchCharts", "n.s.");
        ticker->addTick(key, label);
        top = std::max(top, p.ciSpeedUp.high);
        if (p.ciSpeedUp.low > 0) bottom = std::min(bottom, p.ciSpeedUp.low);
    }
    auto* one = new QCPItemStraightLine(&plot);
    one->point1->setCoords(0, 1);
    one->point2->setCoords(1, 1);
    one->setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setSubTicks(false);
    plot.xAxis->setRange(0.3, key + 0.7);
    // ratios on a log axis from 1x: 2x faster and 2x slower are bars of the same length
    bars->setBaseValue(1.0);
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot.yAxis->setNumberFormat(QStringLiteral("gb"));
    plot.yAxis->setRange(std::min(0.8, bottom * 0.8), std::max(1.25, top * 1.25));
    plot.yAxis->setLabel(QCoreApplication::translate("BenchCharts", "INT8 speed-up over FP32 (×, log scale), 95% CI"));
}

void drawByBatch(QCustomPlot& plot, const bench::BenchAnalysis& a, const std::vector<bool>& keep) {
    // one line per (model, precision, layout, executor, threads), points at each batch size
    std::map<std::string, std::vector<size_t>> lines;
    for (size_t i = 0; i < a.configs.size(); ++i) {
        if (!kept(keep, i)) continue;
        const auto& c = a.configs[i].config;
        lines[c.modelName + " " + c.precision + (c.layout == "auto" ? "" : " " + c.layout) + (c.executor == "planned" ? "" : " " + c.executor) +
              (c.threads == 0 ? "" : " t" + std::to_string(c.threads))]
            .push_back(i);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    std::set<int64_t> batches;
    double top = 0, bottom = 1e300;
    int colour = 0;
    for (const auto& [name, idx] : lines) {
        auto* g = plot.addGraph();
        g->setName(QString::fromStdString(name));
        const QColor c = kPalette[colour++ % kPalette.size()];
        g->setPen(QPen(c, 2, a.configs[idx.front()].config.precision == "int8" ? Qt::SolidLine : Qt::DashLine));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 7));
        auto* err = new QCPErrorBars(plot.xAxis, plot.yAxis);
        err->setDataPlottable(g);
        err->setPen(QPen(c.darker(130), 1));
        err->removeFromLegend();
        std::vector<size_t> sorted = idx;
        std::sort(sorted.begin(), sorted.end(), [&](size_t x, size_t y) { return a.configs[x].config.batch < a.configs[y].config.batch; });
        for (size_t i : sorted) {
            const auto& s = a.configs[i];
            const double x = std::log2(double(s.config.batch));
            g->addData(x, s.msPerImage);
            err->addData(std::max(0.0, s.msPerImage - s.ciMsPerImage.low), std::max(0.0, s.ciMsPerImage.high - s.msPerImage));
            batches.insert(s.config.batch);
            top = std::max(top, s.ciMsPerImage.high);
            bottom = std::min(bottom, s.ciMsPerImage.low);
        }
    }
    for (int64_t b : batches) ticker->addTick(std::log2(double(b)), QString::number(b));
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setSubTicks(false);
    const double lo = batches.empty() ? 0 : std::log2(double(*batches.begin())), hi = batches.empty() ? 1 : std::log2(double(*batches.rbegin()));
    plot.xAxis->setRange(lo - 0.4, hi + 0.4);
    plot.xAxis->setLabel(QCoreApplication::translate("BenchCharts", "batch size"));
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot.yAxis->setRange(std::max(1e-4, bottom * 0.7), std::max(top * 1.4, 1e-3));
    plot.yAxis->setLabel(QCoreApplication::translate("BenchCharts", "ms per image (median, 95% CI, log scale)"));
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void drawByLayout(QCustomPlot& plot, const bench::BenchAnalysis& a, const std::vector<bool>& keep) {
    // groups: model, precision, batch (and executor, threads); one bar per layout in each group
    std::vector<std::string> layouts, groups;
    std::map<std::pair<std::string, std::string>, size_t> cell;
    for (size_t i = 0; i < a.configs.size(); ++i) {
        if (!kept(keep, i)) continue;
        const auto& c = a.configs[i].config;
        const std::string group = c.modelName + "\n" + c.precision + " b" + std::to_string(c.batch) + (c.executor == "planned" ? "" : " " + c.executor) +
                                  (c.threads == 0 ? "" : " t" + std::to_string(c.threads));
        if (std::find(groups.begin(), groups.end(), group) == groups.end()) groups.push_back(group);
        if (std::find(layouts.begin(), layouts.end(), c.layout) == layouts.end()) layouts.push_back(c.layout);
        cell[{group, c.layout}] = i;
    }
    const double width = 0.8 / double(std::max<size_t>(1, layouts.size()));
    double top = 0;
    for (size_t l = 0; l < layouts.size(); ++l) {
        auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
        const QColor c = kPalette[int(l) % kPalette.size()];
        bars->setName(QString::fromStdString(layouts[l]));
        bars->setBrush(c);
        bars->setPen(QPen(c.darker(140)));
        bars->setWidth(width);
        auto* err = new QCPErrorBars(plot.xAxis, plot.yAxis);
        err->setDataPlottable(bars);
        err->setPen(QPen(Qt::black, 1));
        err->removeFromLegend();
        for (size_t g = 0; g < groups.size(); ++g) {
            auto it = cell.find({groups[g], layouts[l]});
            if (it == cell.end()) continue;
            const auto& s = a.configs[it->second];
            bars->addData(double(g + 1) - 0.4 + width * (double(l) + 0.5), s.msPerImage);
            err->addData(std::max(0.0, s.msPerImage - s.ciMsPerImage.low), std::max(0.0, s.ciMsPerImage.high - s.msPerImage));
            top = std::max(top, s.ciMsPerImage.high);
        }
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (size_t g = 0; g < groups.size(); ++g) ticker->addTick(double(g + 1), QString::fromStdString(groups[g]));
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setSubTicks(false);
    plot.xAxis->setRange(0.4, double(groups.size()) + 0.6);
    plot.yAxis->setRange(0, std::max(top, 1e-3) * 1.15);
    plot.yAxis->setLabel(QCoreApplication::translate("BenchCharts", "ms per image (median, 95% CI)"));
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}
}  // namespace

std::vector<BenchChartInfo> benchCharts() {
    return {{BenchChartKind::SpeedUp, QStringLiteral("speed-up"), QCoreApplication::translate("BenchCharts", "INT8 speed-up per model")},
            {BenchChartKind::LatencyByBatch, QStringLiteral("latency-by-batch"), QCoreApplication::translate("BenchCharts", "Latency per image against batch size")},
            {BenchChartKind::LatencyByLayout, QStringLiteral("latency-by-layout"), QCoreApplication::translate("BenchCharts", "Latency per image by layout")}};
}

void drawBenchChart(QCustomPlot& plot, BenchChartKind kind, const bench::BenchAnalysis& analysis, bool title, const std::vector<bool>& keep) {
    QString name;
    for (const auto& c : benchCharts())
        if (c.kind == kind) name = c.title;
    reset(plot, name, title);
    switch (kind) {
    case BenchChartKind::SpeedUp: drawSpeedUp(plot, analysis, keep); break;
    case BenchChartKind::LatencyByBatch: drawByBatch(plot, analysis, keep); break;
    case BenchChartKind::LatencyByLayout: drawByLayout(plot, analysis, keep); break;
    }
    plot.replot();
}

}  // namespace ql::report
