#include "app/report/html_report.h"

#include <QCoreApplication>

#include <QBuffer>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageLayout>
#include <QPdfWriter>
#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <functional>

#include "app/report/charts.h"
#include "app/report/diagnosis_text.h"
#include "app/report/run_digest.h"

namespace ql::report {
namespace {

QString esc(const QString& s) { return s.toHtmlEscaped(); }
QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
QString ms(double v) { return QString::number(v, 'f', v < 0.1 ? 4 : 3); }
QString mib(int64_t b) { return QString::number(double(b) / (1 << 20), 'f', 2) + QStringLiteral(" MiB"); }

struct Chart {
    ChartInfo info;
    QImage image;   // rendered at 2x
    QSize logical;
    QString subtitle;  // per-layer charts: the layer
    QString anchor;    // the HTML id
};

// The per-layer charts go to the report for a few layers only (reportInsightNodes: the worst
// by SQNR, where a user looks first for a range problem); every other chart once.
std::vector<Chart> renderCharts(const session::RunResult& result, const std::vector<LayerRow>& rows) {
    std::vector<Chart> out;
    const std::vector<ir::NodeId> layers = reportInsightNodes(result, 3);
    for (const ChartInfo& info : availableCharts(result)) {
        const QSize size = preferredChartSize(info.kind, rows.size());
        ChartOptions o;
        o.title = false;  // the report's heading names it
        if (!isPerLayerChart(info.kind)) {
            out.push_back({info, renderChartImage(info.kind, result, rows, size, 2.0, o), size, {}, info.id});
            continue;
        }
        for (ir::NodeId node : layers) {
            o.node = node;
            // the subtitle as the chart draws it: one hidden plot per image
            const ChartSubtitled drawn = renderChartWithSubtitle(info.kind, result, rows, size, 2.0, o);
            out.push_back({info, drawn.image, size, drawn.subtitle, QStringLiteral("%1-%2").arg(info.id).arg(node.v)});
        }
    }
    return out;
}

// A table of label/value pairs.
QString kvTable(const std::vector<std::pair<QString, QString>>& rows) {
    QString h = QStringLiteral("<table class='kv' cellspacing='0' cellpadding='3' border='0'>");
    for (const auto& [k, v] : rows) h += QStringLiteral("<tr><th align='left'>%1</th><td>%2</td></tr>").arg(esc(k), v);
    return h + QStringLiteral("</table>");
}

void flatten(const QString& prefix, const QJsonValue& v, std::vector<std::pair<QString, QString>>& out) {
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) flatten(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), it.value(), out);
        return;
    }
    QString text;
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue& e : v.toArray()) items << (e.isString() ? e.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{e}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
        text = items.isEmpty() ? QStringLiteral("(none)") : items.join(QStringLiteral(", "));
    } else if (v.isBool()) {
        text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    } else if (v.isDouble()) {
        text = QString::number(v.toDouble(), 'g', 12);
    } else if (v.isNull()) {
        text = QStringLiteral("(auto)");
    } else {
        text = v.toString();
    }
    out.emplace_back(prefix, esc(text));
}

QString stylesheet() {
    return QStringLiteral(
        "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10pt;color:#222;margin:24px;}"
        "h1{font-size:18pt;margin-bottom:2px;} h2{font-size:13pt;margin-top:22px;border-bottom:1px solid #bbb;}"
        ".sub{color:#666;} .verdict{background:#f3f6fb;border:1px solid #c9d6ea;padding:8px;font-size:11pt;}"
        "table{border-collapse:collapse;} table.kv th{padding-right:14px;color:#444;font-weight:normal;}"
        "table.grid th{background:#e8ecf2;border:1px solid #ccd;text-align:left;}"
        "table.grid td{border:1px solid #dde;} table.grid td.n{text-align:right;}"
        "tr.ins td{color:#806000;} .bad{color:#b00020;} .good{color:#007020;}"
        ".caption{color:#555;font-size:9pt;margin-top:2px;} .warning{color:#a40000;} img{max-width:100%;height:auto;}");
}

