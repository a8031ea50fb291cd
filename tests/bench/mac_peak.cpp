// This CPU's multiply-accumulate peaks (kernels/onednn/mac_peak.h): every FP32 FMA and int8
// dot-product kernel the CPU supports, on N threads at once, best of 5 trials.
// usage: ql_mac_peak [threads=2] [seconds per trial=0.2]
#include <cstdio>
#include <cstdlib>

#include "kernels/onednn/mac_peak.h"

int main(int argc, char** argv) {
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const double seconds = argc > 2 ? std::atof(argv[2]) : 0.2;
    if (threads < 1 || threads > 1024 || !(seconds > 0 && seconds < 60)) {
        std::fprintf(stderr, "usage: ql_mac_peak [threads 1..1024] [seconds per trial, (0, 60)]\n");
        return 2;
    }
    std::printf("MAC peaks on %d thread(s), best of 5 trials of ~%.2f s\n", threads, seconds);
    for (const auto& p : ql::kernels::onednn::measureAllMacPeaks(threads, seconds, 5)) {
        if (p.gmacPerSecond > 0) std::printf("%-42s %8.1f GMAC/s\n", p.kernel.c_str(), p.gmacPerSecond);
        else std::printf("%-42s not supported by this CPU\n", p.kernel.c_str());
    }
    return 0;
}
