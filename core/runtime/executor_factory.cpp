#include "core/runtime/executor_factory.h"

#include <cstdio>

#include "core/runtime/calibration_run.h"
#include "core/runtime/planned_executor.h"
#include "core/runtime/reference_executor.h"

namespace ql::runtime {

std::string formatPercentile(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", p);
    return buf;
}

Status checkFp32Fallback(const ir::Graph& model, const std::vector<std::string>& names, const ir::Graph* fused) {
    auto named = [&](const std::string& keep) {
        for (const ir::Graph* g : {&model, fused})
            if (g)
                for (ir::NodeId id : g->nodeIds())
                    if (g->node(id).name == keep || g->node(id).opType == keep) return true;
        return false;
    };
    for (const std::string& keep : names) {
        if (named(keep)) continue;
        std::string example = "Conv";  // a real node name helps more
        for (ir::NodeId id : model.nodeIds())
            if (const ir::Node& n = model.node(id); !n.name.empty() && (n.opType == "Conv" || n.opType == "Gemm")) {
                example = n.name;
                break;
            }
        return Status::error("fp32 fallback '" + keep + "': no node and no op type of that name in the model (node names as `inspect` lists them, e.g. '" +
                                 example + "', or op types such as 'Conv')");
    }
    return Status::ok();
}

Expected<PreparedExecutor> prepareExecutor(std::shared_ptr<const ir::Graph> model, const ExecutorOptions& options,
                                           const CancelToken& cancel, const ProgressFn& progress) {
    const ProgressSpan span(progress);
    const std::string& name = options.executor;
    if (name != "reference" && name != "planned" && name != "eager")
        return Status::error("unknown executor '" + name + "' (choose planned, eager or reference)");
    PreparedExecutor result;
    if (name == "reference") {
        if (options.precision == Precision::Int8)
            return Status::unsupported("the reference executor runs the model as given; int8 needs the planned or eager executor");
        auto e = ReferenceExecutor::create(model);
        if (!e) return e.status();
        result.executor = std::move(e).value();
        result.graph = model;
        result.cpu.cpuModel = kernels::onednn::cpuModelName();
        result.cpu.isa = "none (reference kernels)";
        result.cpu.threads = 1;
        return result;
    }
    kernels::onednn::ContextOptions co;
    co.threads = options.threads;
    co.maxIsa = options.maxIsa;
    auto ctx = kernels::onednn::Context::create(co);
    if (!ctx) return ctx.status();
    result.cpu = (*ctx)->facts();

    std::shared_ptr<const ir::Graph> fused = options.fused;
    result.passes = options.fusedPasses;
    if (!fused) {
        auto graph = std::make_shared<ir::Graph>(*model);
        QL_ASSIGN(result.passes, passes::runPasses(*graph, passes::fusionPipeline(), cancel, span.sub(0.0, 0.1)));
        fused = graph;
    }
    result.graph = fused;

    PlanOptions po;
    po.layout = name == "eager" ? Layout::Nchw : options.layout;
    po.precision = options.precision;
    po.sevenBitActivations = options.sevenBitActivations.value_or(!result.cpu.int8Vnni);
    po.asymmetricActivations = options.asymmetricActivations;
    po.perTensorWeights = options.perTensorWeights;
    po.tuneKernels = options.tuneKernels;
    po.rowBands = options.rowBands;
    po.fp32Nodes.insert(options.fp32Fallback.begin(), options.fp32Fallback.end());
    QL_TRY(checkFp32Fallback(*model, options.fp32Fallback, fused.get()));
    result.sevenBitActivations = po.sevenBitActivations;
    quant::RangeTable ranges;
    if (options.precision == Precision::Int8) {
        std::string source;
        if (options.ranges) {
            ranges = *options.ranges;
            source = options.rangesNote.empty() ? "precomputed ranges" : options.rangesNote;
        } else {
            if (options.calibration.empty()) return Status::error("int8 needs calibration inputs");
            const auto& c = options.calibration;
            CalibrationBatches batches{int64_t(c.size()), [&c](int64_t i) -> Expected<TensorMap> { return c[size_t(i)]; }};
            auto r = collectRanges(fused, batches, options.observer, cancel, span.sub(0.1, 0.5));
            if (!r) return r.status().isCancelled() ? r.status() : r.status().withContext("calibration: ");
            ranges = std::move(r->ranges);
            source = quant::calibrationMethodName(options.observer.method) +
                     (options.observer.method == quant::CalibrationMethod::Percentile ? " " + formatPercentile(options.observer.percentile) : "") +
                     " ranges from " + std::to_string(c.size()) + " input batch(es)";
        }
        po.ranges = &ranges;
        result.ranges = std::make_shared<const quant::RangeTable>(ranges);
        result.asymmetricActivations = po.asymmetricActivations;
        result.int8Note = source + "; weights s8 " + (po.perTensorWeights ? "per-tensor" : "per-channel") + "; " +
                          (po.sevenBitActivations ? (result.cpu.int8Vnni ? "7-bit activations (as configured)" : "7-bit activations (no VNNI: avoids u8 x s8 saturation)")
                                                  : (result.cpu.int8Vnni ? "8-bit activations" : "8-bit activations (as configured; no VNNI: u8 x s8 may saturate)")) +
                          (po.asymmetricActivations ? ", asymmetric (zero points)" : ", symmetric");
    }
    if (name == "planned") {
        if (cancel.isCancelled()) return Status::cancelled("plan build");
        auto e = PlannedExecutor::create(fused, *ctx, po, cancel, span.sub(0.5, 1.0));
        if (!e) return e.status();
        // report the ranges the plan used (scale-shared groups widened), not the calibrated ones
        if (options.precision == Precision::Int8) result.ranges = std::make_shared<const quant::RangeTable>((*e)->plan().int8Ranges());
        result.executor = std::move(e).value();
    } else {
        // eager lowers again on every run, so it keeps its own copy of the ranges
        auto owned = result.ranges;
        result.executor = std::make_unique<EagerExecutor>(fused, *ctx, po, owned);
    }
    span.report(1.0, "plan build");
    return result;
}

}  // namespace ql::runtime
