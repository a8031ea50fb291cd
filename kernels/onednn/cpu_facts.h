#pragma once
// What a result must say about the machine it ran on. Plain data: no oneDNN header, so reports
// and front ends can hold it without compiling against dnnl.hpp.
#include <string>

namespace ql::kernels::onednn {

struct CpuFacts {
    std::string cpuModel;      // /proc/cpuinfo "model name"
    std::string isa;           // ISA oneDNN dispatches to ("avx2", "avx512_core_vnni", ...)
    bool int8Vnni = false;     // u8 x s8 dot products without 16-bit saturation
    std::string onednnVersion; // "2.6.3"
    int threads = 1;
    std::string openmp;        // the OpenMP runtime oneDNN's threads run on: "LLVM libomp" or "GNU libgomp"
};

}  // namespace ql::kernels::onednn
