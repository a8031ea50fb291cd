#pragma once
// This CPU's multiply-accumulate peaks, measured: FP32 FMA and int8 dot-product loops with enough
// independent accumulators to hide latency, on N threads at once, best of several trials. A
// profile divides each layer's GMAC/s by the peak of its precision ("share of the peak"). Plain
// code compiled per ISA with target attributes; no oneDNN header.
#include <string>
#include <vector>

namespace ql::kernels::onednn {

struct MacPeak {
    std::string kernel;        // "int8 VNNI, AVX-512 (vpdpbusd zmm)"
    double gmacPerSecond = 0;  // 0 when this CPU lacks the instructions
};

struct MacPeaks {
    MacPeak fp32, int8;  // the kernels for the ISA oneDNN runs (capped ISAs get the capped kernels)
    int threads = 1;
    double seconds = 0;  // spent measuring
};

// The peaks for `isa` (oneDNN's name: "avx512_core_vnni", "avx2", ...) on `threads` threads,
// best of `trials` runs of about `seconds` each.
MacPeaks measureMacPeaks(const std::string& isa, int threads, double seconds = 0.1, int trials = 3);

// Every kernel this CPU supports, for the microbenchmark (tests/bench/mac_peak.cpp).
std::vector<MacPeak> measureAllMacPeaks(int threads, double seconds, int trials);

}  // namespace ql::kernels::onednn
