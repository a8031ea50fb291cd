#include "app/report/charts.h"

#include <QCoreApplication>

#include <QBuffer>
#include <QHash>
#include <QLocale>
#include <QObject>
#include <QPainter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <qcustomplot.h>

#include "app/report/diagnosis_text.h"
#include "app/report/run_digest.h"
#include "core/report/int8_diagnosis.h"

namespace ql::report {

namespace {
// shortLayerLabel's steps; `distinct` keeps the op part and every scope (shrunk), for names whose
// shortest labels collide ("layer1.0/Add" and "layer1.0/Add_1"; three "downsample.0").
QString shortLabel(const QString& name, int maxChars, bool distinct) {
    if (name.size() <= maxChars) return name;
    QStringList kept;
    const QStringList parts = name.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (int i = 0; i < parts.size(); ++i)
        if (i + 1 >= parts.size() || !parts[i + 1].startsWith(parts[i])) kept << parts[i];  // "layer3" before "layer3.1"
    if (!distinct && kept.size() > 1 && kept.back().front().isUpper()) kept.removeLast();  // "Conv": the op, in the tooltip
    auto length = [&] { return kept.join(QLatin1Char('/')).size(); };
    // Leading scopes shrink to their initial and number ("features.2" -> "f.2"); one without a
    // number goes. Then, if still too long, leading scopes go altogether.
    for (int i = 0; i + 1 < kept.size() && length() > maxChars; ++i) {
        const QString& p = kept[i];
        qsizetype k = p.size();
        while (k > 0 && (p[k - 1].isDigit() || p[k - 1] == QLatin1Char('.'))) --k;
        if (k == p.size() || k == 0) kept.removeAt(i--);
        else kept[i] = p.left(1) + p.mid(k);
    }
    while (!distinct && kept.size() > 1 && length() > maxChars) kept.removeFirst();
    const QString s = kept.join(QLatin1Char('/'));
    if (s.size() <= maxChars) return s;
    return s.left(maxChars / 2 - 1) + QStringLiteral("…") + s.right(maxChars - maxChars / 2);  // the middle goes
}
}  // namespace

QString shortLayerLabel(const QString& name, int maxChars) { return shortLabel(name, maxChars, false); }

QStringList shortLayerLabels(const QStringList& names, int maxChars) {
    QStringList out;
    QHash<QString, int> count;
    for (const QString& n : names) ++count[out.emplace_back(shortLayerLabel(n, maxChars))];
    for (qsizetype i = 0; i < names.size(); ++i)
        if (count[out[i]] > 1 && names.count(names[i]) == 1) out[i] = shortLabel(names[i], maxChars, true);
    return out;
}

namespace {

const QColor kFp32(0x4e, 0x79, 0xa7), kInt8(0xf2, 0x8e, 0x2b), kInserted(0xb0, 0x7a, 0xa1);
const QColor kFaster(0x59, 0xa1, 0x4f), kSlower(0xe1, 0x57, 0x59);

QString ms(double v) { return QString::number(v, 'f', v < 0.1 ? 4 : 3); }
QString mib(int64_t b) { return QString::number(double(b) / (1 << 20), 'f', 2) + QStringLiteral(" MiB"); }

// The legend in a row of its own above the axis rect, its entries side by side: inside the axis
// rect it hid the tallest bars of the last layers. reset() puts it back.
void showLegendAbove(QCustomPlot& plot) {
    plot.legend->setVisible(true);
    QCPLayoutGrid* grid = plot.plotLayout();
    if (plot.legend->layout() != plot.axisRect()->insetLayout()) return;
    int row = 0;
    while (row < grid->rowCount() && grid->element(row, 0) != plot.axisRect()) ++row;
    plot.axisRect()->insetLayout()->take(plot.legend);
    // the legend at its own width, then an empty stretching cell (a cell would widen it)
    auto* strip = new QCPLayoutGrid;
    grid->insertRow(row);
    grid->addElement(row, 0, strip);
    grid->setRowStretchFactor(row, 0.001);
    strip->addElement(0, 0, plot.legend);
    strip->addElement(0, 1, new QCPLayoutElement(&plot));
    strip->setColumnStretchFactors({0.001, 1.0});
    plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    // as many entries a row as the plot's width holds; the rest wrap (one row cut them off:
    // "FP32 planned aren…")
    // (the grid aligns columns: each is as wide as its widest entry)
    const int n = plot.legend->itemCount(), room = plot.width() - plot.axisRect()->margins().left() - 8;
    int perRow = std::max(1, n);
    for (; perRow > 1; --perRow) {
        int used = 0;
        for (int col = 0; col < perRow; ++col) {
            int widest = 0;
            for (int i = col; i < n; i += perRow) widest = std::max(widest, plot.legend->item(i)->minimumOuterSizeHint().width());
            used += widest + plot.legend->columnSpacing();
        }
        if (used <= room) break;
    }
    plot.legend->setWrap(perRow);
    plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    plot.legend->setBorderPen(Qt::NoPen);
    plot.legend->setBrush(Qt::NoBrush);
    plot.legend->setMargins(QMargins(plot.axisRect()->margins().left(), 2, 4, 0));
}

// A dashed horizontal line at `y` across the plot, named in the legend (a label on the plot
// itself sat on the bars).
void referenceLine(QCustomPlot& plot, double y, const QString& name) {
    const QPen pen(QColor(0x33, 0x33, 0x33), 1.2, Qt::DashLine);
    auto* line = new QCPItemStraightLine(&plot);
    line->point1->setCoords(0, y);
    line->point2->setCoords(1, y);
    line->setPen(pen);
    auto* entry = plot.addGraph();  // no data: only its legend entry, which shows the dashed pen
    entry->setName(name);
    entry->setPen(pen);
    entry->setSelectable(QCP::stNone);
}

void reset(QCustomPlot& plot, const QString& title, const ChartOptions& o) {
    plot.clearPlottables();
    plot.clearItems();
    plot.clearGraphs();
    if (auto* strip = qobject_cast<QCPLayoutGrid*>(plot.legend->layout()); strip && strip != plot.plotLayout()) {
        // showLegendAbove moved it into a strip above the axis rect: back into the axis rect
        strip->take(plot.legend);
        plot.plotLayout()->remove(strip);
        plot.plotLayout()->simplify();
        plot.axisRect()->insetLayout()->addElement(plot.legend, Qt::AlignTop | Qt::AlignRight);
        plot.legend->setWrap(0);
        plot.legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
        plot.legend->setBorderPen(QPen(Qt::black));
        plot.legend->setMargins(QMargins(7, 5, 7, 4));
    }
    if (plot.plotLayout()->rowCount() > 1) {
        plot.plotLayout()->removeAt(0);  // the previous title
        plot.plotLayout()->simplify();
    }
    if (o.title) {
        plot.plotLayout()->insertRow(0);
        auto* t = new QCPTextElement(&plot, title, QFont(plot.font().family(), 11, QFont::Bold));
        plot.plotLayout()->addElement(0, 0, t);
    }
    for (QCPAxis* a : {plot.xAxis, plot.yAxis}) {
        a->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        a->setTickLabelRotation(0);
        a->setLabel({});
        a->setScaleType(QCPAxis::stLinear);
        a->setNumberFormat(QStringLiteral("gbd"));
        a->grid()->setVisible(true);
    }
    plot.xAxis->grid()->setVisible(false);
    plot.legend->setVisible(false);
    plot.legend->setBrush(QColor(255, 255, 255, 220));
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot.setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot.axisRect()->setRangeDrag(Qt::Horizontal);
    plot.axisRect()->setRangeZoom(Qt::Horizontal);
}

QCPBars* bars(QCustomPlot& plot, const QString& name, const QColor& colour, double width, bool horizontal = false) {
    auto* b = horizontal ? new QCPBars(plot.yAxis, plot.xAxis) : new QCPBars(plot.xAxis, plot.yAxis);
    b->setName(name);
    b->setWidth(width);
    b->setPen(QPen(colour.darker(130), 0.8));
    b->setBrush(colour);
    return b;
}

// Whole-number ticks (channels, steps): multiples of 1, 2, 5, 10, ... as the range needs.
void integerTicks(QCPAxis* axis) {
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    axis->setTicker(ticker);
}

// Category ticks on `axis` for `labels` (every k-th when they would not fit).
void categoryTicks(QCPAxis* axis, const QStringList& labels, int maxLabels, int maxChars = 28) {
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const int n = int(labels.size());
    const int step = std::max(1, (n + maxLabels - 1) / std::max(1, maxLabels));
    for (int i = 0; i < n; i += step) {
        QString l = labels[i];
        if (l.size() > maxChars) l = l.left(maxChars / 2 - 1) + QStringLiteral("…") + l.right(maxChars / 2 - 1);
        ticker->addTick(i, l);
    }
    axis->setTicker(ticker);
    axis->setSubTicks(false);
    axis->setTickLength(0, 3);
    axis->setRange(-0.7, n - 0.3);
}

std::vector<size_t> layerOrder(const std::vector<LayerRow>& rows, const std::function<bool(const LayerRow&)>& keep,
                               const std::function<double(const LayerRow&)>& sortKey, LayerOrder order) {
    std::vector<size_t> idx;
    for (size_t i = 0; i < rows.size(); ++i)
        if (keep(rows[i])) idx.push_back(i);
    if (order == LayerOrder::Sorted)
        std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return sortKey(rows[a]) > sortKey(rows[b]); });
    return idx;
}

