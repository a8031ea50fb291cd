#include "core/session/run_config.h"

#include <algorithm>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace ql::session {

using nlohmann::json;

namespace {
constexpr const char* kSchema = "quantlens.run-config/1";

// Reads key `k` of object `o` into `out` when present; a wrong type names the key.
template <typename T>
Status readKey(const json& o, const char* k, T& out) {
    auto it = o.find(k);
    if (it == o.end()) return Status::ok();
    try {
        out = it->get<T>();
    } catch (const json::exception&) {
        return Status::error("'" + std::string(k) + "' has the wrong type (" + std::string(it->type_name()) + ")");
    }
    return Status::ok();
}

Status checkKeys(const json& o, const std::set<std::string>& allowed, const std::string& where) {
    for (const auto& [k, v] : o.items())
        if (!allowed.count(k)) return Status::error("unknown key '" + where + k + "'");
    return Status::ok();
}

Expected<RunConfig> fromJson(const json& j) {
    if (!j.is_object()) return Status::error("expected a JSON object");
    QL_TRY(checkKeys(j, {"schema", "precisions", "executor", "layout", "threads", "batch", "max_isa", "activations", "seven_bit_activations",
                         "calibration", "fp32_fallback", "warmup", "repeat", "seed", "tune_kernels", "row_bands"}, ""));
    RunConfig c;
    std::string schema = kSchema;
    QL_TRY(readKey(j, "schema", schema));
    if (schema != kSchema) return Status::error("schema '" + schema + "' is not " + kSchema);
    std::vector<std::string> precisions;
    QL_TRY(readKey(j, "precisions", precisions));
    if (j.contains("precisions")) {
        c.precisions.clear();
        for (const auto& p : precisions) {
            QL_ASSIGN(auto parsed, runtime::parsePrecision(p));
            c.precisions.push_back(parsed);
        }
    }
    QL_TRY(readKey(j, "executor", c.executor));
    std::string layout = runtime::layoutName(c.layout), activations = "symmetric";
    QL_TRY(readKey(j, "layout", layout));
    QL_ASSIGN(c.layout, runtime::parseLayout(layout));
    QL_TRY(readKey(j, "threads", c.threads));
    QL_TRY(readKey(j, "batch", c.batch));
    QL_TRY(readKey(j, "max_isa", c.maxIsa));
    QL_TRY(readKey(j, "tune_kernels", c.tuneKernels));
    QL_TRY(readKey(j, "row_bands", c.rowBands));
    QL_TRY(readKey(j, "activations", activations));
    if (activations != "symmetric" && activations != "asymmetric")
        return Status::error("'activations' must be symmetric or asymmetric, got '" + activations + "'");
    c.asymmetricActivations = activations == "asymmetric";
    if (auto it = j.find("seven_bit_activations"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean()) return Status::error("'seven_bit_activations' must be true, false or null (automatic)");
        c.sevenBitActivations = it->get<bool>();
    }
    if (auto it = j.find("calibration"); it != j.end()) {
        if (!it->is_object()) return Status::error("'calibration' must be an object");
        QL_TRY(checkKeys(*it, {"method", "samples", "percentile", "per_tensor_weights", "table"}, "calibration."));
        QL_TRY(readKey(*it, "method", c.calibration.method));
        QL_TRY(readKey(*it, "samples", c.calibration.samples));
        QL_TRY(readKey(*it, "percentile", c.calibration.percentile));
        QL_TRY(readKey(*it, "per_tensor_weights", c.calibration.perTensorWeights));
        QL_TRY(readKey(*it, "table", c.calibration.table));
    }
    QL_TRY(readKey(j, "fp32_fallback", c.fp32Fallback));
    QL_TRY(readKey(j, "warmup", c.warmup));
    QL_TRY(readKey(j, "repeat", c.repeat));
    QL_TRY(readKey(j, "seed", c.seed));
    QL_TRY(c.validate());
    return c;
}
}  // namespace

