#include "app/gui/property_tree_model.h"

#include <QFont>

namespace ql::gui {

void PropertyTreeModel::setRoot(std::shared_ptr<const PropertyRow> root) {
    beginResetModel();
    root_ = std::move(root);
    parents_.clear();
    if (root_) indexParents(root_.get());
    endResetModel();
}

void PropertyTreeModel::indexParents(const PropertyRow* row) {
    for (size_t i = 0; i < row->children.size(); ++i) {
        parents_[&row->children[i]] = {row, int(i)};
        indexParents(&row->children[i]);
    }
}

const PropertyRow* PropertyTreeModel::rowFor(const QModelIndex& index) const {
    if (!index.isValid()) return root_.get();
    auto* parent = static_cast<const PropertyRow*>(index.internalPointer());
    return &parent->children[size_t(index.row())];
}

QModelIndex PropertyTreeModel::index(int row, int column, const QModelIndex& parent) const {
    const PropertyRow* p = rowFor(parent);
    if (!p || row < 0 || column < 0 || column > 1 || size_t(row) >= p->children.size()) return {};
    return createIndex(row, column, const_cast<PropertyRow*>(p));
}

QModelIndex PropertyTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    auto* p = static_cast<const PropertyRow*>(child.internalPointer());
    if (p == root_.get()) return {};
    const auto it = parents_.find(p);
    if (it == parents_.end()) return {};
    return createIndex(it->second.second, 0, const_cast<PropertyRow*>(it->second.first));
}

int PropertyTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) return 0;
    const PropertyRow* p = rowFor(parent);
    return p ? int(p->children.size()) : 0;
}

int PropertyTreeModel::columnCount(const QModelIndex&) const { return 2; }

QVariant PropertyTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const PropertyRow* r = rowFor(index);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return QString::fromStdString(index.column() == 0 ? r->key : r->value);
    if (role == Qt::FontRole && !index.parent().isValid()) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant PropertyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == 0 ? tr("Property") : tr("Value");
}

}  // namespace ql::gui
