// Reading, writing and merging benchmark runs.
#include <algorithm>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/bench/bench_run.h"
#include "core/util/atomic_file.h"

namespace ql::bench {

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Expected<BenchRun> readBenchRun(const std::filesystem::path& dir) {
    const std::filesystem::path file = std::filesystem::is_directory(dir) ? dir / "bench.json" : dir;
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::error(file.string() + ": cannot be read (not a bench output directory?)");
    std::stringstream text;
    text << in.rdbuf();
    return benchRunFromJson(text.str(), file.string());
}

Status writeBenchRun(const std::filesystem::path& dir, const BenchRun& run) {
    return writeFileAtomically(dir / "bench.json", toJson(run));
}

namespace {
// The settings whose difference would make two shards' trials incomparable.
std::string settingsOf(const GridSpec& s) {
    std::ostringstream o;
    o << "trials " << s.trials << ", warm-up " << s.warmup << ", repeats " << s.repeat << ", seed " << s.seed << ", data set '"
      << s.dataset << "' limit " << s.limit << ", calibration table '" << s.calibTable << "', max ISA '" << s.maxIsa << "'";
    return o.str();
}
}  // namespace

Expected<BenchRun> mergeRuns(const std::vector<BenchRun>& runs, const std::vector<std::string>& sources, const MergeOptions& options) {
    if (runs.empty()) return Status::error("bench-merge: no run to merge");
    BenchRun merged;
    merged.machine = runs.front().machine;
    merged.spec = runs.front().spec;
    merged.started = runs.front().started;
    merged.complete = true;
    std::set<std::string> configIds, trialKeys, shardTexts, machines{runs.front().machine.fingerprint()};
    int shardCount = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
        const BenchRun& r = runs[i];
        const std::string& src = i < sources.size() ? sources[i] : "run " + std::to_string(i);
        if (r.machine.fingerprint() != merged.machine.fingerprint()) {
            if (!options.allowMixedMachines)
                return Status::error(src + ": ran on '" + r.machine.fingerprint() + "', not '" + merged.machine.fingerprint() +
                                     "' like " + (sources.empty() ? "the first run" : sources.front()) +
                                     "; timings from different machines or versions do not mix (--allow-mixed to merge anyway)");
            if (machines.insert(r.machine.fingerprint()).second) merged.otherMachines.push_back(r.machine);
        }
        if (settingsOf(r.spec) != settingsOf(merged.spec))
            return Status::error(src + ": ran with " + settingsOf(r.spec) + ", not " + settingsOf(merged.spec));
        for (const Shard& s : r.shards) {
            if (shardCount && s.count != shardCount)
                return Status::error(src + ": shard " + s.text() + " belongs to a split into " + std::to_string(s.count) + ", not " +
                                     std::to_string(shardCount));
            shardCount = s.count;
            if (!shardTexts.insert(s.text()).second) return Status::error(src + ": shard " + s.text() + " is given twice");
            merged.shards.push_back(s);
        }
        for (const auto& c : r.configs)
            if (configIds.insert(c.id()).second) merged.configs.push_back(c);
        for (const auto& t : r.trials) {
            if (!trialKeys.insert(t.config.id() + "#" + std::to_string(t.trial)).second)
                return Status::error(src + ": trial " + std::to_string(t.trial) + " of " + t.config.id() + " is already in another run");
            merged.trials.push_back(t);
        }
        merged.failures.insert(merged.failures.end(), r.failures.begin(), r.failures.end());
        merged.qdqFileBytes.insert(r.qdqFileBytes.begin(), r.qdqFileBytes.end());
        merged.complete = merged.complete && r.complete;
        merged.started = std::min(merged.started, r.started);
        merged.finished = std::max(merged.finished, r.finished);
        for (const auto& m : r.spec.models)  // the union of the grids, in first-seen order
            if (std::find(merged.spec.models.begin(), merged.spec.models.end(), m) == merged.spec.models.end()) merged.spec.models.push_back(m);
    }
    // a merge of a full split is complete only with every shard present
    if (shardCount && int(merged.shards.size()) != shardCount) merged.complete = false;
    std::sort(merged.shards.begin(), merged.shards.end(), [](const Shard& a, const Shard& b) { return a.index < b.index; });
    return merged;
}

}  // namespace ql::bench
