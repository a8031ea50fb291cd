#include "kernels/onednn/impl_tuning.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

namespace ql::kernels::onednn {

namespace {

constexpr size_t kMaxTunedBytes = size_t(256) << 20;  // src + dst + weights of one convolution
constexpr double kMaxTunedMicroseconds = 20000;       // a slower first choice is not worth timing others against

bool isReference(const std::string& impl) { return impl.rfind("ref", 0) == 0; }

dnnl::memory scratch(const dnnl::memory::desc& md, dnnl::engine& engine) {
    dnnl::memory m(md, engine);
    if (md.get_size()) std::memset(m.get_data_handle(), 0, md.get_size());  // zeros: no NaN or denormal slow paths
    return m;
}

// Median microseconds of one execution; stops early (returning the first time) when that is
// already `giveUpAbove` or more, so a slow candidate costs two runs.
double timeConvolution(const dnnl::convolution_forward::primitive_desc& pd, Context& ctx, double giveUpAbove) {
    dnnl::engine& engine = ctx.engine();
    dnnl::stream& stream = ctx.stream();
    dnnl::convolution_forward prim(pd);
    std::unordered_map<int, dnnl::memory> args{{DNNL_ARG_SRC, scratch(pd.src_desc(), engine)},
                                               {DNNL_ARG_WEIGHTS, scratch(pd.weights_desc(), engine)},
                                               {DNNL_ARG_DST, scratch(pd.dst_desc(), engine)}};
    if (pd.bias_desc().get_size()) args[DNNL_ARG_BIAS] = scratch(pd.bias_desc(), engine);
    auto once = [&] {
        const auto t0 = std::chrono::steady_clock::now();
        prim.execute(stream, args);
        stream.wait();
        return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    };
    once();  // first execution: lazy initialisation, cold caches
    std::vector<double> t{once()};
    if (t[0] >= giveUpAbove) return t[0];
    for (int i = 0; i < 6; ++i) t.push_back(once());
    std::nth_element(t.begin(), t.begin() + long(t.size() / 2), t.end());
    return t[t.size() / 2];
}

}  // namespace

dnnl::convolution_forward::primitive_desc convolutionAt(const ConvPdFactory& make, int index) {
    auto pd = make();
    for (int i = 0; i < index; ++i)
        if (!pd.next_impl()) break;
    return pd;
}

TunedImpl fastestConvolution(const std::string& key, const ConvPdFactory& make, Context& ctx) {
    static std::mutex mutex;
    static std::map<std::string, TunedImpl> cache;
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    ctx.applyThreads();
    TunedImpl best;
    auto pd = make();
    const dnnl::memory::desc src = pd.src_desc(), dst = pd.dst_desc();
    best.impl = best.first = pd.impl_info_str();
    // Too big to time in a plan build (scratch buffers, seconds per run): oneDNN's choice. Such a
    // plan is usually refused for its size anyway.
    if (src.get_size() + dst.get_size() + pd.weights_desc().get_size() > kMaxTunedBytes) return best;
    best.bestUs = best.firstUs = timeConvolution(pd, ctx, 1e30);
    best.candidates = 1;
    for (int index = 1; best.firstUs < kMaxTunedMicroseconds && pd.next_impl(); ++index) {
        const std::string impl = pd.impl_info_str();
        // same layouts only (neighbours are unaffected); never the naive reference kernels
        if (isReference(impl) || !(pd.src_desc() == src) || !(pd.dst_desc() == dst)) continue;
        const double us = timeConvolution(pd, ctx, 2.0 * best.bestUs);
        ++best.candidates;
        // a clear win only (5 %): near-ties keep oneDNN's own preference, so noise rarely flips it
        if (us < 0.95 * best.bestUs) {
            best.index = index;
            best.impl = impl;
            best.bestUs = us;
        }
    }
    std::lock_guard lock(mutex);
    return cache.emplace(key, best).first->second;
}

}  // namespace ql::kernels::onednn
