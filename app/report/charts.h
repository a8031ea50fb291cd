#pragma once
// The charts of a run, drawn with QCustomPlot from the RunResult (and its layer rows) only: one
// function per chart kind, a catalogue that lists the kinds the result has data for, and the
// exports (PNG, and SVG through QSvgGenerator since QCustomPlot has no SVG saver). The app shows
// them interactively, the report renders them offscreen. A new kind (per-layer SQNR, activation
// histograms) is one enum value, one catalogue entry and one draw function.
//
// QCustomPlot's header is heavy: it is only included by charts.cpp and the app's chart panel.
#include <QByteArray>
#include <QImage>
#include <QPointF>
#include <QSize>
#include <QString>
#include <functional>
#include <vector>

#include "app/report/layer_rows.h"

class QCustomPlot;
class QPainter;

namespace ql::report {

enum class ChartKind {
    LayerLatency,   // per-layer median FP32 vs INT8, grouped bars
    LayerSpeedUp,   // per-layer FP32/INT8 with the 1x line
    LayerSqnr,      // per-layer FP32 vs INT8 error (SQNR) with a threshold line, when compared
    Memory,         // weights, arena, liveness bound, all activations: FP32 vs INT8
    WholeLatency,   // whole-model latency over the repeats: box from the summary statistics
    Int8Time,       // where the INT8 time goes (run digest), sorted
    Int8Causes,     // the INT8 diagnosis: time by cause, sorted, with its text and fixes in the tooltips
    MemoryTimeline, // live activation bytes per step (execution order), FP32 and INT8, arena and bound
    ActivationHistogram,  // the selected layer's output histogram with every calibration method's range
    WeightChannels,       // the selected layer's per-output-channel weight ranges vs the per-tensor one
};

struct ChartInfo {
    ChartKind kind;
    QString id;       // file-name friendly: "layer-latency"
    QString title;
    QString caption;  // what is drawn and how to read it (and what the data cannot show)
    QString hint = {};  // what the app's live plot answers to (hover, click); not for static exports
};

// The charts `result` has data for, in display order.
std::vector<ChartInfo> availableCharts(const session::RunResult& result);
ChartInfo chartInfo(ChartKind kind);
// Every kind's id ("layer-latency", ...), in display order: what --chart accepts.
QStringList allChartIds();

enum class LayerOrder { Execution, Sorted };  // sorted: slowest (or lowest speed-up) first

struct ChartOptions {
    LayerOrder order = LayerOrder::Execution;
    bool title = true;           // draw the title inside the plot (exports); the app's tabs name it
    ir::NodeId node;             // per-layer kinds (histogram, weight channels): the layer; invalid = defaultInsightNode
};

// Per-layer kinds: whether `kind` draws one layer, and the layer shown when none is chosen (the
// worst SQNR layer with data, else the first conv/linear layer with a histogram).
bool isPerLayerChart(ChartKind kind);
// A layer name for an axis of at most maxChars (the tooltip keeps the whole name). Exporters'
// scope paths repeat themselves ("/layer3/layer3.1/conv2/Conv"): a scope that prefixes the next
// ("layer3") and a trailing op part ("Conv") go first, then leading scopes shrink ("l3.1/conv2")
// and go, so what tells the layers apart stays.
QString shortLayerLabel(const QString& name, int maxChars);
// The labels of one axis: shortLayerLabel's, except that names whose labels would collide keep
// their op part and shrunk scopes ("l2.0/do…mple.0/Conv") so every bar stays told apart.
QStringList shortLayerLabels(const QStringList& names, int maxChars);
ir::NodeId defaultInsightNode(const session::RunResult& result, ChartKind kind);
// The layers a report shows the per-layer kinds for: the `count` worst by SQNR when compared,
// else those whose chosen range clips most of the observed one (where the method matters).
std::vector<ir::NodeId> reportInsightNodes(const session::RunResult& result, size_t count);

// What the bar (box, ...) at a plot key means: the node to select (invalid for inserted steps
// and summaries) and a tooltip.
struct ChartHit {
    ir::NodeId node;
    QString tip;
};
struct ChartBinding {
    std::vector<ChartHit> byKey;   // index = round((key - keyOrigin) / keyStep)
    double keyOrigin = 0, keyStep = 1;
    // hits of one plottable (curves of different step lists), by the same index; before byKey
    std::vector<std::pair<const void*, std::vector<ChartHit>>> byPlottable;
    QString subtitle;              // what the drawn chart shows (per-layer kinds: the layer), for captions
};

// Clears `plot` and draws `kind`. `rows` must come from buildLayerRows(result).
ChartBinding drawChart(QCustomPlot& plot, ChartKind kind, const session::RunResult& result, const std::vector<LayerRow>& rows,
                       const ChartOptions& options = {});
// The hit under a widget position, or nullptr.
const ChartHit* chartHitAt(QCustomPlot& plot, const ChartBinding& binding, const QPointF& pos);

// A size that fits the chart's bar count (wider for many layers).
QSize preferredChartSize(ChartKind kind, size_t rowCount);

// Exports of a drawn plot.
QImage chartImage(QCustomPlot& plot, QSize size, double scale = 1.0);
QByteArray chartPng(QCustomPlot& plot, QSize size, double scale = 1.0);
QByteArray chartSvg(QCustomPlot& plot, QSize size, const QString& title);

// Any painting as SVG or PNG bytes (graph views use these).
QByteArray paintSvg(QSize size, const QString& title, const std::function<void(QPainter&)>& paint);
QByteArray imagePng(const QImage& image);

// Offscreen: draws `kind` into a hidden plot and returns the image / SVG (needs a QApplication).
QImage renderChartImage(ChartKind kind, const session::RunResult& result, const std::vector<LayerRow>& rows, QSize size,
                        double scale = 1.0, const ChartOptions& options = {});
struct ChartSubtitled {
    QImage image;
    QString subtitle;  // ChartBinding::subtitle: what the chart shows
};
ChartSubtitled renderChartWithSubtitle(ChartKind kind, const session::RunResult& result, const std::vector<LayerRow>& rows, QSize size,
                                       double scale = 1.0, const ChartOptions& options = {});
QByteArray renderChartSvg(ChartKind kind, const session::RunResult& result, const std::vector<LayerRow>& rows, QSize size,
                          const ChartOptions& options = {});

}  // namespace ql::report
