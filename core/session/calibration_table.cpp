#include "core/session/calibration_table.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/runtime/executor_factory.h"
#include "core/util/atomic_file.h"

namespace ql::session {

using nlohmann::json;

namespace {
constexpr const char* kSchema = "quantlens.calibration/1";

// Reads `o[k]` as T when present (`required` otherwise an error); errors name `where` + k.
template <typename T>
Status field(const json& o, const std::string& where, const char* k, T& out, bool required = false) {
    auto it = o.find(k);
    if (it == o.end()) return required ? Status::error("'" + where + k + "' is missing") : Status::ok();
    try {
        out = it->get<T>();
    } catch (const json::exception&) {
        return Status::error("'" + where + k + "' has the wrong type (" + std::string(it->type_name()) + ")");
    }
    return Status::ok();
}

Status checkKeys(const json& o, const std::set<std::string>& allowed, const std::string& where) {
    for (const auto& [k, v] : o.items())
        if (!allowed.count(k)) return Status::error("unknown key '" + where + k + "'");
    return Status::ok();
}

// A finite number (JSON has no NaN: an exporter writing one gives null or a string).
Status finiteNumber(const json& o, const std::string& where, const char* k, float& out) {
    auto it = o.find(k);
    if (it == o.end()) return Status::error("'" + where + k + "' is missing");
    if (!it->is_number()) return Status::error("'" + where + k + "' must be a finite number, got " + it->dump());
    const double v = it->get<double>();
    if (!std::isfinite(v) || std::fabs(v) > 3.4e38) return Status::error("'" + where + k + "' is not a finite float");
    out = float(v);
    return Status::ok();
}

Expected<CalibrationTable> fromJson(const json& j) {
    if (!j.is_object()) return Status::error("expected a JSON object");
    QL_TRY(checkKeys(j, {"schema", "model", "method", "options", "samples", "source", "scheme", "values"}, ""));
    std::string schema;
    QL_TRY(field(j, "", "schema", schema, true));
    if (schema != kSchema) return Status::error("schema '" + schema + "' is not " + kSchema);
    CalibrationTable t;
    QL_TRY(field(j, "", "model", t.model));
    std::string method;
    QL_TRY(field(j, "", "method", method, true));
    QL_ASSIGN(t.observer.method, quant::parseCalibrationMethod(method));
    if (auto it = j.find("options"); it != j.end()) {
        if (!it->is_object()) return Status::error("'options' must be an object");
        QL_TRY(checkKeys(*it, {"percentile", "bins"}, "options."));
        QL_TRY(field(*it, "options.", "percentile", t.observer.percentile));
        QL_TRY(field(*it, "options.", "bins", t.observer.bins));
        QL_TRY(quant::validate(t.observer));
    }
    QL_TRY(field(j, "", "samples", t.samples));
    if (t.samples < 0) return Status::error("'samples' must not be negative");
    QL_TRY(field(j, "", "source", t.source));
    if (auto it = j.find("scheme"); it != j.end()) {
        if (!it->is_object()) return Status::error("'scheme' must be an object");
        QL_TRY(checkKeys(*it, {"weights", "activations"}, "scheme."));
        std::string weights = "per-channel", activations = "symmetric";
        QL_TRY(field(*it, "scheme.", "weights", weights));
        QL_TRY(field(*it, "scheme.", "activations", activations));
        if (weights != "per-channel" && weights != "per-tensor") return Status::error("'scheme.weights' must be per-channel or per-tensor, got '" + weights + "'");
        if (activations != "symmetric" && activations != "asymmetric")
            return Status::error("'scheme.activations' must be symmetric or asymmetric, got '" + activations + "'");
        t.perTensorWeights = weights == "per-tensor";
        t.asymmetricActivations = activations == "asymmetric";
    }
    auto values = j.find("values");
    if (values == j.end()) return Status::error("'values' is missing");
    if (!values->is_object()) return Status::error("'values' must be an object of value name -> {min, max}");
    for (const auto& [name, e] : values->items()) {
        const std::string where = "values." + name + ".";
        if (!e.is_object()) return Status::error("'values." + name + "' must be an object {min, max}");
        QL_TRY(checkKeys(e, {"min", "max", "count", "non_finite", "histogram_range", "bins"}, where));
        quant::ValueRange r;
        QL_TRY(finiteNumber(e, where, "min", r.min));
        QL_TRY(finiteNumber(e, where, "max", r.max));
        if (r.min > r.max) return Status::error("'values." + name + "': min " + json(r.min).dump() + " > max " + json(r.max).dump());
        t.ranges[name] = r;
        if (e.contains("count")) {
            quant::ValueSummary s;
            QL_TRY(field(e, where, "count", s.count));
            QL_TRY(field(e, where, "non_finite", s.nonFinite));
            QL_TRY(field(e, where, "histogram_range", s.histogramRange));
            QL_TRY(field(e, where, "bins", s.bins));
            t.summaries[name] = s;
        }
    }
    return t;
}
}  // namespace

std::string CalibrationTable::describe() const {
    std::string m = quant::calibrationMethodName(observer.method);
    if (observer.method == quant::CalibrationMethod::Percentile) m += " " + runtime::formatPercentile(observer.percentile);
    return m + " ranges from " + std::to_string(samples) + " sample(s)" + (source.empty() ? "" : " of " + source);
}

std::string toJson(const CalibrationTable& t) {
    json j;
    j["schema"] = kSchema;
    j["model"] = t.model;
    j["method"] = quant::calibrationMethodName(t.observer.method);
    j["options"] = {{"percentile", t.observer.percentile}, {"bins", t.observer.bins}};
    j["samples"] = t.samples;
    j["source"] = t.source;
    j["scheme"] = {{"weights", t.perTensorWeights ? "per-tensor" : "per-channel"},
                   {"activations", t.asymmetricActivations ? "asymmetric" : "symmetric"}};
    json values = json::object();
    for (const auto& [name, r] : t.ranges) {
        json e = {{"min", r.min}, {"max", r.max}};
        if (auto s = t.summaries.find(name); s != t.summaries.end()) {
            e["count"] = s->second.count;
            e["non_finite"] = s->second.nonFinite;
            if (s->second.bins) {
                e["histogram_range"] = s->second.histogramRange;
                e["bins"] = s->second.bins;
            }
        }
        values[name] = e;
    }
    j["values"] = values;
    return j.dump(2) + "\n";
}

Expected<CalibrationTable> calibrationTableFromJson(const std::string& text, const std::string& source) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        try {
            const json again = json::parse(text);  // throws the parse error that names the byte
            (void)again;
        } catch (const json::parse_error& e) {
            return Status::error(source + ": not valid JSON (byte " + std::to_string(e.byte) + ")");
        } catch (const json::exception& e) {  // e.g. out_of_range 406: a number too large for a double
            return Status::error(source + ": not valid JSON (" + std::string(e.what()) + ")");
        }
        return Status::error(source + ": not valid JSON");
    }
    auto t = fromJson(j);
    if (!t) return t.status().withContext(source + ": ");
    return t;
}

