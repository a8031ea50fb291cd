#include "app/gui/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace ql::gui {
namespace {
const char* kKey = "recentFiles";
}

RecentFiles::RecentFiles(QObject* parent, int capacity) : QObject(parent), capacity_(capacity) {
    files_ = QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString& path) {
    const QString abs = QFileInfo(path).absoluteFilePath();
    files_.removeAll(abs);
    files_.prepend(abs);
    while (files_.size() > capacity_) files_.removeLast();
    save();
}

void RecentFiles::remove(const QString& path) {
    files_.removeAll(QFileInfo(path).absoluteFilePath());
    save();
}

void RecentFiles::clear() {
    files_.clear();
    save();
}

void RecentFiles::save() {
    QSettings().setValue(kKey, files_);
    emit changed();
}

}  // namespace ql::gui
