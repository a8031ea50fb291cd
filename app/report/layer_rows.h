#pragma once
// The per-layer rows of one RunResult: one row per fused-graph node that ran (FP32 and INT8
// steps matched by node id) and one row per step a plan inserted (reorders, quantize/dequantize),
// in INT8 plan order. The app's table, the charts, the table exports and the report all read
// these rows, so they always agree. Later columns (per-layer SQNR) join here.
#include <QString>
#include <vector>

#include "core/session/comparison.h"
#include "core/session/run_result.h"

namespace ql::report {

struct LayerRow {
    ir::NodeId node;                          // invalid for inserted steps
    QString name, op, fusedFrom;
    bool inserted = false;
    const profile::LayerProfile* fp32 = nullptr;  // into the RunResult the caller holds
    const profile::LayerProfile* int8 = nullptr;
    const session::LayerComparison* error = nullptr;  // FP32 vs INT8 error of the node's output, when compared
    const profile::LayerProfile* shown() const { return int8 ? int8 : fp32; }  // impl/format/dtype source
    double speedUp() const;                   // fp32 / int8 median, 0 when either is missing
};

// Rows for `result` (pure function).
std::vector<LayerRow> buildLayerRows(const session::RunResult& result);

}  // namespace ql::report
