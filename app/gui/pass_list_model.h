#pragma once
// The stages of a model as a table: Original, then each fusion pass with its node count before
// and after, time, and how many nodes it removed and created (details in the tooltip and in
// changesText()). Rows are the stages of one immutable ModelDocument, swapped in whole.
#include <QAbstractTableModel>
#include <memory>

#include "app/gui/model_document.h"

namespace ql::gui {

class PassListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Stage, Nodes, Removed, Created, Millis, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setDocument(std::shared_ptr<const ModelDocument> document);
    const std::shared_ptr<const ModelDocument>& document() const { return document_; }
    QString changesText(int row) const;   // what the stage's pass did, one line per rewrite

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const ModelDocument> document_;
};

}  // namespace ql::gui
