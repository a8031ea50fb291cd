#pragma once
// Run work on the global thread pool and deliver its result to a UI object by a queued call,
// safely even if that object is destroyed meanwhile (hotspot's pattern without a `this`
// capture on the worker side). Generations are the caller's business: the delivered callback
// compares the generation it was started with against the current one and drops stale results.
#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <memory>
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
// receiver's thread.
template <typename Work, typename Done>
void runInBackground(const std::shared_ptr<JobReceiver>& receiver, Work work, Done done) {
    QThreadPool::globalInstance()->start([receiver, work = std::move(work), done = std::move(done)]() mutable {
        auto result = work();
        receiver->post([done, result]() mutable { done(std::move(result)); });
    });
}

}  // namespace ql::gui
