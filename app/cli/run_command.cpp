#include <algorithm>
#include <filesystem>
#include <iostream>

#include "app/cli/commands.h"
#include "core/data/npy.h"
#include "core/session/inputs.h"
#include "core/session/workflows.h"
#include "core/util/strings.h"

namespace ql::cli {

namespace fs = std::filesystem;

int runCommand(const RunOptions& o) {
    session::RunConfig defaults;
    defaults.executor = "reference";
    defaults.precisions = {runtime::Precision::Fp32};
    auto config = o.exec.resolve(defaults);
    if (!config) return fail(config.status());
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
    if (!o.saveOutputs.empty()) {
        std::error_code ec;
        fs::create_directories(o.saveOutputs, ec);
        if (ec) return fail(Status::error(o.saveOutputs + ": cannot create folder: " + ec.message()));
    }
    for (const auto& [name, t] : r->outputs) {
        std::cout << "output " << name << " " << dtypeName(t.dtype()) << " " << shapeToString(t.dims());
        if (t.numel() > 0 && t.dtype() == ir::DType::F32) {
            const float* p = t.data<float>();
            auto [mn, mx] = std::minmax_element(p, p + t.numel());
            double sum = 0;
            for (int64_t i = 0; i < t.numel(); ++i) sum += p[i];
            std::cout << " min " << *mn << " max " << *mx << " mean " << sum / double(t.numel());
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
