#include "app/report/offscreen_app.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace ql::report {

Expected<std::unique_ptr<QApplication>> ensureWidgetApplication(const char* who) {
    static int argc = 1;
    static char name[] = "quantlens-report";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) {
        if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
        if (!std::getenv("XDG_RUNTIME_DIR")) {  // headless sessions have none; Qt would warn on every run
            const std::string dir = "/tmp/runtime-" + std::to_string(getuid());
            mkdir(dir.c_str(), 0700);
            setenv("XDG_RUNTIME_DIR", dir.c_str(), 0);
        }
        return std::make_unique<QApplication>(argc, argv);
    }
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return Status::internal(std::string(who) + ": needs a QApplication (charts are widgets), not a QCoreApplication");
    return std::unique_ptr<QApplication>();
}

}  // namespace ql::report
