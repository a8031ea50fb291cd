#pragma once
// A read-only two-column tree model (property, value) over an immutable PropertyRow tree that
// is swapped in whole (the node inspector's model).
#include <QAbstractItemModel>
#include <memory>
#include <unordered_map>

#include "app/gui/node_description.h"

namespace ql::gui {

class PropertyTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    using QAbstractItemModel::QAbstractItemModel;

    void setRoot(std::shared_ptr<const PropertyRow> root);   // nullptr clears
    const std::shared_ptr<const PropertyRow>& root() const { return root_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const PropertyRow* rowFor(const QModelIndex& index) const;  // root for an invalid index
    void indexParents(const PropertyRow* row);
    std::shared_ptr<const PropertyRow> root_;
    std::unordered_map<const PropertyRow*, std::pair<const PropertyRow*, int>> parents_;  // row -> (parent, row in parent)
};

}  // namespace ql::gui
