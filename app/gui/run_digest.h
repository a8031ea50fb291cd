#pragma once
// The app's view of a run digest (app/report/run_digest.h, shared with the report): the rich-text
// header above the per-layer table.
#include <QString>

#include "app/gui/run_job.h"
#include "app/report/run_digest.h"

namespace ql::gui {

using report::RunDigest;
using report::digestRun;
using report::isReferenceStep;

// The header above the per-layer table (rich text): settings line, whole-model figures,
// output agreement, accuracy, verdict.
// What the run fed the model (RunOutcome::inputs, written by the Qt-free run_job) in the UI language.
QString describeInputs(const std::string& inputs);
QString resultHeaderHtml(const RunOutcome& outcome, const RunDigest& digest, const QString& settingsLine);

}  // namespace ql::gui
