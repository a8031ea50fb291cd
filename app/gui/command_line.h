#pragma once
// `quantlens [MODEL] [--screenshot FILE.png] [--quit]`.
#include <QString>
#include <QStringList>

namespace ql::gui {

struct CommandLineOptions {
    QString model;        // "" = start empty
    QString screenshot;   // written once the graphs are drawn
    bool quit = false;    // exit after opening (and the screenshot)
    QString error;        // non-empty: print and exit with status 2
};

// Handles --help / --version itself (prints and exits), like QCommandLineParser::process.
CommandLineOptions parseCommandLine(const QStringList& arguments);

}  // namespace ql::gui
