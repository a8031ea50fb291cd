#include "core/runtime/executor_factory.h"

#include "core/quant/ranges.h"
#include "core/runtime/planned_executor.h"
#include "core/runtime/reference_executor.h"

namespace ql::runtime {

Expected<PreparedExecutor> prepareExecutor(std::shared_ptr<const ir::Graph> model, const ExecutorOptions& options) {
    const std::string& name = options.executor;
    if (name != "reference" && name != "planned" && name != "eager")
        return Status::error("unknown executor '" + name + "' (choose planned, eager or reference)");
    PreparedExecutor result;
    if (name == "reference") {
        if (options.precision == Precision::Int8)
            return Status::error("the reference executor runs the model as given; --precision int8 needs --executor planned or eager");
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

    auto fused = std::make_shared<ir::Graph>(*model);
    auto records = passes::runPasses(*fused, passes::fusionPipeline());
    if (!records) return records.status();
    result.passes = std::move(records).value();
    result.graph = fused;

    PlanOptions po;
    po.layout = name == "eager" ? Layout::Nchw : options.layout;
    po.precision = options.precision;
    po.sevenBitActivations = !result.cpu.int8Vnni;
    po.asymmetricActivations = options.asymmetricActivations;
    result.sevenBitActivations = po.sevenBitActivations;
    quant::RangeTable ranges;
    if (options.precision == Precision::Int8) {
        if (options.calibration.empty()) return Status::error("int8 needs calibration inputs");
        auto r = quant::collectMinMax(fused, options.calibration);
        if (!r) return r.status().withContext("calibration: ");
        ranges = std::move(r).value();
        po.ranges = &ranges;
        result.int8Note = "min/max ranges from " + std::to_string(options.calibration.size()) + " input batch(es); " +
                          (po.sevenBitActivations ? "7-bit activations (no VNNI: avoids u8 x s8 saturation)" : "8-bit activations") +
                          (po.asymmetricActivations ? ", asymmetric (zero points)" : ", symmetric");
    }
    if (name == "planned") {
        auto e = PlannedExecutor::create(fused, *ctx, po);
        if (!e) return e.status();
        result.executor = std::move(e).value();
    } else {
        // eager lowers again on every run, so it keeps its own copy of the ranges
        auto owned = options.precision == Precision::Int8 ? std::make_shared<const quant::RangeTable>(ranges) : nullptr;
        result.executor = std::make_unique<EagerExecutor>(fused, *ctx, po, owned);
    }
    return result;
}

}  // namespace ql::runtime
