#include "kernels/onednn/mac_peak.h"

#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdint>
#include <functional>
#include <thread>

namespace ql::kernels::onednn {

namespace {

volatile float sinkF;     // results go here so the loops are not optimised away
volatile int32_t sinkI;

// The accumulators wrap (they count nothing meaningful, they only keep the loop alive): their
// lanes are added as unsigned, so the sum has no signed overflow (GCC's _mm512_reduce_add_epi32
// adds them as int).
template <class V>
uint32_t wrappingSum(const V& v) {
    uint32_t lanes[sizeof(V) / 4];
    std::memcpy(lanes, &v, sizeof(V));
    uint32_t sum = 0;
    for (uint32_t x : lanes) sum += x;
    return sum;
}

// 12 accumulators: FMA latency (4 cycles) x 2 pipes, with room to spare.
#define QL_REP12(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11)

__attribute__((target("avx512f"))) void fma512(int64_t iters) {
    const __m512 x = _mm512_set1_ps(1.0001f), y = _mm512_set1_ps(0.9999f);
#define DECL(i) __m512 a##i = _mm512_set1_ps(float(i));
#define STEP(i) a##i = _mm512_fmadd_ps(x, y, a##i);
#define SUM(i) s = _mm512_add_ps(s, a##i);
    QL_REP12(DECL)
    for (int64_t n = 0; n < iters; ++n) { QL_REP12(STEP) }
    __m512 s = _mm512_setzero_ps();
    QL_REP12(SUM)
    sinkF = _mm512_reduce_add_ps(s);
#undef DECL
#undef STEP
#undef SUM
}

__attribute__((target("avx512f,avx512vnni"))) void vnni512(int64_t iters) {
    const __m512i u = _mm512_set1_epi8(3), s8 = _mm512_set1_epi8(-2);
#define DECL(i) __m512i a##i = _mm512_set1_epi32(i);
#define STEP(i) a##i = _mm512_dpbusd_epi32(a##i, u, s8);
#define SUM(i) s = _mm512_add_epi32(s, a##i);
    QL_REP12(DECL)
    for (int64_t n = 0; n < iters; ++n) { QL_REP12(STEP) }
    __m512i s = _mm512_setzero_si512();
    QL_REP12(SUM)
    sinkI = int32_t(wrappingSum(s));
#undef DECL
#undef STEP
#undef SUM
}

__attribute__((target("avx2,fma"))) void fma256(int64_t iters) {
    const __m256 x = _mm256_set1_ps(1.0001f), y = _mm256_set1_ps(0.9999f);
#define DECL(i) __m256 a##i = _mm256_set1_ps(float(i));
#define STEP(i) a##i = _mm256_fmadd_ps(x, y, a##i);
#define SUM(i) s = _mm256_add_ps(s, a##i);
    QL_REP12(DECL)
    for (int64_t n = 0; n < iters; ++n) { QL_REP12(STEP) }
    __m256 s = _mm256_setzero_ps();
    QL_REP12(SUM)
    float out[8];
    _mm256_storeu_ps(out, s);
    sinkF = out[0] + out[7];
#undef DECL
#undef STEP
#undef SUM
}

// AVX2 without VNNI: u8 x s8 pairs into saturating s16 (vpmaddubsw), pairs of s16 into s32
// (vpmaddwd), then an add: 32 MACs per three instructions, as oneDNN's avx2 int8 kernels do.
__attribute__((target("avx2"))) void int8Avx2(int64_t iters) {
    const __m256i u = _mm256_set1_epi8(3), s8 = _mm256_set1_epi8(-2), ones = _mm256_set1_epi16(1);
#define DECL(i) __m256i a##i = _mm256_set1_epi32(i);
#define STEP(i) a##i = _mm256_add_epi32(a##i, _mm256_madd_epi16(_mm256_maddubs_epi16(u, s8), ones));
#define SUM(i) s = _mm256_add_epi32(s, a##i);
    QL_REP12(DECL)
    for (int64_t n = 0; n < iters; ++n) { QL_REP12(STEP) }
    __m256i s = _mm256_setzero_si256();
    QL_REP12(SUM)
    sinkI = int32_t(wrappingSum(s));
#undef DECL
#undef STEP
#undef SUM
}

struct Kernel {
    const char* name;
    bool available;
    std::function<void(int64_t)> run;
    double macsPerIter;  // 12 accumulators x MACs per instruction
};

// GMAC/s of `threads` copies of k running together, best of `trials`.
double measure(const Kernel& k, int threads, double seconds, int trials) {
    using clock = std::chrono::steady_clock;
    // size the loop so one trial takes about `seconds`
    int64_t iters = 1 << 16;
    for (;;) {
        const auto t0 = clock::now();
        k.run(iters);
        const double s = std::chrono::duration<double>(clock::now() - t0).count();
        if (s > seconds / 8) { iters = int64_t(double(iters) * seconds / s); break; }
        iters *= 4;
    }
    double best = 0;
    for (int t = 0; t < trials; ++t) {
        std::vector<std::thread> pool;
        const auto t0 = clock::now();
        for (int i = 0; i < threads; ++i) pool.emplace_back([&] { k.run(iters); });
        for (auto& th : pool) th.join();
        const double s = std::chrono::duration<double>(clock::now() - t0).count();
        best = std::max(best, double(threads) * double(iters) * k.macsPerIter / s / 1e9);
    }
    return best;
}

const std::vector<Kernel>& kernels() {
    static const std::vector<Kernel> k = [] {
        __builtin_cpu_init();
        return std::vector<Kernel>{
            {"fp32 FMA, AVX-512 (vfmadd231ps zmm)", bool(__builtin_cpu_supports("avx512f")), fma512, 12 * 16},
            {"int8 VNNI, AVX-512 (vpdpbusd zmm)", __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vnni"), vnni512, 12 * 64},
            {"fp32 FMA, AVX2 (vfmadd231ps ymm)", __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"), fma256, 12 * 8},
            {"int8 AVX2 (vpmaddubsw+vpmaddwd+vpaddd)", bool(__builtin_cpu_supports("avx2")), int8Avx2, 12 * 32},
        };
    }();
    return k;
}

MacPeak peakOf(const Kernel& k, int threads, double seconds, int trials) {
    return {k.name, k.available ? measure(k, threads, seconds, trials) : 0.0};
}

}  // namespace

MacPeaks measureMacPeaks(const std::string& isa, int threads, double seconds, int trials) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto& k = kernels();
    const bool wide = isa.rfind("avx512", 0) == 0 && k[0].available;
    // oneDNN's avx512_core_vnni and later ISAs use vpdpbusd; plain avx512_core uses the AVX2-style sequence
    const bool vnni = wide && isa != "avx512_core" && k[1].available;
    MacPeaks p;
    p.threads = threads;
    p.fp32 = peakOf(wide ? k[0] : k[2], threads, seconds, trials);
    p.int8 = peakOf(vnni ? k[1] : k[3], threads, seconds, trials);
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return p;
}

std::vector<MacPeak> measureAllMacPeaks(int threads, double seconds, int trials) {
    std::vector<MacPeak> all;
    for (const Kernel& k : kernels()) all.push_back(peakOf(k, threads, seconds, trials));
    return all;
}

}  // namespace ql::kernels::onednn