QString rowTip(const LayerRow& r) {
    QStringList t;
    t << QStringLiteral("%1 (%2)").arg(r.name, r.op);
    if (r.inserted) t << QCoreApplication::translate("Charts", "inserted by the INT8 plan");
    if (!r.fusedFrom.isEmpty() && r.fusedFrom != r.name) t << QCoreApplication::translate("Charts", "fused from %1").arg(r.fusedFrom);
    if (r.fp32) t << QCoreApplication::translate("Charts", "FP32 %1 ms (p10 %2, p90 %3) %4").arg(ms(r.fp32->ms.median), ms(r.fp32->ms.p10), ms(r.fp32->ms.p90),
                                                                      QString::fromStdString(r.fp32->step.impl));
    if (r.int8) t << QCoreApplication::translate("Charts", "INT8 %1 ms (p10 %2, p90 %3) %4 %5").arg(ms(r.int8->ms.median), ms(r.int8->ms.p10), ms(r.int8->ms.p90),
                                                                         QString::fromStdString(r.int8->step.impl),
                                                                         QString::fromStdString(r.int8->step.dtype));
    if (r.speedUp() > 0) t << QCoreApplication::translate("Charts", "speed-up %1×").arg(r.speedUp(), 0, 'f', 2);
    return t.join(QLatin1Char('\n'));
}

int maxLabelsFor(const QCustomPlot& plot) { return std::max(8, plot.width() / 22); }
// Characters a layer label may take on the x axis at 60 degrees: the labels get at most ~40 % of
// the plot's height, so a short plot (the app's docked charts) still has bars to read.
int labelCharsFor(const QCustomPlot& plot) {
    const QFontMetrics fm(plot.xAxis->tickLabelFont());
    const double perChar = 0.87 * std::max(1, fm.averageCharWidth());  // sin 60 degrees
    return std::clamp(int((0.4 * plot.height() - fm.height() / 2.0) / perChar), 10, 28);
}

ChartBinding drawLayerLatency(QCustomPlot& plot, const std::vector<LayerRow>& rows, const ChartOptions& o) {
    const auto idx = layerOrder(rows, [](const LayerRow& r) { return r.fp32 || r.int8; },
                                [](const LayerRow& r) { return std::max(r.fp32 ? r.fp32->ms.median : 0, r.int8 ? r.int8->ms.median : 0); }, o.order);
    auto* f = bars(plot, QCoreApplication::translate("Charts", "FP32"), kFp32, 0.4);
    auto* i = bars(plot, QCoreApplication::translate("Charts", "INT8"), kInt8, 0.4);
    auto* s = bars(plot, QCoreApplication::translate("Charts", "INT8 inserted step"), kInserted, 0.4);
    ChartBinding b;
    QStringList labels;
    double top = 0;
    for (size_t k = 0; k < idx.size(); ++k) {
        const LayerRow& r = rows[idx[k]];
        if (r.fp32) f->addData(double(k) - 0.2, r.fp32->ms.median), top = std::max(top, r.fp32->ms.median);
        if (r.int8) (r.inserted ? s : i)->addData(double(k) + 0.2, r.int8->ms.median), top = std::max(top, r.int8->ms.median);
        labels << r.name;
        b.byKey.push_back({r.node, rowTip(r)});
    }
    if (s->data()->isEmpty()) plot.removePlottable(s);
    categoryTicks(plot.xAxis, shortLayerLabels(labels, labelCharsFor(plot)), maxLabelsFor(plot));
    plot.xAxis->setTickLabelRotation(labels.size() > 6 ? 60 : 0);
    plot.yAxis->setLabel(QCoreApplication::translate("Charts", "median ms per run"));
    plot.yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
    showLegendAbove(plot);
    return b;
}

ChartBinding drawLayerSpeedUp(QCustomPlot& plot, const std::vector<LayerRow>& rows, const ChartOptions& o) {
    const auto idx = layerOrder(rows, [](const LayerRow& r) { return r.speedUp() > 0; }, [](const LayerRow& r) { return -r.speedUp(); }, o.order);
    auto* up = bars(plot, QCoreApplication::translate("Charts", "faster in INT8"), kFaster, 0.7);
    auto* down = bars(plot, QCoreApplication::translate("Charts", "slower in INT8"), kSlower, 0.7);
    ChartBinding b;
    QStringList labels;
    double top = 1;
    for (size_t k = 0; k < idx.size(); ++k) {
        const LayerRow& r = rows[idx[k]];
        const double v = r.speedUp();
        (v >= 1 ? up : down)->addData(double(k), v);
        top = std::max(top, v);
        labels << r.name;
        b.byKey.push_back({r.node, rowTip(r)});
    }
    up->setBaseValue(0);
    down->setBaseValue(0);
    categoryTicks(plot.xAxis, shortLayerLabels(labels, labelCharsFor(plot)), maxLabelsFor(plot));
    plot.xAxis->setTickLabelRotation(labels.size() > 6 ? 60 : 0);
    plot.yAxis->setLabel(QCoreApplication::translate("Charts", "FP32 / INT8 median (×)"));
    plot.yAxis->setRange(0, top * 1.1);
    referenceLine(plot, 1, QCoreApplication::translate("Charts", "1× (no change)"));
    showLegendAbove(plot);
    return b;
}

// Below this SQNR a layer's INT8 output has lost enough to matter (about 4.5 bits of precision).
constexpr double kSqnrThresholdDb = 20.0;

