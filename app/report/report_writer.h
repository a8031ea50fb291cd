#pragma once
// The report for front ends without Qt in their headers (quantlens-cli): writes the HTML or PDF
// report of `result` to `path`. When no QApplication exists it creates one for the call, on the
// offscreen platform unless QT_QPA_PLATFORM says otherwise, so it works without a display.
#include <filesystem>
#include <string>

#include "core/session/run_result.h"
#include "core/util/status.h"

namespace ql::report {

struct ReportFileRequest {
    std::filesystem::path path;   // .html / .htm or .pdf
    bool overwrite = false;       // an existing file is an error unless set (--force)
    std::string inputs;           // what the profile ran on
    std::string generator;        // "quantlens-cli 0.1.0"
};

// An error naming `path` unless its extension names a report format (.html, .htm, .pdf): front
// ends check before a long run, not after it.
Status checkReportPath(const std::filesystem::path& path);
Status writeReportFile(const session::RunResultPtr& result, const ReportFileRequest& request);

}  // namespace ql::report
