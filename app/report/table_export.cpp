#include "app/report/table_export.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql::report {
namespace {

QString num(double v) { return QString::number(v, 'g', 6); }

QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))) return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

}  // namespace

QStringList layerTableColumns() {
    return {QStringLiteral("layer"),         QStringLiteral("op"),          QStringLiteral("fused_from"),  QStringLiteral("inserted"),
            QStringLiteral("fp32_ms"),       QStringLiteral("fp32_p10_ms"), QStringLiteral("fp32_p90_ms"), QStringLiteral("int8_ms"),
            QStringLiteral("int8_p10_ms"),   QStringLiteral("int8_p90_ms"), QStringLiteral("speed_up"),    QStringLiteral("macs"),
            QStringLiteral("weight_bytes"),  QStringLiteral("output_bytes"), QStringLiteral("impl"),       QStringLiteral("format"),
            QStringLiteral("dtype"),         QStringLiteral("fallback_reason")};
}

QStringList layerTableValues(const LayerRow& r) {
    const runtime::StepInfo& s = r.shown()->step;
    auto ms = [](const profile::LayerProfile* p, double profile::Stats::*f) { return p ? num(p->ms.*f) : QString(); };
    const double sp = r.speedUp();
    QString reason = QString::fromStdString(s.fallbackReason);
    if (reason.isEmpty() && r.fp32 && r.fp32 != r.shown()) reason = QString::fromStdString(r.fp32->step.fallbackReason);
    return {r.name,
            r.op,
            r.fusedFrom,
            r.inserted ? QStringLiteral("true") : QStringLiteral("false"),
            ms(r.fp32, &profile::Stats::median),
            ms(r.fp32, &profile::Stats::p10),
            ms(r.fp32, &profile::Stats::p90),
            ms(r.int8, &profile::Stats::median),
            ms(r.int8, &profile::Stats::p10),
            ms(r.int8, &profile::Stats::p90),
            sp > 0 ? num(sp) : QString(),
            QString::number(s.macs),
            QString::number(s.weightBytes),
            QString::number(s.outputBytes),
            QString::fromStdString(s.impl),
            QString::fromStdString(s.format),
            QString::fromStdString(s.dtype),
            reason};
}

QByteArray layerTableCsv(const std::vector<LayerRow>& rows) {
    QString out = layerTableColumns().join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const LayerRow& r : rows) {
        QStringList fields;
        for (const QString& v : layerTableValues(r)) fields << csvField(v);
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray layerTableJson(const std::vector<LayerRow>& rows) {
    const QStringList cols = layerTableColumns();
    QJsonArray array;
    for (const LayerRow& r : rows) {
        const QStringList values = layerTableValues(r);
        QJsonObject o;
        for (int i = 0; i < cols.size(); ++i) {
            const QString& v = values[i];
            const QString& c = cols[i];
            if (c == QLatin1String("inserted")) o[c] = r.inserted;
            else if (c.endsWith(QLatin1String("_ms")) || c == QLatin1String("speed_up")) o[c] = v.isEmpty() ? QJsonValue() : QJsonValue(v.toDouble());
            else if (c == QLatin1String("macs") || c.endsWith(QLatin1String("_bytes"))) o[c] = v.toLongLong();
            else o[c] = v;
        }
        array.append(o);
    }
    QJsonObject root{{QStringLiteral("schema"), QStringLiteral("quantlens.layer-table/1")},
                     {QStringLiteral("columns"), QJsonArray::fromStringList(cols)},
                     {QStringLiteral("rows"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

}  // namespace ql::report