ChartBinding drawLayerSqnr(QCustomPlot& plot, const std::vector<LayerRow>& rows, const ChartOptions& o) {
    auto sqnr = [](const LayerRow& r) { return r.error->propagated->sqnrDb; };
    const auto idx = layerOrder(rows, [&](const LayerRow& r) { return r.error && std::isfinite(sqnr(r)); }, [&](const LayerRow& r) { return -sqnr(r); },
                                o.order);
    auto* good = bars(plot, QCoreApplication::translate("Charts", "SQNR at or above the line"), kFaster, 0.7);
    auto* bad = bars(plot, QCoreApplication::translate("Charts", "SQNR below the line"), kSlower, 0.7);
    ChartBinding b;
    QStringList labels;
    double top = kSqnrThresholdDb;
    for (size_t k = 0; k < idx.size(); ++k) {
        const LayerRow& r = rows[idx[k]];
        const double v = sqnr(r);
        (v >= kSqnrThresholdDb ? good : bad)->addData(double(k), v);
        top = std::max(top, v);
        labels << r.name;
        b.byKey.push_back({r.node, rowTip(r) + QLatin1Char('\n') + QCoreApplication::translate("Charts", "SQNR %1 dB, cosine %2").arg(v, 0, 'f', 1).arg(r.error->propagated->cosine, 0, 'f', 5)});
    }
    categoryTicks(plot.xAxis, shortLayerLabels(labels, labelCharsFor(plot)), maxLabelsFor(plot));
    plot.xAxis->setTickLabelRotation(labels.size() > 6 ? 60 : 0);
    plot.yAxis->setLabel(QCoreApplication::translate("Charts", "SQNR (dB), INT8 output vs FP32"));
    plot.yAxis->setRange(0, top * 1.1);
    referenceLine(plot, kSqnrThresholdDb, QCoreApplication::translate("Charts", "20 dB (below: precision lost)"));
    showLegendAbove(plot);
    return b;
}

ChartBinding drawMemory(QCustomPlot& plot, const session::RunResult& result, const ChartOptions&) {
    const QStringList cats{QCoreApplication::translate("Charts", "Weights"), QCoreApplication::translate("Charts", "Activation arena"), QCoreApplication::translate("Charts", "Liveness lower bound"),
                           QCoreApplication::translate("Charts", "All activation buffers")};
    ChartBinding b;
    b.byKey.resize(size_t(cats.size()));
    double top = 0;
    for (const session::PrecisionRun* p : {result.find(runtime::Precision::Fp32), result.find(runtime::Precision::Int8)}) {
        if (!p || !p->profile.memory) continue;
        const bool fp32 = p->precision == runtime::Precision::Fp32;
        const auto& m = *p->profile.memory;
        auto* series = bars(plot, fp32 ? QCoreApplication::translate("Charts", "FP32") : QCoreApplication::translate("Charts", "INT8"), fp32 ? kFp32 : kInt8, 0.38);
        const int64_t values[] = {m.weightBytes, m.arenaBytes, m.livenessLowerBound, m.activationBytes};
        for (int c = 0; c < 4; ++c) {
            series->addData(c + (fp32 ? -0.2 : 0.2), double(values[c]) / (1 << 20));
            top = std::max(top, double(values[c]) / (1 << 20));
            QString& tip = b.byKey[size_t(c)].tip;
            tip += (tip.isEmpty() ? cats[c] + QLatin1Char('\n') : QStringLiteral("\n")) +
                   QStringLiteral("%1: %2").arg(fp32 ? QStringLiteral("FP32") : QStringLiteral("INT8"), mib(values[c]));
        }
    }
    categoryTicks(plot.xAxis, cats, 10);
    plot.yAxis->setLabel(QCoreApplication::translate("Charts", "MiB"));
    plot.yAxis->setRange(0, top > 0 ? top * 1.12 : 1);
    showLegendAbove(plot);
    plot.setInteractions({});
    return b;
}

ChartBinding drawWholeLatency(QCustomPlot& plot, const session::RunResult& result, const ChartOptions&) {
    ChartBinding b;
    b.byKey.resize(3);
    QStringList labels{QString()};
    double top = 0, bottom = 0, spread = 0;
    for (const session::PrecisionRun* p : {result.find(runtime::Precision::Fp32), result.find(runtime::Precision::Int8)})
        if (p) {
            const auto& s = p->profile.wholeMs;
            bottom = bottom > 0 ? std::min(bottom, s.min) : s.min;
            spread = std::max(spread, s.p90 > 0 ? s.max / s.p90 : 0);
        }
    // One slow outlier would flatten both boxes on a linear axis: go logarithmic then.
    const bool logScale = spread > 4 && bottom > 0;
    auto* means = new QCPGraph(plot.xAxis, plot.yAxis);
    means->setName(QCoreApplication::translate("Charts", "median with its 95% CI"));
    means->setLineStyle(QCPGraph::lsNone);
    means->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(0x22, 0x22, 0x22), Qt::white, 8));
    auto* ci = new QCPErrorBars(plot.xAxis, plot.yAxis);
    ci->setDataPlottable(means);
    ci->setPen(QPen(QColor(0x22, 0x22, 0x22), 1.2));
    ci->removeFromLegend();
    auto* runs = new QCPGraph(plot.xAxis, plot.yAxis);
    runs->setName(QCoreApplication::translate("Charts", "each timed run"));
    runs->setLineStyle(QCPGraph::lsNone);
    runs->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(0x33, 0x33, 0x33, 150), 4));
    int key = 1;
    for (const session::PrecisionRun* p : {result.find(runtime::Precision::Fp32), result.find(runtime::Precision::Int8)}) {
        if (!p) continue;
        const bool fp32 = p->precision == runtime::Precision::Fp32;
        const profile::Stats& s = p->profile.wholeMs;
        auto* box = new QCPStatisticalBox(plot.xAxis, plot.yAxis);
        box->setName(fp32 ? QCoreApplication::translate("Charts", "FP32") : QCoreApplication::translate("Charts", "INT8"));
        QColor c = fp32 ? kFp32 : kInt8;
        c.setAlpha(170);
        box->setBrush(c);
        box->setPen(QPen(c.darker(150), 1.2));
        box->setMedianPen(QPen(QColor(0x11, 0x11, 0x11), 2.5));
        box->setWidth(0.45);
        box->addData(key, s.min, s.p10, s.median, s.p90, s.max);
        box->removeFromLegend();
        means->addData(key, s.median);
        ci->addData(std::max(0.0, s.median - s.ci95Low), std::max(0.0, s.ci95High - s.median));
        // every timed run as a dot beside its box, spread sideways so repeats of one value stay visible
        const auto& samples = p->profile.wholeSamplesMs;
        for (size_t i = 0; i < samples.size(); ++i)
            runs->addData(key + 0.3 + 0.08 * (double((i * 37) % 11) / 10.0 - 0.5), samples[i]);
        top = std::max(top, s.max);
        labels << (fp32 ? QStringLiteral("FP32") : QStringLiteral("INT8"));
        b.byKey[size_t(key)].tip = QCoreApplication::translate("Charts", "%1 whole model, %2 runs\nmedian %3 ms, 95% CI [%9, %10]\np10 %4 · p90 %5\nmin %6 · max %7\nmean %8 ms")
                                       .arg(labels.back())
                                       .arg(s.n)
                                       .arg(ms(s.median), ms(s.p10), ms(s.p90), ms(s.min), ms(s.max), ms(s.mean), ms(s.ci95Low), ms(s.ci95High));
        ++key;
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int k = 1; k < labels.size(); ++k) ticker->addTick(k, labels[k]);
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setSubTicks(false);
    plot.xAxis->setRange(0.3, key - 0.1);
    if (logScale) {
        plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        plot.yAxis->setNumberFormat(QStringLiteral("gb"));
        plot.yAxis->setLabel(QCoreApplication::translate("Charts", "whole-model ms per run (log scale: max is %1× p90)").arg(spread, 0, 'f', 0));
        plot.yAxis->setRange(bottom * 0.5, top * 2);
    } else {
        plot.yAxis->setLabel(QCoreApplication::translate("Charts", "whole-model ms per run"));
        plot.yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    }
    showLegendAbove(plot);
    plot.setInteractions({});
    return b;
}

