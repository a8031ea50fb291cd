#include "core/report/profile_report.h"

#include "core/report/int8_diagnosis.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace ql::report {

namespace {
using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json stats(const profile::Stats& s) {
    return {{"n", s.n}, {"median", s.median}, {"mean", s.mean}, {"stddev", s.stddev}, {"p10", s.p10}, {"p90", s.p90},
            {"min", s.min}, {"max", s.max}, {"ci95", {s.ci95Low, s.ci95High}}};
}

json names(const ir::Graph* g, const std::vector<ir::NodeId>& ids) {
    json a = json::array();
    for (ir::NodeId id : ids) a.push_back(g ? json(g->node(id).name) : json(id.v));
    return a;
}

json passRecord(const passes::PassRecord& p) {
    json fusions = json::array();
    for (const auto& f : p.fusions) fusions.push_back({{"into", f.into.v}, {"absorbed", names(nullptr, f.absorbed)}});
    return {{"name", p.pass}, {"ms", p.ms}, {"nodes_before", p.nodesBefore}, {"nodes_after", p.nodesAfter}, {"changes", p.changes},
            {"removed_ids", names(nullptr, p.removed)}, {"created_ids", names(nullptr, p.created)}, {"fusions", fusions}};
}

json layer(const session::RunResult& r, const profile::LayerProfile& l) {
    json j = {{"name", l.step.name}, {"op", l.step.opType}, {"inserted", l.step.inserted}, {"fused_from", l.step.fusedFromNames},
              {"impl", l.step.impl}};
    if (l.step.node.valid()) j["node_id"] = l.step.node.v;
    if (!l.step.fallbackReason.empty()) j["fallback_reason"] = l.step.fallbackReason;
    if (!l.step.note.empty()) j["note"] = l.step.note;
    j.update({{"format", l.step.format}, {"dtype", l.step.dtype}, {"macs", l.step.macs}, {"gmac_per_s", number(l.gmacPerSecond)},
              {"output_bytes", l.step.outputBytes}, {"weight_bytes", l.step.weightBytes}, {"ms", stats(l.ms)}});
    if (!l.step.inputDtype.empty()) j["input_dtype"] = l.step.inputDtype;
    if (auto share = session::shareOfPeak(r, l)) j["peak_share"] = number(*share);
    return j;
}
}  // namespace

std::string toJson(const session::RunResult& r) {
    json j;
    j["schema"] = "quantlens.profile/1";
    j["model"] = r.model;
    j["executor"] = r.runs.empty() ? r.config.executor : r.runs.front().executor;
    j["layout"] = runtime::layoutName(r.runs.empty() ? r.config.layout : r.runs.front().layout);
    j["batch"] = r.config.batch;
    j["warmup"] = r.config.warmup;
    j["repeat"] = r.config.repeat;
    j["cpu"] = {{"model", r.cpu.cpuModel}, {"isa", r.cpu.isa}, {"vnni", r.cpu.int8Vnni}, {"threads", r.cpu.threads}, {"onednn", r.cpu.onednnVersion}, {"openmp", r.cpu.openmp}};
    j["peak_rss_bytes"] = r.peakRssBytes;
    j["load_average"] = r.loadAverage;
    if (r.macPeaks) {
        auto peak = [](const kernels::onednn::MacPeak& p) { return json{{"kernel", p.kernel}, {"gmac_per_s", number(p.gmacPerSecond)}}; };
        j["mac_peak"] = {{"threads", r.macPeaks->threads}, {"fp32", peak(r.macPeaks->fp32)}, {"int8", peak(r.macPeaks->int8)}};
    }
    j["config"] = json::parse(session::toJson(r.config));
    j["results"] = json::array();
    for (const auto& p : r.runs) {
        const auto& run = p.profile;
        json e = {{"precision", runtime::precisionName(p.precision)}};
        if (!p.int8Note.empty()) e["int8"] = p.int8Note;
        e["whole_ms"] = stats(run.wholeMs);
        e["whole_samples_ms"] = run.wholeSamplesMs;
        e["sum_of_layer_medians_ms"] = run.sumOfLayerMediansMs;
        e["sum_of_layer_means_ms"] = run.sumOfLayerMeansMs;
        if (run.memory)
            e["memory"] = {{"weight_bytes", run.memory->weightBytes}, {"arena_bytes", run.memory->arenaBytes},
                           {"activation_bytes", run.memory->activationBytes}, {"liveness_lower_bound_bytes", run.memory->livenessLowerBound},
                           {"live_bytes_per_step", run.memory->liveBytesPerStep}};
        e["passes"] = json::array();
        if (p.executor != "reference")  // the reference executor runs the graph as imported
            for (const auto& pr : r.passes) e["passes"].push_back(passRecord(pr));
        e["layers"] = json::array();
        for (const auto& l : run.layers) e["layers"].push_back(layer(r, l));
        j["results"].push_back(std::move(e));
    }
    j["agreement"] = json::array();
    for (const auto& a : r.agreement)
        j["agreement"].push_back({{"output", a.output}, {"cosine", number(a.cosine)}, {"max_abs_error", number(a.maxAbsError)},
                                  {"sqnr_db", number(a.sqnrDb)}, {"same_argmax", a.sameArgmax}});
    if (const Int8Diagnosis d = diagnoseInt8(r); d.available) {
        json causes = json::array();
        for (const auto& c : d.causes)
            causes.push_back({{"kind", c.kind}, {"ms", number(c.ms)}, {"share", number(c.share)}, {"steps", c.steps}, {"nodes", c.nodes},
                              {"text", c.text}, {"fix", c.fix}});
        j["int8_diagnosis"] = {{"summary", d.summary}, {"int8_steps_ms", number(d.int8StepsMs)}, {"int8_kernel_ms", number(d.int8KernelMs)},
                               {"causes", causes}};
    }
    return j.dump() + "\n";
}

std::string toCsv(const session::RunResult& r) {
    std::ostringstream os;
    auto quote = [](const std::string& s) {
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    os << "precision,index,name,op,inserted,fused_from,impl,format,dtype,macs,gmac_per_s,median_ms,p10_ms,p90_ms,output_bytes,weight_bytes\n";
    for (const auto& p : r.runs) {
        for (size_t i = 0; i < p.profile.layers.size(); ++i) {
            const auto& l = p.profile.layers[i];
            std::string from;
            for (const auto& f : l.step.fusedFromNames) from += (from.empty() ? "" : "|") + f;
            os << runtime::precisionName(p.precision) << ',' << i << ',' << quote(l.step.name) << ',' << l.step.opType << ',' << (l.step.inserted ? 1 : 0) << ','
               << quote(from) << ',' << quote(l.step.impl) << ',' << l.step.format << ',' << l.step.dtype << ',' << l.step.macs << ','
               << l.gmacPerSecond << ',' << l.ms.median << ',' << l.ms.p10 << ',' << l.ms.p90 << ',' << l.step.outputBytes << ','
               << l.step.weightBytes << '\n';
        }
    }
    return os.str();
}

}  // namespace ql::report
