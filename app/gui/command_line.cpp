#include "app/gui/command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>

#include "app/report/charts.h"
#include "app/report/html_report.h"
#include "core/util/atomic_file.h"

namespace ql::gui {

CommandLineOptions parseCommandLine(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "QuantLens: int8 quantization profiler for ONNX classifiers"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("model"), QCoreApplication::translate("main", "ONNX model to open"), QStringLiteral("[MODEL]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QCoreApplication::translate("main", "Save a PNG of the main window once the graphs are drawn (after the results with --run)."),
                                        QStringLiteral("FILE.png"));
    const QCommandLineOption quit(QStringLiteral("quit"), QCoreApplication::translate("main", "Exit after opening (and the screenshot)."));
    const QCommandLineOption dataset(QStringLiteral("dataset"),
                                     QCoreApplication::translate("main", "Also measure top-1/top-5 on this Fashion-MNIST IDX folder."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption run(QStringLiteral("run"), QCoreApplication::translate("main", "Run FP32 vs INT8 once the model is open."));
    const QCommandLineOption report(QStringLiteral("report"),
                                    QCoreApplication::translate("main", "With --run: write the report (FILE.html or FILE.pdf) once the results are in."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"), QCoreApplication::translate("main", "Replace existing --report and --screenshot files."));
    const QCommandLineOption bench(QStringLiteral("bench"),
                                   QCoreApplication::translate("main", "Open this `quantlens-cli bench` output folder in the Benchmark window (the screenshot is then of that window)."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption chart(QStringLiteral("chart"),
                                   QCoreApplication::translate("main", "With --run: show this chart in the Charts tab once the results are in (layer-latency, "
                                                                       "int8-causes, memory-timeline, activation-histogram, weight-channels, ...), for the "
                                                                       "screenshot; per-layer charts show the slowest layer."),
                                   QStringLiteral("ID"));
    parser.addOption(chart);
    parser.addOption(bench);
    parser.addOption(dataset);
    parser.addOption(report);
    parser.addOption(force);
    parser.addOption(run);
    parser.addOption(screenshot);
    parser.addOption(quit);
    parser.process(arguments);

    CommandLineOptions o;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) o.error = QCoreApplication::translate("main", "expected at most one model, got %1").arg(positional.size());
    if (!positional.isEmpty()) o.model = positional.front();
    o.screenshot = parser.value(screenshot);
    o.dataset = parser.value(dataset);
    o.bench = parser.value(bench);
    o.run = parser.isSet(run);
    if (o.run && o.model.isEmpty()) o.error = QCoreApplication::translate("main", "--run needs a model");
    o.report = parser.value(report);
    o.force = parser.isSet(force);
    if (!o.report.isEmpty() && !o.run) o.error = QCoreApplication::translate("main", "--report needs --run");
    if (!o.report.isEmpty() && o.error.isEmpty()) o.error = report::reportPathProblem(o.report);
    o.chart = parser.value(chart);
    if (!o.chart.isEmpty() && !o.run) o.error = QCoreApplication::translate("main", "--chart needs --run");
    if (!o.chart.isEmpty() && !report::allChartIds().contains(o.chart) && o.error.isEmpty())
        o.error = QCoreApplication::translate("main", "--chart %1: no such chart; one of %2").arg(o.chart, report::allChartIds().join(QLatin1String(", ")));
    o.quit = parser.isSet(quit);
    // Output files are checked before the window opens and the run starts, as the CLI does:
    // writable, a format that exists, and an existing file only replaced with --force.
    if (o.error.isEmpty() && !o.screenshot.isEmpty()) {
        const QByteArray suffix = QFileInfo(o.screenshot).suffix().toLower().toLatin1();
        if (!QImageWriter::supportedImageFormats().contains(suffix))
            o.error = QCoreApplication::translate("main", "--screenshot %1: not an image file name (.png, .jpg, .bmp, ...)").arg(o.screenshot);
        else if (Status st = checkOutput(QFile::encodeName(o.screenshot).toStdString(), "--screenshot", o.force); !st)
            o.error = QString::fromStdString(st.message());
    }
    if (o.error.isEmpty() && !o.report.isEmpty())
        if (Status st = checkOutput(QFile::encodeName(o.report).toStdString(), "--report", o.force); !st) o.error = QString::fromStdString(st.message());
    return o;
}

}  // namespace ql::gui
