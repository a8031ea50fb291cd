#include "core/bench/grid.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace ql::bench {

std::string BenchConfig::pairKey() const {
    return modelName + "|" + layout + "|" + executor + "|t" + std::to_string(threads) + "|b" + std::to_string(batch);
}

std::string BenchConfig::id() const {
    return modelName + "|" + precision + "|" + layout + "|" + executor + "|t" + std::to_string(threads) + "|b" + std::to_string(batch);
}

namespace {
template <typename T>
Status checkListed(const std::vector<T>& values, const std::string& option) {
    if (values.empty()) return Status::error(option + ": no value given");
    std::set<T> seen;
    for (const auto& v : values)
        if (!seen.insert(v).second) {
            std::ostringstream text;
            text << v;
            return Status::error(option + ": '" + text.str() + "' is listed twice");
        }
    return Status::ok();
}

Status checkMember(const std::vector<std::string>& values, const std::set<std::string>& allowed, const std::string& option) {
    QL_TRY(checkListed(values, option));
    for (const auto& v : values)
        if (!allowed.count(v)) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            return Status::error(option + ": unknown value '" + v + "' (one of " + list + ")");
        }
    return Status::ok();
}
}  // namespace

Expected<std::vector<BenchConfig>> expandGrid(const GridSpec& spec) {
    QL_TRY(checkListed(spec.models, "--models"));
    QL_TRY(checkMember(spec.precisions, {"fp32", "int8"}, "--precisions"));
    QL_TRY(checkMember(spec.layouts, {"auto", "nchw", "nhwc", "blocked"}, "--layouts"));
    QL_TRY(checkMember(spec.executors, {"planned", "eager", "reference"}, "--executors"));
    QL_TRY(checkListed(spec.threads, "--threads"));
    QL_TRY(checkListed(spec.batches, "--batch"));
    for (int t : spec.threads)
        if (t < 0 || t > 1024) return Status::error("--threads: " + std::to_string(t) + " is outside 0..1024 (0 = physical cores)");
    for (int64_t b : spec.batches)
        if (b < 1 || b > 4096) return Status::error("--batch: " + std::to_string(b) + " is outside 1..4096");
    if (spec.trials < 1 || spec.trials > 1000) return Status::error("--trials: must be 1..1000");
    if (spec.repeat < 1 || spec.warmup < 0) return Status::error("--repeat must be at least 1 and --warmup at least 0");
    if (spec.targetCiPercent < 0 || spec.targetCiPercent >= 100) return Status::error("--target-ci: a percentage in (0, 100)");
    if (spec.targetCiPercent > 0 && spec.maxTrials < spec.trials)
        return Status::error("--max-trials (" + std::to_string(spec.maxTrials) + ") is below --trials (" + std::to_string(spec.trials) + ")");
    if (spec.limit < 0) return Status::error("--limit: must not be negative");
    // names key the tables and the merge: two different files with one name would mix
    std::map<std::string, std::string> byName;
    for (const auto& m : spec.models) {
        const std::string name = std::filesystem::path(m).stem().string();
        if (name.empty()) return Status::error("--models: '" + m + "' has no file name");
        if (auto [it, fresh] = byName.emplace(name, m); !fresh)
            return Status::error("--models: '" + it->second + "' and '" + m + "' have the same name '" + name + "'; rename one");
    }
    std::vector<BenchConfig> grid;
    for (const auto& m : spec.models)
        for (int64_t b : spec.batches)
            for (int t : spec.threads)
                for (const auto& e : spec.executors)
                    for (const auto& l : spec.layouts)
                        for (const auto& p : spec.precisions) {
                            // eager runs NCHW only: other layouts would repeat the same configuration
                            if (e == "eager" && l != spec.layouts.front()) continue;
                            grid.push_back({m, std::filesystem::path(m).stem().string(), p, e == "eager" ? "nchw" : l, e, t, b});
                        }
    return grid;
}

Expected<Shard> parseShard(const std::string& text) {
    const size_t slash = text.find('/');
    Shard s;
    try {
        size_t used = 0;
        if (slash == std::string::npos) throw std::invalid_argument("no slash");
        s.index = std::stoi(text.substr(0, slash), &used);
        if (used != slash) throw std::invalid_argument("index");
        s.count = std::stoi(text.substr(slash + 1), &used);
        if (used != text.size() - slash - 1) throw std::invalid_argument("count");
    } catch (const std::exception&) {
        return Status::error("--shard '" + text + "': expected i/N, e.g. 0/4 (0-based, as SLURM_ARRAY_TASK_ID)");
    }
    if (s.count < 1 || s.index < 0 || s.index >= s.count)
        return Status::error("--shard '" + text + "': the index must be in 0.." + std::to_string(s.count - 1));
    return s;
}

std::vector<BenchConfig> shardOf(const std::vector<BenchConfig>& grid, const Shard& shard) {
    std::vector<BenchConfig> mine;
    for (size_t k = 0; k < grid.size(); ++k)
        if (int(k % size_t(shard.count)) == shard.index) mine.push_back(grid[k]);
    return mine;
}

std::vector<TrialTask> schedule(const std::vector<size_t>& configs, int firstTrial, int rounds, uint64_t seed) {
    std::vector<TrialTask> tasks;
    for (int r = firstTrial; r < firstTrial + rounds; ++r) {
        std::vector<size_t> order = configs;
        std::mt19937_64 rng(seed * 1000003u + uint64_t(r));
        // Fisher-Yates with raw draws: the same order on every standard library
        for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[size_t(rng() % i)]);
        for (size_t c : order) tasks.push_back({c, r});
    }
    return tasks;
}

}  // namespace ql::bench
