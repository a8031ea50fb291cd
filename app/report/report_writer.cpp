#include "app/report/report_writer.h"

#include <QApplication>
#include <cstdlib>
#include <memory>

#include "app/report/html_report.h"

namespace ql::report {

Status writeReportFile(const session::RunResultPtr& result, const ReportFileRequest& request) {
    if (!result) return Status::error("report: no result");
    if (!request.overwrite && std::filesystem::exists(request.path))
        return Status::error(request.path.string() + " exists; not overwritten (use --force to replace it)");
    std::unique_ptr<QApplication> app;
    static int argc = 1;
    static char name[] = "quantlens-report";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) {
        if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
        app = std::make_unique<QApplication>(argc, argv);
    } else if (!qobject_cast<QApplication*>(QCoreApplication::instance())) {
        return Status::internal("report: needs a QApplication (charts are widgets), not a QCoreApplication");
    }
    ReportInput input;
    input.result = result;
    input.inputs = QString::fromStdString(request.inputs);
    input.generator = QString::fromStdString(request.generator);
    const QString error = writeReport(input, QString::fromStdString(request.path.string()),
                                      request.overwrite ? Overwrite::Replace : Overwrite::Refuse);
    if (!error.isEmpty()) return Status::error(error.toStdString());
    return Status::ok();
}

}  // namespace ql::report
