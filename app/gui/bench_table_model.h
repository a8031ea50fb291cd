#pragma once
// The Benchmark page's table: one row per configuration of a finished bench run (its analysis),
// INT8 rows carrying their pair's speed-up and Holm-corrected p. A proxy filters by model,
// precision and batch, and sorts on numbers (SortRole), not on the display strings.
#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <memory>

#include "core/bench/analysis.h"

namespace ql::gui {

class BenchTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Model, Precision, Batch, Threads, Layout, Executor, Trials, MsPerImage, MsCi, ImagesPerSecond, SpeedUp, SpeedUpCi, PHolm,
                  WeightsMiB, PeakRssMiB, Top1, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;
    void setAnalysis(std::shared_ptr<const bench::BenchAnalysis> analysis);  // nullptr clears
    const bench::BenchAnalysis* analysis() const { return analysis_.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const bench::PairSummary* pairOf(size_t config) const;
    std::shared_ptr<const bench::BenchAnalysis> analysis_;
};

class BenchFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    // Empty strings / 0 accept everything.
    void setFilter(const QString& model, const QString& precision, qint64 batch);
    bool accepts(const bench::BenchConfig& c) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString model_, precision_;
    qint64 batch_ = 0;
};

}  // namespace ql::gui