Expected<CalibrationTable> readCalibrationTable(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return Status::error(file.string() + ": cannot open the calibration table");
    std::stringstream s;
    s << in.rdbuf();
    return calibrationTableFromJson(s.str(), file.string());
}

Status checkTableAgainst(const CalibrationTable& t, const ir::Graph& graph, const std::string& source) {
    for (const auto& [name, r] : t.ranges)
        if (!graph.findValue(name))
            return Status::error(source + ": 'values." + name + "' is not a value of this model" + (t.model.empty() ? "" : " (the table was made for " + t.model + ")"));
    return Status::ok();
}

std::vector<std::string> valuesMissingFrom(const CalibrationTable& t, const ir::Graph& graph) {
    std::vector<std::string> missing;
    auto check = [&](ir::ValueId v) {
        const ir::Value& value = graph.value(v);
        if (value.dtype == ir::DType::F32 && !t.ranges.count(value.name) &&
            std::find(missing.begin(), missing.end(), value.name) == missing.end())
            missing.push_back(value.name);
    };
    for (ir::ValueId v : graph.inputs) check(v);
    for (ir::NodeId id : graph.nodeIds())
        for (ir::ValueId v : graph.node(id).outputs)
            if (v.valid()) check(v);
    return missing;
}

Status writeCalibrationTable(const std::filesystem::path& file, const CalibrationTable& t, bool overwrite) {
    std::error_code ec;
    if (!overwrite && std::filesystem::exists(file, ec))
        return Status::error(file.string() + ": exists; refusing to overwrite it");
    return writeFileAtomically(file, toJson(t));
}

}  // namespace ql::session
