#include "core/report/compare_report.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace ql::report {

namespace {
using nlohmann::json;

// JSON has no infinity: +inf / -inf SQNR become the strings "inf" / "-inf", NaN null.
json number(double v) {
    if (std::isnan(v)) return nullptr;
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return v;
}

json error(const profile::LayerError& e) {
    json j = {{"count", e.count}, {"sqnr_db", number(e.sqnrDb)}, {"cosine", number(e.cosine)}, {"max_abs_error", number(e.maxAbsError)},
              {"mse", number(e.mse)}, {"ref_rms", number(e.refRms)}};
    if (e.hasGrid) j.update({{"clipped_share", e.clippedShare}, {"saturated_share", e.saturatedShare}});
    return j;
}
}  // namespace

std::string toJson(const session::ComparisonResult& r) {
    json j;
    j["schema"] = "quantlens.compare/1";
    j["model"] = r.model;
    j["mode"] = session::compareModeName(r.mode);
    j["inputs"] = r.inputSource;
    if (!r.referenceModel.empty()) j["reference_model"] = r.referenceModel;  // the FP32 side ran this file
    j["samples"] = r.samples;
    j["batch"] = r.config.batch;
    j["int8"] = {{"note", r.int8Note}, {"seven_bit_activations", r.sevenBitActivations}};
    j["cpu"] = {{"model", r.cpu.cpuModel}, {"isa", r.cpu.isa}, {"vnni", r.cpu.int8Vnni}, {"threads", r.cpu.threads}, {"onednn", r.cpu.onednnVersion}, {"openmp", r.cpu.openmp}};
    j["config"] = json::parse(session::toJson(r.config));
    j["seconds"] = r.seconds;
    j["peak_rss_bytes"] = r.peakRssBytes;
    j["layers"] = json::array();
    for (const auto& l : r.layers) {
        json row = {{"node_id", l.node}, {"name", l.name}, {"op", l.opType}, {"value", l.value}, {"fused_from", l.fusedFrom},
                    {"int8_dtype", l.int8Dtype}, {"int8_impl", l.int8Impl}, {"int8_capable", l.int8Capable}, {"macs", l.macs}};
        if (l.range) row["range"] = {l.range->min, l.range->max};
        if (l.propagated) row["propagated"] = error(*l.propagated);
        if (l.isolated) {
            row["isolated"] = error(l.isolated->output);
            row["isolated"]["top1_agreement"] = l.isolated->top1Agreement;
        }
        j["layers"].push_back(std::move(row));
    }
    j["outputs"] = json::array();
    for (const auto& o : r.outputs) {
        json out = {{"name", o.output}, {"error", error(o.error)}};
        if (o.hasTop1) out["top1_agreement"] = o.top1Agreement;
        j["outputs"].push_back(std::move(out));
    }
    j["isolated_layers_skipped"] = r.isolatedLayersSkipped;
    j["unmatched_values"] = r.unmatched;
    auto names = [](const std::vector<const session::LayerComparison*>& v) {
        json a = json::array();
        for (const auto* l : v) a.push_back(l->name);
        return a;
    };
    j["worst_propagated"] = names(r.worstPropagated(5));
    j["most_sensitive"] = names(r.mostSensitive(5));
    return j.dump(2) + "\n";
}

}  // namespace ql::report
