#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "app/cli/cli_args.h"
#include "app/cli/commands.h"
#include "app/cli/executor_args.h"
#include "app/cli/model_inputs.h"
#include "core/data/npy.h"
#include "core/runtime/executor_factory.h"
#include "core/util/strings.h"
#include "importers/onnx/model_loader.h"

namespace ql::cli {

namespace fs = std::filesystem;

int runCommand(const std::vector<std::string>& argv) {
    std::set<std::string> valued = {"input", "seed", "batch", "save-outputs"};
    valued.insert(kExecutorOptions.begin(), kExecutorOptions.end());
    auto args = Args::parse(argv, {}, valued);
    if (!args) return fail(args.status());
    if (args->positional().size() != 1) return fail(Status::error("run takes exactly one MODEL argument"));
    const std::string model = args->positional()[0];
    auto seed = args->getInt("seed", 0, 0, INT64_MAX);
    if (!seed) return fail(seed.status());
    auto given = loadInputFiles(args->getAll("input"));
    if (!given) return fail(given.status());

    // The batch follows the given inputs, else --batch, else 1.
    auto probe = onnx_io::loadModel(model, {1});
    if (!probe) return fail(probe.status());
    auto batchArg = args->getInt("batch", 0, 1, 1 << 16);
    if (!batchArg) return fail(batchArg.status());
    int64_t batch = impliedBatch(**probe, *given);
    if (batch == 0) batch = *batchArg ? *batchArg : 1;
    auto graph = batch == 1 ? probe : onnx_io::loadModel(model, {batch});
    if (!graph) return fail(graph.status());

    auto inputs = completeWithRandom(**graph, std::move(given).value(), uint64_t(*seed));
    if (!inputs) return fail(inputs.status().withContext(model + ": "));
    auto options = executorOptions(*args, "reference", args->get("precision").value_or("fp32"));
    if (!options) return fail(options.status());
    options->calibration = {*inputs};  // int8: ranges from this run's own inputs until calibration lands
    auto prepared = runtime::prepareExecutor(*graph, *options);
    if (!prepared) return fail(prepared.status().withContext(model + ": "));
    auto& executor = prepared->executor;
    auto t0 = std::chrono::steady_clock::now();
    auto outputs = executor->run(*inputs);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!outputs) return fail(outputs.status().withContext(model + ": "));

    std::cout << "ran " << model << " with the " << executor->name() << " executor (" << runtime::precisionName(options->precision)
              << ", ISA " << prepared->cpu.isa << "), batch " << batch << ", in " << ms << " ms\n";
    if (!prepared->int8Note.empty()) std::cout << "int8: " << prepared->int8Note << "\n";
    auto saveDir = args->get("save-outputs");
    if (saveDir) {
        std::error_code ec;
        fs::create_directories(*saveDir, ec);
        if (ec) return fail(Status::error(*saveDir + ": cannot create folder: " + ec.message()));
    }
    for (const auto& [name, t] : *outputs) {
        std::cout << "output " << name << " " << dtypeName(t.dtype()) << " " << shapeToString(t.dims());
        if (t.numel() > 0 && t.dtype() == ir::DType::F32) {
            const float* p = t.data<float>();
            auto [mn, mx] = std::minmax_element(p, p + t.numel());
            double sum = 0;
            for (int64_t i = 0; i < t.numel(); ++i) sum += p[i];
            std::cout << " min " << *mn << " max " << *mx << " mean " << sum / double(t.numel());
        }
        std::cout << "\n";
        if (saveDir) {
            std::string file = name;
            std::replace_if(file.begin(), file.end(), [](char c) { return c == '/' || c == '\\' || c == ':'; }, '_');
            Status st = data::writeNpy(fs::path(*saveDir) / (file + ".npy"), t);
            if (!st) return fail(st);
        }
    }
    return kExitOk;
}

}  // namespace ql::cli
