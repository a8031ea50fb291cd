#pragma once
// Minimal streaming JSON writer (objects, arrays, scalars) with correct string escaping.
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace ql {

class JsonWriter {
public:
    JsonWriter& beginObject() { prefix(); os_ << '{'; stack_.push_back(true); return *this; }
    JsonWriter& endObject() { stack_.pop_back(); os_ << '}'; return *this; }
    JsonWriter& beginArray() { prefix(); os_ << '['; stack_.push_back(true); return *this; }
    JsonWriter& endArray() { stack_.pop_back(); os_ << ']'; return *this; }
    JsonWriter& key(const std::string& k) { prefix(); string(k); os_ << ':'; afterKey_ = true; return *this; }
    JsonWriter& value(const std::string& s) { prefix(); string(s); return *this; }
    JsonWriter& value(const char* s) { return value(std::string(s)); }
    JsonWriter& value(int64_t v) { prefix(); os_ << v; return *this; }
    JsonWriter& value(int v) { return value(int64_t(v)); }
    JsonWriter& value(double v) {
        prefix();
        if (std::isfinite(v)) os_ << v; else os_ << "null";
        return *this;
    }
    JsonWriter& value(bool v) { prefix(); os_ << (v ? "true" : "false"); return *this; }
    template <typename T>
    JsonWriter& field(const std::string& k, const T& v) { key(k); return value(v); }
    JsonWriter& intArray(const std::vector<int64_t>& v) {
        beginArray();
        for (int64_t x : v) value(x);
        return endArray();
    }
    std::string str() const { return os_.str(); }

private:
    void prefix() {
        if (afterKey_) { afterKey_ = false; return; }
        if (!stack_.empty()) {
            if (!stack_.back()) os_ << ',';
            stack_.back() = false;
        }
    }
    void string(const std::string& s) {
        os_ << '"';
        for (unsigned char c : s) {
            switch (c) {
                case '"': os_ << "\\\""; break;
                case '\\': os_ << "\\\\"; break;
                case '\n': os_ << "\\n"; break;
                case '\t': os_ << "\\t"; break;
                case '\r': os_ << "\\r"; break;
                default:
                    if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); os_ << b; }
                    else os_ << c;
            }
        }
        os_ << '"';
    }
    std::ostringstream os_;
    std::vector<bool> stack_;  // per open container: "next element is the first"
    bool afterKey_ = false;
};

}  // namespace ql
