#pragma once
// `quantlens [MODEL] [--bench DIR] [--dataset DIR] [--run] [--report FILE.html|FILE.pdf [--force]] [--chart ID] [--screenshot FILE.png] [--quit]`.
#include <QString>
#include <QStringList>

namespace ql::gui {

struct CommandLineOptions {
    QString model;        // "" = start empty
    QString bench;        // a bench output folder to open in the Benchmark window
    QString dataset;      // evaluate top-1/top-5 on this Fashion-MNIST folder (not stored)
    bool run = false;     // run FP32 vs INT8 once the model is drawn
    QString screenshot;   // written once the graphs are drawn (after the results with --run)
    QString report;       // with --run: the HTML/PDF report, written when the results are in
    QString chart;        // with --run: the chart (ChartInfo::id) to show in the Charts tab
    bool force = false;   // replace an existing report file
    bool quit = false;    // exit after opening (and the screenshot)
    QString error;        // non-empty: print and exit with status 2
};

// Handles --help / --version itself (prints and exits), like QCommandLineParser::process.
CommandLineOptions parseCommandLine(const QStringList& arguments);

}  // namespace ql::gui
