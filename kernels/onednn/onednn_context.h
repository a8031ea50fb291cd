#pragma once
// The oneDNN engine and stream an executor runs on, and the CPU facts every result reports.
#include <dnnl.hpp>
#include <string>

#include "core/util/status.h"
#include "kernels/onednn/cpu_facts.h"

namespace ql::kernels::onednn {

struct ContextOptions {
    int threads = 0;           // 0 = physical cores
    std::string maxIsa;        // "" = all; else sse41, avx2, avx512_core, avx512_core_vnni, ...
};

class Context {
public:
    static Expected<std::shared_ptr<Context>> create(const ContextOptions& options);
    dnnl::engine& engine() { return engine_; }
    dnnl::stream& stream() { return stream_; }
    const CpuFacts& facts() const { return facts_; }
    // OpenMP thread counts are per calling thread: every run (and plan build) applies the
    // configured count on its own thread, so a worker thread does not run with the default.
    void applyThreads() const;
    // Blocked activation format for this ISA: nChw8c on AVX2, nChw16c on AVX-512.
    dnnl::memory::format_tag blockedTag4d() const;

private:
    dnnl::engine engine_;
    dnnl::stream stream_;
    CpuFacts facts_;
};

// "LLVM libomp" or "GNU libgomp": the runtime this process's OpenMP calls are bound to.
std::string openmpRuntime();
int physicalCores();
std::string cpuModelName();

}  // namespace ql::kernels::onednn