ChartBinding drawInt8Time(QCustomPlot& plot, const session::RunResult& result, const ChartOptions&) {
    const RunDigest d = digestRun(result);
    struct Cost {
        QString name;
        double ms;
        int steps;
        QColor colour;
    };
    std::vector<Cost> costs{{QCoreApplication::translate("Charts", "int8 kernels"), d.int8KernelMs, d.int8KernelSteps, kInt8},
                            {QCoreApplication::translate("Charts", "inserted reorders / quantize"), d.insertedMs, d.insertedSteps, kInserted},
                            {QCoreApplication::translate("Charts", "reference fallbacks"), d.referenceMs, d.referenceSteps, kSlower},
                            {QCoreApplication::translate("Charts", "layers left in f32"), d.f32Ms, d.f32Steps, kFp32}};
    std::stable_sort(costs.begin(), costs.end(), [](const Cost& a, const Cost& b) { return a.ms < b.ms; });  // largest on top
    ChartBinding b;
    QStringList labels;
    double top = 0;
    for (size_t k = 0; k < costs.size(); ++k) {
        const Cost& c = costs[k];
        auto* bar = bars(plot, c.name, c.colour, 0.6, true);
        bar->addData(double(k), c.ms);
        bar->removeFromLegend();
        top = std::max(top, c.ms);
        const double share = d.int8StepsMs > 0 ? 100 * c.ms / d.int8StepsMs : 0;
        labels << QCoreApplication::translate("Charts", "%1 (%n step(s))", nullptr, c.steps).arg(c.name);
        b.byKey.push_back({{}, QCoreApplication::translate("Charts", "%1: %2 ms in %3 step(s), %4% of the INT8 steps' time").arg(c.name, ms(c.ms)).arg(c.steps).arg(share, 0, 'f', 1)});
        auto* text = new QCPItemText(&plot);
        text->position->setAxes(plot.xAxis, plot.yAxis);
        text->position->setCoords(c.ms, double(k));
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        text->setPadding(QMargins(4, 0, 0, 0));
        text->setText(QStringLiteral("%1 ms · %2%").arg(ms(c.ms)).arg(share, 0, 'f', 0));
    }
    categoryTicks(plot.yAxis, labels, 10, 60);
    plot.yAxis->grid()->setVisible(false);
    plot.xAxis->grid()->setVisible(true);
    plot.xAxis->setLabel(QCoreApplication::translate("Charts", "sum of INT8 step medians, ms (whole-model INT8 median %1 ms)").arg(ms(d.int8Ms)));
    plot.xAxis->setRange(0, top > 0 ? top * 1.3 : 1);
    plot.setInteractions({});
    return b;
}

// ---- the diagnosis by cause -------------------------------------------------------------

// Breaks a long tooltip line at spaces (plain-text tooltips do not wrap).
QString wrapped(const QString& text, int width = 90) {
    QStringList out;
    for (const QString& para : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString& word : para.split(QLatin1Char(' '))) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) out << line, line.clear();
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        out << line;
    }
    return out.join(QLatin1Char('\n'));
}

QColor causeColour(const std::string& kind) {
    if (kind == "unfolded_qdq" || kind == "reference_fallback") return kSlower;
    if (kind == "fp32_island") return kFp32;
    if (kind == "layout_reorders" || kind == "conversions") return kInserted;
    if (kind == "memory_bound") return QColor(0xed, 0xc9, 0x48);
    return QColor(0x9c, 0x9c, 0x9c);
}

ChartBinding drawInt8Causes(QCustomPlot& plot, const session::RunResult& result, const std::vector<LayerRow>& rows, const ChartOptions&) {
    const Int8Diagnosis d = diagnoseInt8(result);
    std::vector<const DiagnosisCause*> causes;
    for (const auto& c : d.causes)
        if (c.ms > 0) causes.push_back(&c);
    std::reverse(causes.begin(), causes.end());  // largest on top
    ChartBinding b;
    b.subtitle = diagnosisHeadline(d);
    QStringList labels;
    double top = d.int8KernelMs;
    auto nodeNamed = [&](const std::string& name) {
        for (const LayerRow& r : rows)
            if (r.node.valid() && r.name == QString::fromStdString(name)) return r.node;
        return ir::NodeId{};
    };
    auto addBar = [&](double key, double value, const QColor& colour, const QString& label, const QString& tip, ir::NodeId node, double share) {
        auto* bar = bars(plot, label, colour, 0.6, true);
        bar->addData(key, value);
        bar->removeFromLegend();
        labels << label;
        b.byKey.push_back({node, tip});
        auto* text = new QCPItemText(&plot);
        text->position->setAxes(plot.xAxis, plot.yAxis);
        text->position->setCoords(value, key);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        text->setPadding(QMargins(4, 0, 0, 0));
        text->setText(QStringLiteral("%1 ms · %2%").arg(ms(value)).arg(100 * share, 0, 'f', 0));
    };
    // the useful part at the bottom for scale, then the causes, largest on top
    const double kernelShare = d.int8StepsMs > 0 ? d.int8KernelMs / d.int8StepsMs : 0;
    addBar(0, d.int8KernelMs, kInt8, QCoreApplication::translate("Charts", "int8 kernels (the useful work)"),
           wrapped(QCoreApplication::translate("Charts", "int8 kernels: %1 ms, %2% of the INT8 steps' time. Memory-bound int8 layers are part of it.")
                       .arg(ms(d.int8KernelMs))
                       .arg(100 * kernelShare, 0, 'f', 1)),
           {}, kernelShare);
    for (size_t k = 0; k < causes.size(); ++k) {
        const DiagnosisCause& c = *causes[k];
        top = std::max(top, c.ms);
        const QString title = causeTitle(c);
        const QString tip = QStringLiteral("%1 — %2 ms\n%3\n%4").arg(title, ms(c.ms), causeText(c, d), QCoreApplication::translate("Charts", "Fix: %1").arg(causeFix(c)));
        const double share = causeShare(c, d);
        const QString label = c.steps > 0 ? QCoreApplication::translate("Charts", "%1 (%n step(s))", nullptr, c.steps).arg(title) : title;
        addBar(double(k + 1), c.ms, causeColour(c.kind), label, wrapped(tip),
               c.nodes.empty() ? ir::NodeId{} : nodeNamed(c.nodes.front()), share);
    }
    categoryTicks(plot.yAxis, labels, 14, 60);
    plot.yAxis->grid()->setVisible(false);
    plot.xAxis->grid()->setVisible(true);
    plot.xAxis->setLabel(QCoreApplication::translate("Charts", "ms per run (INT8 step medians; outside the steps: whole-model mean minus the step means)"));
    plot.xAxis->setRange(0, top > 0 ? top * 1.3 : 1);
    plot.setInteractions({});
    return b;
}

