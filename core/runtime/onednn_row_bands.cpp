#include "core/runtime/onednn_row_bands.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>

namespace ql::runtime {

namespace {

// kMaxRowBandWeightBytes: every band reads all of the step's weights, where oneDNN's own
// threading splits them between the threads. Beyond about a core's L2 (1 MiB on these machines)
// that doubled weight traffic costs more than the fork/join saved: ResNet-18's layer4 3x3 convs
// (4.5-9 MiB FP32) ran 20-30 % slower banded, its 144-576 KiB layer1/2 convs 0-9 % faster.
// Below ~32 output pixels a band is too small a GEMM for oneDNN's kernels, which then do better
// splitting output channels: on AVX2 MobileNet V2's 7x7 1x1 convs (24-28 pixels a band on 2
// threads) ran 10-20 % slower banded.
constexpr int64_t kMinBandPixels = 32;

// The rows one thread computes of a convolution and the input rows they read, with the
// padding the band keeps: real padding at the image's top and bottom only.
struct BandRows {
    int64_t out0 = 0, out1 = 0, in0 = 0, in1 = 0, padTop = 0, padBottom = 0;
};

BandRows bandRows(const dnnl_convolution_desc_t& cd, int t, int threads) {
    const int64_t outH = cd.dst_desc.dims[2], inH = cd.src_desc.dims[2];
    const int wRank = cd.weights_desc.ndims;  // [O, I, kh, kw] or grouped [G, O, I, kh, kw]
    const int64_t kh = cd.weights_desc.dims[wRank - 2], stride = cd.strides[0], dilate = cd.dilates[0];
    const int64_t reach = (kh - 1) * (dilate + 1) + 1;  // input rows one output row reads
    BandRows b;
    b.out0 = outH * t / threads;
    b.out1 = outH * (t + 1) / threads;
    const int64_t lo = b.out0 * stride - cd.padding[0][0], hi = (b.out1 - 1) * stride - cd.padding[0][0] + reach - 1;
    b.in0 = std::max<int64_t>(0, lo);
    b.in1 = std::min(inH - 1, hi) + 1;
    b.padTop = b.in0 - lo;
    b.padBottom = (b.out1 - b.out0 - 1) * stride + reach - (b.in1 - b.in0) - b.padTop;
    return b;
}

bool isOneByOneUnitStride(const dnnl_convolution_desc_t& cd) {
    const int wRank = cd.weights_desc.ndims;
    return cd.weights_desc.dims[wRank - 2] == 1 && cd.weights_desc.dims[wRank - 1] == 1 && cd.strides[0] == 1 && cd.strides[1] == 1 &&
           cd.padding[0][0] == 0 && cd.padding[1][0] == 0;
}

// Arguments a band can take over unchanged: weights, bias and the attribute's runtime values.
// Anything else (a binary post-op's tensor) would need its own band view.
bool bandableArg(int arg) {
    return arg == DNNL_ARG_SRC || arg == DNNL_ARG_DST || arg == DNNL_ARG_WEIGHTS || arg == DNNL_ARG_BIAS || arg == DNNL_ARG_ATTR_OUTPUT_SCALES ||
           arg == (DNNL_ARG_ATTR_ZERO_POINTS | DNNL_ARG_SRC) || arg == (DNNL_ARG_ATTR_ZERO_POINTS | DNNL_ARG_WEIGHTS) ||
           arg == (DNNL_ARG_ATTR_ZERO_POINTS | DNNL_ARG_DST);
}

bool onlySumAndEltwisePostOps(const_dnnl_primitive_attr_t attr) {
    const_dnnl_post_ops_t ops = nullptr;
    if (dnnl_primitive_attr_get_post_ops(attr, &ops) != dnnl_success) return false;
    for (int i = 0; i < dnnl_post_ops_len(ops); ++i) {
        const dnnl_primitive_kind_t k = dnnl_post_ops_get_kind(ops, i);
        if (k != dnnl_sum && k != dnnl_eltwise) return false;
    }
    return true;
}

int bufferOf(const Step& s, int arg) {
    for (auto [a, b] : s.argBuffers)
        if (a == arg) return b;
    return -1;
}

struct ByteRange {
    const char* begin = nullptr;
    const char* end = nullptr;
    bool overlaps(const ByteRange& o) const { return begin < o.end && o.begin < end; }
};

// One step, checked and cut into bands; nullopt-like `ok == false` when it cannot be banded.
struct Candidate {
    bool ok = false;
    bool pointwise = false;  // 1x1, unit stride, no padding: output row r reads input row r only
    dnnl_convolution_desc_t desc{};
    int src = -1, dst = -1;
    ByteRange srcBytes, dstBytes;
    std::vector<dnnl::primitive> bands;
    std::vector<std::unordered_map<int, memory>> bandArgs;
    std::function<void(int band)> nativeBand;
    std::string impl;
    int64_t ownWeightBytes = 0;  // weights reordered for bands that want another format
};

memory::desc nhwcMd(int64_t n, int64_t c, int64_t h, int64_t w, dnnl_data_type_t dt) {
    return memory::desc({n, c, h, w}, DT(dt), Tag::nhwc);
}

// A native kernel that computes bands itself (kernels/native): it reads the whole buffers.
Candidate nativeBands(OnednnPlan::Impl& p, const Step& s, int threads) {
    Candidate c;
    c.src = bufferOf(s, DNNL_ARG_SRC);
    c.dst = bufferOf(s, DNNL_ARG_DST);
    if (c.src < 0 || c.dst < 0 || p.buffers[size_t(p.rootOf(c.src))].external) return c;
    const memory::desc& src = p.buffers[size_t(c.src)].md;
    const memory::desc& dst = p.buffers[size_t(c.dst)].md;
    const memory::dims dd = dst.dims();
    if (dd.size() != 4 || dd[0] != 1 || dd[2] < threads || dd[2] * dd[3] / threads < kMinBandPixels) return c;
    char* srcBase = static_cast<char*>(p.mems[size_t(c.src)].get_data_handle());
    char* dstBase = static_cast<char*>(p.mems[size_t(c.dst)].get_data_handle());
    c.srcBytes = {srcBase, srcBase + src.get_size()};
    c.dstBytes = {dstBase, dstBase + dst.get_size()};
    c.nativeBand = [&s, threads](int band) { s.nativeBand(s.args, band, threads); };
    c.pointwise = s.nativeRowLocal;
    c.ok = true;
    return c;
}

Candidate cutIntoBands(OnednnPlan::Impl& p, const Step& s, int threads) {
    if (s.kind == Step::Native && s.nativeBand) return nativeBands(p, s, threads);
    Candidate c;
    if (s.kind != Step::Primitive || s.preReorder || !s.prim) return c;
    const_dnnl_primitive_desc_t pd = s.prim.get_primitive_desc();
    dnnl_primitive_kind_t kind{};
    if (dnnl_primitive_desc_query(pd, dnnl_query_primitive_kind, 0, &kind) != dnnl_success || kind != dnnl_convolution) return c;
    const_dnnl_op_desc_t op = nullptr;
    if (dnnl_primitive_desc_query(pd, dnnl_query_convolution_d, 0, &op) != dnnl_success || !op) return c;
    c.desc = *static_cast<const dnnl_convolution_desc_t*>(op);
    if (c.desc.prop_kind != dnnl_forward_inference || c.desc.src_desc.ndims != 4) return c;
    // The implementation's own descriptors (the op's may say `any`).
    const memory::desc src(*dnnl_primitive_desc_query_md(pd, dnnl_query_src_md, 0));
    const memory::desc dst(*dnnl_primitive_desc_query_md(pd, dnnl_query_dst_md, 0));
    const memory::dims sd = src.dims(), dd = dst.dims();
    if (sd[0] != 1 || src != nhwcMd(1, sd[1], sd[2], sd[3], src.data.data_type) || dst != nhwcMd(1, dd[1], dd[2], dd[3], dst.data.data_type))
        return c;
    if (dd[2] < threads || dd[2] * dd[3] / threads < kMinBandPixels) return c;
    for (const auto& [arg, m] : s.args)
        if (!bandableArg(arg)) return c;
    const_dnnl_primitive_attr_t attr = nullptr;
    if (dnnl_primitive_desc_get_attr(pd, &attr) != dnnl_success || !onlySumAndEltwisePostOps(attr)) return c;
    c.src = bufferOf(s, DNNL_ARG_SRC);
    c.dst = bufferOf(s, DNNL_ARG_DST);
    if (c.src < 0 || c.dst < 0 || p.buffers[size_t(p.rootOf(c.src))].external) return c;
    c.desc.src_desc = src.data;
    c.desc.dst_desc = dst.data;
    // A band's kernel picks its weights format; the step's reordered weights serve the bands
    // that pick the same one, the rest get their own reorder of the plain weights.
    const memory::desc stepWeights(*dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0));
    if (stepWeights.get_size() > kMaxRowBandWeightBytes) return c;
    c.desc.weights_desc = memory::desc(stepWeights.dims(), stepWeights.data_type(), Tag::any).data;
    std::vector<std::pair<memory::desc, memory>> weightsByFormat{{stepWeights, s.args.at(DNNL_ARG_WEIGHTS)}};