// widthPercent: per column, 0 = as wide as its text; any given makes the table the page's width
// (the PDF's wide per-layer table wrapped its names into ten-line rows at 70 % of the page).
QString gridTable(const QStringList& header, const std::vector<QStringList>& rows, const std::vector<bool>& numeric,
                  const std::vector<QString>& rowClasses = {}, const std::vector<int>& widthPercent = {}) {
    const bool full = std::any_of(widthPercent.begin(), widthPercent.end(), [](int w) { return w > 0; });
    QString h = QStringLiteral("<table class='grid' cellspacing='0' cellpadding='3' border='1'%1><thead><tr>")
                    .arg(full ? QStringLiteral(" width='100%'") : QString());
    for (int c = 0; c < header.size(); ++c) {
        const int w = size_t(c) < widthPercent.size() ? widthPercent[size_t(c)] : 0;
        h += (w > 0 ? QStringLiteral("<th width='%1%'>").arg(w) : QStringLiteral("<th>")) + esc(header[c]) + QStringLiteral("</th>");
    }
    h += QStringLiteral("</tr></thead><tbody>");
    for (size_t r = 0; r < rows.size(); ++r) {
        const QString cls = r < rowClasses.size() && !rowClasses[r].isEmpty() ? QStringLiteral(" class='%1'").arg(rowClasses[r]) : QString();
        h += QStringLiteral("<tr%1>").arg(cls);
        for (int c = 0; c < rows[r].size(); ++c)
            h += (size_t(c) < numeric.size() && numeric[size_t(c)] ? QStringLiteral("<td class='n' align='right'>%1</td>") : QStringLiteral("<td>%1</td>"))
                     .arg(rows[r][c]);
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</tbody></table>");
}

// A row's propagated SQNR (dB), red below the threshold the SQNR chart draws; empty without one.
QString sqnrCell(const LayerRow& row) {
    if (!row.error || !row.error->propagated) return {};
    const double db = row.error->propagated->sqnrDb;
    const QString text = std::isfinite(db) ? QString::number(db, 'f', 1) : QStringLiteral("∞");
    return db < 20.0 ? QStringLiteral("<span class='bad'>%1</span>").arg(text) : text;
}

// The PDF page: A4 landscape at 110 dpi; the report's pixel sizes are this page's pixels.
constexpr int kPdfResolution = 110;
QPageLayout pdfPageLayout() {
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
}

// A chart block's height on the PDF page (heading, image, caption; the intro when there is one),
// estimated from the style sheet's sizes at kPdfResolution, with some slack.
double chartBlockHeight(int imageHeight, const QString& caption, bool intro) {
    const double captionLine = 17, charWidth = 7.5;  // 9 pt caption text, across the page
    const double captionLines = std::ceil(double(caption.size()) * charWidth / pdfPageLayout().paintRectPixels(kPdfResolution).width());
    return 40 + imageHeight + 14 + captionLines * captionLine + (intro ? 3 * 18 : 0) + 20;
}

// The whole document; `imageSrc(i)` is the <img> source of chart i.
QString buildHtml(const ReportInput& in, const std::vector<Chart>& charts, const std::vector<LayerRow>& rows, bool pdf,
                  const std::function<QString(size_t)>& imageSrc) {
    const session::RunResult& r = *in.result;
    const RunDigest d = digestRun(r);
    const auto* fp32 = r.find(runtime::Precision::Fp32);
    const auto* int8 = r.find(runtime::Precision::Int8);
    const QString model = QFileInfo(QString::fromStdString(r.model)).fileName();
    QString h;
    const QString title = QCoreApplication::translate("HtmlReport", "QuantLens report: %1").arg(esc(model));
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>%1</title><style>%2</style></head><body>\n").arg(title, stylesheet());
    h += QStringLiteral("<h1>%1</h1>\n<p class='sub'>%2 · %3</p>\n")
             .arg(title, esc(QDateTime::currentDateTime().toString(Qt::ISODate)), esc(in.generator.isEmpty() ? QStringLiteral("QuantLens") : in.generator));

    // Verdict first: the answer, then the evidence.
    QString summary = QCoreApplication::translate("HtmlReport", "Whole model (median): FP32 %1 ms · INT8 %2 ms").arg(fp32 ? ms(d.fp32Ms) : QStringLiteral("–"), int8 ? ms(d.int8Ms) : QStringLiteral("–"));
    if (d.speedUp > 0)
        summary += QStringLiteral(" · <b class='%1'>").arg(d.speedUp >= 1 ? QStringLiteral("good") : QStringLiteral("bad")) +
                   QCoreApplication::translate("HtmlReport", "speed-up %1×").arg(d.speedUp, 0, 'f', 2) + QStringLiteral("</b>");
    h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Verdict"));
    h += QStringLiteral("<table width='100%' class='verdict' cellpadding='8'><tr><td><b>%1</b><br>%2</td></tr></table>\n").arg(esc(d.verdict), summary);

    // Model.
    int fused = 0, inserted = 0, reference = 0;
    int64_t macs = 0;
    for (const LayerRow& row : rows) {
        fused += !row.inserted, inserted += row.inserted && row.int8;  // the FP32 plan's own reorders are rows too
        if (row.int8 && isReferenceStep(row.int8->step)) ++reference;
        macs += row.shown()->step.macs;
    }
    std::vector<std::pair<QString, QString>> modelRows{
        {QCoreApplication::translate("HtmlReport", "File"), esc(r.model)},
        {QCoreApplication::translate("HtmlReport", "Layers (fused graph nodes that ran)"), QString::number(fused)},
        {QCoreApplication::translate("HtmlReport", "Steps the INT8 plan inserted"), QString::number(inserted)},
        {QCoreApplication::translate("HtmlReport", "INT8 reference-kernel fallbacks"), QString::number(reference)},
        {QCoreApplication::translate("HtmlReport", "Multiply-accumulates per run"), QStringLiteral("%1 M").arg(double(macs) / 1e6, 0, 'f', 1)}};
    if (fp32 && fp32->profile.memory) modelRows.emplace_back(QCoreApplication::translate("HtmlReport", "Weights FP32"), mib(fp32->profile.memory->weightBytes));
    if (int8 && int8->profile.memory) modelRows.emplace_back(QCoreApplication::translate("HtmlReport", "Weights INT8"), mib(int8->profile.memory->weightBytes));
    if (int8 && !int8->int8Note.empty()) modelRows.emplace_back(QCoreApplication::translate("HtmlReport", "How INT8 was obtained"), esc(int8->int8Note));
    QStringList passes;
    for (const auto& p : r.passes)
        passes << QStringLiteral("%1 (%2 → %3 nodes)").arg(esc(p.pass)).arg(p.nodesBefore).arg(p.nodesAfter);
    if (!passes.isEmpty()) modelRows.emplace_back(QCoreApplication::translate("HtmlReport", "Fusion passes"), passes.join(QStringLiteral("<br>")));
    h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Model")) + kvTable(modelRows);

    // Run settings.
    std::vector<std::pair<QString, QString>> settings;
    if (!in.settingsLine.isEmpty()) settings.emplace_back(QCoreApplication::translate("HtmlReport", "Summary"), esc(in.settingsLine));
    if (!in.inputs.isEmpty()) settings.emplace_back(QCoreApplication::translate("HtmlReport", "Profiled on"), esc(in.inputs));
    flatten({}, QJsonDocument::fromJson(QByteArray::fromStdString(session::toJson(r.config))).object(), settings);
    for (const auto* p : {fp32, int8})
        if (p) settings.emplace_back(QCoreApplication::translate("HtmlReport", "%1 as run").arg(QString::fromStdString(runtime::precisionName(p->precision))),
                                     esc(QStringLiteral("%1 executor, %2 layout%3").arg(QString::fromStdString(p->executor), QString::fromStdString(runtime::layoutName(p->layout)),
                                                                                       p->sevenBitActivations ? QCoreApplication::translate("HtmlReport", ", 7-bit activations") : QString())));
    h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Run settings")) + kvTable(settings);

    // Machine.
    h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Machine")) +
         kvTable({{QCoreApplication::translate("HtmlReport", "CPU"), esc(r.cpu.cpuModel)},
                  {QCoreApplication::translate("HtmlReport", "ISA oneDNN dispatches to"), esc(r.cpu.isa)},
                  {QCoreApplication::translate("HtmlReport", "INT8 VNNI"), r.cpu.int8Vnni ? QCoreApplication::translate("HtmlReport", "yes") : QCoreApplication::translate("HtmlReport", "no (u8×s8 through 16-bit saturating products)")},
                  {QCoreApplication::translate("HtmlReport", "Threads"), QString::number(r.cpu.threads)},
                  {QCoreApplication::translate("HtmlReport", "oneDNN"), esc(r.cpu.onednnVersion)},
                  {QCoreApplication::translate("HtmlReport", "OpenMP runtime"), esc(r.cpu.openmp)},
                  {QCoreApplication::translate("HtmlReport", "Peak resident memory"), mib(r.peakRssBytes)},
                  {QCoreApplication::translate("HtmlReport", "Load average (1 minute) after the run"),
                   r.loadAverage > 0 ? QString::number(r.loadAverage, 'f', 1) : QCoreApplication::translate("HtmlReport", "unknown")}});
    // as the CLI warns: more runnable processes than the run's threads can have cores
    if (r.loadAverage > double(r.cpu.threads) + 0.5)
        h += QStringLiteral("<p class='warning'><b>%1</b></p>\n")
                 .arg(QCoreApplication::translate("HtmlReport", "Warning: the load average was %1 with %2 thread(s): other processes competed for the cores, so "
                                                                "these timings are not trustworthy. Profile again on a quiet machine.")
                          .arg(r.loadAverage, 0, 'f', 1)
                          .arg(r.cpu.threads));

    // Whole-model figures.
    {
        std::vector<QStringList> t;
        for (const auto* p : {fp32, int8}) {
            if (!p) continue;
            const auto& s = p->profile.wholeMs;
            const double overhead = s.mean > 0 ? 100.0 * (s.mean - p->profile.sumOfLayerMeansMs) / s.mean : 0;
            t.push_back({QString::fromStdString(runtime::precisionName(p->precision)), ms(s.median), ms(s.p10), ms(s.p90), ms(s.mean), ms(s.stddev),
                         QStringLiteral("[%1, %2]").arg(ms(s.ci95Low), ms(s.ci95High)), ms(s.min), ms(s.max), QString::number(s.n),
                         ms(p->profile.sumOfLayerMediansMs), QStringLiteral("%1%").arg(overhead, 0, 'f', 1)});
        }
        h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Whole-model latency (ms)"));
        h += gridTable({QCoreApplication::translate("HtmlReport", "Precision"), QCoreApplication::translate("HtmlReport", "median"), QCoreApplication::translate("HtmlReport", "p10"), QCoreApplication::translate("HtmlReport", "p90"), QCoreApplication::translate("HtmlReport", "mean"), QCoreApplication::translate("HtmlReport", "sd"),
                        QCoreApplication::translate("HtmlReport", "95% CI of median"), QCoreApplication::translate("HtmlReport", "min"), QCoreApplication::translate("HtmlReport", "max"), QCoreApplication::translate("HtmlReport", "runs"), QCoreApplication::translate("HtmlReport", "Σ step medians"),
                        QCoreApplication::translate("HtmlReport", "outside steps")},
                       t, {false, true, true, true, true, true, true, true, true, true, true, true});
        h += QStringLiteral("<p class='caption'>%1</p>\n")
                 .arg(QCoreApplication::translate("HtmlReport", "Warm-up %1, %2 timed runs; per-step times come from the same runs. \"Outside steps\" = (whole mean − Σ step means) / whole mean.")
                          .arg(r.config.warmup)
                          .arg(r.config.repeat));
    }

    // Agreement and accuracy.
    if (!r.agreement.empty()) {
        std::vector<QStringList> t;
        for (const auto& a : r.agreement)
            t.push_back({esc(a.output), QString::number(a.cosine, 'f', 6), QString::number(a.sqnrDb, 'f', 2), QString::number(a.maxAbsError, 'g', 4),
                         a.sameArgmax ? QCoreApplication::translate("HtmlReport", "yes") : QStringLiteral("<b class='bad'>%1</b>").arg(QCoreApplication::translate("HtmlReport", "no"))});
        h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Outputs: INT8 against FP32"));
        h += gridTable({QCoreApplication::translate("HtmlReport", "Output"), QCoreApplication::translate("HtmlReport", "cosine"), QCoreApplication::translate("HtmlReport", "SQNR dB"), QCoreApplication::translate("HtmlReport", "max |error|"), QCoreApplication::translate("HtmlReport", "same top-1")}, t,
                       {false, true, true, true, false});
    }
    if (in.fp32Eval || in.int8Eval) {
        std::vector<QStringList> t;
        for (const auto& e : {in.fp32Eval, in.int8Eval})
            if (e)
                t.push_back({QString::fromStdString(runtime::precisionName(e->precision)), QString::number(100 * e->top1, 'f', 2) + QLatin1Char('%'),
                             QString::number(100 * e->top5, 'f', 2) + QLatin1Char('%'), QString::number(e->images), esc(e->split)});
        h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Accuracy"));
        h += gridTable({QCoreApplication::translate("HtmlReport", "Precision"), QCoreApplication::translate("HtmlReport", "top-1"), QCoreApplication::translate("HtmlReport", "top-5"), QCoreApplication::translate("HtmlReport", "images"), QCoreApplication::translate("HtmlReport", "split")}, t,
                       {false, true, true, true, false});
    }

    // Diagnosis.
    if (int8) {
        std::vector<QStringList> t;
        auto share = [&](double v) { return d.int8StepsMs > 0 ? QStringLiteral("%1%").arg(100 * v / d.int8StepsMs, 0, 'f', 1) : QString(); };
        t.push_back({QCoreApplication::translate("HtmlReport", "int8 kernels"), QString::number(d.int8KernelSteps), ms(d.int8KernelMs), share(d.int8KernelMs)});
        t.push_back({QCoreApplication::translate("HtmlReport", "inserted reorders / quantize"), QString::number(d.insertedSteps), ms(d.insertedMs), share(d.insertedMs)});
        t.push_back({QCoreApplication::translate("HtmlReport", "reference fallbacks"), QString::number(d.referenceSteps), ms(d.referenceMs), share(d.referenceMs)});
        t.push_back({QCoreApplication::translate("HtmlReport", "layers left in f32"), QString::number(d.f32Steps), ms(d.f32Ms), share(d.f32Ms)});
        h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Where the INT8 time goes"));
        h += gridTable({QCoreApplication::translate("HtmlReport", "Kind of step"), QCoreApplication::translate("HtmlReport", "steps"), QCoreApplication::translate("HtmlReport", "Σ medians ms"), QCoreApplication::translate("HtmlReport", "share")}, t, {false, true, true, true});
        h += QStringLiteral("<p class='caption'>%1</p>\n").arg(QCoreApplication::translate("HtmlReport", "ISA %1, %2%3.").arg(esc(d.isa), d.vnni ? QCoreApplication::translate("HtmlReport", "VNNI") : QCoreApplication::translate("HtmlReport", "no VNNI"),
                                                                                                d.sevenBit ? QCoreApplication::translate("HtmlReport", ", 7-bit activations") : QString()));
    }
    if (const Int8Diagnosis dx = diagnoseInt8(r); dx.available) {
        h += QStringLiteral("<h2>%1</h2>\n<p class='verdict'>%2</p>\n<ol>")
                 .arg(dx.speedUp >= 1.05 ? QCoreApplication::translate("HtmlReport", "Why INT8 is faster, and what it still pays for")
                                         : QCoreApplication::translate("HtmlReport", "Why INT8 is not faster"),
                      esc(diagnosisSummary(dx)));
        for (const DiagnosisCause& c : dx.causes) {
            QStringList nodes;
            for (const auto& n : c.nodes) nodes << esc(n);
            const QString cost = c.ms > 0 ? QStringLiteral(" — %1 ms (%2%)").arg(ms(c.ms)).arg(100 * causeShare(c, dx), 0, 'f', 0) : QString();
            h += QStringLiteral("<li><b>%1</b>%2<br>%3").arg(esc(causeTitle(c)), cost, esc(causeText(c, dx)));
            if (!nodes.isEmpty()) h += QStringLiteral("<br><span class='caption'>%1</span>").arg(QCoreApplication::translate("HtmlReport", "Nodes: %1").arg(nodes.join(QStringLiteral(", "))));
            h += QStringLiteral("<br><i>%1</i></li>\n").arg(esc(QCoreApplication::translate("HtmlReport", "Fix: %1").arg(causeFix(c))));
        }
        if (dx.causes.empty()) h += QStringLiteral("<li>%1</li>").arg(QCoreApplication::translate("HtmlReport", "Nothing but int8 kernels: the INT8 time is the kernels' own."));
        h += QStringLiteral("</ol>\n");
    }

    // Charts.
    // PDF: the charts start a page (their heading with them: alone it ended the page before) and
    // share pages while they fit. QTextDocument cannot keep a heading with its image, so the page
    // breaks are placed here from each block's estimated height.
    const double chartsHeading = 40;
    h += QStringLiteral("<h2%1>%2</h2>\n").arg(pdf ? QStringLiteral(" style='page-break-before:always'") : QString(), QCoreApplication::translate("HtmlReport", "Charts"));
    const double pageHeight = 0.96 * pdfPageLayout().paintRectPixels(kPdfResolution).height();
    double pageUsed = chartsHeading;
    for (size_t i = 0; i < charts.size(); ++i) {
        const Chart& c = charts[i];
        // PDF: small enough that two charts with their titles and captions share an A4 landscape page
        int width = pdf ? std::min(c.logical.width(), 760) : c.logical.width();
        int height = c.logical.height() * width / std::max(1, c.logical.width());
        if (const double room = pageHeight / 2 - chartBlockHeight(0, c.info.caption, false); pdf && height > room) {
            width = int(width * room / height);
            height = int(room);
        }
        const bool hasIntro = !c.subtitle.isEmpty() && (i == 0 || charts[i - 1].subtitle.isEmpty());
        const double block = chartBlockHeight(height, c.info.caption, hasIntro);
        const bool newPage = pdf && pageUsed + block > pageHeight;
        pageUsed = newPage ? block : pageUsed + block;
        const QString heading = newPage ? QStringLiteral("<h3 style='page-break-before:always'>") : QStringLiteral("<h3>");
        const QString title = c.subtitle.isEmpty() ? c.info.title : c.info.title + QStringLiteral(": ") + c.subtitle;
        // before the first per-layer chart, after its heading (a PDF page starts at the heading): why these layers
        QString intro;
        if (hasIntro)
            intro = QStringLiteral("<p>%1</p>").arg(esc(
                r.comparison ? QCoreApplication::translate("HtmlReport", "Calibration ranges and weight channels of the convolutions and linear layers with the worst "
                                                                         "SQNR: where an INT8 error starts, a clipped or too wide range or a per-tensor weight scale "
                                                                         "is the first suspect. The app shows them for any selected layer.")
                             : QCoreApplication::translate("HtmlReport", "Calibration ranges and weight channels of the convolutions and linear layers whose INT8 "
                                                                         "range clips most of the observed one: where the choice of method matters most. The app "
                                                                         "shows them for any selected layer.")));
        h += QStringLiteral("<div class='chart' id='%1'>%7%2</h3>%8<p><img src='%3' width='%4' height='%5' alt='%2'></p><p class='caption'>%6</p></div>\n")
                 .arg(c.anchor, esc(title), imageSrc(i))
                 .arg(width)
                 .arg(height)
                 .arg(esc(c.info.caption), heading, intro);
    }

    // Every row (with the layer's INT8 error when the layers were compared).
    {
        const bool compared = r.comparison != nullptr;
        std::vector<QStringList> t;
        std::vector<QString> classes;
        int n = 0;
        for (const LayerRow& row : rows) {
            const runtime::StepInfo& s = row.shown()->step;
            const double sp = row.speedUp();
            QString impl = esc(s.impl);
            if (!s.fallbackReason.empty()) impl += QStringLiteral("<br><span class='bad'>%1</span>").arg(esc(s.fallbackReason));
            QStringList cells{QString::number(++n), esc(row.name), esc(row.op), esc(row.fusedFrom == row.name ? QString() : row.fusedFrom),
                              row.fp32 ? ms(row.fp32->ms.median) : QString(), row.int8 ? ms(row.int8->ms.median) : QString(),
                              sp > 0 ? QStringLiteral("<span class='%1'>%2×</span>").arg(sp >= 1 ? QStringLiteral("good") : QStringLiteral("bad")).arg(sp, 0, 'f', 2) : QString()};
            if (compared) cells << sqnrCell(row);
            cells << (s.macs ? QString::number(double(s.macs) / 1e6, 'f', 2) : QString()) << (s.weightBytes ? QString::number(double(s.weightBytes) / 1024, 'f', 1) : QString())
                  << (s.outputBytes ? QString::number(double(s.outputBytes) / 1024, 'f', 1) : QString()) << impl << esc(s.format) << esc(s.dtype);
            t.push_back(cells);
            classes.push_back(row.inserted ? QStringLiteral("ins") : QString());
        }
        h += QStringLiteral("<h2>%1</h2>\n").arg(QCoreApplication::translate("HtmlReport", "Per-layer results (%n row(s), INT8 plan order)", nullptr, int(rows.size())));
        h += QStringLiteral("<p class='caption'>%1</p>\n").arg(QCoreApplication::translate("HtmlReport", "Medians in ms; weights and output in KiB; impl, format and dtype as the INT8 plan runs the step (FP32 when it has no INT8 step). Rows in brown were inserted by the plan."));
        if (compared)
            h += QStringLiteral("<p class='caption'>%1</p>\n").arg(QCoreApplication::translate("HtmlReport", "SQNR: the layer's INT8 output against its FP32 output with the whole network in INT8, in dB; below 20 dB in red."));
        QStringList header{QStringLiteral("#"), QCoreApplication::translate("HtmlReport", "Layer"), QCoreApplication::translate("HtmlReport", "Op"), QCoreApplication::translate("HtmlReport", "Fused from"), QCoreApplication::translate("HtmlReport", "FP32 ms"), QCoreApplication::translate("HtmlReport", "INT8 ms"),
                           QCoreApplication::translate("HtmlReport", "Speed-up")};
        std::vector<bool> numeric{true, false, false, false, true, true, true};
        // narrow numeric columns take whole words: a header word wider than its column broke mid-word in the PDF
        std::vector<int> widths{3, 17, 7, 18, 5, 5, 6};
        if (compared) header << QCoreApplication::translate("HtmlReport", "SQNR dB"), numeric.push_back(true), widths = {3, 16, 7, 15, 5, 5, 6, 5};
        header << QCoreApplication::translate("HtmlReport", "MMACs") << QCoreApplication::translate("HtmlReport", "Weights KiB") << QCoreApplication::translate("HtmlReport", "Output KiB")
               << QCoreApplication::translate("HtmlReport", "Impl") << QCoreApplication::translate("HtmlReport", "Format") << QCoreApplication::translate("HtmlReport", "Dtype");
        numeric.insert(numeric.end(), {true, true, true, false, false, false});
        widths.insert(widths.end(), {6, 6, 6, compared ? 9 : 10, 6, 5});
        h += gridTable(header, t, numeric, classes, widths);
    }
    h += QStringLiteral("\n</body></html>\n");
    return h;
}

// QTextDocument has no page-break-inside or keep-with-next: a heading in the last stretch of a
// page (room for little more than itself) starts the next page instead. Laid out heading by
// heading, as each break moves what follows.
void keepHeadingsWithNext(QTextDocument& doc) {
    const double page = doc.pageSize().height();
    if (page <= 0) return;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() == 0) continue;
        (void)doc.pageCount();  // lays the whole document out: blocks not laid out yet have empty rects
        const QRectF r = doc.documentLayout()->blockBoundingRect(b);
        const double top = std::fmod(r.top(), page);
        if (top + r.height() + 0.12 * page <= page) continue;
        QTextBlockFormat f = b.blockFormat();
        f.setPageBreakPolicy(f.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(b).setBlockFormat(f);
    }
}

}  // namespace

