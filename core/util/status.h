#pragma once
// Status / Expected<T>: how core, kernels and importers report errors without throwing across
// their boundary. Messages are meant for the user: name the file, node and reason.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ql {

// What kind of failure: front ends map it to exit codes or dialogs; a cancel is never a failure.
enum class StatusCode { Ok, BadInput, Unsupported, Cancelled, Internal };

class Status {
public:
    Status() = default;
    static Status ok() { return {}; }
    // The input (file, option, data) is wrong: the user can fix it.
    static Status error(std::string message) { return Status(StatusCode::BadInput, std::move(message)); }
    // The input is valid but QuantLens cannot do this (op, type, feature).
    static Status unsupported(std::string message) { return Status(StatusCode::Unsupported, std::move(message)); }
    // The user asked to stop; `what` names the stage that stopped ("import", "plan build", ...).
    static Status cancelled(const std::string& what = {}) {
        return Status(StatusCode::Cancelled, what.empty() ? "cancelled" : what + ": cancelled");
    }
    // A bug or an environment failure the user cannot fix by changing the input.
    static Status internal(std::string message) { return Status(StatusCode::Internal, std::move(message)); }

    bool isOk() const { return !message_.has_value(); }
    StatusCode code() const { return code_; }
    bool isCancelled() const { return code_ == StatusCode::Cancelled; }
    explicit operator bool() const { return isOk(); }
    const std::string& message() const {
        static const std::string empty;
        return message_ ? *message_ : empty;
    }
    // Prefix context ("file.onnx: ", "node 'conv1' (Conv): ") onto an error; no-op when ok.
    Status withContext(const std::string& prefix) const {
        return isOk() ? *this : Status(code_, prefix + *message_);
    }

private:
    Status(StatusCode code, std::string m) : code_(code), message_(std::move(m)) {}
    StatusCode code_ = StatusCode::Ok;
    std::optional<std::string> message_;
};

template <typename T>
class Expected {
public:
    Expected(T value) : v_(std::move(value)) {}
    Expected(Status error) : v_(std::move(error)) {}

    bool isOk() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return isOk(); }
    T& value() & { return std::get<T>(v_); }
    const T& value() const& { return std::get<T>(v_); }
    T&& value() && { return std::get<T>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    Status status() const { return isOk() ? Status::ok() : std::get<Status>(v_); }
    const std::string& message() const { return std::get<Status>(v_).message(); }

private:
    std::variant<T, Status> v_;
};

// Early-return helpers: QL_TRY(status-expression); QL_ASSIGN(var, expected-expression).
#define QL_TRY(expr)                                   \
    do {                                               \
        ::ql::Status ql_status_ = (expr);              \
        if (!ql_status_.isOk()) return ql_status_;     \
    } while (0)

#define QL_CONCAT_INNER(a, b) a##b
#define QL_CONCAT(a, b) QL_CONCAT_INNER(a, b)
#define QL_ASSIGN(lhs, expr) QL_ASSIGN_IMPL(QL_CONCAT(ql_expected_, __LINE__), lhs, expr)
#define QL_ASSIGN_IMPL(tmp, lhs, expr)                 \
    auto tmp = (expr);                                 \
    if (!tmp.isOk()) return tmp.status();              \
    lhs = std::move(tmp).value()

}  // namespace ql