    char* srcBase = static_cast<char*>(p.mems[size_t(c.src)].get_data_handle());
    char* dstBase = static_cast<char*>(p.mems[size_t(c.dst)].get_data_handle());
    c.srcBytes = {srcBase, srcBase + src.get_size()};
    c.dstBytes = {dstBase, dstBase + dst.get_size()};
    const int64_t srcRow = int64_t(src.get_size()) / sd[2], dstRow = int64_t(dst.get_size()) / dd[2];
    for (int t = 0; t < threads; ++t) {
        const BandRows r = bandRows(c.desc, t, threads);
        dnnl_convolution_desc_t band = c.desc;
        band.src_desc = nhwcMd(1, sd[1], r.in1 - r.in0, sd[3], src.data.data_type).data;
        band.dst_desc = nhwcMd(1, dd[1], r.out1 - r.out0, dd[3], dst.data.data_type).data;
        band.padding[0][0] = r.padTop;
        band.padding[1][0] = r.padBottom;
        dnnl_primitive_desc_t created = nullptr;
        if (dnnl_primitive_desc_create(&created, &band, attr, p.ctx->engine().get(), nullptr) != dnnl_success) return Candidate{};
        const std::unique_ptr<dnnl_primitive_desc, decltype(&dnnl_primitive_desc_destroy)> bandPd(created, dnnl_primitive_desc_destroy);
        const char* info = nullptr;
        dnnl_primitive_desc_query(bandPd.get(), dnnl_query_impl_info_str, 0, &info);
        const std::string impl = info ? info : "";
        if (impl.rfind("ref", 0) == 0) return Candidate{};  // oneDNN's reference kernel is far slower than a fork/join
        if (t == 0) c.impl = impl;
        try {
            c.bands.emplace_back(bandPd.get());
        } catch (const dnnl::error&) {
            return Candidate{};
        }
        std::unordered_map<int, memory> args = s.args;
        const memory::desc want(*dnnl_primitive_desc_query_md(bandPd.get(), dnnl_query_weights_md, 0));
        auto known = std::find_if(weightsByFormat.begin(), weightsByFormat.end(), [&](const auto& f) { return f.first == want; });
        if (known == weightsByFormat.end()) {
            if (!s.plainWeights) return Candidate{};
            memory own(want, p.ctx->engine());
            memory plain = s.plainWeights;
            dnnl::reorder(plain, own).execute(p.ctx->stream(), plain, own);
            p.ctx->stream().wait();
            known = weightsByFormat.insert(weightsByFormat.end(), {want, own});
            c.ownWeightBytes += int64_t(want.get_size());
        }
        args[DNNL_ARG_WEIGHTS] = known->second;
        args[DNNL_ARG_SRC] = memory(memory::desc(band.src_desc), p.ctx->engine(), srcBase + r.in0 * srcRow);
        args[DNNL_ARG_DST] = memory(memory::desc(band.dst_desc), p.ctx->engine(), dstBase + r.out0 * dstRow);
        c.bandArgs.push_back(std::move(args));
    }
    c.pointwise = isOneByOneUnitStride(c.desc);
    c.ok = true;
    return c;
}

}  // namespace

