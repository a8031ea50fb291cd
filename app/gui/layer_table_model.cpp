#include "app/gui/layer_table_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <map>

namespace ql::gui {
namespace {

QString bytes(int64_t b) { return b ? QLocale().formattedDataSize(b, 1, QLocale::DataSizeTraditionalFormat) : QString(); }
QString ms(double v) { return QString::number(v, 'f', v < 0.1 ? 4 : 3); }

bool isReference(const runtime::StepInfo& s) { return s.impl == "reference" || QString::fromStdString(s.impl).startsWith(QLatin1String("ref")); }

}  // namespace

void LayerTableModel::setResult(session::RunResultPtr result) {
    beginResetModel();
    result_ = std::move(result);
    rows_ = result_ ? buildLayerRows(*result_) : std::vector<LayerRow>{};
    endResetModel();
}

int LayerTableModel::rowForNode(ir::NodeId id) const {
    if (!id.valid()) return -1;
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].node == id) return int(i);
    return -1;
}

int LayerTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }
int LayerTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LayerTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(rows_.size()) || index.column() >= ColumnCount) return {};
    const LayerRow& r = rows_[size_t(index.row())];
    const profile::LayerProfile* shown = r.shown();
    const runtime::StepInfo& step = shown->step;
    if (role == NodeIdRole) return r.node.v;
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case Layer: return r.name;
        case Op: return r.op;
        case FusedFrom: return r.fusedFrom;
        case Fp32Ms: return r.fp32 ? (sort ? QVariant(r.fp32->ms.median) : QVariant(ms(r.fp32->ms.median))) : (sort ? QVariant(-1.0) : QVariant());
        case Int8Ms: return r.int8 ? (sort ? QVariant(r.int8->ms.median) : QVariant(ms(r.int8->ms.median))) : (sort ? QVariant(-1.0) : QVariant());
        case SpeedUp: {
            const double s = r.speedUp();
            if (sort) return s;
            return s > 0 ? QVariant(QStringLiteral("%1×").arg(s, 0, 'f', 2)) : QVariant();
        }
        case Sqnr:
            if (!r.error) return sort ? QVariant(-1e9) : QVariant();
            return sort ? QVariant(r.error->propagated->sqnrDb) : QVariant(QString::number(r.error->propagated->sqnrDb, 'f', 1));
        case Cosine:
            if (!r.error) return sort ? QVariant(-1e9) : QVariant();
            return sort ? QVariant(r.error->propagated->cosine) : QVariant(QString::number(r.error->propagated->cosine, 'f', 5));
        case WeightBytes: return sort ? QVariant(qlonglong(step.weightBytes)) : QVariant(bytes(step.weightBytes));
        case OutputBytes: return sort ? QVariant(qlonglong(step.outputBytes)) : QVariant(bytes(step.outputBytes));
        case Impl: return QString::fromStdString(step.impl);
        case Format: return QString::fromStdString(step.format);
        case DType: return QString::fromStdString(step.dtype);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Fp32Ms && index.column() <= OutputBytes)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        if (r.inserted) return QBrush(QColor(0x80, 0x60, 0x00));
        if (index.column() == Impl && isReference(step)) return QBrush(QColor(0xb0, 0x00, 0x20));
        if (index.column() == SpeedUp && r.speedUp() > 0) return QBrush(r.speedUp() >= 1.0 ? QColor(0x00, 0x70, 0x20) : QColor(0xb0, 0x00, 0x20));
    }
    if (role == Qt::ToolTipRole) {
        QStringList tip;
        if (r.inserted) tip << tr("Inserted by the plan (not a graph node): %1").arg(QString::fromStdString(step.note.empty() ? step.opType : step.note));
        for (const auto* p : {r.fp32, r.int8}) {
            if (!p) continue;
            tip << tr("%1: %2 ms (p10 %3, p90 %4), %5, %6 %7")
                       .arg(p == r.fp32 ? QStringLiteral("FP32") : QStringLiteral("INT8"), ms(p->ms.median), ms(p->ms.p10), ms(p->ms.p90),
                            QString::fromStdString(p->step.impl), QString::fromStdString(p->step.format), QString::fromStdString(p->step.dtype));
            if (!p->step.fallbackReason.empty()) tip << tr("  reference because: %1").arg(QString::fromStdString(p->step.fallbackReason));
            if (!p->step.note.empty() && !r.inserted) tip << tr("  note: %1").arg(QString::fromStdString(p->step.note));
        }
        return tip.join(QLatin1Char('\n'));
    }
    return {};
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Layer: return tr("Layer");
        case Op: return tr("Op");
        case FusedFrom: return tr("Fused from");
        case Fp32Ms: return tr("FP32 ms");
        case Int8Ms: return tr("INT8 ms");
        case SpeedUp: return tr("Speed-up");
        case Sqnr: return tr("SQNR dB");
        case Cosine: return tr("Cosine");
        case WeightBytes: return tr("Weights");
        case OutputBytes: return tr("Output");
        case Impl: return tr("Impl");
        case Format: return tr("Format");
        case DType: return tr("Dtype");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Fp32Ms:
        case Int8Ms: return tr("Median over the timed runs");
        case SpeedUp: return tr("FP32 median / INT8 median");
        case Sqnr:
        case Cosine: return tr("INT8 output of the layer against its FP32 output, whole network in INT8, on the profiled inputs");
        case Impl:
        case Format:
        case DType: return tr("As the INT8 plan runs the layer (FP32 when there is no INT8 step); the tooltip has both");
        default: return {};
        }
    }
    return {};
}

LayerFilterModel::LayerFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(LayerTableModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void LayerFilterModel::setFilterText(const QString& text) {
    if (text.trimmed() == text_) return;
    text_ = text.trimmed();
    invalidateFilter();
}

bool LayerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QString& text = text_;
    if (text.isEmpty()) return true;
    const QAbstractItemModel* m = sourceModel();
    for (int c : {LayerTableModel::Layer, LayerTableModel::Op, LayerTableModel::FusedFrom, LayerTableModel::Impl, LayerTableModel::Format,
                  LayerTableModel::DType})
        if (m->index(sourceRow, c, sourceParent).data().toString().contains(text, Qt::CaseInsensitive)) return true;
    return false;
}

}  // namespace ql::gui
