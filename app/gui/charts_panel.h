#pragma once
// The "Charts" tab of the results dock: one interactive QCustomPlot per chart kind the shown
// RunResult has data for (app/report/charts.h draws them), an execution-order / sorted switch,
// tooltips, and PNG/SVG export of the current chart. Clicking a layer's bar emits nodeClicked so
// the main window selects it in the graphs and the table.
#include <QWidget>
#include <vector>

#include "app/report/charts.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QTabWidget;
class QTimer;
class QToolButton;

namespace ql::gui {

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);

    void setResult(session::RunResultPtr result);   // nullptr clears
    int chartCount() const;
    report::ChartKind chartKind(int index) const;
    QCustomPlot* plot(int index) const;
    int currentIndex() const;
    void setCurrentIndex(int index);
    void setOrder(report::LayerOrder order);
    // The current chart as PNG / SVG bytes at its on-screen size (what Export writes).
    QByteArray currentPng() const;
    QByteArray currentSvg() const;
    QString currentChartId() const;
    // The fused node selected in the graphs or the table: the per-layer charts (activation
    // histogram, weight channels) show it; invalid = the default layer (worst SQNR).
    void setSelectedNode(ir::NodeId node);
    ir::NodeId selectedNode() const { return node_; }
    QString currentCaption() const;   // the caption under the bar: the chart's, plus what it shows

signals:
    void nodeClicked(int nodeId);
    void exportRequested(bool svg);   // the main window asks for the file name

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Page {
        report::ChartKind kind;
        QCustomPlot* plot = nullptr;
        report::ChartBinding binding;
        QSize drawnSize;        // the plot's size when drawn: label lengths and legend rows depend on it
    };
    void redraw();
    void drawPage(Page& page);
    void relabelCurrent();      // redraws the current chart if its size changed since it was drawn
    void updateCaption();
    report::ChartOptions optionsFor(report::ChartKind kind, bool title) const;

    session::RunResultPtr result_;
    ir::NodeId node_;
    std::vector<report::LayerRow> rows_;
    std::vector<Page> pages_;
    QTabWidget* tabs_ = nullptr;
    QComboBox* order_ = nullptr;
    QLabel* caption_ = nullptr;
    QLabel* empty_ = nullptr;
    QToolButton* pngButton_ = nullptr;
    QToolButton* svgButton_ = nullptr;
    QTimer* relabel_ = nullptr;   // relabelCurrent once a resize or tab switch settles
};

}  // namespace ql::gui
