#pragma once
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace ql {

template <typename T>
std::string joinList(const std::vector<T>& v, const char* sep = ",") {
    std::ostringstream os;
    for (size_t i = 0; i < v.size(); ++i) os << (i ? sep : "") << v[i];
    return os.str();
}

inline std::string shapeToString(const std::vector<int64_t>& dims) {
    std::ostringstream os;
    os << '[';
    for (size_t i = 0; i < dims.size(); ++i) {
        if (i) os << ',';
        if (dims[i] < 0) os << '?'; else os << dims[i];
    }
    os << ']';
    return os.str();
}

}  // namespace ql
