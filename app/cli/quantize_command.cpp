#include "app/cli/quantize_command.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/number_check.h"
#include "core/util/atomic_file.h"
#include "core/session/inputs.h"
#include "core/session/quantize_workflow.h"

namespace ql::cli {

namespace {
struct QuantizeOptions {
    std::string model, output, activations = "symmetric", method = "minmax", calibTable;
    DataOptions data{.data = "/usr/share/datasets/fashion-mnist", .split = "train"};
    std::optional<double> percentile;
    std::optional<int64_t> samples;
    std::vector<std::string> fp32Fallback;
    bool perTensor = false, force = false;
};

std::string mib(int64_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f MiB", double(bytes) / (1 << 20));
    return b;
}

int quantizeCommand(const QuantizeOptions& o) {
    session::RunConfig config;
    config.calibration.method = o.method;
    if (o.percentile) config.calibration.percentile = *o.percentile;
    if (o.samples) config.calibration.samples = *o.samples;
    config.calibration.perTensorWeights = o.perTensor;
    config.calibration.table = o.calibTable;
    config.asymmetricActivations = o.activations == "asymmetric";
    config.fp32Fallback = o.fp32Fallback;
    if (Status st = config.validate(); !st) return fail(st);
    if (Status st = checkOutput(o.output, "--output", o.force); !st) return fail(st);
    // a table needs no data: do not read (or fix the model's input shape from) the default folder
    DataOptions dataOptions = o.data;
    if (!o.calibTable.empty() && dataOptions.dataset.empty()) dataOptions.data = "random";
    auto data = dataOptions.resolve(1);
    if (!data) return fail(data.status());
    auto s = session::Session::open(o.model, data->open);
    if (!s) return fail(s.status());
    session::QuantizeRequest request;
    request.output = o.output;
    request.overwrite = o.force;
    if (o.data.randomInputs())
        if (Status st = addRandomCalibrationInputs(**s, config.calibration.samples, request.calibration); !st) return fail(st);
    data->fill(request.calibration);
    auto r = session::quantizeModel(**s, config, request, {interrupt(), {}});
    if (!r) return fail(r.status());
    const auto& rep = r->report;
    std::printf("calibration: %s\n", r->calibration.c_str());
    std::printf("quantized %d of %d Conv/Gemm/MatMul nodes: s8 weights %s, %s activations, int32 biases; %d BatchNormalization folded "
                "into convolutions (opset %d)\n",
                rep.quantized, rep.candidates, rep.perChannel && !o.perTensor ? "per output channel" : "per tensor", o.activations.c_str(),
                rep.foldedBatchNorms, rep.opset);
    if (!rep.perChannel && !o.perTensor) std::printf("note: opset %d has no per-axis DequantizeLinear (13+): weights are per tensor\n", rep.opset);
    for (const auto& f : rep.leftFloat) std::printf("left in float: %s\n", f.c_str());
    // On a tiny model the quantize/dequantize nodes and their scales outweigh the bytes saved
    if (rep.outputBytes && rep.outputBytes < rep.inputBytes)
        std::printf("wrote %s: %s (the float model: %s, %.2fx smaller)\n", o.output.c_str(), mib(rep.outputBytes).c_str(), mib(rep.inputBytes).c_str(),
                    double(rep.inputBytes) / double(rep.outputBytes));
    else
        std::printf("wrote %s: %s (the float model: %s; no smaller: on a model this small the quantization nodes and their scales outweigh "
                    "the bytes int8 weights save)\n", o.output.c_str(), mib(rep.outputBytes).c_str(), mib(rep.inputBytes).c_str());
    if (!r->modelCard.empty()) std::printf("wrote %s: the float model's card (normalisation, classes)\n", r->modelCard.c_str());
    return kExitOk;
}
}  // namespace

std::function<int()> addQuantizeCommand(CLI::App& app) {
    auto o = std::make_shared<QuantizeOptions>();
    auto* c = app.add_subcommand("quantize", "Write the model as a standard QDQ ONNX file (s8 per-channel weights, calibrated activation "
                                             "ranges, int32 biases) that ONNX Runtime loads");
    c->add_option("model", o->model, "ONNX model (float)")->required();
    c->add_option("-o,--output", o->output, "The QDQ model to write (.onnx)")->required();
    c->add_flag("--force", o->force, "Replace the output file if it exists");
    addDataOptions(c, o->data, "Folder with the IDX files to calibrate on, or 'random' for seeded N(0,1) inputs (at most 64)",
                   "Calibration IDX split (keep it apart from the one you evaluate)", false);
    c->add_option("--method", o->method, "Calibration: minmax | entropy (KL) | percentile | mse")->capture_default_str()
        ->check(CLI::IsMember({"minmax", "entropy", "percentile", "mse"}));
    c->add_option("--percentile", o->percentile, "Percentile calibration: share of values kept, in (0, 100]; default 99.99");
    c->add_option("--samples", o->samples, "Calibration images; default 256")->check(numberIn(int64_t(1), int64_t(1) << 30));
    c->add_flag("--per-tensor", o->perTensor, "One weight scale per tensor (default: one per output channel)");
    c->add_option("--activations", o->activations, "symmetric | asymmetric (u8 with zero points)")->capture_default_str()
        ->check(CLI::IsMember({"symmetric", "asymmetric"}));
    c->add_option("--calib-table", o->calibTable, "Use this calibration table's ranges instead of calibrating")->check(CLI::ExistingFile);
    c->add_option("--fp32-fallback", o->fp32Fallback, "Node names or op types left in float (repeat or comma-separate)")->delimiter(',');
    return [c, o]() -> int { return *c ? quantizeCommand(*o) : -1; };
}

}  // namespace ql::cli
