#include "app/gui/command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace ql::gui {

CommandLineOptions parseCommandLine(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "QuantLens: int8 quantization profiler for ONNX classifiers"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("model"), QCoreApplication::translate("main", "ONNX model to open"), QStringLiteral("[MODEL]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QCoreApplication::translate("main", "Save a PNG of the main window once the graphs are drawn."),
                                        QStringLiteral("FILE.png"));
    const QCommandLineOption quit(QStringLiteral("quit"), QCoreApplication::translate("main", "Exit after opening (and the screenshot)."));
    parser.addOption(screenshot);
    parser.addOption(quit);
    parser.process(arguments);

    CommandLineOptions o;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) o.error = QCoreApplication::translate("main", "expected at most one model, got %1").arg(positional.size());
    if (!positional.isEmpty()) o.model = positional.front();
    o.screenshot = parser.value(screenshot);
    o.quit = parser.isSet(quit);
    return o;
}

}  // namespace ql::gui
