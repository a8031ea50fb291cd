#include "core/report/int8_diagnosis.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace ql::report {

namespace {
using profile::LayerProfile;

std::string ms(double v) {
    char b[32];
    std::snprintf(b, sizeof b, v >= 10 ? "%.1f ms" : "%.2f ms", v);
    return b;
}
// The first names of a bucket's `total` steps (names holds only the costliest few).
std::string quoted(const std::vector<std::string>& names, int total, size_t limit = 3) {
    std::string s;
    size_t shown = 0;
    for (; shown < names.size() && shown < limit; ++shown) s += (shown ? ", '" : "'") + names[shown] + "'";
    const int64_t more = std::max<int64_t>(total, int64_t(names.size())) - int64_t(shown);
    if (more > 0) s += " and " + std::to_string(more) + " more";
    return s;
}

bool isReference(const runtime::StepInfo& s) { return s.impl == "reference" || s.impl.rfind("ref", 0) == 0; }
bool isQdqNode(const runtime::StepInfo& s) {
    return !s.inserted && (s.opType == "QuantizeLinear" || s.opType == "DequantizeLinear" || s.opType == "DynamicQuantizeLinear");
}
bool isConversion(const runtime::StepInfo& s) { return s.inserted && (s.opType == "Quantize" || s.opType == "Dequantize"); }

// Collects steps into one cause, keeping the most expensive names first.
struct Bucket {
    double ms = 0;
    std::vector<std::pair<double, std::string>> named;
    void add(const LayerProfile& l) {
        ms += l.ms.median;
        named.emplace_back(l.ms.median, l.step.name);
    }
    int steps() const { return int(named.size()); }
    std::vector<std::string> names() {
        std::stable_sort(named.begin(), named.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::string> out;
        for (size_t i = 0; i < named.size() && i < 5; ++i) out.push_back(named[i].second);
        return out;
    }
};

constexpr double kMemoryBoundMacsPerByte = 16;  // below this a layer waits on memory, not on MACs
}  // namespace

Int8Diagnosis diagnoseInt8(const session::RunResult& result) {
    Int8Diagnosis d;
    const session::PrecisionRun* fp32 = result.find(runtime::Precision::Fp32);
    const session::PrecisionRun* int8 = result.find(runtime::Precision::Int8);
    if (!fp32 || !int8) {
        d.summary = "only one precision ran: no FP32 vs INT8 diagnosis";
        return d;
    }
    d.available = true;
    d.fp32Ms = fp32->profile.wholeMs.median;
    d.int8Ms = int8->profile.wholeMs.median;
    d.speedUp = d.int8Ms > 0 ? d.fp32Ms / d.int8Ms : 0;
    const auto& steps = int8->profile.layers;
    std::map<uint32_t, double> fp32ByNode;
    for (const auto& l : fp32->profile.layers)
        if (l.step.node.valid()) fp32ByNode[l.step.node.v] += l.ms.median;

    // Conversions next to an FP32 island belong to it: walk out from each island over the
    // inserted steps on both sides.
    std::vector<bool> taken(steps.size(), false);
    Bucket qdq, reference, islands, reorders, edges, memoryBound;
    std::map<std::string, std::string> referenceReasons;  // op -> first reason
    std::set<std::string> islandOps, int8Ops;
    std::string islandNote;
    for (const auto& l : steps)
        if (!l.step.inserted && l.step.computesInInt8()) int8Ops.insert(l.step.opType);
    double memoryBoundFp32 = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
        const auto& s = steps[i].step;
        d.int8StepsMs += steps[i].ms.median;
        if (s.inserted || !s.node.valid()) continue;
        if (isQdqNode(s)) {
            qdq.add(steps[i]);
            taken[i] = true;
        } else if (isReference(s)) {
            reference.add(steps[i]);
            referenceReasons.emplace(s.opType, s.fallbackReason);
            taken[i] = true;
        } else if (!s.computesInInt8()) {
            // f32 between int8 steps: an island when its input had to be dequantized or its
            // output is quantized again (a conv computing in int8 may write f32 without either)
            bool converted = false;
            for (size_t j = i; j-- > 0 && steps[j].step.inserted;) converted = converted || steps[j].step.opType == "Dequantize";
            for (size_t j = i + 1; j < steps.size() && steps[j].step.inserted; ++j) converted = converted || steps[j].step.opType == "Quantize";
            if (!converted) continue;
            islands.add(steps[i]);
            islandOps.insert(s.opType);
            if (islandNote.empty()) islandNote = s.note;
            taken[i] = true;
            for (size_t j = i; j-- > 0 && steps[j].step.inserted;)
                if (!taken[j] && steps[j].step.opType == "Dequantize") islands.ms += steps[j].ms.median, taken[j] = true;
            for (size_t j = i + 1; j < steps.size() && steps[j].step.inserted; ++j)
                if (!taken[j] && steps[j].step.opType == "Quantize") islands.ms += steps[j].ms.median, taken[j] = true;
        } else {
            d.int8KernelMs += steps[i].ms.median;
            const int64_t bytes = s.outputBytes + s.weightBytes;
            if (bytes > 0 && double(s.macs) / double(bytes) < kMemoryBoundMacsPerByte) {
                memoryBound.add(steps[i]);
                if (auto f = fp32ByNode.find(s.node.v); f != fp32ByNode.end()) memoryBoundFp32 += f->second;
            }
        }
    }
    for (size_t i = 0; i < steps.size(); ++i) {
        if (taken[i] || !steps[i].step.inserted) continue;
        (isConversion(steps[i].step) ? edges : reorders).add(steps[i]);
    }
    auto share = [&](double v) { return d.int8StepsMs > 0 ? v / d.int8StepsMs : 0.0; };
    auto cause = [&](const char* kind, Bucket& b, std::string text, std::string fix) -> DiagnosisCause* {
        if (b.steps() == 0 && b.ms <= 0) return nullptr;
        DiagnosisCause c;
        c.kind = kind;
        c.ms = b.ms;
        c.share = share(b.ms);
        c.steps = b.steps();
        c.nodes = b.names();
        c.text = std::move(text);
        c.fix = std::move(fix);
        d.causes.push_back(std::move(c));
        return &d.causes.back();
    };

