#pragma once
// Cooperative cancellation and progress reporting for every long operation.
#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace ql {

class CancelToken {
public:
    CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
    void cancel() const { flag_->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return flag_->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> flag_;  // shared so copies handed to workers see cancel()
};

// fraction in [0,1] of the whole job, plus the name of the current stage ("import", "plan build").
using ProgressFn = std::function<void(double fraction, const std::string& stage)>;

// A stage's share of its parent's progress: the stage reports 0..1, the parent sees lo..hi.
// Fractions never go backwards, so a progress bar fed by nested stages stays monotonic.
class ProgressSpan {
public:
    ProgressSpan() = default;
    ProgressSpan(ProgressFn parent, double lo = 0.0, double hi = 1.0) : parent_(std::move(parent)), lo_(lo), hi_(hi) {}
    void report(double fraction, const std::string& stage) const {
        if (!parent_) return;
        const double f = lo_ + (hi_ - lo_) * std::clamp(fraction, 0.0, 1.0);
        if (f < *last_) return;
        *last_ = f;
        parent_(f, stage);
    }
    // The sub-range [a, b] of this span (a, b in 0..1) as a ProgressFn for a nested stage.
    ProgressFn sub(double a, double b) const {
        if (!parent_) return {};
        ProgressSpan self = *this;
        return [self, a, b](double f, const std::string& stage) { self.report(a + (b - a) * std::clamp(f, 0.0, 1.0), stage); };
    }
    explicit operator bool() const { return bool(parent_); }

private:
    ProgressFn parent_;
    double lo_ = 0.0, hi_ = 1.0;
    std::shared_ptr<double> last_ = std::make_shared<double>(0.0);
};

}  // namespace ql
