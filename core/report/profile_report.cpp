#include "core/report/profile_report.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/util/json_writer.h"

namespace ql::report {

std::vector<OutputAgreement> compareOutputs(const runtime::TensorMap& ref, const runtime::TensorMap& other) {
    std::vector<OutputAgreement> v;
    for (const auto& [name, a] : ref) {
        auto it = other.find(name);
        if (it == other.end() || a.dtype() != ir::DType::F32 || it->second.dims() != a.dims()) continue;
        const float* x = a.data<float>();
        const float* y = it->second.data<float>();
        double dot = 0, nx = 0, ny = 0, err = 0, maxErr = 0;
        for (int64_t i = 0; i < a.numel(); ++i) {
            dot += double(x[i]) * y[i];
            nx += double(x[i]) * x[i];
            ny += double(y[i]) * y[i];
            const double e = double(x[i]) - y[i];
            err += e * e;
            maxErr = std::max(maxErr, std::fabs(e));
        }
        OutputAgreement o;
        o.output = name;
        o.cosine = nx > 0 && ny > 0 ? dot / std::sqrt(nx * ny) : 0;
        o.maxAbsError = maxErr;
        o.sqnrDb = err > 0 ? 10 * std::log10(nx / err) : INFINITY;
        o.sameArgmax = true;
        if (a.rank() == 2) {
            const int64_t rows = a.dims()[0], cols = a.dims()[1];
            for (int64_t r = 0; r < rows; ++r) {
                auto am = [&](const float* p) { return std::max_element(p + r * cols, p + (r + 1) * cols) - (p + r * cols); };
                o.sameArgmax &= am(x) == am(y);
            }
        }
        v.push_back(o);
    }
    return v;
}

namespace {
void stats(JsonWriter& j, const char* key, const profile::Stats& s) {
    j.key(key).beginObject().field("n", s.n).field("median", s.median).field("mean", s.mean).field("stddev", s.stddev);
    j.field("p10", s.p10).field("p90", s.p90).field("min", s.min).field("max", s.max);
    j.key("ci95").beginArray().value(s.ci95Low).value(s.ci95High).endArray().endObject();
}
}  // namespace

std::string toJson(const ProfileReport& r) {
    JsonWriter j;
    j.beginObject().field("schema", "quantlens.profile/1").field("model", r.model).field("executor", r.executor);
    j.field("layout", r.layout).field("batch", r.batch).field("warmup", r.warmup).field("repeat", r.repeat);
    j.key("cpu").beginObject().field("model", r.cpu.cpuModel).field("isa", r.cpu.isa).field("vnni", r.cpu.int8Vnni);
    j.field("threads", r.cpu.threads).field("onednn", r.cpu.onednnVersion).endObject();
    j.field("peak_rss_bytes", r.peakRssBytes);
    j.key("results").beginArray();
    for (const auto& p : r.results) {
        j.beginObject().field("precision", p.precision);
        if (!p.int8Note.empty()) j.field("int8", p.int8Note);
        stats(j, "whole_ms", p.run.wholeMs);
        j.field("sum_of_layer_medians_ms", p.run.sumOfLayerMediansMs).field("sum_of_layer_means_ms", p.run.sumOfLayerMeansMs);
        if (p.run.memory) {
            const auto& m = *p.run.memory;
            j.key("memory").beginObject().field("weight_bytes", m.weightBytes).field("arena_bytes", m.arenaBytes);
            j.field("activation_bytes", m.activationBytes).field("liveness_lower_bound_bytes", m.livenessLowerBound).endObject();
        }
        j.key("passes").beginArray();
        for (const auto& pr : p.passes) {
            j.beginObject().field("name", pr.pass).field("ms", pr.ms).field("nodes_before", int64_t(pr.nodesBefore));
            j.field("nodes_after", int64_t(pr.nodesAfter)).key("changes").beginArray();
            for (const auto& c : pr.changes) j.value(c);
            j.endArray().endObject();
        }
        j.endArray();
        j.key("layers").beginArray();
        for (const auto& l : p.run.layers) {
            j.beginObject().field("name", l.step.name).field("op", l.step.opType).field("inserted", l.step.inserted);
            j.key("fused_from").beginArray();
            for (const auto& f : l.step.fusedFromNames) j.value(f);
            j.endArray();
            j.field("impl", l.step.impl);
            if (!l.step.fallbackReason.empty()) j.field("fallback_reason", l.step.fallbackReason);
            if (!l.step.note.empty()) j.field("note", l.step.note);
            j.field("format", l.step.format).field("dtype", l.step.dtype).field("macs", l.step.macs).field("gmac_per_s", l.gmacPerSecond);
            j.field("output_bytes", l.step.outputBytes).field("weight_bytes", l.step.weightBytes);
            stats(j, "ms", l.ms);
            j.endObject();
        }
        j.endArray().endObject();
    }
    j.endArray();
    j.key("agreement").beginArray();
    for (const auto& a : r.agreement)
        j.beginObject().field("output", a.output).field("cosine", a.cosine).field("max_abs_error", a.maxAbsError)
            .field("sqnr_db", a.sqnrDb).field("same_argmax", a.sameArgmax).endObject();
    j.endArray().endObject();
    return j.str() + "\n";
}

std::string toCsv(const ProfileReport& r) {
    std::ostringstream os;
    auto quote = [](const std::string& s) {
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    os << "precision,index,name,op,inserted,fused_from,impl,format,dtype,macs,gmac_per_s,median_ms,p10_ms,p90_ms,output_bytes,weight_bytes\n";
    for (const auto& p : r.results) {
        for (size_t i = 0; i < p.run.layers.size(); ++i) {
            const auto& l = p.run.layers[i];
            std::string from;
            for (const auto& f : l.step.fusedFromNames) from += (from.empty() ? "" : "|") + f;
            os << p.precision << ',' << i << ',' << quote(l.step.name) << ',' << l.step.opType << ',' << (l.step.inserted ? 1 : 0) << ','
               << quote(from) << ',' << quote(l.step.impl) << ',' << l.step.format << ',' << l.step.dtype << ',' << l.step.macs << ','
               << l.gmacPerSecond << ',' << l.ms.median << ',' << l.ms.p10 << ',' << l.ms.p90 << ',' << l.step.outputBytes << ','
               << l.step.weightBytes << '\n';
        }
    }
    return os.str();
}

Status writeFileAtomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        if (!out) return Status::error(path + ": cannot write");
        out << text;
        if (!out) return Status::error(path + ": write failed");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return Status::error(path + ": " + ec.message());
    return Status::ok();
}

}  // namespace ql::report
