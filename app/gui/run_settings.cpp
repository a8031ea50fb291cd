#include "app/gui/run_settings.h"

#include <QObject>

namespace ql::gui {

QStringList calibrationMethodCandidates() {
    return {QStringLiteral("minmax"), QStringLiteral("entropy"), QStringLiteral("percentile"), QStringLiteral("mse")};
}

QString calibrationMethodUnavailable(const QString& method) {
    session::RunConfig c;
    c.calibration.method = method.toStdString();
    const Status s = c.validate();
    return s.isOk() ? QString() : QString::fromStdString(s.message());
}

RunSettings loadRunSettings(QSettings& settings) {
    RunSettings s;
    const QString json = settings.value(QStringLiteral("run/config")).toString();
    if (!json.isEmpty()) {
        auto parsed = session::runConfigFromJson(json.toStdString(), "stored run settings");
        if (parsed) s.config = std::move(parsed).value();
    }
    s.dataDir = settings.value(QStringLiteral("run/dataDir"), s.dataDir).toString();
    s.evaluate = settings.value(QStringLiteral("run/evaluate"), s.evaluate).toBool();
    s.evalImages = settings.value(QStringLiteral("run/evalImages"), s.evalImages).toInt();
    return s;
}

void saveRunSettings(QSettings& settings, const RunSettings& s) {
    settings.setValue(QStringLiteral("run/config"), QString::fromStdString(session::toJson(s.config)));
    settings.setValue(QStringLiteral("run/dataDir"), s.dataDir);
    settings.setValue(QStringLiteral("run/evaluate"), s.evaluate);
    settings.setValue(QStringLiteral("run/evalImages"), s.evalImages);
}

QString settingsSummary(const RunSettings& s) {
    const session::RunConfig& c = s.config;
    QStringList parts;
    parts << QStringLiteral("%1 ×%2").arg(QString::fromStdString(c.calibration.method)).arg(c.calibration.samples);
    parts << (c.asymmetricActivations ? QObject::tr("asymmetric u8") : QObject::tr("symmetric s8"));
    parts << (!c.sevenBitActivations ? QObject::tr("7-bit auto") : *c.sevenBitActivations ? QObject::tr("7-bit on") : QObject::tr("7-bit off"));
    parts << QString::fromStdString(c.executor);
    parts << QObject::tr("layout %1").arg(QString::fromStdString(runtime::layoutName(c.layout)));
    parts << (c.threads ? QObject::tr("%n thread(s)", nullptr, c.threads) : QObject::tr("threads: all cores"));
    parts << QObject::tr("batch %1").arg(c.batch);
    parts << QObject::tr("%1+%2 runs").arg(c.warmup).arg(c.repeat);
    if (!c.maxIsa.empty()) parts << QObject::tr("ISA ≤ %1").arg(QString::fromStdString(c.maxIsa));
    if (!c.fp32Fallback.empty()) {
        QStringList names;
        for (const auto& n : c.fp32Fallback) names << QString::fromStdString(n);
        parts << QObject::tr("FP32: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (s.evaluate)
        parts << (s.evalImages > 0 ? QObject::tr("accuracy on %1 images").arg(s.evalImages) : QObject::tr("accuracy on t10k"));
    return parts.join(QStringLiteral(" · "));
}

}  // namespace ql::gui
