// quantlens: the desktop app. `quantlens [MODEL] [--screenshot FILE.png] [--quit]`.
#include <QApplication>
#include <QIcon>
#include <QTimer>
#include <cstdio>

#include "app/gui/command_line.h"
#include "app/gui/main_window.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("QuantLens"));
    QApplication::setApplicationName(QStringLiteral("QuantLens"));
    QApplication::setApplicationVersion(QStringLiteral(QL_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/quantlens.svg")));

    const ql::gui::CommandLineOptions options = ql::gui::parseCommandLine(QApplication::arguments());
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "quantlens: %s\n", qPrintable(options.error));
        return 2;
    }

    ql::gui::MainWindow window;
    window.show();

    int exitCode = 0;
    // Automation: once the graphs are drawn (or loading failed), write the screenshot, then quit.
    auto finish = [&window, &options, &exitCode] {
        if (!options.screenshot.isEmpty()) {
            if (!window.grab().save(options.screenshot)) {
                std::fprintf(stderr, "quantlens: cannot write %s\n", qPrintable(options.screenshot));
                exitCode = 1;
            } else {
                std::fprintf(stderr, "quantlens: wrote %s\n", qPrintable(options.screenshot));
            }
        }
        if (options.quit) QApplication::exit(exitCode);
    };
    const bool automate = !options.screenshot.isEmpty() || options.quit;
    if (automate) {
        // A short delay lets the window paint once more after the last layout (fonts, docks).
        QObject::connect(&window, &ql::gui::MainWindow::modelDrawn, &window, [finish] { QTimer::singleShot(300, finish); });
        QObject::connect(&window, &ql::gui::MainWindow::loadFailed, &window, [&exitCode, finish](const QString& message) {
            std::fprintf(stderr, "quantlens: %s\n", qPrintable(message));
            exitCode = 1;
            QTimer::singleShot(300, finish);
        });
        if (options.model.isEmpty()) QTimer::singleShot(500, finish);
        // Never hang a script: give up after two minutes.
        QTimer::singleShot(120000, &window, [&exitCode, finish] {
            std::fprintf(stderr, "quantlens: timed out waiting for the graphs to be drawn\n");
            exitCode = 3;
            finish();
        });
    }
    if (!options.model.isEmpty()) window.openModel(options.model);
    const int rc = QApplication::exec();
    return exitCode ? exitCode : rc;
}
