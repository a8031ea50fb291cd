#pragma once
// The run report: one self-contained HTML file (charts embedded as base64 PNG, no scripts, no
// external links) and the same content as a PDF (QTextDocument printed by QPdfWriter, A4
// landscape). Sections: verdict, model, run settings (the RunConfig), machine, whole-model
// figures with confidence intervals, output agreement, accuracy (when evaluated), where the
// INT8 time goes, the charts, every row of the per-layer table. Needs a QApplication (charts
// render through hidden QCustomPlot widgets; offscreen is fine).
#include <QByteArray>
#include <QString>
#include <optional>

#include "app/report/safe_write.h"
#include "core/session/workflows.h"

namespace ql::report {

struct ReportInput {
    session::RunResultPtr result;
    std::optional<session::EvalResult> fp32Eval, int8Eval;
    QString inputs;        // what the profile ran on ("random, seed 0")
    QString settingsLine;  // the app's one-line settings summary, if any
    QString generator;     // "QuantLens 0.1.0 (quantlens-cli)"
};

QString reportHtml(const ReportInput& input);
QByteArray reportPdf(const ReportInput& input);

// The report a file name asks for, by its extension (any case): .html / .htm or .pdf; none else.
enum class ReportFormat { Html, Pdf };
std::optional<ReportFormat> reportFormatFor(const QString& path);
// A message naming `path` when it is not a report's file name, else empty.
QString reportPathProblem(const QString& path);

// By extension (reportFormatFor; other names are refused). Empty on success, else the message.
QString writeReport(const ReportInput& input, const QString& path, Overwrite overwrite);

}  // namespace ql::report
