#include "app/report/safe_write.h"

#include <QCoreApplication>

#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

namespace ql::report {

QString writeFileSafely(const QString& path, const QByteArray& bytes, Overwrite overwrite) {
    if (path.isEmpty()) return QCoreApplication::translate("SafeWrite", "no file name given");
    const QFileInfo info(path);
    if (info.exists() && overwrite == Overwrite::Refuse) return QCoreApplication::translate("SafeWrite", "%1 exists; not overwritten").arg(path);
    if (info.exists() && info.isDir()) return QCoreApplication::translate("SafeWrite", "%1 is a folder").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return QCoreApplication::translate("SafeWrite", "cannot write %1: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString e = file.errorString();
        file.cancelWriting();
        return QCoreApplication::translate("SafeWrite", "cannot write %1: %2").arg(path, e);
    }
    if (!file.commit()) return QCoreApplication::translate("SafeWrite", "cannot write %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace ql::report