std::vector<RowBandGroup> buildRowBandGroups(OnednnPlan::Impl& p, std::vector<StepInfo>& infos, int threads) {
    std::vector<RowBandGroup> groups;
    if (threads < 2) return groups;
    // A band's primitive runs on one thread inside our region: oneDNN sizes its work split by
    // the thread count at creation. Restored however this returns.
    omp_set_num_threads(1);
    struct RestoreThreads {
        const kernels::onednn::Context& ctx;
        ~RestoreThreads() { ctx.applyThreads(); }
    } restore{*p.ctx};
    RowBandGroup g;
    Candidate prev;
    std::map<size_t, std::string> bandImpl;  // what a band runs (oneDNN may pick another kernel for one thread)
    std::map<size_t, int64_t> bandWeightBytes;
    std::vector<ByteRange> touched;  // bytes read or written since the last barrier
    auto close = [&] {
        if (g.members.size() >= 2) groups.push_back(std::move(g));
        g = RowBandGroup{};
        touched.clear();
    };
    for (size_t i = 0; i < p.steps.size(); ++i) {
        Candidate c = cutIntoBands(p, p.steps[i], threads);
        if (!c.ok) {
            close();
            prev = Candidate{};
            continue;
        }
        if (g.members.empty()) g.first = i;
        RowBandGroup::Member m;
        m.step = i;
        // A thread may skip the barrier only when it reads just the rows it wrote itself (a 1x1,
        // unit-stride step over the previous step's output, split the same way) and writes no
        // bytes another thread may still be reading or writing.
        const bool rowLocal = !g.members.empty() && c.pointwise && prev.ok && c.src == prev.dst;
        bool hazard = false;
        for (const ByteRange& r : touched) hazard = hazard || r.overlaps(c.dstBytes);
        m.barrierBefore = !g.members.empty() && (!rowLocal || hazard);
        if (m.barrierBefore) touched.clear();
        touched.push_back(c.srcBytes);
        touched.push_back(c.dstBytes);
        bandImpl[i] = c.nativeBand ? infos[i].impl : c.impl;
        bandWeightBytes[i] = c.ownWeightBytes;
        m.bands = std::move(c.bands);
        m.bandArgs = std::move(c.bandArgs);
        m.nativeBand = std::move(c.nativeBand);
        g.members.push_back(std::move(m));
        g.end = i + 1;
        prev = std::move(c);
    }
    close();
    for (const RowBandGroup& grp : groups) {
        const std::string where = "row bands: " + std::to_string(threads) + " threads each compute a band of rows, one parallel region for steps " +
                                  std::to_string(grp.first) + "-" + std::to_string(grp.end - 1);
        for (const RowBandGroup::Member& m : grp.members) {
            infos[m.step].impl = bandImpl[m.step];
            infos[m.step].weightBytes += bandWeightBytes[m.step];
            std::string& note = infos[m.step].note;
            note += (note.empty() ? "" : "; ") + where + (m.barrierBefore ? " (waits for all threads first)" : "");
        }
    }
    return groups;
}

