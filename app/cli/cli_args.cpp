#include "app/cli/cli_args.h"

#include <iostream>

namespace ql::cli {

Expected<Args> Args::parse(const std::vector<std::string>& argv, const std::set<std::string>& flags,
                           const std::set<std::string>& valued) {
    Args a;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& s = argv[i];
        if (s.rfind("--", 0) != 0 || s == "--") {
            a.positional_.push_back(s);
            continue;
        }
        std::string name = s.substr(2), val;
        bool hasVal = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            val = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasVal = true;
        }
        if (flags.count(name)) {
            if (hasVal) return Status::error("option --" + name + " takes no value");
            a.flags_.insert(name);
        } else if (valued.count(name)) {
            if (!hasVal) {
                if (i + 1 >= argv.size()) return Status::error("option --" + name + " needs a value");
                val = argv[++i];
            }
            a.values_.emplace(name, val);
        } else {
            return Status::error("unknown option --" + name);
        }
    }
    return a;
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::getAll(const std::string& name) const {
    std::vector<std::string> v;
    for (auto [it, end] = values_.equal_range(name); it != end; ++it) v.push_back(it->second);
    return v;
}

Expected<int64_t> Args::getInt(const std::string& name, int64_t def, int64_t lo, int64_t hi) const {
    auto v = get(name);
    if (!v) return def;
    try {
        size_t used = 0;
        int64_t x = std::stoll(*v, &used);
        if (used != v->size()) throw std::invalid_argument("trailing");
        if (x < lo || x > hi) return Status::error("--" + name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + *v);
        return x;
    } catch (const std::exception&) {
        return Status::error("--" + name + " expects an integer, got '" + *v + "'");
    }
}

int fail(const Status& s) {
    std::string msg = s.message();
    for (char& c : msg)
        if (c == '\n') c = ' ';
    std::cerr << "quantlens-cli: " << msg << "\n";
    return kExitBadInput;
}

}  // namespace ql::cli