// ---- live activation memory over the steps ----------------------------------------------

ChartBinding drawMemoryTimeline(QCustomPlot& plot, const session::RunResult& result, const ChartOptions&) {
    ChartBinding b;
    double top = 0;
    int steps = 0;
    for (const session::PrecisionRun* p : {result.find(runtime::Precision::Fp32), result.find(runtime::Precision::Int8)}) {
        if (!p || !p->profile.memory || p->profile.memory->liveBytesPerStep.empty()) continue;
        const bool fp32 = p->precision == runtime::Precision::Fp32;
        const QString name = fp32 ? QStringLiteral("FP32") : QStringLiteral("INT8");
        const QColor colour = fp32 ? kFp32 : kInt8;
        const auto& m = *p->profile.memory;
        const auto& live = m.liveBytesPerStep;
        const auto& layers = p->profile.layers;
        auto* curve = new QCPGraph(plot.xAxis, plot.yAxis);
        curve->setName(QCoreApplication::translate("Charts", "%1 live activations").arg(name));
        curve->setLineStyle(QCPGraph::lsStepCenter);
        curve->setPen(QPen(colour, 1.8));
        QColor fill = colour;
        fill.setAlpha(40);
        curve->setBrush(fill);
        std::vector<ChartHit> hits;
        for (size_t k = 0; k < live.size(); ++k) {
            const double v = double(live[k]) / (1 << 20);
            curve->addData(double(k), v);
            top = std::max(top, v);
            ChartHit h;
            if (k < layers.size()) {
                const auto& s = layers[k].step;
                h.node = s.node;
                h.tip = QCoreApplication::translate("Charts", "%1 step %2: %3 (%4)%5\nlive activations %6\narena %7 · liveness bound %8")
                            .arg(name)
                            .arg(k + 1)
                            .arg(QString::fromStdString(s.name), QString::fromStdString(s.opType),
                                 s.inserted ? QCoreApplication::translate("Charts", ", inserted by the plan") : QString(), mib(int64_t(live[k])),
                                 mib(m.arenaBytes), mib(m.livenessLowerBound));
            }
            hits.push_back(h);
        }
        b.byPlottable.emplace_back(curve, std::move(hits));
        steps = std::max(steps, int(live.size()));
        auto level = [&](double bytes, const QString& label, Qt::PenStyle style) {
            auto* g = new QCPGraph(plot.xAxis, plot.yAxis);
            g->setName(label);
            g->setPen(QPen(colour.darker(140), 1.3, style));
            g->addData(-0.5, bytes / (1 << 20));
            g->addData(double(live.size()) - 0.5, bytes / (1 << 20));
            top = std::max(top, bytes / (1 << 20));
        };
        level(double(m.arenaBytes), QCoreApplication::translate("Charts", "%1 planned arena %2").arg(name, mib(m.arenaBytes)), Qt::DashLine);
        level(double(m.livenessLowerBound), QCoreApplication::translate("Charts", "%1 liveness bound %2").arg(name, mib(m.livenessLowerBound)), Qt::DotLine);
    }
    plot.xAxis->setLabel(QCoreApplication::translate("Charts", "step in execution order (each plan's own steps: INT8 adds reorders and conversions)"));
    plot.yAxis->setLabel(QCoreApplication::translate("Charts", "MiB live"));
    integerTicks(plot.xAxis);
    plot.xAxis->setRange(-0.5, std::max(1, steps) - 0.5);
    plot.yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
    showLegendAbove(plot);
    return b;
}

// ---- calibration ranges of one layer ----------------------------------------------------

QString num(double v) { return QString::number(v, 'g', 4); }
QString rangeText(const quant::ValueRange& r) { return QStringLiteral("[%1, %2]").arg(num(r.min), num(r.max)); }

struct MethodLine {
    QString name;
    quant::ValueRange range;
    QPen pen;
};

std::vector<MethodLine> methodLines(const session::ActivationHistogram& a, const session::RangeInsight& in) {
    std::vector<MethodLine> out;
    if (a.used)
        out.push_back({in.tableGiven ? QCoreApplication::translate("Charts", "used by the INT8 plan (table / model scales)")
                                     : QCoreApplication::translate("Charts", "used by the INT8 plan (%1)").arg(QString::fromStdString(in.configuredMethod)),
                       *a.used, QPen(QColor(0, 0, 0, 80), 7)});  // a wide band: the methods' lines stay visible inside it
    out.push_back({QCoreApplication::translate("Charts", "min/max"), a.methods.minMax, QPen(QColor(0x76, 0x76, 0x76), 1.6)});
    out.push_back({QCoreApplication::translate("Charts", "entropy (KL)"), a.methods.entropy, QPen(QColor(0x8e, 0x44, 0xad), 1.6, Qt::DashLine)});
    out.push_back({QCoreApplication::translate("Charts", "percentile %1").arg(in.percentile, 0, 'g', 6), a.methods.percentile,
                   QPen(QColor(0x27, 0x8e, 0x3c), 1.6, Qt::DashDotLine)});
    out.push_back({QCoreApplication::translate("Charts", "MSE"), a.methods.mse, QPen(QColor(0xd6, 0x27, 0x28), 1.8, Qt::DotLine)});
    return out;
}

void placeholder(QCustomPlot& plot, const QString& text) {
    auto* t = new QCPItemText(&plot);
    t->position->setType(QCPItemPosition::ptAxisRectRatio);
    t->position->setCoords(0.5, 0.5);
    t->setText(text);
    t->setColor(QColor(0x66, 0x66, 0x66));
    plot.xAxis->setRange(0, 1);
    plot.yAxis->setRange(0, 1);
    plot.setInteractions({});
}

