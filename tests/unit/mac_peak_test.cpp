// The MAC peaks a profile divides layer throughput by: measured for the ISA oneDNN runs, and a
// layer's share uses the int8 peak when its kernel reads u8/s8.
#include <gtest/gtest.h>

#include "core/session/run_result.h"
#include "kernels/onednn/mac_peak.h"

using namespace ql;

// Rates are a property of the optimised build: under AddressSanitizer (scripts/sanitize.sh, -O1)
// the 12-accumulator loops spill to instrumented stack slots, and VNNI measured below AVX2 there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRatesMeaningful = false;
#else
constexpr bool kRatesMeaningful = true;
#endif

TEST(MacPeak, MeasuredForTheIsaOneDnnRuns) {
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2")) GTEST_SKIP() << "no AVX2 on this CPU";
    const auto avx2 = kernels::onednn::measureMacPeaks("avx2", 1, 0.02, 3);
    EXPECT_GT(avx2.fp32.gmacPerSecond, 1.0);
    EXPECT_GT(avx2.int8.gmacPerSecond, 1.0);
    EXPECT_NE(avx2.fp32.kernel.find("AVX2"), std::string::npos) << "a capped ISA measures the capped kernels";
    EXPECT_NE(avx2.int8.kernel.find("AVX2"), std::string::npos);
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vnni")) {
        const auto vnni = kernels::onednn::measureMacPeaks("avx512_core_vnni", 1, 0.02, 3);
        EXPECT_NE(vnni.int8.kernel.find("VNNI"), std::string::npos);
        EXPECT_GT(vnni.int8.gmacPerSecond, 1.0);
        if (kRatesMeaningful)
            EXPECT_GT(vnni.int8.gmacPerSecond, avx2.int8.gmacPerSecond) << "vpdpbusd does 4x the work of the AVX2 sequence per instruction";
    }
}

TEST(MacPeak, LayerShareUsesThePeakOfItsArithmetic) {
    session::RunResult r;
    profile::LayerProfile conv;
    conv.step.macs = 1000;
    conv.gmacPerSecond = 50;
    conv.step.inputDtype = "u8";
    EXPECT_FALSE(session::shareOfPeak(r, conv)) << "no peaks measured";
    r.macPeaks = kernels::onednn::MacPeaks{{"fp32", 100}, {"int8", 400}, 2, 0.1};
    EXPECT_DOUBLE_EQ(*session::shareOfPeak(r, conv), 0.125);
    conv.step.inputDtype = "f32";
    EXPECT_DOUBLE_EQ(*session::shareOfPeak(r, conv), 0.5);
    conv.step.macs = 0;
    EXPECT_FALSE(session::shareOfPeak(r, conv)) << "a step without MACs has no share";
}
