// quantlens: the desktop app.
// `quantlens [MODEL] [--dataset DIR] [--run] [--report FILE.html|FILE.pdf [--force]] [--chart ID] [--screenshot FILE.png] [--quit]`.
#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSaveFile>
#include <QIcon>
#include <QTimer>
#include <cstdio>
#include <string>

#include "app/gui/command_line.h"
#include "app/gui/language.h"
#include "app/gui/bench_page.h"
#include "app/gui/main_window.h"

namespace {

void nameApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("QuantLens"));
    QCoreApplication::setApplicationName(QStringLiteral("QuantLens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QL_VERSION));
}

// --help and --version print and exit: they must work without a display, before QApplication
// (which aborts when it finds no platform to show windows on).
bool asksForHelpOrVersion(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-?" || a == "-v" || a == "--version") return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        ql::gui::applyUiLanguage(ql::gui::storedUiLanguage());
        ql::gui::parseCommandLine(QCoreApplication::arguments());  // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/quantlens.svg")));
    // The stored language (Language menu), else the system locale's (LANG=de_DE.UTF-8 -> German).
    ql::gui::applyUiLanguage(ql::gui::storedUiLanguage());

    const ql::gui::CommandLineOptions options = ql::gui::parseCommandLine(QApplication::arguments());
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "quantlens: %s\n", qPrintable(options.error));
        return 2;
    }
    if (!options.dataset.isEmpty() && !QFileInfo(options.dataset).isDir()) {
        std::fprintf(stderr, "quantlens: --dataset %s: not a folder\n", qPrintable(options.dataset));
        return 2;
    }

    using ql::gui::MainWindow;
    MainWindow window;
    if (!options.dataset.isEmpty()) window.setDatasetOverride(options.dataset);
    window.show();

    int exitCode = 0;
    bool finished = false;
    QWidget* shotTarget = &window;  // the Benchmark window with --bench
    QElapsedTimer clock;
    clock.start();
    // Automation: once the graphs are drawn (and, with --run, the results are in) or something
    // failed, write the screenshot, then quit.
    auto finish = [&shotTarget, &options, &exitCode, &finished] {
        if (finished) return;
        finished = true;
        // a failed load or run writes nothing; the file appears whole or not at all
        if (!options.screenshot.isEmpty() && exitCode == 0) {
            QSaveFile file(options.screenshot);
            if (!file.open(QIODevice::WriteOnly) || !shotTarget->grab().save(&file, QFileInfo(options.screenshot).suffix().toLatin1().constData()) ||
                !file.commit()) {
                std::fprintf(stderr, "quantlens: cannot write %s: %s\n", qPrintable(options.screenshot), qPrintable(file.errorString()));
                exitCode = 1;
            } else {
                std::fprintf(stderr, "quantlens: wrote %s\n", qPrintable(options.screenshot));
            }
        } else if (!options.screenshot.isEmpty()) {
            std::fprintf(stderr, "quantlens: no screenshot written (it failed)\n");
        }
        if (options.quit) QApplication::exit(exitCode);
    };
    const bool automate = !options.screenshot.isEmpty() || options.quit;
    bool runStarted = false;
    if (options.run) {
        QObject::connect(&window, &MainWindow::modelDrawn, &window, [&window, &runStarted, &clock] {
            if (runStarted) return;
            runStarted = true;
            clock.restart();
            window.startRun();
        });
        QObject::connect(&window, &MainWindow::runFinished, &window, [&window, &clock, &options, &exitCode, automate, finish] {
            std::fprintf(stderr, "quantlens: run finished, results shown %.1f s after the run started\n%s\n", double(clock.elapsed()) / 1000,
                         qPrintable(window.resultHeaderText()));
            // The screenshot should say where the time goes: colour by INT8 latency.
            window.setColorMode(MainWindow::ColorMode::Int8Latency);
            window.selectFusedNode(window.slowestLayer());   // the inspector shows its run figures
            if (!options.chart.isEmpty() && !window.showChart(options.chart)) {
                std::fprintf(stderr, "quantlens: no chart '%s' for this run\n", qPrintable(options.chart));
                exitCode = 1;
            }
            if (!options.report.isEmpty()) {
                const QString error = window.exportReport(options.report, options.force ? ql::report::Overwrite::Replace : ql::report::Overwrite::Refuse);
                if (error.isEmpty()) {
                    std::fprintf(stderr, "quantlens: wrote %s\n", qPrintable(options.report));
                } else {
                    std::fprintf(stderr, "quantlens: %s%s\n", qPrintable(error), !options.force && error.contains(QLatin1String("exists")) ? " (use --force to replace it)" : "");
                    exitCode = 1;
                }
            }
            if (automate) QTimer::singleShot(500, finish);
        });
        QObject::connect(&window, &MainWindow::runFailed, &window, [&exitCode, automate, finish](const QString& message) {
            std::fprintf(stderr, "quantlens: run failed: %s\n", qPrintable(message));
            exitCode = 1;
            if (automate) QTimer::singleShot(300, finish);
        });
    }
    if (automate) {
        // A short delay lets the window paint once more after the last layout (fonts, docks).
        if (!options.run)
            QObject::connect(&window, &MainWindow::modelDrawn, &window, [finish] { QTimer::singleShot(300, finish); });
        QObject::connect(&window, &MainWindow::loadFailed, &window, [&exitCode, finish](const QString& message) {
            std::fprintf(stderr, "quantlens: %s\n", qPrintable(message));
            exitCode = 2;  // a model that does not load is bad input, as in the CLI
            QTimer::singleShot(300, finish);
        });
        if (options.model.isEmpty()) QTimer::singleShot(500, finish);
        // Never hang a script: give up after two minutes (ten with a run).
        QTimer::singleShot(options.run ? 600000 : 120000, &window, [&window, &exitCode, finish] {
            std::fprintf(stderr, "quantlens: timed out waiting for the %s\n", window.isRunning() ? "run" : "graphs to be drawn");
            window.cancelRun();
            exitCode = 3;
            finish();
        });
    }
    if (!options.bench.isEmpty()) {
        ql::gui::BenchPage* page = window.openBenchmark(options.bench);
        if (!page->errorText().isEmpty()) {
            std::fprintf(stderr, "quantlens: --bench: %s\n", qPrintable(page->errorText()));
            return 2;
        }
        shotTarget = page;
    }
    if (!options.model.isEmpty()) window.openModel(options.model);
    const int rc = QApplication::exec();
    return exitCode ? exitCode : rc;
}
