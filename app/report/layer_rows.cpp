#include "app/report/layer_rows.h"

#include <algorithm>
#include <QStringList>
#include <map>

namespace ql::report {
namespace {

QString joinNames(const std::vector<std::string>& names) {
    QStringList out;
    for (const auto& n : names) out << QString::fromStdString(n);
    return out.join(QStringLiteral(", "));
}

LayerRow rowFor(const profile::LayerProfile& l, bool int8) {
    LayerRow r;
    r.node = l.step.node;
    r.name = QString::fromStdString(l.step.name);
    r.op = QString::fromStdString(l.step.opType);
    r.fusedFrom = joinNames(l.step.fusedFromNames);
    r.inserted = l.step.inserted || !l.step.node.valid();
    (int8 ? r.int8 : r.fp32) = &l;
    return r;
}

}  // namespace

double LayerRow::speedUp() const {
    // below a microsecond on both sides (views, no-op steps) the ratio is timer noise: none
    if (!fp32 || !int8 || int8->ms.median <= 0 || std::max(fp32->ms.median, int8->ms.median) < 0.001) return 0;
    return fp32->ms.median / int8->ms.median;
}

std::vector<LayerRow> buildLayerRows(const session::RunResult& result) {
    const session::PrecisionRun* fp32 = result.find(runtime::Precision::Fp32);
    const session::PrecisionRun* int8 = result.find(runtime::Precision::Int8);
    std::vector<LayerRow> rows;
    // The INT8 plan's order is the backbone (it has the inserted steps); FP32 steps join by node.
    const session::PrecisionRun* main = int8 ? int8 : fp32;
    const session::PrecisionRun* other = int8 ? fp32 : nullptr;
    if (!main) return rows;
    std::map<ir::NodeId, size_t> rowOfNode;
    for (const auto& l : main->profile.layers) {
        rows.push_back(rowFor(l, main == int8));
        if (!rows.back().inserted) rowOfNode.emplace(l.step.node, rows.size() - 1);
    }
    if (other) {
        size_t insertAt = 0;  // FP32-only rows go after the row of the previous FP32 step
        for (const auto& l : other->profile.layers) {
            const bool inserted = l.step.inserted || !l.step.node.valid();
            if (!inserted) {
                if (auto it = rowOfNode.find(l.step.node); it != rowOfNode.end()) {
                    rows[it->second].fp32 = &l;
                    insertAt = it->second + 1;
                    continue;
                }
            }
            rows.insert(rows.begin() + std::ptrdiff_t(insertAt), rowFor(l, false));
            for (auto& [id, r] : rowOfNode)
                if (r >= insertAt) ++r;
            if (!inserted) rowOfNode.emplace(l.step.node, insertAt);
            ++insertAt;
        }
    }
    if (result.comparison) {
        std::map<int64_t, const session::LayerComparison*> errorOf;
        for (const auto& c : result.comparison->layers) errorOf.emplace(c.node, &c);
        for (auto& r : rows)
            if (auto it = errorOf.find(r.node.v); !r.inserted && it != errorOf.end() && it->second->propagated) r.error = it->second;
    }
    return rows;
}

}  // namespace ql::report
