#include <algorithm>
#include <cmath>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numeric>
#include <regex>

#include "app/cli/cli_args.h"
#include "app/cli/commands.h"
#include "app/cli/executor_args.h"
#include "core/data/idx_dataset.h"
#include "core/profile/accuracy.h"
#include "core/runtime/executor_factory.h"
#include "importers/onnx/model_loader.h"

namespace ql::cli {

namespace fs = std::filesystem;

namespace {
// Normalisation recorded in the model card (MODEL.json beside MODEL.onnx), if any.
bool readCardNormalisation(const fs::path& model, float& mean, float& std) {
    fs::path card = model;
    card.replace_extension(".json");
    std::ifstream in(card);
    if (!in) return false;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::smatch m;
    if (std::regex_search(text, m, std::regex("\"mean\"\\s*:\\s*([-0-9.eE]+)"))) mean = std::stof(m[1]);
    if (std::regex_search(text, m, std::regex("\"std\"\\s*:\\s*([-0-9.eE]+)"))) std = std::stof(m[1]);
    return true;
}

Expected<float> parseFloat(const std::string& name, const std::string& v) {
    try {
        size_t used = 0;
        float f = std::stof(v, &used);
        if (used == v.size() && std::isfinite(f)) return f;
    } catch (const std::exception&) {
    }
    return Status::error("--" + name + " expects a number, got '" + v + "'");
}
}  // namespace

int evalCommand(const std::vector<std::string>& argv) {
    std::set<std::string> valued = {"data", "split", "limit", "batch", "mean", "std"};
    valued.insert(kExecutorOptions.begin(), kExecutorOptions.end());
    auto args = Args::parse(argv, {}, valued);
    if (!args) return fail(args.status());
    if (args->positional().size() != 1) return fail(Status::error("eval takes exactly one MODEL argument"));
    const fs::path model = args->positional()[0];
    auto limit = args->getInt("limit", 0, 0, INT64_MAX);
    auto batch = args->getInt("batch", 100, 1, 4096);
    if (!limit) return fail(limit.status());
    if (!batch) return fail(batch.status());
    const std::string split = args->get("split").value_or("t10k");
    if (split != "t10k" && split != "train") return fail(Status::error("--split must be t10k or train"));
    auto dataset = data::readFashionMnist(args->get("data").value_or("/usr/share/datasets/fashion-mnist"), split);
    if (!dataset) return fail(dataset.status());
    // pixel/255 normalised as (x - mean) / std: --mean/--std, else the model card, else none
    float mean = 0.f, std = 1.f;
    std::string normalisation = readCardNormalisation(model, mean, std) ? "model card" : "none (no model card)";
    for (const char* opt : {"mean", "std"}) {
        if (auto v = args->get(opt)) {
            auto f = parseFloat(opt, *v);
            if (!f) return fail(f.status());
            (std::string(opt) == "mean" ? mean : std) = *f;
            normalisation = "command line";
        }
    }
    if (std == 0.f) return fail(Status::error("--std must not be 0"));

    const int64_t total = *limit ? std::min<int64_t>(*limit, dataset->count) : dataset->count;
    auto graph = onnx_io::loadModel(model, {*batch});
    if (!graph) return fail(graph.status());
    if ((*graph)->inputs.size() != 1 || (*graph)->outputs.size() != 1)
        return fail(Status::error(model.string() + ": eval needs a model with one input and one output"));
    const std::string inName = (*graph)->value((*graph)->inputs[0]).name;
    auto options = executorOptions(*args, "reference", args->get("precision").value_or("fp32"));
    if (!options) return fail(options.status());
    // int8 ranges from the first images of the other split (never from the evaluated ones)
    if (options->precision == runtime::Precision::Int8) {
        auto calib = data::readFashionMnist(args->get("data").value_or("/usr/share/datasets/fashion-mnist"), split == "t10k" ? "train" : "t10k");
        if (!calib) return fail(calib.status());
        options->calibration = {{{inName, calib->batch(0, *batch, mean, std)}}};
    }
    auto prepared = runtime::prepareExecutor(*graph, *options);
    if (!prepared) return fail(prepared.status().withContext(model.string() + ": "));
    auto& executor = prepared->executor;

    profile::TopKAccuracy acc;
    auto t0 = std::chrono::steady_clock::now();
    for (int64_t first = 0; first < total; first += *batch) {
        const int64_t n = std::min<int64_t>(*batch, total - first);
        ir::Tensor x = dataset->batch(first, *batch, mean, std);  // full batch; the tail is padding
        if (n < *batch) std::fill(x.data<float>() + n * dataset->height * dataset->width, x.data<float>() + x.numel(), 0.f);
        auto out = executor->run({{inName, x}});
        if (!out) return fail(out.status().withContext(model.string() + ": "));
        const ir::Tensor& logits = out->begin()->second;
        if (logits.rank() != 2 || logits.dims()[0] != *batch)
            return fail(Status::error(model.string() + ": output shape is not [batch, classes]"));
        Status st = acc.add(logits, dataset->labels, first, n);
        if (!st) return fail(st);
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("normalisation (pixel/255 - %g) / %g from %s; ISA %s, %d thread(s)%s%s\n", mean, std, normalisation.c_str(),
                prepared->cpu.isa.c_str(), prepared->cpu.threads, prepared->int8Note.empty() ? "" : "; int8: ", prepared->int8Note.c_str());
    std::printf("eval %s on %lld %s images (%s executor, batch %lld): top-1 %.2f%%  top-5 %.2f%%  (%.1f s, %.0f images/s)\n",
                model.filename().c_str(), (long long)total, split.c_str(), (executor->name() + " " + runtime::precisionName(options->precision)).c_str(), (long long)*batch,
                100.0 * acc.top1(), 100.0 * acc.top5(), s, double(total) / s);
    return kExitOk;
}

}  // namespace ql::cli