ChartBinding drawActivationHistogram(QCustomPlot& plot, const session::RunResult& result, const ChartOptions& o) {
    ChartBinding b;
    const session::RangeInsight* in = result.rangeInsight.get();
    const ir::NodeId node = o.node.valid() ? o.node : defaultInsightNode(result, ChartKind::ActivationHistogram);
    const session::ActivationHistogram* a = in ? in->activationOf(node) : nullptr;
    if (!a) {
        placeholder(plot, QCoreApplication::translate("Charts", "No calibration histogram for this node: select a layer that writes a float activation."));
        return b;
    }
    b.subtitle = QCoreApplication::translate("Charts", "%1 (%2), output %3").arg(QString::fromStdString(a->producerName), QString::fromStdString(a->producerOp),
                                                                                QString::fromStdString(a->value));
    const int n = int(a->positive.size());
    const double w = a->binWidth;
    auto* hist = new QCPBars(plot.xAxis, plot.yAxis);
    hist->setName(QCoreApplication::translate("Charts", "values (%1 seen)").arg(QLocale().toString(qulonglong(a->count))));
    hist->setWidth(w);
    hist->setPen(Qt::NoPen);
    hist->setBrush(QColor(0x4e, 0x79, 0xa7, 200));
    hist->setBaseValue(0.5);
    b.keyOrigin = (-n + 0.5) * w;
    b.keyStep = w;
    b.byKey.resize(size_t(2 * n));
    double topCount = 1;
    const double total = double(std::max<uint64_t>(1, a->count));
    auto bin = [&](bool negative, int k) {
        const uint64_t c = (negative ? a->negative : a->positive)[size_t(k)];
        if (!c) return;
        const double centre = negative ? -(k + 0.5) * w : (k + 0.5) * w;
        hist->addData(centre, double(c));
        topCount = std::max(topCount, double(c));
        const double lo = negative ? -(k + 1) * w : k * w, hi = negative ? -k * w : (k + 1) * w;
        b.byKey[size_t(negative ? n - 1 - k : n + k)].tip =
            QCoreApplication::translate("Charts", "%1 ≤ x < %2: %3 values (%4% of all)").arg(num(lo), num(hi), QLocale().toString(qulonglong(c))).arg(100.0 * double(c) / total, 0, 'g', 3);
    };
    for (int k = 0; k < n; ++k) bin(true, k), bin(false, k);
    const auto lines = methodLines(*a, *in);
    QStringList summary;
    double lo = std::min(0.0, double(a->methods.minMax.min)), hi = std::max(0.0, double(a->methods.minMax.max));
    for (const MethodLine& l : lines) {
        lo = std::min(lo, double(l.range.min));
        hi = std::max(hi, double(l.range.max));
        auto* legend = new QCPGraph(plot.xAxis, plot.yAxis);  // a legend entry with the line's pen
        legend->setName(QStringLiteral("%1 %2").arg(l.name, rangeText(l.range)));
        legend->setPen(l.pen);
        for (double x : {double(l.range.min), double(l.range.max)}) {
            if (x == 0 && (l.range.min == 0 || l.range.max == 0)) continue;  // the 0 end of a one-sided range
            auto* line = new QCPItemStraightLine(&plot);
            line->point1->setCoords(x, 1);
            line->point2->setCoords(x, 10);
            line->setPen(l.pen);
        }
        summary << QStringLiteral("%1 %2").arg(l.name, rangeText(l.range));
    }
    for (ChartHit& h : b.byKey)
        if (!h.tip.isEmpty()) h.tip += QLatin1Char('\n') + summary.join(QLatin1Char('\n'));
    const double pad = 0.04 * std::max(1e-12, hi - lo);
    plot.xAxis->setRange(lo - pad, hi + pad);
    plot.xAxis->setLabel(QCoreApplication::translate("Charts", "value of %1 (bin width %2; %3 calibration values)")
                             .arg(QString::fromStdString(a->value), num(w), QLocale().toString(qulonglong(a->count))));
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot.yAxis->setNumberFormat(QStringLiteral("g"));  // 1, 10, 100, ...: "eb" powers fail under locales whose exponent is "E"
    plot.yAxis->setNumberPrecision(9);
    plot.yAxis->setLabel(QCoreApplication::translate("Charts", "values per bin (log scale)"));
    plot.yAxis->setRange(0.7, std::max(10.0, topCount * 3));  // log ticks at powers of 10
    // above the plot: inside, the legend hid the range lines near the maximum
    plot.legend->setFont(QFont(plot.font().family(), 8));
    showLegendAbove(plot);
    return b;
}

ChartBinding drawWeightChannels(QCustomPlot& plot, const session::RunResult& result, const ChartOptions& o) {
    ChartBinding b;
    const session::RangeInsight* in = result.rangeInsight.get();
    const ir::NodeId node = o.node.valid() ? o.node : defaultInsightNode(result, ChartKind::WeightChannels);
    const session::WeightChannels* w = in ? in->weightsOf(node) : nullptr;
    if (!w) {
        placeholder(plot, QCoreApplication::translate("Charts", "No weights for this node: select a convolution or a linear layer."));
        return b;
    }
    const size_t channels = w->min.size();
    std::vector<size_t> idx(channels);
    std::iota(idx.begin(), idx.end(), size_t(0));
    if (o.order == LayerOrder::Sorted)
        std::stable_sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return w->channelLimit[x] > w->channelLimit[y]; });
    auto* maxBars = bars(plot, QCoreApplication::translate("Charts", "channel max"), kFp32, 0.8);
    auto* minBars = bars(plot, QCoreApplication::translate("Charts", "channel min"), kFp32.lighter(140), 0.8);
    maxBars->setPen(Qt::NoPen);
    minBars->setPen(Qt::NoPen);
    auto* upper = new QCPGraph(plot.xAxis, plot.yAxis);
    upper->setName(QCoreApplication::translate("Charts", "per-channel int8 range (± scale × 127)"));
    upper->setLineStyle(QCPGraph::lsStepCenter);
    upper->setPen(QPen(kInt8, 1.5));
    auto* lower = new QCPGraph(plot.xAxis, plot.yAxis);
    lower->setLineStyle(QCPGraph::lsStepCenter);
    lower->setPen(QPen(kInt8, 1.5));
    lower->removeFromLegend();
    const double t = w->tensorLimit;
    std::vector<double> used;  // share of the int8 levels each channel would use per tensor
    for (size_t k = 0; k < channels; ++k) {
        const size_t c = idx[k];
        maxBars->addData(double(k), w->max[c]);
        minBars->addData(double(k), w->min[c]);
        upper->addData(double(k), w->channelLimit[c]);
        lower->addData(double(k), -w->channelLimit[c]);
        const double share = t > 0 ? w->channelLimit[c] / t : 0;
        if (w->channelLimit[c] > 0) used.push_back(share);
        b.byKey.push_back({{}, QCoreApplication::translate("Charts", "output channel %1: min %2, max %3\nper-channel int8 range ±%4 (scale %5)\nper-tensor range ±%6: "
                                                                     "this channel would use %7% of the int8 levels")
                                   .arg(c)
                                   .arg(num(w->min[c]), num(w->max[c]), num(w->channelLimit[c]), num(w->channelLimit[c] / 127.0), num(t))
                                   .arg(100 * share, 0, 'f', 1)});
    }
    auto* tensor = new QCPGraph(plot.xAxis, plot.yAxis);
    tensor->setName(QCoreApplication::translate("Charts", "per-tensor int8 range ±%1").arg(num(t)));
    tensor->setPen(QPen(kSlower, 1.6, Qt::DashLine));
    tensor->addData(-0.5, t);
    tensor->addData(double(channels) - 0.5, t);
    auto* tensorLow = new QCPGraph(plot.xAxis, plot.yAxis);
    tensorLow->setPen(QPen(kSlower, 1.6, Qt::DashLine));
    tensorLow->addData(-0.5, -t);
    tensorLow->addData(double(channels) - 0.5, -t);
    tensorLow->removeFromLegend();
    std::sort(used.begin(), used.end());
    const double median = used.empty() ? 0 : used[used.size() / 2];
    double bits = 0;
    for (double u : used) bits += -std::log2(std::max(u, 1e-9));
    bits = used.empty() ? 0 : bits / double(used.size());
    b.subtitle = QCoreApplication::translate("Charts", "%1 (%2), weight %3: %4 output channels; %5").arg(QString::fromStdString(w->name), QString::fromStdString(w->op),
                                                                                                     QString::fromStdString(w->weight))
                     .arg(channels)
                     .arg(w->perTensorUsed ? QCoreApplication::translate("Charts", "this run quantized them per tensor")
                                           : QCoreApplication::translate("Charts", "this run quantized them per channel"));
    auto* note = new QCPItemText(&plot);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(0.01, 0.02);
    note->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    note->setBrush(QColor(255, 255, 255, 220));
    note->setText(QCoreApplication::translate("Charts", "per tensor, the median channel would use %1% of the int8 levels (%2 bits lost on average)")
                      .arg(100 * median, 0, 'f', 0)
                      .arg(bits, 0, 'f', 1));
    plot.xAxis->setLabel(o.order == LayerOrder::Sorted ? QCoreApplication::translate("Charts", "output channels, widest range first")
                                                      : QCoreApplication::translate("Charts", "output channel"));
    integerTicks(plot.xAxis);
    plot.xAxis->setRange(-0.5, double(channels) - 0.5);
    plot.yAxis->setLabel(QCoreApplication::translate("Charts", "float weight value"));
    plot.yAxis->setRange(-t * 1.2, t * 1.2);
    plot.legend->setFont(QFont(plot.font().family(), 8));
    showLegendAbove(plot);
    return b;
}

}  // namespace

