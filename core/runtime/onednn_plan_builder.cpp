#include "core/runtime/onednn_plan_builder.h"

#include <cstring>

#include "kernels/native/planar_to_interleaved.h"

namespace ql::runtime {

namespace {
// The native kernel for a planar f32 image (NCHW, 3 channels) going interleaved (NHWC) as f32
// or int8 with dst = scale * x + zeroPoint, when this conversion is one; else nullopt.
std::optional<kernels::native::PlanarToInterleaved> planarToInterleaved(const memory::desc& from, const memory::desc& to, float scale,
                                                                        int32_t zeroPoint) {
    using kernels::native::InterleavedType;
    const memory::dims d = from.dims();
    if (d.size() != 4 || to.dims() != d || from != memory::desc(d, DT::f32, Tag::nchw)) return std::nullopt;
    if (to != memory::desc(d, to.data_type(), Tag::nhwc)) return std::nullopt;
    const DT dt = to.data_type();
    if (dt == DT::f32 ? scale != 1.f || zeroPoint != 0 : dt != DT::s8 && dt != DT::u8) return std::nullopt;
    kernels::native::PlanarToInterleaved k;
    k.batch = d[0];
    k.channels = d[1];
    k.pixels = d[2] * d[3];
    k.dst = dt == DT::s8 ? InterleavedType::S8 : dt == DT::u8 ? InterleavedType::U8 : InterleavedType::F32;
    k.scale = scale;
    k.zeroPoint = zeroPoint;
    if (!kernels::native::supported(k)) return std::nullopt;
    return k;
}
}  // namespace

// ---- target ---------------------------------------------------------------------------

memory::desc PlanBuilder::actMd(const ir::Dims& dims, DType dt) const {
    if (dims.size() == 4) {
        switch (layout()) {
            case Layout::Nhwc: return memory::desc(toDims(dims), toDnnl(dt), Tag::nhwc);
            case Layout::Blocked: return memory::desc(toDims(dims), toDnnl(dt), p_.ctx->blockedTag4d());
            default: break;
        }
    }
    return plainMd(dims, dt);
}

memory::desc PlanBuilder::layoutLike(const memory::desc& like, const ir::Dims& dims) const {
    const std::string f = formatName(like);
    Tag t = f == "nhwc" ? Tag::nhwc : f == "nChw8c" ? Tag::nChw8c : f == "nChw16c" ? Tag::nChw16c : plainTag(dims.size());
    return memory::desc(toDims(dims), like.data_type(), t);
}

// ---- values and buffers -----------------------------------------------------------------

const ir::Tensor* PlanBuilder::constantOf(ir::ValueId v) const {
    if (!v.valid()) return nullptr;
    const ir::Value& val = p_.graph->value(v);
    if (val.constant) return &*val.constant;
    auto it = folded_.find(v.v);
    return it == folded_.end() ? nullptr : &it->second;
}

std::optional<std::vector<float>> PlanBuilder::modelWeightScales(ir::ValueId v, int rowAxis, int64_t rows) const {
    auto it = weightScales_.find(v.v);
    if (it == weightScales_.end()) return std::nullopt;
    const auto& [scales, axis] = it->second;
    if (scales.size() == 1 || (axis == rowAxis && int64_t(scales.size()) == rows)) return scales;
    return std::nullopt;
}

std::optional<int> PlanBuilder::producedBuffer(ir::ValueId v) const {
    auto it = valueBuf_.find(v.v);
    if (it == valueBuf_.end()) return std::nullopt;
    return it->second;
}

int PlanBuilder::newBuffer(const memory::desc& md, DType dt, const ir::Dims& dims, float scale, int32_t zeroPoint) {
    Buffer b;
    b.md = md;
    b.dtype = dt;
    b.dims = dims;
    b.scale = scale;
    b.zeroPoint = isInt8(dt) ? zeroPoint : 0;
    p_.buffers.push_back(std::move(b));
    return int(p_.buffers.size()) - 1;
}

int PlanBuilder::newAlias(int of, const memory::desc& md, DType dt, const ir::Dims& dims, float scale, int32_t zeroPoint) {
    const int b = newBuffer(md, dt, dims, scale, zeroPoint);
    p_.buffers[size_t(b)].root = p_.rootOf(of);
    return b;
}

bool PlanBuilder::bytesDieAt(int b, ir::NodeId n) const {
    const int root = rootOf(b);
    if (buffer(root).external || buffer(root).constant) return false;
    for (const auto& [v, held] : valueBuf_) {
        if (rootOf(held) != root) continue;
        const ir::ValueId id{v};
        if (graph().isGraphOutput(id)) return false;
        for (ir::NodeId c : value(id).consumers)
            if (c != n && !isLowered(c)) return false;
    }
    return true;
}

dnnl::primitive_attr PlanBuilder::scaleAttr(float scale, int32_t srcZp, int32_t dstZp) {
    dnnl::primitive_attr attr;
    if (scale != 1.f) attr.set_output_scales(0, {scale});
    if (srcZp) attr.set_zero_points(DNNL_ARG_SRC, 0, {srcZp});
    if (dstZp) attr.set_zero_points(DNNL_ARG_DST, 0, {dstZp});
    return attr;
}

Expected<int> PlanBuilder::ensure(ir::ValueId v, const memory::desc& want, float wantScale, int32_t wantZp) {
    auto it = valueBuf_.find(v.v);
    if (it == valueBuf_.end()) {
        if (const ir::Tensor* c = constantOf(v)) return constantBuffer(v, *c, want);
        return Status::error("value '" + value(v).name + "' has no producer in the plan");
    }
    const int src = it->second;
    const Buffer& sb = buffer(src);
    const bool wantInt = want.data_type() == DT::u8 || want.data_type() == DT::s8;
    const float srcScale = isInt8(sb.dtype) ? sb.scale : 1.f;
    const float dstScale = wantInt ? wantScale : 1.f;
    const int32_t srcZp = sb.zeroPoint, dstZp = wantInt ? wantZp : 0;
    if (sb.md == want && srcScale == dstScale && srcZp == dstZp) return src;
    // another consumer may have asked for the same conversion already
    for (auto [c, end] = converted_.equal_range(v.v); c != end; ++c) {
        const Buffer& cb = buffer(c->second);
        if (cb.md == want && cb.scale == dstScale && cb.zeroPoint == dstZp) return c->second;
    }
    const DType dt = want.data_type() == DT::u8 ? DType::U8 : want.data_type() == DT::s8 ? DType::S8 : DType::F32;
    const ir::Value& val = value(v);
    const int dst = newBuffer(want, dt, val.dims, dstScale, dstZp);
    StepInfo info;
    info.name = "reorder " + val.name;
    info.opType = isInt8(dt) && !isInt8(sb.dtype) ? "Quantize" : (!isInt8(dt) && isInt8(sb.dtype) ? "Dequantize" : "Reorder");
    info.inserted = true;
    Step s;
    s.argBuffers = {{DNNL_ARG_FROM, src}, {DNNL_ARG_TO, dst}};
    use(src);
    use(dst);
    if (auto k = planarToInterleaved(sb.md, want, srcScale / dstScale, dstZp)) {
        s.kind = Step::Native;
        s.native = [k = *k](const std::unordered_map<int, memory>& args) {
            kernels::native::run(k, static_cast<const float*>(args.at(DNNL_ARG_FROM).get_data_handle()), args.at(DNNL_ARG_TO).get_data_handle());
        };
        info.impl = "native:sse41";  // kernels/native: oneDNN 2.6 is ~5x slower here
    } else {
        dnnl::reorder::primitive_desc pd;
        try {
            pd = dnnl::reorder::primitive_desc(engine(), sb.md, engine(), want, scaleAttr(srcScale / dstScale, srcZp, dstZp));
        } catch (const dnnl::error& e) {
            std::string dims;
            for (auto d : sb.md.dims()) dims += std::to_string(d) + "x";
            return Status::error("cannot reorder '" + val.name + "' (" + dims + ") from " + dtName(sb.md.data_type()) + " " + formatName(sb.md) +
                                 " to " + dtName(want.data_type()) + " " + formatName(want) + ": " + e.what());
        }
        s.prim = dnnl::reorder(pd);
        info.impl = pd.impl_info_str();
    }
    StepInfo& added = addStep(std::move(s), std::move(info));
    finishInfo(added, dst);
    converted_.emplace(v.v, dst);
    return dst;
}

Expected<int> PlanBuilder::f32Input(ir::ValueId v) {
    auto it = valueBuf_.find(v.v);
    if (it == valueBuf_.end()) return Status::error("not an activation");
    const Buffer& b = buffer(it->second);
    if (b.md.data_type() == DT::f32) return it->second;
    memory::desc want = layout() == Layout::Auto ? memory::desc(b.md.dims(), DT::f32, plainTag(b.md.dims().size())) : actMd(value(v).dims, DType::F32);
    if (layout() == Layout::Auto && formatName(b.md) != "plain") {
        // keep the producer's blocking, change only the data type
        want = b.md;
        want.data.data_type = dnnl_f32;
    }
    return ensure(v, want, 1.f);
}

// A constant used where an activation buffer is expected: materialised once, at build time.
Expected<int> PlanBuilder::constantBuffer(ir::ValueId v, const ir::Tensor& c, const memory::desc& want) {
    if (c.dtype() != DType::F32 || want.data_type() != DT::f32) return Status::error("constant '" + value(v).name + "' cannot feed an int8 input");
    const int b = newBuffer(want, DType::F32, c.dims());
    Buffer& buf = buffer(b);
    buf.constant = true;
    buf.constantData = ir::Tensor::create(DType::F32, {int64_t(want.get_size() / 4)}).value();
    memory src(plainMd(c.dims(), DType::F32), engine(), const_cast<void*>(c.raw()));
    memory dst(want, engine(), buf.constantData.raw());
    dnnl::reorder(src, dst).execute(p_.ctx->stream(), src, dst);
    p_.ctx->stream().wait();
    return b;
}

memory PlanBuilder::constMemory(const memory::desc& md, const void* data, const memory::desc& want) {
    memory src(md, engine(), const_cast<void*>(data));
    if (md == want) {
        memory copy(want, engine());
        std::memcpy(copy.get_data_handle(), data, md.get_size());
        return copy;
    }
    memory dst(want, engine());
    dnnl::reorder(src, dst).execute(p_.ctx->stream(), src, dst);
    p_.ctx->stream().wait();
    return dst;
}

// ---- int8 policy ------------------------------------------------------------------------

bool PlanBuilder::keptFp32(const ir::Node& n) const {
    const std::set<std::string>& keep = p_.options.fp32Nodes;
    if (keep.empty()) return false;
    if (keep.count(n.name) || keep.count(n.opType)) return true;
    for (ir::NodeId f : n.fusedFrom) {
        const ir::Node& o = p_.graph->node(f);
        if (keep.count(o.name) || keep.count(o.opType)) return true;
    }
    return false;
}

const quant::ValueRange* PlanBuilder::rangeOf(ir::ValueId v) const {
    const quant::RangeTable* table = ranges_ ? &*ranges_ : p_.options.ranges;
    if (!table) return nullptr;
    auto it = table->find(value(v).name);
    return it == table->end() ? nullptr : &it->second;
}

std::optional<quant::Int8Params> PlanBuilder::int8Of(ir::ValueId v) const {
    if (!int8Plan()) return std::nullopt;
    const quant::ValueRange* r = rangeOf(v);
    if (!r) return std::nullopt;
    // A QDQ model's own parameters, exactly (u8 with its zero point too), unless a shared scale
    // widened the range or 7-bit activations are needed (AVX2 without VNNI saturates 8-bit u8).
    if (const auto& q = value(v).quant; q && !p_.options.sevenBitActivations) {
        const auto mr = quant::rangeOfModelParams(*q);
        if (mr && mr->min == r->min && mr->max == r->max) return quant::modelParams(*q);
    }
    quant::Int8Params p = quant::int8ParamsFor(*r, p_.options.sevenBitActivations, p_.options.asymmetricActivations);
    if (p.dtype == DType::S8 && offsetStorage_.count(v.v)) p = {DType::U8, p.scale, 128};  // the same levels, shifted
    return p;
}

bool PlanBuilder::consumersTakeInt8(ir::ValueId v) const {
    const ir::Graph& g = *p_.graph;
    // A QDQ model's quantized output is produced in int8 and dequantized once: its clipping and
    // rounding are part of what the model computes.
    const auto& q = value(v).quant;
    const bool modelInt8Output = g.isGraphOutput(v) && q && quant::modelParams(*q) && !p_.options.sevenBitActivations;
    if ((g.isGraphOutput(v) && !modelInt8Output) || (g.value(v).consumers.empty() && !modelInt8Output)) return false;
    for (ir::NodeId c : g.value(v).consumers) {
        const ir::Node& n = g.node(c);
        const Lowerer* l = findLowerer(n);
        if (!l || !l->takesInt8 || !l->takesInt8(*this, n, v)) return false;
    }
    return true;
}

// ---- steps ------------------------------------------------------------------------------

StepInfo& PlanBuilder::addStep(Step s, StepInfo info) {
    p_.steps.push_back(std::move(s));
    infos_.push_back(std::move(info));
    return infos_.back();
}

void PlanBuilder::finishInfo(StepInfo& info, int outBuffer) const {
    const Buffer& b = buffer(outBuffer);
    info.format = formatName(b.md);
    info.dtype = dtName(b.md.data_type());
    info.outputBytes = int64_t(b.md.get_size());
}

Status PlanBuilder::addPrimitive(const ir::Node& n, dnnl::primitive prim, std::vector<std::pair<int, int>> args, std::map<int, memory> consts,
                                 const std::string& impl, int dst, int64_t weightBytes) {
    Step s;
    s.prim = std::move(prim);
    s.argBuffers = std::move(args);
    s.constArgs = std::move(consts);
    return addNodeStep(n, std::move(s), impl, dst, weightBytes);
}

Status PlanBuilder::addNodeStep(const ir::Node& n, Step s, const std::string& impl, int dst, int64_t weightBytes, const std::string& note) {
    // its arguments stay live until this step
    for (auto& [arg, b] : s.argBuffers) use(b);
    use(dst);
    valueBuf_[n.outputs[0].v] = dst;
    s.node = &n;
    s.outBuffers = {dst};
    StepInfo info = stepInfoFor(*p_.graph, n);
    info.impl = impl;
    info.note = note.empty() ? islandNote(n, s, dst) : note;
    info.weightBytes = weightBytes;
    for (const auto& [arg, b] : s.argBuffers)
        if (arg == DNNL_ARG_SRC) info.inputDtype = dtName(buffer(b).md.data_type());
    StepInfo& added = addStep(std::move(s), std::move(info));
    finishInfo(added, dst);
    return Status::ok();
}

// An op that reads none of its inputs as int8 although an int8 layer produced one: the plan
// dequantizes around it, and the profile says why.
std::string PlanBuilder::islandNote(const ir::Node& n, const Step& s, int dst) const {
    if (!int8Plan() || isInt8(buffer(dst).dtype)) return {};
    for (const auto& [arg, buf] : s.argBuffers)
        if (arg != DNNL_ARG_DST && isInt8(buffer(buf).dtype)) return {};
    for (ir::ValueId in : n.inputs) {
        auto produced = in.valid() ? producedBuffer(in) : std::nullopt;
        if (!produced || !isInt8(buffer(*produced).dtype)) continue;
        if (keptFp32(n)) return "FP32 island: kept in FP32 by the fp32 node list; its int8 input is dequantized";
        return "FP32 island: no exact int8 kernel for " + n.opType + " here, so its int8 input is dequantized";
    }
    return {};
}

Status PlanBuilder::fallback(const ir::Node& n, const std::string& why) {
    kernels::KernelFn fn = kernels::findReferenceKernel(n.domain, n.opType);
    if (!fn) return Status::error(n.label() + ": no kernel (" + why + ")");
    Step s;
    s.kind = Step::Fallback;
    s.node = &n;
    s.kernel = fn;
    for (ir::ValueId in : n.inputs) {
        if (!in.valid()) { s.inBuffers.push_back(-1); s.constInputs.push_back(nullptr); continue; }
        if (const ir::Tensor* c = constantOf(in)) { s.inBuffers.push_back(-1); s.constInputs.push_back(c); continue; }
        const ir::Value& v = value(in);
        QL_ASSIGN(int b, ensure(in, plainMd(v.dims, v.dtype), 1.f));
        s.inBuffers.push_back(b);
        s.constInputs.push_back(nullptr);
        use(b);
    }
    for (ir::ValueId out : n.outputs) {
        if (!out.valid()) { s.outBuffers.push_back(-1); continue; }
        const ir::Value& v = value(out);
        const int b = newBuffer(plainMd(v.dims, v.dtype), v.dtype, v.dims);
        s.outBuffers.push_back(b);
        use(b);
        valueBuf_[out.v] = b;
    }
    StepInfo info = stepInfoFor(*p_.graph, n);
    info.impl = "reference";
    info.fallbackReason = why;
    for (const ir::Tensor* c : s.constInputs)
        if (c) info.weightBytes += int64_t(c->byteSize());
    const int firstOut = s.outBuffers.empty() ? -1 : s.outBuffers[0];
    StepInfo& added = addStep(std::move(s), std::move(info));
    if (firstOut >= 0) finishInfo(added, firstOut);
    return Status::ok();
}

}  // namespace ql::runtime
