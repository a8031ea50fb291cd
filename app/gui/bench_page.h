#pragma once
// The Benchmark page: opens a finished `quantlens-cli bench` (or bench-merge) folder and shows
// its machine and settings, the per-configuration table with each INT8 row's speed-up and
// p-value, and the benchmark plots, all filtered by model, precision and batch.
#include <QString>
#include <QWidget>
#include <memory>

#include "core/bench/analysis.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QTableView;

namespace ql::gui {

class BenchFilterModel;
class BenchTableModel;

class BenchPage : public QWidget {
    Q_OBJECT
public:
    explicit BenchPage(QWidget* parent = nullptr);

    // Reads DIR/bench.json and computes the statistics. False (and errorText() naming the file
    // and the entry) when it cannot; the page then keeps showing what it showed before.
    bool openFolder(const QString& dir);
    QString errorText() const;
    QString folder() const { return folder_; }

    // For tests and the Export menu.
    QTableView* table() const { return table_; }
    QCustomPlot* plot() const { return plot_; }
    void setFilter(const QString& model, const QString& precision, qint64 batch);  // "" / 0 = all
    void setChart(int index);
    int visibleRows() const;

private:
    void fillFilters();
    void applyFilter();
    void redrawChart();

    QString folder_;
    std::shared_ptr<const bench::BenchRun> run_;
    std::shared_ptr<const bench::BenchAnalysis> analysis_;
    BenchTableModel* model_ = nullptr;
    BenchFilterModel* filter_ = nullptr;
    QTableView* table_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QLabel* header_ = nullptr;
    QLabel* error_ = nullptr;
    QComboBox* modelBox_ = nullptr;
    QComboBox* precisionBox_ = nullptr;
    QComboBox* batchBox_ = nullptr;
    QComboBox* chartBox_ = nullptr;
};

}  // namespace ql::gui
