#pragma once
// Internals shared by the oneDNN plan's lowering (onednn_lowering.cpp, onednn_plan_builder.cpp,
// onednn_lower_*.cpp) and its execution (onednn_plan.cpp): memory-descriptor helpers, buffers,
// steps and the plan state.
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/ops/op_registry.h"
#include "core/runtime/onednn_plan.h"
#include "kernels/reference/kernel_registry.h"

namespace ql::runtime {

using dnnl::memory;
using ir::DType;
using Tag = dnnl::memory::format_tag;
using DT = dnnl::memory::data_type;


inline DT toDnnl(DType t) {
    switch (t) {
        case DType::F32: return DT::f32;
        case DType::U8: return DT::u8;
        case DType::S8: return DT::s8;
        case DType::S32: return DT::s32;
        default: return DT::undef;
    }
}

inline memory::dims toDims(const ir::Dims& d) { return memory::dims(d.begin(), d.end()); }

inline Tag plainTag(size_t rank) {
    switch (rank) {
        case 0: case 1: return Tag::a;
        case 2: return Tag::ab;
        case 3: return Tag::abc;
        case 4: return Tag::abcd;
        case 5: return Tag::abcde;
        default: return Tag::undef;
    }
}

// A dense tensor; one of a type oneDNN has no name for (int64, bool, ...) as its raw bytes, which
// only reference fallback steps read (through the buffer's own dtype and dims).
inline memory::desc plainMd(const ir::Dims& dims, DType t) {
    ir::Dims d = dims.empty() ? ir::Dims{1} : dims;
    if (toDnnl(t) == DT::undef) {
        int64_t n = 1;
        for (int64_t x : d) n *= x;
        return memory::desc({std::max<int64_t>(1, n * int64_t(ir::dtypeSize(t)))}, DT::u8, Tag::a);
    }
    return memory::desc(toDims(d), toDnnl(t), plainTag(d.size()));
}

inline bool isInt8(DType t) { return t == DType::U8 || t == DType::S8; }

inline std::string formatName(const memory::desc& md) {
    const int rank = md.data.ndims;
    if (md.data.format_kind == dnnl_format_kind_any) return "any";
    auto is = [&](Tag t) { return md == memory::desc(md.dims(), md.data_type(), t); };
    if (rank == 4) {
        if (is(Tag::nchw)) return "nchw";
        if (is(Tag::nhwc)) return "nhwc";
        if (is(Tag::nChw8c)) return "nChw8c";
        if (is(Tag::nChw16c)) return "nChw16c";
    }
    if (rank == 2 && is(Tag::nc)) return "nc";
    if (rank == 1) return "x";
    if (rank > 0 && rank <= 5 && is(plainTag(size_t(rank)))) return "plain";
    return "blocked";
}

inline std::string dtName(DT t) {
    switch (t) {
        case DT::f32: return "f32";
        case DT::u8: return "u8";
        case DT::s8: return "s8";
        case DT::s32: return "s32";
        default: return "?";
    }
}


// ---------------------------------------------------------------------------------------
// Executable state

struct Buffer {
    memory::desc md;
    DType dtype = DType::F32;
    ir::Dims dims;
    float scale = 1.f;       // int8: real = scale * (q - zeroPoint)
    int32_t zeroPoint = 0;
    int root = -1;           // alias of another buffer's bytes (views), else itself
    int first = 1 << 30, last = -1;
    bool external = false;   // graph input: the caller's memory
    bool constant = false;   // folded value: bytes owned by `constantData`
    size_t offset = 0;
    ir::Tensor constantData;
};

struct Step {
    // Native: a hand-written kernel (kernels/native) over the step's bound arguments
    enum Kind { Primitive, Native, Fallback, View } kind = Primitive;
    dnnl::primitive prim;
    std::vector<std::pair<int, int>> argBuffers;     // DNNL_ARG_* -> buffer
    std::map<int, memory> constArgs;                 // weights, bias, constant operands
    std::unordered_map<int, memory> args;            // bound at finalise
    // Convolutions: the weights before their reorder, for row bands whose kernels want another
    // format (onednn_row_bands.h); released once the bands are cut.
    memory plainWeights;
    std::function<void(const std::unordered_map<int, memory>& args)> native;
    // Native steps that can compute one band of output rows on the calling thread (row bands)
    std::function<void(const std::unordered_map<int, memory>& args, int band, int bands)> nativeBand;
    bool nativeRowLocal = false;  // its band of output rows reads only the same band of input rows (1x1)
    // sum post-op: copy (reorder) the residual into the destination first
    std::optional<dnnl::primitive> preReorder;
    int preSrc = -1, preDst = -1;
    std::unordered_map<int, memory> preArgs;
    const ir::Node* node = nullptr;                  // the graph node; nullptr for inserted reorders
    std::vector<int> outBuffers;                     // per node output (-1 = absent)
    // reference fallback
    kernels::KernelFn kernel = nullptr;
    std::vector<int> inBuffers;                      // -1 = constant / absent
    std::vector<const ir::Tensor*> constInputs;      // per input: constant tensor or nullptr
    std::unique_ptr<ops::InferContext> info;
    std::vector<ir::Tensor> inViews, outViews;
    std::vector<const ir::Tensor*> inPtrs;
};

// Consecutive convolution steps run as one OpenMP region over row bands (onednn_row_bands.h).
struct RowBandGroup {
    struct Member {
        size_t step = 0;             // index into OnednnPlan::Impl::steps
        bool barrierBefore = false;  // wait until every thread finished the earlier members
        std::vector<dnnl::primitive> bands;                         // one per thread, top to bottom
        std::vector<std::unordered_map<int, memory>> bandArgs;       // the step's args over each band's rows
        std::function<void(int band)> nativeBand;                    // instead of `bands`: a native kernel's band
    };
    size_t first = 0, end = 0;  // the steps [first, end) the group replaces
    std::vector<Member> members;
};

struct OnednnPlan::Impl {
    std::shared_ptr<const ir::Graph> graph;
    std::shared_ptr<kernels::onednn::Context> ctx;
    PlanOptions options;
    std::deque<Buffer> buffers;  // deque: references stay valid while lowering appends
    std::vector<Step> steps;
    std::vector<std::pair<std::string, int>> inputs;   // graph input name -> external buffer
    std::vector<std::pair<std::string, int>> outputs;  // graph output name -> buffer
    std::vector<dnnl::memory> mems;                        // per buffer, bound to the arena
    void* arena = nullptr;
    std::vector<void*> separate;                       // eager: one allocation per buffer
    std::vector<int> inputViews;                       // buffers aliasing a graph input
    std::vector<size_t> fallbackSteps;
    std::unordered_map<int, dnnl::reorder> hookReorders;  // buffer -> plain f32, built on first hooked run
    std::vector<RowBandGroup> rowBandGroups;
    std::vector<int> rowBandGroupAt;                   // per step: the group starting there, else -1
    std::vector<dnnl::stream> bandStreams;             // one per thread: bands run concurrently

    ~Impl() {
        std::free(arena);
        for (void* p : separate) std::free(p);
    }
    int rootOf(int b) const { return buffers[size_t(b)].root < 0 ? b : buffers[size_t(b)].root; }
    void use(int b, int step) {
        Buffer& r = buffers[size_t(rootOf(b))];
        r.first = std::min(r.first, step);
        r.last = std::max(r.last, step);
    }
};


// Lowers every node of impl.graph into impl.steps / impl.buffers, appending a StepInfo each;
// checks `cancel` once per node and reports progress (i / n, "plan build").
// Int8: `usedRanges` receives the (scale-shared) ranges the plan was built with.
Status lowerGraph(OnednnPlan::Impl& impl, std::vector<StepInfo>& infos, const CancelToken& cancel, const ProgressFn& progress,
                  quant::RangeTable* usedRanges = nullptr);

}  // namespace ql::runtime