    if (qdq.steps()) {
        const auto names = qdq.names();
        DiagnosisCause* c = cause("unfolded_qdq", qdq,
              std::to_string(qdq.steps()) + " QuantizeLinear/DequantizeLinear node(s) of the model run as separate steps (" + quoted(names, qdq.steps()) +
                  "): " + ms(qdq.ms) + " of " + ms(d.int8StepsMs) + " — the QDQ pattern was not folded into int8 kernels, so the layers "
                  "between them compute in f32",
              "run the float model and let QuantLens calibrate it, or fold DequantizeLinear -> op -> QuantizeLinear into the op's int8 kernel");
        c->ofMs = d.int8StepsMs;
    }
    if (reference.steps()) {
        std::string ops;
        for (const auto& [op, why] : referenceReasons) ops += (ops.empty() ? "" : "; ") + op + (why.empty() ? "" : " (" + why + ")");
        DiagnosisCause* c = cause("reference_fallback", reference,
              std::to_string(reference.steps()) + " node(s) ran on QuantLens' reference kernels (" + quoted(reference.names(), reference.steps()) + "): " + ms(reference.ms) +
                  " — " + ops,
              "a oneDNN kernel for these ops (or an equivalent op the exporter can emit)");
        for (const auto& [op, why] : referenceReasons) c->ops.push_back(op), c->reasons.push_back(why);
    }
    if (islands.steps()) {
        std::string ops, missing;
        for (const auto& op : islandOps) {
            ops += (ops.empty() ? "" : ", ") + op;
            if (!int8Ops.count(op)) missing += (missing.empty() ? "" : ", ") + op;
        }
        DiagnosisCause* c = cause("fp32_island", islands,
              std::to_string(islands.steps()) + " layer(s) stay in f32 between int8 layers (" + quoted(islands.names(), islands.steps()) + ", op " + ops + "): " +
                  ms(islands.ms) + " including the dequantize/quantize steps around them" + (islandNote.empty() ? "" : " (" + islandNote + ")"),
              missing.empty() ? "these ops run int8 elsewhere in this plan: what keeps these in f32 is around them (unfolded QDQ nodes, an FP32 "
                                "fallback entry, a value without a calibration range)"
                              : "an int8 kernel for " + missing + ", or take them out of the FP32 fallback list if they are in it");
        for (const auto& op : islandOps) {
            c->ops.push_back(op);
            if (!int8Ops.count(op)) c->missing.push_back(op);
        }
        c->note = islandNote;
    }
    if (reorders.steps()) {
        const bool forced = result.config.layout != runtime::Layout::Auto;
        DiagnosisCause* c = cause("layout_reorders", reorders,
              std::to_string(reorders.steps()) + " layout reorder(s) inserted between primitives (" + quoted(reorders.names(), reorders.steps()) + "): " + ms(reorders.ms) +
                  (forced ? " — the layout is forced to " + runtime::layoutName(result.config.layout) + ", which the kernels do not all prefer" : ""),
              forced ? "--layout auto lets each primitive choose its format" : "keep adjacent layers in one memory format");
        if (forced) c->layout = runtime::layoutName(result.config.layout);
    }
    if (edges.steps()) {
        cause("conversions", edges,
              std::to_string(edges.steps()) + " quantize/dequantize step(s) not next to an f32 layer, mostly at the model's inputs and outputs (" +
                  quoted(edges.names(), edges.steps()) + "): " + ms(edges.ms),
              "unavoidable at the edges of an f32 model (a pipeline that feeds int8 input skips the first); elsewhere, give both sides one scale");
    }
    if (memoryBound.steps()) {
        const double gain = memoryBound.ms > 0 ? memoryBoundFp32 / memoryBound.ms : 0;
        char g[64];
        std::snprintf(g, sizeof g, "%.2fx", gain);
        DiagnosisCause* c = cause("memory_bound", memoryBound,
              std::to_string(memoryBound.steps()) + " int8 layer(s) are memory-bound (under " + std::to_string(int(kMemoryBoundMacsPerByte)) +
                  " MACs per byte written or read as weights: pooling, depthwise and small pointwise convolutions, adds; " +
                  quoted(memoryBound.names(), memoryBound.steps()) + "): " + ms(memoryBound.ms) + ", " + g + " faster than their FP32 steps",
              "int8 helps these only through 4x smaller tensors; fusing them into neighbouring convolutions or larger batches does more");
        c->ratio = gain;
    }
    // Means add up where medians do not (the median of a sum is not the sum of the medians):
    // the time outside the steps is the whole-model mean minus the sum of the steps' means.
    const double outside = int8->profile.wholeMs.mean - int8->profile.sumOfLayerMeansMs;
    if (d.int8Ms > 0 && outside > 0.05 * d.int8Ms) {
        Bucket b;
        b.ms = outside;
        cause("outside_steps", b, ms(outside) + " of the whole-model time is outside the steps (executor overhead, thread wake-up between steps)",
              "more work per step (larger batch) or fewer steps (fusion)");
    }
    std::stable_sort(d.causes.begin(), d.causes.end(), [](const DiagnosisCause& a, const DiagnosisCause& b) { return a.ms > b.ms; });
    // A forced layout can handicap the FP32 side instead: the speed-up then flatters INT8.
    if (result.config.layout != runtime::Layout::Auto) {
        Bucket fp32Reorders;
        for (const auto& l : fp32->profile.layers)
            if (l.step.inserted) fp32Reorders.add(l);
        if (fp32Reorders.steps()) {
            DiagnosisCause c;
            c.kind = "fp32_layout_reorders";
            c.steps = fp32Reorders.steps();
            c.nodes = fp32Reorders.names();
            c.text = "the layout is forced to " + runtime::layoutName(result.config.layout) + ": the FP32 plan pays " + std::to_string(c.steps) +
                     " reorder(s) for it (" + ms(fp32Reorders.ms) + " of " + ms(d.fp32Ms) + "), so the speed-up is measured against a slowed FP32";
            c.fix = "--layout auto, so that each precision runs in the formats its kernels prefer";
            c.layout = runtime::layoutName(result.config.layout);
            c.fp32Ms = fp32Reorders.ms;
            c.ofMs = d.fp32Ms;
            d.causes.push_back(c);
        }
    }
    // context: what changes the expectation, not a share of the time
    if (!result.cpu.int8Vnni || int8->sevenBitActivations) {
        DiagnosisCause c;
        c.kind = "no_vnni";
        c.ms = 0;
        c.text = !result.cpu.int8Vnni ? "no VNNI on this ISA (" + result.cpu.isa + "): int8 dot products go through 16-bit intermediate sums " +
                                            (int8->sevenBitActivations ? "with 7-bit activations (to avoid their saturation)" : "") +
                                            ", so int8 convolutions gain about half of what they gain with VNNI"
                                      : "7-bit activations were forced on a CPU with VNNI: the precision is lower at no speed gain";
        c.fix = !result.cpu.int8Vnni ? "a CPU with AVX512-VNNI or AVX-VNNI (or --max-isa none to check whether it was capped)" : "--seven-bit auto";
        c.isa = result.cpu.isa;
        c.noVnni = !result.cpu.int8Vnni;
        c.sevenBit = int8->sevenBitActivations;
        d.causes.push_back(c);
    }
    if (result.config.batch == 1 && memoryBound.ms > 0.3 * d.int8StepsMs) {
        DiagnosisCause c;
        c.kind = "batch";
        c.ratio = share(memoryBound.ms);
        c.text = "batch 1: memory-bound layers take " + std::to_string(int(100 * share(memoryBound.ms))) + "% of the INT8 time";
        c.fix = "a larger batch reuses each weight more and makes the convolutions compute-bound";
        d.causes.push_back(c);
    }
    char head[256];
    std::snprintf(head, sizeof head, "INT8 %s vs FP32 %s (%.2fx); int8 kernels %s of the %s INT8 steps (%.0f%%)", ms(d.int8Ms).c_str(), ms(d.fp32Ms).c_str(),
                  d.speedUp, ms(d.int8KernelMs).c_str(), ms(d.int8StepsMs).c_str(), 100 * share(d.int8KernelMs));
    d.summary = head;
    return d;
}

std::string formatDiagnosis(const Int8Diagnosis& d) {
    std::string out = (d.speedUp >= 1.05 ? "why INT8 is faster, and what it still pays for: " : "why INT8 is not faster: ") + d.summary + "\n";
    int k = 0;
    for (const auto& c : d.causes) {
        char lead[64];
        if (c.ms > 0) std::snprintf(lead, sizeof lead, "%2d. %s (%.0f%%) ", ++k, ms(c.ms).c_str(), 100 * c.share);
        else std::snprintf(lead, sizeof lead, "  - ");
        out += std::string(lead) + c.text + "\n      fix: " + c.fix + "\n";
    }
    if (d.causes.empty()) out += "  nothing but int8 kernels: the INT8 time is the kernels' own\n";
    return out;
}

}  // namespace ql::report
