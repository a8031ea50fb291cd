#include "kernels/onednn/onednn_context.h"

#include <dlfcn.h>
#include <omp.h>

#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace ql::kernels::onednn {

namespace {
std::string isaName(dnnl::cpu_isa isa) {
    switch (isa) {
        case dnnl::cpu_isa::sse41: return "sse41";
        case dnnl::cpu_isa::avx: return "avx";
        case dnnl::cpu_isa::avx2: return "avx2";
        case dnnl::cpu_isa::avx2_vnni: return "avx2_vnni";
        case dnnl::cpu_isa::avx512_core: return "avx512_core";
        case dnnl::cpu_isa::avx512_core_vnni: return "avx512_core_vnni";
        case dnnl::cpu_isa::avx512_core_bf16: return "avx512_core_bf16";
        case dnnl::cpu_isa::avx512_core_amx: return "avx512_core_amx";
        default: return "all";
    }
}

// The cap can be set once per process, before the first primitive; later calls must match.
Status applyMaxIsa(const std::string& name) {
    static std::mutex m;
    static std::string applied;
    std::lock_guard<std::mutex> lock(m);
    if (name.empty() || name == applied) return Status::ok();
    static const std::map<std::string, dnnl::cpu_isa> isas = {
        {"sse41", dnnl::cpu_isa::sse41}, {"avx", dnnl::cpu_isa::avx}, {"avx2", dnnl::cpu_isa::avx2},
        {"avx2_vnni", dnnl::cpu_isa::avx2_vnni}, {"avx512_core", dnnl::cpu_isa::avx512_core},
        {"avx512_core_vnni", dnnl::cpu_isa::avx512_core_vnni}, {"avx512_core_bf16", dnnl::cpu_isa::avx512_core_bf16},
        {"avx512_core_amx", dnnl::cpu_isa::avx512_core_amx}, {"all", dnnl::cpu_isa::all}};
    auto it = isas.find(name);
    if (it == isas.end()) return Status::error("unknown ISA cap '" + name + "' (sse41, avx, avx2, avx512_core, avx512_core_vnni, all)");
    if (!applied.empty()) return Status::unsupported("the ISA cap can be set once per process (already " + applied + "); start a new process for another");
    try {
        dnnl::set_max_cpu_isa(it->second);
    } catch (const dnnl::error& e) {
        return Status::error("cannot cap the ISA at " + name + ": " + e.what() + " (it must be set before any oneDNN work)");
    }
    applied = name;
    return Status::ok();
}
}  // namespace

std::string openmpRuntime() {
    // kmp_* entry points exist only in LLVM's (and Intel's) runtime; kernels/CMakeLists.txt
    // says why QuantLens binds to it although libdnnl links libgomp.
    return dlsym(RTLD_DEFAULT, "kmp_set_blocktime") ? "LLVM libomp" : "GNU libgomp";
}

int physicalCores() {
    std::ifstream in("/proc/cpuinfo");
    std::set<std::pair<std::string, std::string>> cores;
    std::string line, phys;
    while (std::getline(in, line)) {
        if (line.rfind("physical id", 0) == 0) phys = line.substr(line.find(':') + 1);
        if (line.rfind("core id", 0) == 0) cores.insert({phys, line.substr(line.find(':') + 1)});
    }
    int n = int(cores.size());
    return n > 0 ? n : int(std::max(1u, std::thread::hardware_concurrency()));
}

std::string cpuModelName() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) {
            std::string v = line.substr(line.find(':') + 1);
            return v.substr(v.find_first_not_of(' '));
        }
    return "unknown CPU";
}

Expected<std::shared_ptr<Context>> Context::create(const ContextOptions& options) {
    QL_TRY(applyMaxIsa(options.maxIsa));
    auto c = std::make_shared<Context>();
    try {
        c->engine_ = dnnl::engine(dnnl::engine::kind::cpu, 0);
        c->stream_ = dnnl::stream(c->engine_);
    } catch (const dnnl::error& e) {
        return Status::error(std::string("oneDNN: cannot create a CPU engine: ") + e.what());
    }
    const int threads = options.threads > 0 ? options.threads : physicalCores();
    omp_set_num_threads(threads);  // libdnnl on Debian uses the OpenMP runtime
    const dnnl::cpu_isa isa = dnnl::get_effective_cpu_isa();
    const dnnl_version_t* v = dnnl_version();
    c->facts_ = {cpuModelName(), isaName(isa),
                 isa == dnnl::cpu_isa::avx512_core_vnni || isa == dnnl::cpu_isa::avx512_core_bf16 ||
                     isa == dnnl::cpu_isa::avx512_core_amx || isa == dnnl::cpu_isa::avx2_vnni,
                 std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch), threads, openmpRuntime()};
    return c;
}

void Context::applyThreads() const {
    if (omp_get_max_threads() != facts_.threads) omp_set_num_threads(facts_.threads);
}

dnnl::memory::format_tag Context::blockedTag4d() const {
    return facts_.isa.rfind("avx512", 0) == 0 ? dnnl::memory::format_tag::nChw16c : dnnl::memory::format_tag::nChw8c;
}

}  // namespace ql::kernels::onednn
