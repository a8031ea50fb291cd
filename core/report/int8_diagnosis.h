#pragma once
// "Why is INT8 (not) faster here?" from a RunResult alone: the INT8 plan's time split into
// causes that are not int8 kernels doing int8 work — Q/DQ nodes of the model left unfolded,
// reference-kernel fallbacks, FP32 islands between int8 layers and the conversions around them,
// layout reorders, conversions at the model's edges, memory-bound layers, time outside the steps
// — each with its milliseconds, the nodes it concerns and what would fix it, sorted by cost;
// plus the context that changes the expectation (no VNNI / 7-bit activations, batch size).
#include <string>
#include <vector>

#include "core/session/run_result.h"

namespace ql::report {

struct DiagnosisCause {
    std::string kind;    // unfolded_qdq | reference_fallback | fp32_island | layout_reorders | conversions |
                         // memory_bound | outside_steps | no_vnni | batch | fp32_layout_reorders
    double ms = 0;       // INT8 step medians attributed to it (0 for pure context)
    double share = 0;    // of the INT8 steps' total
    int steps = 0;
    std::vector<std::string> nodes;  // the nodes (or steps) concerned, most expensive first, at most 5
    std::string text;    // what happens, naming nodes and ms (English, for terminals and JSON)
    std::string fix;     // what would remove the cost (English)
    // The facts `text` and `fix` are made of, so a UI can phrase them in its own language:
    std::vector<std::string> ops;      // reference_fallback, fp32_island: the op types concerned
    std::vector<std::string> reasons;  // reference_fallback: per op in `ops`, the plan's first reason (may be empty)
    std::vector<std::string> missing;  // fp32_island: of `ops`, those with no int8 step in this plan
    std::string note;                  // fp32_island: the plan's note on the first island
    std::string layout;                // layout_reorders, fp32_layout_reorders: the forced layout ("" = auto)
    std::string isa;                   // no_vnni: the ISA oneDNN used
    bool noVnni = false, sevenBit = false;  // no_vnni: the CPU has no VNNI; 7-bit activations ran
    double ratio = 0;                  // memory_bound: FP32 / INT8 time of those layers; batch: memory-bound share
    double ofMs = 0;                   // unfolded_qdq: INT8 steps' total; fp32_layout_reorders: FP32 whole median
    double fp32Ms = 0;                 // fp32_layout_reorders: the FP32 plan's reorders (not INT8 time)
};

struct Int8Diagnosis {
    bool available = false;           // both FP32 and INT8 ran
    double fp32Ms = 0, int8Ms = 0, speedUp = 0;  // whole-model medians
    double int8StepsMs = 0;           // sum of INT8 step medians
    double int8KernelMs = 0;          // of it, in int8 kernels (the useful part)
    std::string summary;              // one line
    std::vector<DiagnosisCause> causes;  // by ms, largest first; context (ms 0) last
};

Int8Diagnosis diagnoseInt8(const session::RunResult& result);

// "1. 8.41 ms (62%) QuantizeLinear/DequantizeLinear ... — fix: ..." lines, for terminals and logs.
std::string formatDiagnosis(const Int8Diagnosis& d);

}  // namespace ql::report
