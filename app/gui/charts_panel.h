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
    // Node selected in the graphs: highlight nothing yet, but keep the API where a marker goes.

signals:
    void nodeClicked(int nodeId);
    void exportRequested(bool svg);   // the main window asks for the file name

private:
    struct Page {
        report::ChartKind kind;
        QCustomPlot* plot = nullptr;
        report::ChartBinding binding;
    };
    void redraw();

    session::RunResultPtr result_;
    std::vector<report::LayerRow> rows_;
    std::vector<Page> pages_;
    QTabWidget* tabs_ = nullptr;
    QComboBox* order_ = nullptr;
    QLabel* caption_ = nullptr;
    QLabel* empty_ = nullptr;
    QToolButton* pngButton_ = nullptr;
    QToolButton* svgButton_ = nullptr;
};

}  // namespace ql::gui
