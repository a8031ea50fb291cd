#include "app/gui/run_settings.h"

#include <QCoreApplication>

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
    const QString method = c.calibration.method == "percentile"
                               ? QStringLiteral("percentile %1").arg(c.calibration.percentile)
                               : QString::fromStdString(c.calibration.method);
    // the samples count only when a data set gives them; else int8 calibrates on the profiled batch
    parts << (s.evaluate ? QStringLiteral("%1 ×%2").arg(method).arg(c.calibration.samples)
                         : QCoreApplication::translate("RunSettings", "%1 on the profiled inputs").arg(method));
    parts << (c.calibration.perTensorWeights ? QCoreApplication::translate("RunSettings", "weights per tensor")
                                             : QCoreApplication::translate("RunSettings", "weights per channel"));
    parts << (c.asymmetricActivations ? QCoreApplication::translate("RunSettings", "asymmetric u8") : QCoreApplication::translate("RunSettings", "symmetric s8"));
    parts << (!c.sevenBitActivations ? QCoreApplication::translate("RunSettings", "7-bit auto") : *c.sevenBitActivations ? QCoreApplication::translate("RunSettings", "7-bit on") : QCoreApplication::translate("RunSettings", "7-bit off"));
    parts << QString::fromStdString(c.executor);
    parts << QCoreApplication::translate("RunSettings", "layout %1").arg(QString::fromStdString(runtime::layoutName(c.layout)));
    if (c.tuneKernels) parts << QCoreApplication::translate("RunSettings", "kernels timed");
    if (!c.rowBands) parts << QCoreApplication::translate("RunSettings", "row bands off");
    parts << (c.threads ? QCoreApplication::translate("RunSettings", "%n thread(s)", nullptr, c.threads) : QCoreApplication::translate("RunSettings", "threads: all cores"));
    parts << QCoreApplication::translate("RunSettings", "batch %1").arg(c.batch);
    parts << QCoreApplication::translate("RunSettings", "%1+%2 runs").arg(c.warmup).arg(c.repeat);
    if (!c.maxIsa.empty()) parts << QCoreApplication::translate("RunSettings", "ISA ≤ %1").arg(QString::fromStdString(c.maxIsa));
    if (!c.fp32Fallback.empty()) {
        QStringList names;
        for (const auto& n : c.fp32Fallback) names << QString::fromStdString(n);
        parts << QCoreApplication::translate("RunSettings", "FP32: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (s.evaluate)
        parts << (s.evalImages > 0 ? QCoreApplication::translate("RunSettings", "accuracy on %1 images").arg(s.evalImages) : QCoreApplication::translate("RunSettings", "accuracy on t10k"));
    return parts.join(QStringLiteral(" · "));
}

}  // namespace ql::gui
