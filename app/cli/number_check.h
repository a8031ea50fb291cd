#pragma once
// Range checks for numeric options that say what is wrong with a value: CLI11's CLI::Range calls
// a value it cannot read as a number out of range ("--batch: Value abc not in range 1 to 65536").
#include <CLI/CLI.hpp>
#include <sstream>
#include <string>
#include <type_traits>

namespace ql::cli {

template <class T>
CLI::Validator numberIn(T low, T high) {
    static_assert(std::is_arithmetic_v<T>);
    auto text = [](T v) {
        std::ostringstream s;
        s << v;
        return s.str();
    };
    const std::string range = text(low) + " to " + text(high);
    return CLI::Validator(
        [low, high, range](std::string& value) -> std::string {
            T v{};
            if (!CLI::detail::lexical_cast(value, v))
                return "'" + value + "' is not " + (std::is_integral_v<T> ? "a whole number" : "a number") + "; expected " + range;
            if (v < low || v > high) return value + " is out of range; expected " + range;
            return {};
        },
        std::string(std::is_integral_v<T> ? "INT" : "FLOAT") + " in [" + text(low) + " - " + text(high) + "]");
}

// At least `low`, no upper bound (CLI::NonNegativeNumber printed its bound as a 300-digit float).
template <class T>
CLI::Validator numberAtLeast(T low) {
    static_assert(std::is_arithmetic_v<T>);
    std::ostringstream bound;
    bound << low;
    const std::string expected = bound.str() + " or more";
    return CLI::Validator(
        [low, expected](std::string& value) -> std::string {
            T v{};
            if (!CLI::detail::lexical_cast(value, v))
                return "'" + value + "' is not " + (std::is_integral_v<T> ? "a whole number" : "a number") + "; expected " + expected;
            if (v < low) return value + " is out of range; expected " + expected;
            return {};
        },
        low == T(0) ? std::string("NONNEGATIVE") : std::string(std::is_integral_v<T> ? "INT" : "FLOAT") + " >= " + bound.str());
}

}  // namespace ql::cli
