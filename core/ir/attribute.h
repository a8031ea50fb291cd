#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/ir/tensor.h"

namespace ql::ir {

using Attribute = std::variant<int64_t, float, std::string, std::vector<int64_t>, std::vector<float>,
                               std::vector<std::string>, Tensor>;

// Typed attribute map with defaulting getters (attribute types are checked at import).
class Attributes {
public:
    void set(const std::string& name, Attribute value) { map_[name] = std::move(value); }
    bool has(const std::string& name) const { return map_.count(name) != 0; }
    const std::map<std::string, Attribute>& all() const { return map_; }

    int64_t getInt(const std::string& name, int64_t def) const { return get<int64_t>(name, def); }
    float getFloat(const std::string& name, float def) const { return get<float>(name, def); }
    std::string getString(const std::string& name, std::string def = {}) const { return get<std::string>(name, def); }
    std::vector<int64_t> getInts(const std::string& name, std::vector<int64_t> def = {}) const {
        return get<std::vector<int64_t>>(name, def);
    }
    std::vector<float> getFloats(const std::string& name, std::vector<float> def = {}) const {
        return get<std::vector<float>>(name, def);
    }
    const Tensor* getTensor(const std::string& name) const {
        auto it = map_.find(name);
        return it == map_.end() ? nullptr : std::get_if<Tensor>(&it->second);
    }

private:
    template <typename T>
    T get(const std::string& name, T def) const {
        auto it = map_.find(name);
        if (it == map_.end()) return def;
        if (auto* v = std::get_if<T>(&it->second)) return *v;
        return def;
    }
    std::map<std::string, Attribute> map_;
};

}  // namespace ql::ir
