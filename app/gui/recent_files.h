#pragma once
// The most recently opened models, newest first, remembered in QSettings.
#include <QObject>
#include <QStringList>

namespace ql::gui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    explicit RecentFiles(QObject* parent = nullptr, int capacity = 10);
    QStringList files() const { return files_; }
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void save();
    QStringList files_;
    int capacity_;
};

}  // namespace ql::gui
