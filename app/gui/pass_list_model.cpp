#include "app/gui/pass_list_model.h"

namespace ql::gui {

void PassListModel::setDocument(std::shared_ptr<const ModelDocument> document) {
    beginResetModel();
    document_ = std::move(document);
    endResetModel();
}

int PassListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !document_ ? 0 : int(document_->stages.size());
}

int PassListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString PassListModel::changesText(int row) const {
    if (!document_ || row < 0 || row >= int(document_->stages.size())) return {};
    const GraphStage& s = document_->stages[size_t(row)];
    if (row == 0) return tr("Imported graph: %1 nodes.").arg(s.graph->liveNodeCount());
    QStringList lines;
    lines << tr("%1: %2 -> %3 nodes, %4 ms").arg(QString::fromStdString(s.name)).arg(s.record.nodesBefore).arg(s.record.nodesAfter).arg(s.record.ms, 0, 'f', 2);
    // From the structured record (translatable), not the pass's own English lines.
    const ir::Graph& original = *document_->stages.front().graph;
    for (const auto& f : s.record.fusions) {
        const ir::Node& into = s.graph->node(f.into);
        for (ir::NodeId id : f.absorbed) {
            const ir::Node& gone = original.node(id);
            lines << tr("  %1 '%2' merged into %3 '%4'")
                         .arg(QString::fromStdString(gone.opType), QString::fromStdString(gone.name), QString::fromStdString(into.opType),
                              QString::fromStdString(into.name));
        }
    }
    if (!s.removed.empty()) lines << tr("removed:");
    for (const auto& r : s.removed) lines << QStringLiteral("  - ") + QString::fromStdString(r);
    if (!s.created.empty()) lines << tr("created:");
    for (const auto& c : s.created) lines << QStringLiteral("  + ") + QString::fromStdString(c);
    if (s.record.fusions.empty() && s.removed.empty() && s.created.empty()) lines << tr("  (no change)");
    return lines.join(QLatin1Char('\n'));
}

QVariant PassListModel::data(const QModelIndex& index, int role) const {
    if (!document_ || !index.isValid() || index.row() >= rowCount()) return {};
    const GraphStage& s = document_->stages[size_t(index.row())];
    if (role == Qt::ToolTipRole) return changesText(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Stage) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
        case Stage: return QString::fromStdString(s.name);
        case Nodes: return qulonglong(s.graph->liveNodeCount());
        case Removed: return index.row() == 0 ? QVariant() : QVariant(qulonglong(s.removed.size()));
        case Created: return index.row() == 0 ? QVariant() : QVariant(qulonglong(s.created.size()));
        case Millis: return index.row() == 0 ? QVariant() : QVariant(QString::number(s.record.ms, 'f', 2));
        default: return {};
    }
}

QVariant PassListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Stage: return tr("Stage");
        case Nodes: return tr("Nodes");
        case Removed: return tr("Removed");
        case Created: return tr("Created");
        case Millis: return tr("ms");
        default: return {};
    }
}

}  // namespace ql::gui