Status runRowBandGroup(OnednnPlan::Impl& p, const RowBandGroup& g, const RunOptions& options) {
    using Clock = std::chrono::steady_clock;
    const int threads = int(p.bandStreams.size());
    std::vector<Clock::time_point> starts(g.members.size() + 1);
    starts[0] = Clock::now();
    bool failed = false;
    std::string error;
#pragma omp parallel num_threads(threads)
    {
        const int team = omp_get_num_threads(), id = omp_get_thread_num();
        for (size_t k = 0; k < g.members.size(); ++k) {
            const RowBandGroup::Member& m = g.members[k];
            if (m.barrierBefore) {
#pragma omp barrier
            }
            if (id == 0 && k > 0) starts[k] = Clock::now();
            for (int b = id; b < threads; b += team) {  // a smaller team (nested region) takes several bands
                try {
                    if (m.nativeBand) m.nativeBand(b);
                    else m.bands[size_t(b)].execute(p.bandStreams[size_t(b)], m.bandArgs[size_t(b)]);
                } catch (const std::exception& e) {  // must not leave the region
#pragma omp critical(ql_row_band_error)
                    {
                        failed = true;
                        error = e.what();
                    }
                }
            }
        }
    }
    starts.back() = Clock::now();
    if (failed) return Status::internal("a row-band group failed: " + error);
    if (options.onStepTimed)
        for (size_t k = 0; k < g.members.size(); ++k)
            options.onStepTimed(g.members[k].step, std::chrono::duration<double, std::milli>(starts[k + 1] - starts[k]).count());
    return Status::ok();
}

}  // namespace ql::runtime
