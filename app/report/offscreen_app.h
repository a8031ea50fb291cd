#pragma once
// Rendering charts needs a QApplication (QCustomPlot is a widget). Front ends without one (the
// CLI) get a temporary one on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include <QApplication>
#include <memory>

#include "core/util/status.h"

namespace ql::report {

// Null when a QApplication already exists; an error when only a QCoreApplication does.
Expected<std::unique_ptr<QApplication>> ensureWidgetApplication(const char* who);

}  // namespace ql::report