ChartInfo chartInfo(ChartKind kind) {
    switch (kind) {
    case ChartKind::LayerLatency:
        return {kind, QStringLiteral("layer-latency"), QCoreApplication::translate("Charts", "Per-layer latency, FP32 vs INT8"),
                QCoreApplication::translate("Charts", "Median time per step over the timed runs (the same runs as the whole-model time). Steps the INT8 plan "
                            "inserted (reorders, quantize/dequantize) have no FP32 counterpart.")};
    case ChartKind::LayerSpeedUp:
        return {kind, QStringLiteral("layer-speedup"), QCoreApplication::translate("Charts", "Per-layer speed-up (FP32 / INT8)"),
                QCoreApplication::translate("Charts", "Layers that ran in both precisions; above the dashed 1× line INT8 is faster.")};
    case ChartKind::LayerSqnr:
        return {kind, QStringLiteral("layer-sqnr"), QCoreApplication::translate("Charts", "Per-layer error: SQNR of INT8 against FP32"),
                QCoreApplication::translate("Charts", "Each layer's INT8 output (the whole network in INT8, the int8 kernels that ran) against its FP32 "
                            "output on the profiled inputs; higher is better, below the dashed 20 dB line the layer lost precision that matters.")};
    case ChartKind::Memory:
        return {kind, QStringLiteral("memory"), QCoreApplication::translate("Charts", "Memory: weights and activations"),
                QCoreApplication::translate("Charts", "Weights as the kernels hold them; the planned activation arena next to the liveness lower bound (the most "
                            "bytes simultaneously live) and the sum of all activation buffers.")};
    case ChartKind::WholeLatency:
        return {kind, QStringLiteral("whole-latency"), QCoreApplication::translate("Charts", "Whole-model latency over the repeats"),
                QCoreApplication::translate("Charts", "Box from p10 to p90 with the median line, whiskers from min to max, ◆ the median with its 95% bootstrap "
                            "interval; the dots beside each box are the timed runs themselves.")};
    case ChartKind::Int8Time:
        return {kind, QStringLiteral("int8-time"), QCoreApplication::translate("Charts", "Where the INT8 time goes"),
                QCoreApplication::translate("Charts", "Sum of INT8 step medians by kind of step: int8 kernels, steps the plan inserted, reference-kernel "
                            "fallbacks and graph layers the INT8 plan runs in f32.")};
    case ChartKind::Int8Causes:
        return {kind, QStringLiteral("int8-causes"), QCoreApplication::translate("Charts", "Where the INT8 time goes, by cause"),
                QCoreApplication::translate("Charts", "The INT8 diagnosis: milliseconds per cause that is not int8 kernels doing int8 work, largest on "
                            "top, with the int8 kernels themselves for scale (memory-bound layers are part of them)."),
                QCoreApplication::translate("Charts", "Hover a bar for what happens and the fix; click it to select its most expensive node.")};
    case ChartKind::MemoryTimeline:
        return {kind, QStringLiteral("memory-timeline"), QCoreApplication::translate("Charts", "Live activation memory over the steps"),
                QCoreApplication::translate("Charts", "Bytes of the activation buffers the plan keeps alive at each step, in execution order, with the "
                            "planned arena (dashed) and the liveness bound, the curve's maximum (dotted): the gap between them is what the "
                            "arena planner loses to fragmentation. Graph inputs and weights are not counted.")};
    case ChartKind::ActivationHistogram:
        return {kind, QStringLiteral("activation-histogram"), QCoreApplication::translate("Charts", "Activation histogram and calibration ranges"),
                QCoreApplication::translate("Charts", "The selected layer's output values on the calibration inputs (the observers' histogram, "
                            "log counts), with the range each calibration method derives from it and the range the INT8 plan used: what a "
                            "method clips lies outside its lines; a wide range spends int8 levels on rare outliers.")};
    case ChartKind::WeightChannels:
        return {kind, QStringLiteral("weight-channels"), QCoreApplication::translate("Charts", "Per-channel weight ranges"),
                QCoreApplication::translate("Charts", "The selected layer's float weights per output channel (bars: min and max), the per-channel int8 "
                            "range (scale × 127) and the per-tensor one (dashed): channels far inside the dashed lines would waste int8 "
                            "levels if the weights were quantized per tensor.")};
    }
    return {kind, {}, {}, {}};
}

QStringList allChartIds() {
    QStringList ids;
    for (int k = int(ChartKind::LayerLatency); k <= int(ChartKind::WeightChannels); ++k) ids << chartInfo(ChartKind(k)).id;
    return ids;
}

bool isPerLayerChart(ChartKind kind) { return kind == ChartKind::ActivationHistogram || kind == ChartKind::WeightChannels; }

namespace {
bool hasInsight(const session::RangeInsight& in, ChartKind kind, ir::NodeId node) {
    return kind == ChartKind::WeightChannels ? in.weightsOf(node) != nullptr : in.activationOf(node) != nullptr;
}
}  // namespace

