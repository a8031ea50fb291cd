#pragma once
// Cooperative cancellation and progress reporting for every long operation.
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

// fraction in [0,1], plus a short description of the current step.
using ProgressFn = std::function<void(double fraction, const std::string& step)>;

}  // namespace ql
