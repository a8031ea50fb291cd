#pragma once
// Command-line parsing for quantlens-cli: positionals plus --name value / --name=value options.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/util/status.h"

namespace ql::cli {

class Args {
public:
    // flags: options that take no value. valued: options that take one (may repeat).
    static Expected<Args> parse(const std::vector<std::string>& argv, const std::set<std::string>& flags,
                                const std::set<std::string>& valued);
    const std::vector<std::string>& positional() const { return positional_; }
    bool flag(const std::string& name) const { return flags_.count(name) != 0; }
    std::optional<std::string> get(const std::string& name) const;
    std::vector<std::string> getAll(const std::string& name) const;
    Expected<int64_t> getInt(const std::string& name, int64_t def, int64_t lo, int64_t hi) const;

private:
    std::vector<std::string> positional_;
    std::set<std::string> flags_;
    std::multimap<std::string, std::string> values_;
};

// Exit codes: 0 success, 2 bad input (one line on stderr), 1 internal failure.
inline constexpr int kExitOk = 0, kExitBadInput = 2, kExitInternal = 1;
int fail(const Status& s);  // prints "quantlens-cli: <message>" and returns kExitBadInput

}  // namespace ql::cli
