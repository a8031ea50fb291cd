#pragma once
// Run work on the global thread pool and deliver its result to a UI object by a queued call,
// safely even if that object is destroyed meanwhile (hotspot's pattern without a `this`
// capture on the worker side). Generations are the caller's business: the delivered callback
// compares the generation it was started with against the current one and drops stale results.
#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QtGlobal>
#include <QThreadPool>
#include <memory>
#include <exception>
#include <mutex>
#include <utility>

namespace ql::gui {

// Shared by a UI object and its in-flight jobs. The owner calls detach() in its destructor;
// a job that finishes later then delivers nothing. Posting only queues an event, and a
// QObject's destructor discards its pending events, so no callback runs on a dead object.
class JobReceiver {
public:
    explicit JobReceiver(QObject* receiver) : receiver_(receiver) {}
    void detach() {
        std::lock_guard lock(mutex_);
        receiver_ = nullptr;
    }
    template <typename F>
    void post(F&& f) {
        std::lock_guard lock(mutex_);
        if (receiver_) QMetaObject::invokeMethod(receiver_, std::forward<F>(f), Qt::QueuedConnection);
    }

private:
    std::mutex mutex_;
    QObject* receiver_;
};

// `work` runs on a pool thread and must capture values only; `done(result)` runs on the
// receiver's thread. An exception escaping `work` must not reach the thread pool (Qt terminates
// the application then): it is caught and `failed(message)` runs on the receiver's thread instead.
template <typename Work, typename Done, typename Failed>
void runInBackground(const std::shared_ptr<JobReceiver>& receiver, Work work, Done done, Failed failed) {
    QThreadPool::globalInstance()->start([receiver, work = std::move(work), done = std::move(done), failed = std::move(failed)]() mutable {
        try {
            auto result = work();
            receiver->post([done, result]() mutable { done(std::move(result)); });
        } catch (const std::exception& e) {
            receiver->post([failed, message = QString::fromUtf8(e.what())]() mutable { failed(message); });
        } catch (...) {
            receiver->post([failed]() mutable { failed(QStringLiteral("unknown exception")); });
        }
    });
}

// The same for work whose failure only needs a log line (nothing waits for its result).
template <typename Work, typename Done>
void runInBackground(const std::shared_ptr<JobReceiver>& receiver, Work work, Done done) {
    runInBackground(receiver, std::move(work), std::move(done), [](const QString& message) { qWarning("background job failed: %s", qPrintable(message)); });
}

}  // namespace ql::gui
