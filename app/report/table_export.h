#pragma once
// The per-layer table (app/report/layer_rows.h) as CSV and JSON: every row, plain numbers
// (milliseconds, bytes), one column per field. The app's Export menu and the report use these.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

#include "app/report/layer_rows.h"

namespace ql::report {

// Column keys in export order ("layer", "op", "fused_from", "inserted", "fp32_ms", ...).
QStringList layerTableColumns();
// One row's values as text in layerTableColumns() order ("" for a missing figure).
QStringList layerTableValues(const LayerRow& row);

QByteArray layerTableCsv(const std::vector<LayerRow>& rows);   // RFC 4180 quoting, header line first
QByteArray layerTableJson(const std::vector<LayerRow>& rows);  // {"schema": "quantlens.layer-table/1", "columns": [...], "rows": [{...}]}

}  // namespace ql::report
