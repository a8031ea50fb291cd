#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "app/cli/commands.h"
#include "core/data/npy.h"
#include "core/session/inputs.h"
#include "core/session/workflows.h"
#include "core/util/strings.h"

namespace ql::cli {

namespace fs = std::filesystem;

namespace {
// NaN and Inf counts of a float tensor (zero for other types).
std::pair<int64_t, int64_t> nonFinite(const ir::Tensor& t) {
    if (t.dtype() != ir::DType::F32) return {0, 0};
    int64_t nan = 0, inf = 0;
    const float* p = t.data<float>();
    for (int64_t i = 0; i < t.numel(); ++i) nan += std::isnan(p[i]), inf += std::isinf(p[i]);
    return {nan, inf};
}
}  // namespace

int runCommand(const RunOptions& o) {
    session::RunConfig defaults;
    defaults.executor = "reference";
    defaults.precisions = {runtime::Precision::Fp32};
    auto config = o.exec.resolve(defaults);
    if (!config) return fail(config.status());
    // --save-outputs names a folder (made with its parents, as bench --out is): said before the run
    if (!o.saveOutputs.empty()) {
        std::error_code ec;
        if (fs::exists(o.saveOutputs, ec) && !fs::is_directory(o.saveOutputs, ec))
            return fail(Status::error("--save-outputs " + o.saveOutputs + ": is a file, not a folder"));
    }
    auto given = session::loadInputFiles(o.inputs);
    if (!given) return fail(given.status());

    // Symbolic dimensions: --shape, else the input files' shapes.
    session::OpenOptions open{1, interrupt(), {}};
    open.batchFollowsModel = true;
    auto shapes = session::parseShapeSpecs(o.shapes);
    if (!shapes) return fail(shapes.status());
    open.shapes = std::move(shapes).value();
    session::addShapesOf(*given, open.shapes, o.inputs);
    open.inputValues = *given;  // shape operands among them (Reshape's shape, Slice's starts) feed shape inference
    // The batch: the one the model fixes, else the given inputs', else --batch, else --shape's,
    // else the config's (--batch against a fixed batch fails below, saying which to use).
    auto opened = session::Session::open(o.model, open);
    if (!opened) return fail(opened.status());
    int64_t implied = (*opened)->fixedBatch().value_or(session::impliedBatch(*(*opened)->original(), *given));
    if (!implied && !o.batch)
        for (const auto& [name, dims] : open.shapes)
            if (!dims.empty()) implied = dims[0];
    const bool chosen = o.exec.batchChosen(o.batch);  // --batch or the config's: refused below if the model fixes another
    config->batch = chosen && (*opened)->fixedBatch() ? o.batch.value_or(config->batch) : implied ? implied : o.batch.value_or(config->batch);
    if (o.seed) config->seed = *o.seed;
    auto at = config->batch == (*opened)->batch() ? Expected<std::shared_ptr<const session::Session>>(*opened)
                                                  : (*opened)->withBatch(config->batch, interrupt());
    if (!at) return fail(at.status());
    auto inputs = session::completeWithRandom(*(*at)->original(), std::move(given).value(), config->seed);
    if (!inputs) return fail(inputs.status().withContext(o.model + ": "));

    auto r = session::runModel(**at, *config, *inputs, {interrupt(), {}});
    if (!r) return fail(r.status());
    std::cout << "ran " << o.model << " with the " << r->executor << " executor (" << runtime::precisionName(r->precision) << ", ISA "
              << r->cpu.isa << "), batch " << config->batch << ", in " << r->ms << " ms\n";
    if (!r->int8Note.empty()) std::cout << "int8: " << r->int8Note << "\n";
    // NaN and Inf are not part of any calibration or kernel contract: say where they came in
    for (const auto& [name, t] : *inputs)
        if (const auto [nan, inf] = nonFinite(t); nan + inf > 0)
            std::cout << "warning: input '" << name << "' holds " << nan << " NaN and " << inf << " Inf value(s); executors carry them "
                      << "differently (a ReLU fused into oneDNN's convolution turns NaN into 0), so outputs may differ between them\n";
    if (!o.saveOutputs.empty()) {
        std::error_code ec;
        fs::create_directories(o.saveOutputs, ec);
        if (ec) return fail(Status::error(o.saveOutputs + ": cannot create folder: " + ec.message()));
    }
    for (const auto& [name, t] : r->outputs) {
        std::cout << "output " << name << " " << dtypeName(t.dtype()) << " " << shapeToString(t.dims());
        if (t.numel() > 0 && t.dtype() == ir::DType::F32) {
            // over the finite values; NaN and Inf counted apart (NaN poisoned min/max/mean)
            const float* p = t.data<float>();
            double sum = 0, mn = 0, mx = 0;
            int64_t finite = 0;
            for (int64_t i = 0; i < t.numel(); ++i) {
                if (!std::isfinite(p[i])) continue;
                mn = finite ? std::min(mn, double(p[i])) : p[i], mx = finite ? std::max(mx, double(p[i])) : p[i];
                sum += p[i], ++finite;
            }
            if (finite) std::cout << " min " << float(mn) << " max " << float(mx) << " mean " << sum / double(finite);
            if (const auto [nan, inf] = nonFinite(t); nan + inf > 0) std::cout << " (" << nan << " NaN, " << inf << " Inf)";
        }
        std::cout << "\n";
        if (!o.saveOutputs.empty()) {
            std::string file = name;
            std::replace_if(file.begin(), file.end(), [](char c) { return c == '/' || c == '\\' || c == ':'; }, '_');
            Status st = data::writeNpy(fs::path(o.saveOutputs) / (file + ".npy"), t);
            if (!st) return fail(st);
        }
    }
    return kExitOk;
}

}  // namespace ql::cli
