#include "app/report/diagnosis_text.h"

#include <QCoreApplication>

namespace ql::report {
namespace {

QString ms(double v) { return QCoreApplication::translate("Diagnosis", "%1 ms").arg(v, 0, 'f', v >= 10 ? 1 : v >= 0.1 ? 2 : 4); }
QString names(const std::vector<std::string>& v, int steps, int limit = 3) {
    QStringList q;
    for (size_t i = 0; i < v.size() && int(i) < limit; ++i) q << QStringLiteral("'%1'").arg(QString::fromStdString(v[i]));
    QString s = q.join(QStringLiteral(", "));
    const int more = std::max(steps, int(v.size())) - int(q.size());
    if (more > 0) s = QCoreApplication::translate("Diagnosis", "%1 and %n more", nullptr, more).arg(s);
    return s;
}
QString list(const std::vector<std::string>& v) {
    QStringList q;
    for (const auto& s : v) q << QString::fromStdString(s);
    return q.join(QStringLiteral(", "));
}

}  // namespace

QString causeTitle(const DiagnosisCause& c) {
    const std::string& k = c.kind;
    if (k == "unfolded_qdq") return QCoreApplication::translate("Diagnosis", "Unfolded Q/DQ nodes");
    if (k == "reference_fallback") return QCoreApplication::translate("Diagnosis", "Reference-kernel fallbacks");
    if (k == "fp32_island") return QCoreApplication::translate("Diagnosis", "FP32 islands");
    if (k == "layout_reorders") return QCoreApplication::translate("Diagnosis", "Layout reorders");
    if (k == "conversions") return QCoreApplication::translate("Diagnosis", "Quantize/dequantize at the edges");
    if (k == "memory_bound") return QCoreApplication::translate("Diagnosis", "Memory-bound int8 layers");
    if (k == "outside_steps") return QCoreApplication::translate("Diagnosis", "Outside the steps");
    if (k == "no_vnni") return c.noVnni ? QCoreApplication::translate("Diagnosis", "No VNNI") : QCoreApplication::translate("Diagnosis", "7-bit activations");
    if (k == "batch") return QCoreApplication::translate("Diagnosis", "Batch 1");
    if (k == "fp32_layout_reorders") return QCoreApplication::translate("Diagnosis", "FP32 reorders of a forced layout");
    return QString::fromStdString(k);
}

QString causeText(const DiagnosisCause& c, const Int8Diagnosis& d) {
    const std::string& k = c.kind;
    const QString nodes = names(c.nodes, c.steps);
    if (k == "unfolded_qdq")
        return QCoreApplication::translate("Diagnosis", "%n QuantizeLinear/DequantizeLinear node(s) of the model run as separate steps (%1): %2 of %3. The QDQ pattern was not "
                  "folded into int8 kernels, so the layers between them compute in f32.", nullptr, c.steps)
            .arg(nodes, ms(c.ms), ms(c.ofMs > 0 ? c.ofMs : d.int8StepsMs));
    if (k == "reference_fallback") {
        QStringList ops;
        for (size_t i = 0; i < c.ops.size(); ++i)
            ops << (i < c.reasons.size() && !c.reasons[i].empty() ? QStringLiteral("%1 (%2)").arg(QString::fromStdString(c.ops[i]), QString::fromStdString(c.reasons[i]))
                                                                  : QString::fromStdString(c.ops[i]));
        return QCoreApplication::translate("Diagnosis", "%n node(s) ran on QuantLens' reference kernels (%1): %2. Ops: %3.", nullptr, c.steps).arg(nodes, ms(c.ms), ops.join(QStringLiteral("; ")));
    }
    if (k == "fp32_island") {
        QString t = QCoreApplication::translate("Diagnosis", "%n layer(s) stay in f32 between int8 layers (%1; op %2): %3 including the dequantize/quantize steps around them.", nullptr, c.steps)
                        .arg(nodes, list(c.ops), ms(c.ms));
        if (!c.note.empty()) t += QLatin1Char(' ') + QCoreApplication::translate("Diagnosis", "Plan note: %1").arg(QString::fromStdString(c.note));
        return t;
    }
    if (k == "layout_reorders") {
        QString t = QCoreApplication::translate("Diagnosis", "%n layout reorder(s) inserted between primitives (%1): %2.", nullptr, c.steps).arg(nodes, ms(c.ms));
        if (!c.layout.empty()) t += QLatin1Char(' ') + QCoreApplication::translate("Diagnosis", "The layout is forced to %1, which the kernels do not all prefer.").arg(QString::fromStdString(c.layout));
        return t;
    }
    if (k == "conversions")
        return QCoreApplication::translate("Diagnosis", "%n quantize/dequantize step(s) not next to an f32 layer, mostly at the model's inputs and outputs (%1): %2.", nullptr, c.steps).arg(nodes, ms(c.ms));
    if (k == "memory_bound")
        return QCoreApplication::translate("Diagnosis", "%n int8 layer(s) are memory-bound (under 16 MACs per byte of output and weights: pooling, depthwise and small pointwise "
                  "convolutions, adds; %1): %2, %3× faster than their FP32 steps.", nullptr, c.steps)
            .arg(nodes, ms(c.ms))
            .arg(c.ratio, 0, 'f', 2);
    if (k == "outside_steps")
        return QCoreApplication::translate("Diagnosis", "%1 per run is outside the steps (the whole-model mean minus the step means: executor overhead, thread wake-up between steps).").arg(ms(c.ms));
    if (k == "no_vnni") {
        if (!c.noVnni) return QCoreApplication::translate("Diagnosis", "7-bit activations were forced on a CPU with VNNI: the precision is lower at no speed gain.");
        return (c.sevenBit ? QCoreApplication::translate("Diagnosis", "No VNNI on this ISA (%1): int8 dot products go through 16-bit intermediate sums, with 7-bit activations to avoid "
                                "their saturation, so int8 convolutions gain about half of what they gain with VNNI.")
                           : QCoreApplication::translate("Diagnosis", "No VNNI on this ISA (%1): int8 dot products go through 16-bit intermediate sums, so int8 convolutions gain about "
                                "half of what they gain with VNNI."))
            .arg(QString::fromStdString(c.isa));
    }
    if (k == "batch") return QCoreApplication::translate("Diagnosis", "Batch 1: memory-bound layers take %1% of the INT8 time.").arg(100 * c.ratio, 0, 'f', 0);
    if (k == "fp32_layout_reorders")
        return QCoreApplication::translate("Diagnosis", "The layout is forced to %1: the FP32 plan pays %n reorder(s) for it (%2 of %3), so the speed-up is measured against a slowed FP32.",
                  nullptr, c.steps)
            .arg(QString::fromStdString(c.layout), ms(c.fp32Ms), ms(c.ofMs));
    return QString::fromStdString(c.text);
}

QString causeFix(const DiagnosisCause& c) {
    const std::string& k = c.kind;
    if (k == "unfolded_qdq") return QCoreApplication::translate("Diagnosis", "Run the float model and let QuantLens calibrate it, or fold DequantizeLinear → op → QuantizeLinear into the op's int8 kernel.");
    if (k == "reference_fallback") return QCoreApplication::translate("Diagnosis", "A oneDNN kernel for these ops (or an equivalent op the exporter can emit).");
    if (k == "fp32_island")
        return c.missing.empty() ? QCoreApplication::translate("Diagnosis", "These ops run int8 elsewhere in this plan: what keeps these in f32 is around them (unfolded QDQ nodes, an FP32 "
                                      "fallback entry, a value without a calibration range).")
                                 : QCoreApplication::translate("Diagnosis", "An int8 kernel for %1, or take them out of the FP32 fallback list if they are in it.").arg(list(c.missing));
    if (k == "layout_reorders") return c.layout.empty() ? QCoreApplication::translate("Diagnosis", "Keep adjacent layers in one memory format.") : QCoreApplication::translate("Diagnosis", "--layout auto lets each primitive choose its format.");
    if (k == "conversions")
        return QCoreApplication::translate("Diagnosis", "Unavoidable at the edges of an f32 model (a pipeline that feeds int8 input skips the first); elsewhere, give both sides one scale.");
    if (k == "memory_bound") return QCoreApplication::translate("Diagnosis", "INT8 helps these only through 4× smaller tensors; fusing them into neighbouring convolutions or larger batches does more.");
    if (k == "outside_steps") return QCoreApplication::translate("Diagnosis", "More work per step (larger batch) or fewer steps (fusion).");
    if (k == "no_vnni")
        return c.noVnni ? QCoreApplication::translate("Diagnosis", "A CPU with AVX512-VNNI or AVX-VNNI (or --max-isa none to check whether it was capped).") : QCoreApplication::translate("Diagnosis", "--seven-bit auto");
    if (k == "batch") return QCoreApplication::translate("Diagnosis", "A larger batch reuses each weight more and makes the convolutions compute-bound.");
    if (k == "fp32_layout_reorders") return QCoreApplication::translate("Diagnosis", "--layout auto, so that each precision runs in the formats its kernels prefer.");
    return QString::fromStdString(c.fix);
}

double causeShare(const DiagnosisCause& c, const Int8Diagnosis& d) {
    return c.kind == "outside_steps" && d.int8Ms > 0 ? c.ms / d.int8Ms : c.share;
}

QString diagnosisSummary(const Int8Diagnosis& d) {
    if (!d.available) return QCoreApplication::translate("Diagnosis", "Only one precision ran: no FP32 vs INT8 diagnosis.");
    const double kernelShare = d.int8StepsMs > 0 ? 100 * d.int8KernelMs / d.int8StepsMs : 0;
    return QCoreApplication::translate("Diagnosis", "INT8 %1 vs FP32 %2 (%3×); int8 kernels %4 of the %5 INT8 steps (%6%)")
        .arg(ms(d.int8Ms), ms(d.fp32Ms))
        .arg(d.speedUp, 0, 'f', 2)
        .arg(ms(d.int8KernelMs), ms(d.int8StepsMs))
        .arg(kernelShare, 0, 'f', 0);
}

QString diagnosisHeadline(const Int8Diagnosis& d) {
    if (!d.available) return diagnosisSummary(d);
    return (d.speedUp >= 1.05 ? QCoreApplication::translate("Diagnosis", "Why INT8 is faster, and what it still pays for: %1")
                              : QCoreApplication::translate("Diagnosis", "Why INT8 is not faster: %1"))
        .arg(diagnosisSummary(d));
}

}  // namespace ql::report
