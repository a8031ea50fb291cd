#pragma once
// Range checks for numeric options that say what is wrong with a value: CLI11's CLI::Range calls
// a value it cannot read as a number out of range ("--batch: Value abc not in range 1 to 65536").
#include <CLI/CLI.hpp>
#include <functional>
#include <sstream>
#include <string>
#include <type_traits>

namespace ql::cli {

// A value read as T and accepted by `inRange`; else "'abc' is not a whole number; expected
// `expected`" or "0 is out of range; expected `expected`". `description` is the --help text.
template <class T>
CLI::Validator numberWhere(std::function<bool(T)> inRange, const std::string& expected, const std::string& description) {
    static_assert(std::is_arithmetic_v<T>);
    return CLI::Validator(
        [inRange, expected](std::string& value) -> std::string {
            T v{};
            if (!CLI::detail::lexical_cast(value, v))
                return "'" + value + "' is not " + (std::is_integral_v<T> ? "a whole number" : "a number") + "; expected " + expected;
            return inRange(v) ? std::string() : value + " is out of range; expected " + expected;
        },
        description);
}

namespace detail {
template <class T>
std::string numberText(T v) {
    std::ostringstream s;
    s << v;
    return s.str();
}
template <class T>
const char* typeName() { return std::is_integral_v<T> ? "INT" : "FLOAT"; }
}  // namespace detail

template <class T>
CLI::Validator numberIn(T low, T high) {
    return numberWhere<T>([low, high](T v) { return v >= low && v <= high; }, detail::numberText(low) + " to " + detail::numberText(high),
                          std::string(detail::typeName<T>()) + " in [" + detail::numberText(low) + " - " + detail::numberText(high) + "]");
}

// At least `low`, no upper bound (CLI::NonNegativeNumber printed its bound as a 300-digit float).
template <class T>
CLI::Validator numberAtLeast(T low) {
    return numberWhere<T>([low](T v) { return v >= low; }, detail::numberText(low) + " or more",
                          low == T(0) ? std::string("NONNEGATIVE") : std::string(detail::typeName<T>()) + " >= " + detail::numberText(low));
}

}  // namespace ql::cli
