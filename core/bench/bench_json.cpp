// JSON of benchmark runs and trial records (schema in docs/bench.md).
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/bench/bench_run.h"

namespace ql::bench {

namespace {
using nlohmann::json;
constexpr const char* kSchema = "quantlens.bench/1";
constexpr const char* kTrialSchema = "quantlens.bench-trial/1";

// A typed read that names the entry when it is missing or of the wrong type.
template <typename T>
Status read(const json& j, const char* key, T& out, const std::string& where) {
    if (!j.is_object() || !j.contains(key)) return Status::error(where + ": '" + key + "' is missing");
    try {
        out = j.at(key).get<T>();
    } catch (const json::exception&) {
        return Status::error(where + ": '" + key + "' has the wrong type");
    }
    return Status::ok();
}
template <typename T>
Status readOptional(const json& j, const char* key, T& out, const std::string& where) {
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) return Status::ok();
    return read(j, key, out, where);
}

json configJson(const BenchConfig& c) {
    return {{"model", c.model}, {"name", c.modelName}, {"precision", c.precision}, {"layout", c.layout},
            {"executor", c.executor}, {"threads", c.threads}, {"batch", c.batch}};
}
Expected<BenchConfig> configFrom(const json& j, const std::string& where) {
    BenchConfig c;
    QL_TRY(read(j, "model", c.model, where));
    QL_TRY(read(j, "name", c.modelName, where));
    QL_TRY(read(j, "precision", c.precision, where));
    QL_TRY(read(j, "layout", c.layout, where));
    QL_TRY(read(j, "executor", c.executor, where));
    QL_TRY(read(j, "threads", c.threads, where));
    QL_TRY(read(j, "batch", c.batch, where));
    if (c.precision != "fp32" && c.precision != "int8") return Status::error(where + ": precision '" + c.precision + "' is not fp32 or int8");
    if (c.batch < 1) return Status::error(where + ": batch must be at least 1");
    return c;
}

json trialJson(const TrialRecord& t) {
    json j = {{"config", configJson(t.config)}, {"id", t.config.id()}, {"trial", t.trial}, {"samples_ms", t.samplesMs},
              {"warmup", t.warmup}, {"threads_used", t.threadsUsed}, {"weight_bytes", t.weightBytes}, {"arena_bytes", t.arenaBytes},
              {"model_file_bytes", t.modelFileBytes}, {"peak_rss_bytes", t.peakRssBytes}, {"isa", t.isa}, {"vnni", t.vnni},
              {"seven_bit_activations", t.sevenBitActivations}, {"int8_note", t.int8Note}, {"load_average", t.loadAverage},
              {"seconds", t.seconds}};
    if (t.accuracy) j["accuracy"] = {{"images", t.accuracy->images}, {"top1", t.accuracy->top1}, {"top5", t.accuracy->top5}};
    return j;
}
Expected<TrialRecord> trialFrom(const json& j, const std::string& where) {
    TrialRecord t;
    if (!j.is_object() || !j.contains("config")) return Status::error(where + ": 'config' is missing");
    QL_ASSIGN(t.config, configFrom(j.at("config"), where + " config"));
    QL_TRY(read(j, "trial", t.trial, where));
    QL_TRY(read(j, "samples_ms", t.samplesMs, where));
    if (t.samplesMs.empty()) return Status::error(where + ": 'samples_ms' is empty");
    for (double v : t.samplesMs)
        if (!(v > 0) || !std::isfinite(v)) return Status::error(where + ": 'samples_ms' holds a time that is not a positive number");
    QL_TRY(readOptional(j, "warmup", t.warmup, where));
    QL_TRY(readOptional(j, "threads_used", t.threadsUsed, where));
    QL_TRY(readOptional(j, "weight_bytes", t.weightBytes, where));
    QL_TRY(readOptional(j, "arena_bytes", t.arenaBytes, where));
    QL_TRY(readOptional(j, "model_file_bytes", t.modelFileBytes, where));
    QL_TRY(readOptional(j, "peak_rss_bytes", t.peakRssBytes, where));
    QL_TRY(readOptional(j, "isa", t.isa, where));
    QL_TRY(readOptional(j, "vnni", t.vnni, where));
    QL_TRY(readOptional(j, "seven_bit_activations", t.sevenBitActivations, where));
    QL_TRY(readOptional(j, "int8_note", t.int8Note, where));
    QL_TRY(readOptional(j, "load_average", t.loadAverage, where));
    QL_TRY(readOptional(j, "seconds", t.seconds, where));
    if (j.contains("accuracy") && !j.at("accuracy").is_null()) {
        TrialAccuracy a;
        QL_TRY(read(j.at("accuracy"), "images", a.images, where + " accuracy"));
        QL_TRY(read(j.at("accuracy"), "top1", a.top1, where + " accuracy"));
        QL_TRY(read(j.at("accuracy"), "top5", a.top5, where + " accuracy"));
        t.accuracy = a;
    }
    return t;
}

json machineJson(const Machine& m) {
    return {{"host", m.host}, {"cpu", m.cpuModel}, {"isa", m.isa}, {"vnni", m.vnni}, {"cores", m.cores}, {"onednn", m.onednn},
            {"quantlens", m.quantlens}};
}
Expected<Machine> machineFrom(const json& j, const std::string& where) {
    Machine m;
    QL_TRY(read(j, "cpu", m.cpuModel, where));
    QL_TRY(read(j, "isa", m.isa, where));
    QL_TRY(read(j, "onednn", m.onednn, where));
    QL_TRY(read(j, "quantlens", m.quantlens, where));
    QL_TRY(readOptional(j, "host", m.host, where));
    QL_TRY(readOptional(j, "vnni", m.vnni, where));
    QL_TRY(readOptional(j, "cores", m.cores, where));
    return m;
}

json specJson(const GridSpec& s) {
    return {{"models", s.models}, {"precisions", s.precisions}, {"layouts", s.layouts}, {"executors", s.executors},
            {"threads", s.threads}, {"batches", s.batches}, {"trials", s.trials}, {"warmup", s.warmup}, {"repeat", s.repeat},
            {"seed", s.seed}, {"target_ci_percent", s.targetCiPercent}, {"max_trials", s.maxTrials}, {"dataset", s.dataset},
            {"limit", s.limit}, {"calib_table", s.calibTable}, {"max_isa", s.maxIsa}};
}
Expected<GridSpec> specFrom(const json& j, const std::string& where) {
    GridSpec s;
    QL_TRY(read(j, "models", s.models, where));
    QL_TRY(read(j, "precisions", s.precisions, where));
    QL_TRY(read(j, "layouts", s.layouts, where));
    QL_TRY(read(j, "executors", s.executors, where));
    QL_TRY(read(j, "threads", s.threads, where));
    QL_TRY(read(j, "batches", s.batches, where));
    QL_TRY(read(j, "trials", s.trials, where));
    QL_TRY(read(j, "warmup", s.warmup, where));
    QL_TRY(read(j, "repeat", s.repeat, where));
    QL_TRY(read(j, "seed", s.seed, where));
    QL_TRY(readOptional(j, "target_ci_percent", s.targetCiPercent, where));
    QL_TRY(readOptional(j, "max_trials", s.maxTrials, where));
    QL_TRY(readOptional(j, "dataset", s.dataset, where));
    QL_TRY(readOptional(j, "limit", s.limit, where));
    QL_TRY(readOptional(j, "calib_table", s.calibTable, where));
    QL_TRY(readOptional(j, "max_isa", s.maxIsa, where));
    return s;
}

Expected<json> parse(const std::string& text, const std::string& source) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {  // parse errors, and out_of_range 406: a number too large for a double
        return Status::error(source + ": not valid JSON (" + std::string(e.what()) + ")");
    }
}
}  // namespace

