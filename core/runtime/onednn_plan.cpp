#include "core/runtime/onednn_plan.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "core/runtime/memory_planner.h"
#include "core/runtime/onednn_plan_internal.h"
#include "core/runtime/onednn_row_bands.h"
#include "core/util/strings.h"

namespace ql::runtime {

using dnnl::memory;
using ir::DType;
using Tag = dnnl::memory::format_tag;
using DT = dnnl::memory::data_type;

Expected<Layout> parseLayout(const std::string& s) {
    if (s == "nchw") return Layout::Nchw;
    if (s == "nhwc") return Layout::Nhwc;
    if (s == "blocked") return Layout::Blocked;
    if (s == "auto") return Layout::Auto;
    return Status::error("unknown layout '" + s + "' (nchw, nhwc, blocked, auto)");
}
Expected<Precision> parsePrecision(const std::string& s) {
    if (s == "fp32") return Precision::Fp32;
    if (s == "int8") return Precision::Int8;
    return Status::error("unknown precision '" + s + "' (fp32, int8)");
}
std::string layoutName(Layout l) {
    switch (l) {
        case Layout::Nchw: return "nchw";
        case Layout::Nhwc: return "nhwc";
        case Layout::Blocked: return "blocked";
        default: return "auto";
    }
}
std::string precisionName(Precision p) { return p == Precision::Int8 ? "int8" : "fp32"; }


OnednnPlan::~OnednnPlan() = default;

// ---------------------------------------------------------------------------------------
// Memory planning and binding

namespace {
size_t align64(size_t n) { return (n + 63) / 64 * 64; }

// Arena offsets for every arena-resident buffer (not views, inputs or constants).
void placeBuffers(std::deque<Buffer>& buffers, size_t steps, MemoryStats& stats) {
    std::vector<int> roots;
    std::vector<Lifetime> lifetimes;
    for (size_t i = 0; i < buffers.size(); ++i) {
        const Buffer& b = buffers[i];
        if (b.root >= 0 || b.external || b.constant || b.last < 0) continue;
        roots.push_back(int(i));
        lifetimes.push_back({b.md.get_size(), b.first, b.last});
    }
    const ArenaPlan plan = planArena(lifetimes);
    for (size_t k = 0; k < roots.size(); ++k) buffers[size_t(roots[k])].offset = plan.offsets[k];
    stats.arenaBytes = int64_t(plan.arenaBytes);
    stats.activationBytes = int64_t(plan.totalBytes);
    stats.livenessLowerBound = int64_t(plan.lowerBound);
    // graph outputs live one past the last step (to the end of the run): per executed step only
    stats.liveBytesPerStep.assign(plan.liveBytes.begin(), plan.liveBytes.begin() + std::min(plan.liveBytes.size(), steps));
}
}  // namespace

Expected<std::unique_ptr<OnednnPlan>> OnednnPlan::build(std::shared_ptr<const ir::Graph> graph,
                                                        std::shared_ptr<kernels::onednn::Context> ctx, const PlanOptions& options,
                                                        const CancelToken& cancel, const ProgressFn& progress) {
    if (options.precision == Precision::Int8 && !options.ranges)
        return Status::error("int8 needs activation ranges (calibration)");
    const ProgressSpan span(progress);
    std::unique_ptr<OnednnPlan> plan(new OnednnPlan);
    plan->impl_ = std::make_unique<Impl>();
    Impl& p = *plan->impl_;
    p.graph = std::move(graph);
    p.ctx = std::move(ctx);
    p.options = options;
    p.ctx->applyThreads();  // oneDNN sizes some kernels by the thread count at creation
    QL_TRY(lowerGraph(p, plan->infos_, cancel, span.sub(0.0, 0.95), &plan->int8Ranges_));
    p.options.ranges = nullptr;  // the caller's table need not outlive the build

    for (const StepInfo& s : plan->infos_) plan->memory_.weightBytes += s.weightBytes;
    placeBuffers(p.buffers, p.steps.size(), plan->memory_);
    // An absurd batch must fail here with a message, not be killed by the OOM killer mid-run.
    const int64_t needed = (options.separateAllocations ? plan->memory_.activationBytes : plan->memory_.arenaBytes);
    const int64_t available = int64_t(sysconf(_SC_AVPHYS_PAGES)) * int64_t(sysconf(_SC_PAGE_SIZE));
    if (available > 0 && needed > available)
        return Status::error("activations need " + std::to_string(needed >> 20) + " MiB but only " + std::to_string(available >> 20) +
                             " MiB of memory are free; use a smaller batch size");
    if (options.separateAllocations) {
        plan->memory_.arenaBytes = plan->memory_.activationBytes;
    } else if (plan->memory_.arenaBytes > 0) {
        p.arena = std::aligned_alloc(64, align64(size_t(plan->memory_.arenaBytes)));
        if (!p.arena) return Status::error("cannot allocate the " + std::to_string(plan->memory_.arenaBytes) + "-byte activation arena");
    }
    // bind every buffer to its bytes
    p.mems.resize(p.buffers.size());
    std::vector<void*> base(p.buffers.size(), nullptr);
    for (size_t i = 0; i < p.buffers.size(); ++i) {
        Buffer& b = p.buffers[i];
        if (b.root >= 0 || b.external) continue;
        if (b.constant) base[i] = b.constantData.raw();
        else if (options.separateAllocations) {
            base[i] = std::aligned_alloc(64, align64(std::max<size_t>(64, b.md.get_size())));
            p.separate.push_back(base[i]);
        } else base[i] = static_cast<char*>(p.arena) + b.offset;
    }
    for (size_t i = 0; i < p.buffers.size(); ++i) {
        Buffer& b = p.buffers[i];
        void* ptr = b.external ? nullptr : base[size_t(p.rootOf(int(i)))];
        p.mems[i] = dnnl::memory(b.md, p.ctx->engine(), b.external ? DNNL_MEMORY_NONE : ptr);
    }
    for (size_t i = 0; i < p.buffers.size(); ++i)
        if (p.buffers[i].root >= 0 && p.buffers[size_t(p.buffers[i].root)].external) p.inputViews.push_back(int(i));
    for (size_t i = 0; i < p.steps.size(); ++i)
        if (p.steps[i].kind == Step::Fallback) p.fallbackSteps.push_back(i);
    for (Step& s : p.steps) {
        for (auto& [arg, m] : s.constArgs) s.args[arg] = m;
        for (auto [arg, b] : s.argBuffers) s.args[arg] = p.mems[size_t(b)];
        if (s.preReorder) s.preArgs = {{DNNL_ARG_FROM, p.mems[size_t(s.preSrc)]}, {DNNL_ARG_TO, p.mems[size_t(s.preDst)]}};
        if (s.kind == Step::Fallback) {
            s.info = std::make_unique<ops::InferContext>(ops::InferContext{*s.node, p.graph->opsetVersion, {}, {}});
            s.inViews.resize(s.inBuffers.size());
            for (size_t i = 0; i < s.inBuffers.size(); ++i) {
                const ir::Tensor* t = s.constInputs[i];
                if (s.inBuffers[i] >= 0) {
                    const Buffer& b = p.buffers[size_t(s.inBuffers[i])];
                    s.inViews[i] = ir::Tensor::view(b.dtype, b.dims, base[size_t(p.rootOf(s.inBuffers[i]))]);
                    t = &s.inViews[i];
                }
                s.inPtrs.push_back(t);
                s.info->inputs.push_back(t ? ops::TensorInfo{true, t->dtype(), t->dims(), t, {}} : ops::TensorInfo{});
            }
            QL_TRY(ops::inferNode(*s.info));
            for (int ob : s.outBuffers) {
                const Buffer& b = ob >= 0 ? p.buffers[size_t(ob)] : Buffer{};
                s.outViews.push_back(ob >= 0 ? ir::Tensor::view(b.dtype, b.dims, base[size_t(p.rootOf(ob))]) : ir::Tensor{});
            }
        }
    }
    p.rowBandGroupAt.assign(p.steps.size(), -1);
    if (options.rowBands && !options.separateAllocations) {
        p.rowBandGroups = buildRowBandGroups(p, plan->infos_, p.ctx->facts().threads);
        for (size_t g = 0; g < p.rowBandGroups.size(); ++g) p.rowBandGroupAt[p.rowBandGroups[g].first] = int(g);
        plan->memory_.weightBytes = 0;  // bands may hold weights in a format of their own
        for (const StepInfo& s : plan->infos_) plan->memory_.weightBytes += s.weightBytes;
        if (!p.rowBandGroups.empty())
            for (int t = 0; t < p.ctx->facts().threads; ++t) p.bandStreams.emplace_back(p.ctx->engine());
    }
    for (Step& s : p.steps) s.plainWeights = dnnl::memory();
    span.report(1.0, "plan build");
    return plan;
}

namespace {
// A node output as the reference executor would hand it over: plain layout, and f32 values
// (dequantized with the buffer's scale / zero point) where the graph value is f32.
// The int8 bytes go to plain layout by a oneDNN reorder in their own type and are dequantized
// here, scale * (q - zero point): a reorder to f32 with a source zero point dequantized the
// u8 + 128 storage of signed values wrongly (MobileNet V2's last projection conv read at -14.6 dB
// SQNR while the plan computed it right).
Expected<ir::Tensor> plainOutput(OnednnPlan::Impl& p, int b, DType valueType) {
    const Buffer& buf = p.buffers[size_t(b)];
    const bool dequantize = valueType == DType::F32 && isInt8(buf.dtype);
    const DType outType = valueType == DType::F32 && !dequantize ? DType::F32 : buf.dtype;
    QL_ASSIGN(ir::Tensor t, ir::Tensor::create(outType, buf.dims));
    const void* src = buf.constant ? buf.constantData.raw() : p.mems[size_t(b)].get_data_handle();
    const memory::desc want = plainMd(buf.dims, outType);
    if (toDnnl(outType) == DT::undef || buf.md == want) {  // already plain (fallback outputs, views)
        std::memcpy(t.raw(), src, t.byteSize());
    } else {
        auto it = p.hookReorders.find(b);
        if (it == p.hookReorders.end()) {
            try {
                dnnl::reorder::primitive_desc pd(p.ctx->engine(), buf.md, p.ctx->engine(), want);
                it = p.hookReorders.emplace(b, dnnl::reorder(pd)).first;
            } catch (const dnnl::error& e) {
                return Status::internal("cannot hand over a node output (" + formatName(buf.md) + " " + dtName(buf.md.data_type()) + "): " + e.what());
            }
        }
        memory from(buf.md, p.ctx->engine(), const_cast<void*>(src)), to(want, p.ctx->engine(), t.raw());
        it->second.execute(p.ctx->stream(), {{DNNL_ARG_FROM, from}, {DNNL_ARG_TO, to}});
        p.ctx->stream().wait();
    }
    if (!dequantize) return t;
    QL_ASSIGN(ir::Tensor f, ir::Tensor::create(DType::F32, buf.dims));
    const float scale = buf.scale;
    const int32_t zp = buf.zeroPoint;
    float* out = f.data<float>();
    if (buf.dtype == DType::U8)
        for (int64_t i = 0; i < f.numel(); ++i) out[i] = scale * float(int32_t(t.data<uint8_t>()[i]) - zp);
    else
        for (int64_t i = 0; i < f.numel(); ++i) out[i] = scale * float(int32_t(t.data<int8_t>()[i]) - zp);
    return f;
}

Status handOverOutputs(OnednnPlan::Impl& p, const Step& s, const NodeHooks& hooks) {
    std::vector<ir::Tensor> outs;
    for (size_t i = 0; i < s.outBuffers.size(); ++i) {
        if (s.outBuffers[i] < 0) { outs.emplace_back(); continue; }
        QL_ASSIGN(ir::Tensor t, plainOutput(p, s.outBuffers[i], p.graph->value(s.node->outputs[i]).dtype));
        outs.push_back(std::move(t));
    }
    hooks.onNodeOutputs(*s.node, outs);
    return Status::ok();
}
}  // namespace

Expected<TensorMap> OnednnPlan::run(const TensorMap& inputs, const RunOptions& options) {
    Impl& p = *impl_;
    QL_TRY(checkInputs(*p.graph, inputs));
    p.ctx->applyThreads();
    for (const auto& [name, b] : p.inputs) {
        const ir::Tensor& t = inputs.at(name);
        if (t.dims() != p.buffers[size_t(b)].dims)
            return Status::error("input '" + name + "' has shape " + shapeToString(t.dims()) + "; this plan was compiled for " +
                                 shapeToString(p.buffers[size_t(b)].dims));
        p.mems[size_t(b)].set_data_handle(const_cast<void*>(t.raw()));
        for (int view : p.inputViews)  // views of the input follow it
            if (p.buffers[size_t(view)].root == b) p.mems[size_t(view)].set_data_handle(const_cast<void*>(t.raw()));
    }
    for (size_t si : p.fallbackSteps) {  // reference fallbacks reading a graph input see this run's tensor
        Step& s = p.steps[si];
        for (size_t i = 0; i < s.inBuffers.size(); ++i) {
            if (s.inBuffers[i] < 0) continue;
            const Buffer& root = p.buffers[size_t(p.rootOf(s.inBuffers[i]))];
            if (!root.external) continue;
            const Buffer& b = p.buffers[size_t(s.inBuffers[i])];
            s.inViews[i] = ir::Tensor::view(b.dtype, b.dims, p.mems[size_t(p.rootOf(s.inBuffers[i]))].get_data_handle());
        }
    }
    dnnl::stream& stream = p.ctx->stream();
    // Node hooks read every step's output as it is made: run step by step then.
    const bool banded = !options.hooks.onNodeOutputs;
    for (size_t i = 0; i < p.steps.size(); ++i) {
        if (options.cancel.isCancelled()) return Status::cancelled();
        if (banded && p.rowBandGroupAt[i] >= 0) {
            const RowBandGroup& g = p.rowBandGroups[size_t(p.rowBandGroupAt[i])];
            QL_TRY(runRowBandGroup(p, g, options));
            i = g.end - 1;
            continue;
        }
        Step& s = p.steps[i];
        auto t0 = std::chrono::steady_clock::now();
        if (s.kind == Step::Primitive) {
            if (s.preReorder) s.preReorder->execute(stream, s.preArgs);
            s.prim.execute(stream, s.args);
            stream.wait();
        } else if (s.kind == Step::Native) {
            s.native(s.args);
        } else if (s.kind == Step::Fallback) {
            kernels::KernelContext kc{*s.info, s.inPtrs, s.outViews};
            QL_TRY(s.kernel(kc).withContext("reference fallback: "));
        }
        if (options.onStepTimed) options.onStepTimed(i, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (options.hooks.onNodeOutputs && s.node) QL_TRY(handOverOutputs(p, s, options.hooks));  // after timing: not counted
    }
    TensorMap result;
    for (const auto& [name, b] : p.outputs) {
        const Buffer& buf = p.buffers[size_t(b)];
        QL_ASSIGN(ir::Tensor t, ir::Tensor::create(buf.dtype, buf.dims));
        std::memcpy(t.raw(), buf.constant ? buf.constantData.raw() : p.mems[size_t(b)].get_data_handle(), t.byteSize());
        result[name] = std::move(t);
    }
    return result;
}

}  // namespace ql::runtime