QString reportHtml(const ReportInput& input) {
    const auto rows = buildLayerRows(*input.result);
    const auto charts = renderCharts(*input.result, rows);
    return buildHtml(input, charts, rows, false, [&charts](size_t i) {
        return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(imagePng(charts[i].image).toBase64());
    });
}

QByteArray reportPdf(const ReportInput& input) {
    const auto rows = buildLayerRows(*input.result);
    const auto charts = renderCharts(*input.result, rows);
    QTextDocument doc;
    for (size_t i = 0; i < charts.size(); ++i)
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart%1.png").arg(i)), charts[i].image);
    doc.setHtml(buildHtml(input, charts, rows, true, [](size_t i) { return QStringLiteral("chart%1.png").arg(i); }));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageLayout(pdfPageLayout());
    writer.setResolution(kPdfResolution);
    writer.setTitle(QCoreApplication::translate("HtmlReport", "QuantLens report: %1").arg(QFileInfo(QString::fromStdString(input.result->model)).fileName()));
    writer.setCreator(input.generator.isEmpty() ? QStringLiteral("QuantLens") : input.generator);
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    keepHeadingsWithNext(doc);
    doc.print(&writer);
    buffer.close();
    return bytes;
}

std::optional<ReportFormat> reportFormatFor(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) return ReportFormat::Html;
    if (suffix == QLatin1String("pdf")) return ReportFormat::Pdf;
    return std::nullopt;
}

QString reportPathProblem(const QString& path) {
    if (reportFormatFor(path)) return {};
    return QCoreApplication::translate("HtmlReport", "%1: a report is written as HTML (.html, .htm) or PDF (.pdf); name the file so").arg(path);
}

QString writeReport(const ReportInput& input, const QString& path, Overwrite overwrite) {
    if (!input.result) return QCoreApplication::translate("HtmlReport", "no run result to report");
    const auto format = reportFormatFor(path);
    if (!format) return reportPathProblem(path);
    if (QFileInfo::exists(path) && overwrite == Overwrite::Refuse) return QCoreApplication::translate("HtmlReport", "%1 exists; not overwritten").arg(path);
    const QByteArray bytes = *format == ReportFormat::Pdf ? reportPdf(input) : reportHtml(input).toUtf8();
    if (bytes.isEmpty()) return QCoreApplication::translate("HtmlReport", "cannot render the report for %1").arg(path);
    return writeFileSafely(path, bytes, overwrite);
}

}  // namespace ql::report