std::string trialToJson(const TrialRecord& t) {
    json j = trialJson(t);
    j["schema"] = kTrialSchema;
    return j.dump(1);
}

Expected<TrialRecord> trialFromJson(const std::string& text, const std::string& source) {
    QL_ASSIGN(json j, parse(text, source));
    std::string schema;
    QL_TRY(read(j, "schema", schema, source));
    if (schema != kTrialSchema) return Status::error(source + ": schema '" + schema + "' is not " + kTrialSchema);
    return trialFrom(j, source);
}

std::string toJson(const BenchRun& run) {
    json shards = json::array(), configs = json::array(), trials = json::array(), failures = json::array(), others = json::array();
    for (const auto& s : run.shards) shards.push_back(s.text());
    for (const auto& c : run.configs) configs.push_back(configJson(c));
    for (const auto& t : run.trials) trials.push_back(trialJson(t));
    for (const auto& f : run.failures)
        failures.push_back({{"config", f.config}, {"trial", f.trial}, {"exit_code", f.exitCode}, {"message", f.message}});
    for (const auto& m : run.otherMachines) others.push_back(machineJson(m));
    json j = {{"schema", kSchema}, {"machine", machineJson(run.machine)}, {"spec", specJson(run.spec)}, {"shards", shards},
              {"started", run.started}, {"finished", run.finished}, {"complete", run.complete}, {"configs", configs},
              {"trials", trials}, {"failures", failures}};
    if (!others.empty()) j["other_machines"] = others;
    j["qdq_file_bytes"] = run.qdqFileBytes;
    return j.dump(1);
}

