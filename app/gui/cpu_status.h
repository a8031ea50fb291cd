#pragma once
// The machine facts every result is read against (CPU model, ISA oneDNN dispatches to, VNNI,
// threads, oneDNN version), as status-bar text. probeCpuStatus() creates a oneDNN context and
// may take a moment: call it off the UI thread.
#include <QString>

namespace ql::gui {

struct CpuStatus {
    QString text;      // short, for the status bar
    QString details;   // tooltip
    bool ok = false;
};

CpuStatus probeCpuStatus();

}  // namespace ql::gui
