#include "app/report/run_digest.h"

#include <QCoreApplication>

#include <QObject>

namespace ql::report {
namespace {

QString pct(double part, double whole) { return whole > 0 ? QStringLiteral("%1%").arg(100.0 * part / whole, 0, 'f', 0) : QStringLiteral("–"); }

}  // namespace


bool isReferenceStep(const runtime::StepInfo& step) { return step.impl == "reference" || step.impl.rfind("ref", 0) == 0; }

RunDigest digestRun(const session::RunResult& result) {
    RunDigest d;
    d.vnni = result.cpu.int8Vnni;
    d.isa = QString::fromStdString(result.cpu.isa);
    const session::PrecisionRun* fp32 = result.find(runtime::Precision::Fp32);
    const session::PrecisionRun* int8 = result.find(runtime::Precision::Int8);
    if (fp32) d.fp32Ms = fp32->profile.wholeMs.median;
    if (int8) {
        d.int8Ms = int8->profile.wholeMs.median;
        d.sevenBit = int8->sevenBitActivations;
        for (const auto& l : int8->profile.layers) {
            const double m = l.ms.median;
            d.int8StepsMs += m;
            if (l.step.inserted || !l.step.node.valid()) {
                d.insertedMs += m, ++d.insertedSteps;
            } else if (isReferenceStep(l.step)) {
                d.referenceMs += m, ++d.referenceSteps;
            } else if (l.step.computesInInt8()) {
                d.int8KernelMs += m, ++d.int8KernelSteps;
            } else {
                d.f32Ms += m, ++d.f32Steps;
            }
        }
    }
    if (d.fp32Ms > 0 && d.int8Ms > 0) d.speedUp = d.fp32Ms / d.int8Ms;

    if (!fp32 || !int8) {
        d.verdict = QCoreApplication::translate("RunDigest", "Only one precision ran, so there is no FP32 vs INT8 answer.");
        return d;
    }
    // The biggest non-int8 cost names the reason; VNNI/7-bit qualifies the int8 kernels.
    const QString hw = d.vnni ? QCoreApplication::translate("RunDigest", "with VNNI on %1").arg(d.isa)
                              : QCoreApplication::translate("RunDigest", "without VNNI on %1%2").arg(d.isa, d.sevenBit ? QCoreApplication::translate("RunDigest", ", so activations are 7-bit") : QString());
    const double total = d.int8StepsMs;
    QStringList costs;
    if (d.insertedSteps) costs << QCoreApplication::translate("RunDigest", "%1 in %n inserted reorder/quantize step(s)", nullptr, d.insertedSteps).arg(pct(d.insertedMs, total));
    if (d.referenceSteps) costs << QCoreApplication::translate("RunDigest", "%1 in %n reference fallback(s)", nullptr, d.referenceSteps).arg(pct(d.referenceMs, total));
    if (d.f32Steps) costs << QCoreApplication::translate("RunDigest", "%1 in %n layer(s) left in f32", nullptr, d.f32Steps).arg(pct(d.f32Ms, total));
    const QString overhead = costs.isEmpty() ? QString() : costs.join(QStringLiteral(", "));
    const QString kernels = QCoreApplication::translate("RunDigest", "%1 of INT8 time is in %n int8 kernel(s)", nullptr, d.int8KernelSteps).arg(pct(d.int8KernelMs, total));
    // Overlapping p10..p90 spreads: the runs varied more than the precisions differ, so the
    // answer is not certain whichever way the medians point.
    const auto& fs = fp32->profile.wholeMs;
    const auto& is = int8->profile.wholeMs;
    const bool noisy = is.p10 <= fs.p90 && fs.p10 <= is.p90;
    const QString unsure = QCoreApplication::translate("RunDigest", "Not certain: ");
    if (d.speedUp >= 1.05) {
        d.verdict = (noisy ? unsure + QCoreApplication::translate("RunDigest", "INT8's median is %1× faster, but the p10–p90 spreads overlap (the runs varied that much); %2 %3%4.")
                           : QCoreApplication::translate("RunDigest", "Yes: INT8 is %1× faster here; %2 %3%4."))
                        .arg(d.speedUp, 0, 'f', 2)
                        .arg(kernels, hw, overhead.isEmpty() ? QString() : QCoreApplication::translate("RunDigest", ", the rest: %1").arg(overhead));
    } else if (d.speedUp > 0.95) {
        d.verdict = QCoreApplication::translate("RunDigest", "No real gain: INT8 runs at %1× of FP32; %2 %3%4.")
                        .arg(d.speedUp, 0, 'f', 2)
                        .arg(kernels, hw, overhead.isEmpty() ? QString() : QCoreApplication::translate("RunDigest", ", while %1").arg(overhead));
    } else {
        const double overheadShare = total > 0 ? (d.insertedMs + d.referenceMs + d.f32Ms) / total : 0;
        d.verdict = (noisy ? unsure + QCoreApplication::translate("RunDigest", "INT8's median is slower (%1× of FP32), but the p10–p90 spreads overlap (the runs varied that much): %2; %3 %4.")
                           : QCoreApplication::translate("RunDigest", "No: INT8 is slower here (%1× of FP32): %2; %3 %4."))
                        .arg(d.speedUp, 0, 'f', 2)
                        .arg(overheadShare >= 0.15 ? QCoreApplication::translate("RunDigest", "of INT8 time, %1").arg(overhead)
                                                   : QCoreApplication::translate("RunDigest", "its int8 kernels themselves are not faster than FP32's at this size"),
                             kernels, hw);
    }
    return d;
}

}  // namespace ql::report
