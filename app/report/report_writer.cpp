#include "app/report/report_writer.h"

#include "app/report/html_report.h"
#include "app/report/offscreen_app.h"

namespace ql::report {

Status checkReportPath(const std::filesystem::path& path) {
    const QString problem = reportPathProblem(QString::fromStdString(path.string()));
    return problem.isEmpty() ? Status::ok() : Status::error(problem.toStdString());
}

Status writeReportFile(const session::RunResultPtr& result, const ReportFileRequest& request) {
    if (!result) return Status::error("report: no result");
    if (!request.overwrite && std::filesystem::exists(request.path))
        return Status::error(request.path.string() + " exists; not overwritten (use --force to replace it)");
    auto app = ensureWidgetApplication("report");
    if (!app) return app.status();
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
