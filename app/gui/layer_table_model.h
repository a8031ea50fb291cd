#pragma once
// The per-layer results table over one immutable RunResult: one row per fused-graph node that
// ran (FP32 and INT8 steps matched by node id) and one row per step the INT8 (or FP32) plan
// inserted (reorders, quantize/dequantize), in INT8 plan order. Display strings for reading,
// SortRole numbers for sorting, NodeIdRole for linking a row to the graph.
#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <vector>

#include "app/report/layer_rows.h"

namespace ql::gui {

using report::LayerRow;
using report::buildLayerRows;

class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Layer, Op, FusedFrom, Fp32Ms, Int8Ms, SpeedUp, Sqnr, Cosine, WeightBytes, OutputBytes, Impl, Format, DType, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int NodeIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setResult(session::RunResultPtr result);   // nullptr clears
    const session::RunResultPtr& result() const { return result_; }
    const std::vector<LayerRow>& rows() const { return rows_; }
    int rowForNode(ir::NodeId id) const;            // -1 if no row

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    session::RunResultPtr result_;
    std::vector<LayerRow> rows_;
};

// Sorts by SortRole; the filter text matches layer, op, fused-from, impl, format or dtype.
class LayerFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LayerFilterModel(QObject* parent = nullptr);
    void setFilterText(const QString& text);   // plain text, case-insensitive
    QString filterText() const { return text_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString text_;
};

}  // namespace ql::gui
