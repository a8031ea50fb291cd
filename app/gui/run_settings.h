#pragma once
// What the settings panel edits: the core RunConfig (stored in QSettings as its JSON, so a
// saved config can be shared with `quantlens-cli`) plus the app's data-set choices, which the
// core passes per request rather than in the config. One-line summaries say how a result was
// made, for the results header, the window title and screenshots.
#include <QSettings>
#include <QString>
#include <QStringList>

#include "core/session/run_config.h"

namespace ql::gui {

struct RunSettings {
    session::RunConfig config;
    QString dataDir = QStringLiteral("/usr/share/datasets/fashion-mnist");  // Fashion-MNIST IDX
    bool evaluate = false;        // top-1/top-5 in FP32 and INT8 on the data set
    int evalImages = 1000;        // 0 = the whole t10k split
    bool operator==(const RunSettings&) const = default;
};

// The methods the panel offers; availability is decided by RunConfig::validate(), so methods
// the core adds later switch on without a GUI change.
QStringList calibrationMethodCandidates();
// Empty when `method` passes validation, else the core's reason.
QString calibrationMethodUnavailable(const QString& method);

// Keys under "run/": config (RunConfig JSON), dataDir, evaluate, evalImages. A stored config
// the core no longer accepts (e.g. a method that went away) falls back to the defaults.
RunSettings loadRunSettings(QSettings& settings);
void saveRunSettings(QSettings& settings, const RunSettings& s);

// "minmax ×100 · symmetric · 7-bit auto · planned · layout auto · threads all · batch 1 · 3+20 runs"
// plus " · FP32: a, b" and " · accuracy on 1000 images" when set.
QString settingsSummary(const RunSettings& s);

}  // namespace ql::gui
