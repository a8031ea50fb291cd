#pragma once
// Atomic, never-silent file writes for exports and reports: the bytes go to a QSaveFile (a
// temporary next to the target, renamed over it on commit), and an existing file is replaced
// only when the caller says so (the app after asking, the CLI with --force).
#include <QByteArray>
#include <QString>

namespace ql::report {

enum class Overwrite { Refuse, Replace };

// Empty on success, else a message naming the file ("... exists; not overwritten").
QString writeFileSafely(const QString& path, const QByteArray& bytes, Overwrite overwrite);

}  // namespace ql::report