std::vector<ir::NodeId> reportInsightNodes(const session::RunResult& result, size_t count) {
    std::vector<ir::NodeId> out;
    const session::RangeInsight* in = result.rangeInsight.get();
    if (!in || count == 0) return out;
    // layers with weights and a histogram: both charts have something to say about them
    auto both = [&](ir::NodeId n) { return in->weightsOf(n) && in->activationOf(n); };
    if (result.comparison) {
        for (const auto* c : result.comparison->worstPropagated(result.comparison->layers.size()))
            if (const ir::NodeId n{int32_t(c->node)}; both(n) && out.size() < count) out.push_back(n);
        if (!out.empty()) return out;
    }
    // else where the chosen range clips most of the observed one: where the method matters
    std::vector<std::pair<double, ir::NodeId>> clipped;
    for (const auto& w : in->weights) {
        const auto* a = in->activationOf(w.node);
        if (!a) continue;
        const quant::ValueRange r = a->used ? *a->used : a->methods.minMax;
        const double seen = double(a->methods.minMax.max) - double(a->methods.minMax.min);
        clipped.emplace_back(seen > 0 ? 1.0 - (double(r.max) - double(r.min)) / seen : 0.0, w.node);
    }
    std::stable_sort(clipped.begin(), clipped.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    for (size_t i = 0; i < clipped.size() && out.size() < count; ++i) out.push_back(clipped[i].second);
    return out;
}

ir::NodeId defaultInsightNode(const session::RunResult& result, ChartKind kind) {
    const session::RangeInsight* in = result.rangeInsight.get();
    if (!in) return {};
    if (auto worst = reportInsightNodes(result, 1); !worst.empty()) return worst.front();
    if (kind == ChartKind::WeightChannels) return in->weights.empty() ? ir::NodeId{} : in->weights.front().node;
    for (const auto& a : in->activations)
        if (a.producer.valid() && hasInsight(*in, kind, a.producer)) return a.producer;
    return {};
}

std::vector<ChartInfo> availableCharts(const session::RunResult& result) {
    const auto* fp32 = result.find(runtime::Precision::Fp32);
    const auto* int8 = result.find(runtime::Precision::Int8);
    std::vector<ChartInfo> out;
    if (fp32 || int8) out.push_back(chartInfo(ChartKind::LayerLatency));
    if (fp32 && int8) out.push_back(chartInfo(ChartKind::LayerSpeedUp));
    if (result.comparison) out.push_back(chartInfo(ChartKind::LayerSqnr));
    if (int8) out.push_back(chartInfo(ChartKind::Int8Time));
    if (fp32 && int8) out.push_back(chartInfo(ChartKind::Int8Causes));
    if (fp32 || int8) out.push_back(chartInfo(ChartKind::WholeLatency));
    if ((fp32 && fp32->profile.memory) || (int8 && int8->profile.memory)) out.push_back(chartInfo(ChartKind::Memory));
    auto timeline = [](const session::PrecisionRun* p) { return p && p->profile.memory && !p->profile.memory->liveBytesPerStep.empty(); };
    if (timeline(fp32) || timeline(int8)) out.push_back(chartInfo(ChartKind::MemoryTimeline));
    if (result.rangeInsight && !result.rangeInsight->activations.empty()) out.push_back(chartInfo(ChartKind::ActivationHistogram));
    if (result.rangeInsight && !result.rangeInsight->weights.empty()) out.push_back(chartInfo(ChartKind::WeightChannels));
    return out;
}

ChartBinding drawChart(QCustomPlot& plot, ChartKind kind, const session::RunResult& result, const std::vector<LayerRow>& rows,
                       const ChartOptions& options) {
    reset(plot, chartInfo(kind).title, options);
    ChartBinding b;
    switch (kind) {
    case ChartKind::LayerLatency: b = drawLayerLatency(plot, rows, options); break;
    case ChartKind::LayerSpeedUp: b = drawLayerSpeedUp(plot, rows, options); break;
    case ChartKind::LayerSqnr: b = drawLayerSqnr(plot, rows, options); break;
    case ChartKind::Memory: b = drawMemory(plot, result, options); break;
    case ChartKind::WholeLatency: b = drawWholeLatency(plot, result, options); break;
    case ChartKind::Int8Time: b = drawInt8Time(plot, result, options); break;
    case ChartKind::Int8Causes: b = drawInt8Causes(plot, result, rows, options); break;
    case ChartKind::MemoryTimeline: b = drawMemoryTimeline(plot, result, options); break;
    case ChartKind::ActivationHistogram: b = drawActivationHistogram(plot, result, options); break;
    case ChartKind::WeightChannels: b = drawWeightChannels(plot, result, options); break;
    }
    // an exported per-layer chart names its layer in the title
    if (options.title && isPerLayerChart(kind) && !b.subtitle.isEmpty())
        if (auto* t = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0)))
            t->setText(chartInfo(kind).title + QStringLiteral(": ") + b.subtitle);
    plot.replot();
    return b;
}

const ChartHit* chartHitAt(QCustomPlot& plot, const ChartBinding& binding, const QPointF& pos) {
    QCPAbstractPlottable* p = plot.plottableAt(pos, false);
    if (!p || !p->keyAxis()) return nullptr;
    // Every bar or box spans less than ±0.5 around its category key, so the key under the
    // mouse, rounded, is the category.
    QCPAxis* keyAxis = p->keyAxis();
    const double coord = keyAxis->pixelToCoord(keyAxis->orientation() == Qt::Horizontal ? pos.x() : pos.y());
    const long key = std::lround((coord - binding.keyOrigin) / binding.keyStep);
    const std::vector<ChartHit>* hits = &binding.byKey;
    for (const auto& [plottable, own] : binding.byPlottable)
        if (plottable == p) hits = &own;
    if (key < 0 || size_t(key) >= hits->size()) return nullptr;
    return &(*hits)[size_t(key)];
}

QSize preferredChartSize(ChartKind kind, size_t rowCount) {
    switch (kind) {
    case ChartKind::LayerLatency:
    case ChartKind::LayerSpeedUp:
    case ChartKind::LayerSqnr: return {int(std::clamp<size_t>(14 * rowCount + 200, 900, 2400)), 460};
    case ChartKind::Int8Time: return {900, 300};
    case ChartKind::Int8Causes: return {1000, 340};
    case ChartKind::MemoryTimeline: return {int(std::clamp<size_t>(6 * rowCount + 400, 900, 1600)), 400};
    case ChartKind::ActivationHistogram:
    case ChartKind::WeightChannels: return {1000, 440};
    default: return {900, 380};
    }
}

QImage chartImage(QCustomPlot& plot, QSize size, double scale) { return plot.toPixmap(size.width(), size.height(), scale).toImage(); }

QByteArray imagePng(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray chartPng(QCustomPlot& plot, QSize size, double scale) { return imagePng(chartImage(plot, size, scale)); }

namespace {
// Paints into an SVG document of `size` with the export's title and description; `P` is the
// painter type (QCustomPlot needs its own QCPPainter to keep vector output).
template <typename P>
QByteArray svgDocument(QSize size, const QString& title, const std::function<void(P&)>& paint) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator gen;
    gen.setOutputDevice(&buffer);
    gen.setSize(size);
    gen.setViewBox(QRect(QPoint(0, 0), size));
    gen.setTitle(title);
    gen.setDescription(QCoreApplication::translate("Charts", "Exported by QuantLens"));
    P painter;
    if (!painter.begin(&gen)) return {};
    paint(painter);
    painter.end();
    return bytes;
}
}  // namespace

QByteArray paintSvg(QSize size, const QString& title, const std::function<void(QPainter&)>& paint) {
    return svgDocument<QPainter>(size, title, paint);
}

QByteArray chartSvg(QCustomPlot& plot, QSize size, const QString& title) {
    return svgDocument<QCPPainter>(size, title, [&](QCPPainter& painter) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        plot.toPainter(&painter, size.width(), size.height());
    });
}

namespace {
struct OffscreenPlot {
    QCustomPlot plot;
    OffscreenPlot(QSize size) {
        plot.setAttribute(Qt::WA_DontShowOnScreen);
        plot.resize(size);
    }
};
}  // namespace

QImage renderChartImage(ChartKind kind, const session::RunResult& result, const std::vector<LayerRow>& rows, QSize size, double scale,
                        const ChartOptions& options) {
    OffscreenPlot p(size);
    drawChart(p.plot, kind, result, rows, options);
    return chartImage(p.plot, size, scale);
}

ChartSubtitled renderChartWithSubtitle(ChartKind kind, const session::RunResult& result, const std::vector<LayerRow>& rows, QSize size, double scale,
                                       const ChartOptions& options) {
    OffscreenPlot p(size);
    const ChartBinding b = drawChart(p.plot, kind, result, rows, options);
    return {chartImage(p.plot, size, scale), b.subtitle};
}

QByteArray renderChartSvg(ChartKind kind, const session::RunResult& result, const std::vector<LayerRow>& rows, QSize size,
                          const ChartOptions& options) {
    OffscreenPlot p(size);
    drawChart(p.plot, kind, result, rows, options);
    return chartSvg(p.plot, size, chartInfo(kind).title);
}

}  // namespace ql::report
