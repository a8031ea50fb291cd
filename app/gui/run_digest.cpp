#include "app/gui/run_digest.h"

#include <QCoreApplication>

#include <QObject>
#include <QRegularExpression>
#include <QStringList>

namespace ql::gui {
namespace {

QString msText(double v) { return QString::number(v, 'f', v < 1 ? 3 : 2); }

}  // namespace

QString describeInputs(const std::string& inputs) {
    const QString s = QString::fromStdString(inputs);
    static const QRegularExpression random(QStringLiteral("^random inputs, seed (\\d+)$"));
    static const QRegularExpression images(QStringLiteral("^t10k images (\\d+)\\.\\.(\\d+)$"));
    if (const auto m = random.match(s); m.hasMatch()) return QCoreApplication::translate("ResultHeader", "random inputs, seed %1").arg(m.captured(1));
    if (const auto m = images.match(s); m.hasMatch())
        return QCoreApplication::translate("ResultHeader", "t10k images %1..%2").arg(m.captured(1), m.captured(2));
    return s;
}

QString resultHeaderHtml(const RunOutcome& outcome, const RunDigest& d, const QString& settingsLine) {
    const session::RunResult& r = *outcome.result;
    QStringList lines;
    lines << QCoreApplication::translate("ResultHeader", "<span style='color:#555'>Settings: %1 · inputs: %2</span>")
                 .arg(settingsLine.toHtmlEscaped(), describeInputs(outcome.inputs).toHtmlEscaped());
    QString whole = QCoreApplication::translate("ResultHeader", "<b>Whole model (median):</b> FP32 %1 ms · INT8 %2 ms").arg(msText(d.fp32Ms), msText(d.int8Ms));
    if (d.speedUp > 0)
        whole += QCoreApplication::translate("ResultHeader", " · <b style='color:%1'>speed-up %2×</b>").arg(d.speedUp >= 1 ? QStringLiteral("#007020") : QStringLiteral("#b00020")).arg(d.speedUp, 0, 'f', 2);
    if (const auto* i8 = r.find(runtime::Precision::Int8))
        whole += QCoreApplication::translate("ResultHeader", " · INT8 steps sum %1 ms").arg(msText(i8->profile.sumOfLayerMediansMs));
    lines << whole;
    if (!r.agreement.empty()) {
        const auto& a = r.agreement.front();
        lines << QCoreApplication::translate("ResultHeader", "<b>Outputs INT8 vs FP32</b> (%1): cosine %2 · SQNR %3 dB · same top-1: %4")
                     .arg(QString::fromStdString(a.output).toHtmlEscaped())
                     .arg(a.cosine, 0, 'f', 5)
                     .arg(a.sqnrDb, 0, 'f', 1)
                     .arg(a.sameArgmax ? QCoreApplication::translate("ResultHeader", "yes") : QCoreApplication::translate("ResultHeader", "<b>no</b>"));
    }
    if (outcome.fp32Eval && outcome.int8Eval) {
        const auto& f = *outcome.fp32Eval;
        const auto& i = *outcome.int8Eval;
        lines << QCoreApplication::translate("ResultHeader", "<b>Accuracy</b> (%1 images of %2): FP32 top-1 %3% top-5 %4% · INT8 top-1 %5% top-5 %6%")
                     .arg(f.images)
                     .arg(QString::fromStdString(f.split))
                     .arg(100 * f.top1, 0, 'f', 2)
                     .arg(100 * f.top5, 0, 'f', 2)
                     .arg(100 * i.top1, 0, 'f', 2)
                     .arg(100 * i.top5, 0, 'f', 2);
    }
    lines << QStringLiteral("<b>%1</b>").arg(d.verdict.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

}  // namespace ql::gui