Expected<BenchRun> benchRunFromJson(const std::string& text, const std::string& source) {
    QL_ASSIGN(json j, parse(text, source));
    BenchRun run;
    std::string schema;
    QL_TRY(read(j, "schema", schema, source));
    if (schema != kSchema) return Status::error(source + ": schema '" + schema + "' is not " + kSchema);
    if (!j.contains("machine") || !j.contains("spec")) return Status::error(source + ": 'machine' or 'spec' is missing");
    QL_ASSIGN(run.machine, machineFrom(j.at("machine"), source + " machine"));
    QL_ASSIGN(run.spec, specFrom(j.at("spec"), source + " spec"));
    std::vector<std::string> shards;
    QL_TRY(read(j, "shards", shards, source));
    for (const auto& s : shards) {
        QL_ASSIGN(Shard shard, parseShard(s));
        run.shards.push_back(shard);
    }
    QL_TRY(readOptional(j, "started", run.started, source));
    QL_TRY(readOptional(j, "finished", run.finished, source));
    QL_TRY(readOptional(j, "complete", run.complete, source));
    for (const char* key : {"configs", "trials"})
        if (!j.contains(key) || !j.at(key).is_array()) return Status::error(source + ": '" + key + "' must be an array");
    for (size_t i = 0; i < j.at("configs").size(); ++i) {
        QL_ASSIGN(auto c, configFrom(j.at("configs")[i], source + " configs[" + std::to_string(i) + "]"));
        run.configs.push_back(std::move(c));
    }
    for (size_t i = 0; i < j.at("trials").size(); ++i) {
        QL_ASSIGN(auto t, trialFrom(j.at("trials")[i], source + " trials[" + std::to_string(i) + "]"));
        run.trials.push_back(std::move(t));
    }
    if (j.contains("failures") && j.at("failures").is_array())
        for (size_t i = 0; i < j.at("failures").size(); ++i) {
            const std::string where = source + " failures[" + std::to_string(i) + "]";
            TrialFailure f;
            QL_TRY(read(j.at("failures")[i], "config", f.config, where));
            QL_TRY(read(j.at("failures")[i], "trial", f.trial, where));
            QL_TRY(readOptional(j.at("failures")[i], "exit_code", f.exitCode, where));
            QL_TRY(readOptional(j.at("failures")[i], "message", f.message, where));
            run.failures.push_back(std::move(f));
        }
    QL_TRY(readOptional(j, "qdq_file_bytes", run.qdqFileBytes, source));
    if (j.contains("other_machines") && j.at("other_machines").is_array())
        for (const auto& m : j.at("other_machines")) {
            QL_ASSIGN(auto machine, machineFrom(m, source + " other_machines"));
            run.otherMachines.push_back(std::move(machine));
        }
    return run;
}

}  // namespace ql::bench