Status RunConfig::validate() const {
    if (precisions.empty()) return Status::error("at least one precision (fp32, int8) is needed");
    for (size_t i = 1; i < precisions.size(); ++i)
        if (std::find(precisions.begin(), precisions.begin() + long(i), precisions[i]) != precisions.begin() + long(i))
            return Status::error("precision " + runtime::precisionName(precisions[i]) + " is listed twice");
    if (executor != "planned" && executor != "eager" && executor != "reference")
        return Status::error("unknown executor '" + executor + "' (choose planned, eager or reference)");
    if (threads < 0 || threads > 1024) return Status::error("threads must be between 0 (all cores) and 1024, got " + std::to_string(threads));
    if (batch < 1 || batch > (1 << 16)) return Status::error("batch must be between 1 and 65536, got " + std::to_string(batch));
    if (warmup < 0 || warmup > 100000) return Status::error("warm-up runs must be between 0 and 100000, got " + std::to_string(warmup));
    if (repeat < 1 || repeat > 100000) return Status::error("repeats must be between 1 and 100000, got " + std::to_string(repeat));
    QL_TRY(quant::parseCalibrationMethod(calibration.method).status());
    QL_TRY(quant::validate(calibration.observer()));
    if (calibration.samples < 1) return Status::error("calibration samples must be at least 1, got " + std::to_string(calibration.samples));
    return Status::ok();
}

quant::ObserverOptions CalibrationConfig::observer() const {
    quant::ObserverOptions o;
    if (auto m = quant::parseCalibrationMethod(method)) o.method = *m;
    o.percentile = percentile;
    return o;
}

runtime::ExecutorOptions RunConfig::executorOptions(runtime::Precision precision) const {
    runtime::ExecutorOptions o;
    o.executor = executor;
    o.precision = precision;
    o.layout = layout;
    o.threads = threads;
    o.maxIsa = maxIsa;
    o.asymmetricActivations = asymmetricActivations;
    o.sevenBitActivations = sevenBitActivations;
    o.fp32Fallback = fp32Fallback;
    o.observer = calibration.observer();
    o.perTensorWeights = calibration.perTensorWeights;
    o.tuneKernels = tuneKernels;
    o.rowBands = rowBands;
    return o;
}

std::string toJson(const RunConfig& c) {
    json j;
    j["schema"] = kSchema;
    std::vector<std::string> precisions;
    for (auto p : c.precisions) precisions.push_back(runtime::precisionName(p));
    j["precisions"] = precisions;
    j["executor"] = c.executor;
    j["layout"] = runtime::layoutName(c.layout);
    j["threads"] = c.threads;
    j["batch"] = c.batch;
    j["max_isa"] = c.maxIsa;
    j["activations"] = c.asymmetricActivations ? "asymmetric" : "symmetric";
    j["seven_bit_activations"] = c.sevenBitActivations ? json(*c.sevenBitActivations) : json(nullptr);
    j["calibration"] = {{"method", c.calibration.method},
                        {"samples", c.calibration.samples},
                        {"percentile", c.calibration.percentile},
                        {"per_tensor_weights", c.calibration.perTensorWeights},
                        {"table", c.calibration.table}};
    j["fp32_fallback"] = c.fp32Fallback;
    j["warmup"] = c.warmup;
    j["repeat"] = c.repeat;
    j["seed"] = c.seed;
    j["tune_kernels"] = c.tuneKernels;
    j["row_bands"] = c.rowBands;
    return j.dump(2) + "\n";
}

Expected<RunConfig> runConfigFromJson(const std::string& text, const std::string& source) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        // parse again with exceptions for the position of the error
        try {
            const json again = json::parse(text);  // throws with the position
            (void)again;
        } catch (const json::parse_error& e) {
            return Status::error(source + ": not valid JSON (byte " + std::to_string(e.byte) + ")");
        } catch (const json::exception& e) {  // e.g. out_of_range 406: a number too large for a double
            return Status::error(source + ": not valid JSON (" + std::string(e.what()) + ")");
        }
        return Status::error(source + ": not valid JSON");
    }
    auto c = fromJson(j);
    if (!c) return c.status().withContext(source + ": ");
    return c;
}

Expected<RunConfig> readRunConfig(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return Status::error(file.string() + ": cannot open");
    std::stringstream s;
    s << in.rdbuf();
    return runConfigFromJson(s.str(), file.string());
}

}  // namespace ql::session
