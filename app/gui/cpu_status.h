#pragma once
// The machine facts every result is read against (CPU model, ISA oneDNN dispatches to, VNNI,
// threads, oneDNN version), as status-bar text. probeCpuStatus() creates a oneDNN context and
// may take a moment: call it off the UI thread.
#include <QString>

#include "kernels/onednn/cpu_facts.h"

namespace ql::gui {

struct CpuStatus {
    QString text;      // short, for the status bar
    QString details;   // tooltip
    bool ok = false;
};

CpuStatus probeCpuStatus();
// The same text for the facts a run reports (ISA as capped by the run's max ISA, its threads).
CpuStatus describeCpu(const kernels::onednn::CpuFacts& facts);

}  // namespace ql::gui
