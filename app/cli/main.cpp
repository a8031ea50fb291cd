// quantlens-cli: everything the GUI does, headless and scriptable. This file owns the command
// line (CLI11): every command answers --help with its options and defaults; a mistyped option
// gets a suggestion. The commands themselves (one file each) call core/session.
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>

#include "app/cli/bench_command.h"
#include "app/cli/commands.h"
#include "app/cli/number_check.h"
#include "app/cli/quantize_command.h"

namespace ql::cli {
namespace {

void addCalibrationOptions(CLI::App* c, std::optional<std::string>& method, std::optional<double>& percentile, std::optional<int64_t>& samples,
                           bool& perTensor, const std::string& samplesFlag = "--samples") {
    c->add_option("--method", method, "int8 calibration: minmax | entropy (KL) | percentile | mse; default minmax")
        ->check(CLI::IsMember({"minmax", "entropy", "percentile", "mse"}));
    c->add_option("--percentile", percentile, "Percentile calibration: share of values kept, in (0, 100]; default 99.99")
        ->check(numberWhere<double>([](double v) { return v > 0 && v <= 100; }, "a share in (0, 100]", "FLOAT in (0, 100]"));
    c->add_option(samplesFlag, samples, "Calibration images taken from the calibration split; default 256")->check(numberIn(int64_t(1), int64_t(1) << 30));
    c->add_flag("--per-tensor", perTensor, "int8 weights: one scale per tensor (default: one per output channel)");
}

void addExecutionOptions(CLI::App* c, ExecutionOptions& o, const std::string& defaultExecutor, const std::string& defaultPrecision,
                         const std::string& calibSamplesFlag = "--samples") {
    c->add_option("--config", o.configFile, "Run config JSON (schema docs/run-config.md); the options below override it")
        ->check(CLI::ExistingFile);
    c->add_option("--executor", o.executor, "planned | eager | reference (default " + defaultExecutor + ")")
        ->check(CLI::IsMember({"planned", "eager", "reference"}));
    if (!defaultPrecision.empty()) c->add_option("--precision", o.precision, "fp32, int8 or a list fp32,int8 (default " + defaultPrecision + ")");
    c->add_option("--layout", o.layout, "Activation layout: nchw | nhwc | blocked | auto (default auto; eager always nchw)")
        ->check(CLI::IsMember({"nchw", "nhwc", "blocked", "auto"}));
    c->add_option("--threads", o.threads, "Threads (default 0 = physical cores)")->check(numberIn(0, 1024));
    c->add_option("--max-isa", o.maxIsa, "Cap oneDNN's ISA: sse41, avx, avx2, avx512_core, avx512_core_vnni, all (once per process)");
    c->add_option("--activations", o.activations, "int8 activations: symmetric | asymmetric (u8 with zero points); default symmetric")
        ->check(CLI::IsMember({"symmetric", "asymmetric"}));
    c->add_option("--seven-bit", o.sevenBit, "int8 7-bit activations: auto (when the CPU has no VNNI) | on | off; default auto")
        ->check(CLI::IsMember({"auto", "on", "off"}));
    c->add_flag("--tune", o.tune, "Time oneDNN's implementations of each convolution that keep its layouts and run the fastest "
                                  "(cached per process; default: oneDNN's first choice)");
    c->add_option("--row-bands", o.rowBands, "Run consecutive NHWC convolutions at batch 1 as one parallel region, each thread a band of "
                                             "rows: on | off (default on)")
        ->check(CLI::IsMember({"on", "off"}));
    c->add_option("--fp32-fallback", o.fp32Fallback, "int8: node names or op types kept in FP32 (repeat or comma-separate)")
        ->delimiter(',');
    addCalibrationOptions(c, o.method, o.percentile, o.samples, o.perTensor, calibSamplesFlag);
    c->add_option("--calib-table", o.calibTable, "int8: use the ranges of this calibration table (from `calibrate`) instead of calibrating")
        ->check(CLI::ExistingFile);
}

// Edit distance, for "did you mean --repeat?".
size_t distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t keep = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] != b[j - 1])});
            prev = keep;
        }
    }
    return row[b.size()];
}

// The closest known option or command to an unexpected argument, or "".
std::string suggestion(const CLI::App& app, const std::vector<std::string>& args) {
    const CLI::App* scope = &app;
    for (const auto* sub : app.get_subcommands({}))
        for (const auto& a : args)
            if (a == sub->get_name()) scope = sub;
    std::string best;
    size_t bestDistance = 3;  // suggest only close matches
    for (const auto& a : args) {
        if (scope == &app && a.rfind("-", 0) != 0) {
            for (const auto* sub : app.get_subcommands({}))
                if (size_t d = distance(a, sub->get_name()); d < bestDistance) bestDistance = d, best = sub->get_name();
            continue;
        }
        if (a.rfind("--", 0) != 0) continue;
        const std::string name = a.substr(0, a.find('='));
        for (const auto* opt : scope->get_options())
            for (const auto& l : opt->get_lnames())
                if (size_t d = distance(name, "--" + l); d < bestDistance) bestDistance = d, best = "--" + l;
    }
    return best;
}

}  // namespace

void addShapeOption(CLI::App* c, std::vector<std::string>& shapes) {
    c->add_option("--shape", shapes, "NAME=D0,D1,...: fixes an input's symbolic dimensions (height, width); repeat per input. "
                                     "Without it a data set's samples or an --input file give them; the batch dimension follows --batch");
}

// --dataset SPEC with the image preprocessing, plus the older --data DIR --split (an IDX folder).
void addDataOptions(CLI::App* c, DataOptions& d, const std::string& dataHelp, const std::string& splitHelp, bool calibrationSet) {
    auto* dataset = c->add_option("--dataset", d.dataset, "Data set: DIR (detected), idx:DIR, folder:DIR or npy:IMAGES.npy,LABELS.npy (docs/datasets.md)");
    auto* data = c->add_option("--data", d.data, dataHelp)->capture_default_str();
    dataset->excludes(data);
    c->add_option("--split", d.split, splitHelp)->capture_default_str()->check(CLI::IsMember({"t10k", "train"}));
    if (calibrationSet)
        c->add_option("--calib-dataset", d.calibDataset, "int8 calibration data set SPEC (default: the other IDX split, else a held-out slice of --dataset)");
    c->add_option("--resize", d.resize, "Images: resize so the shorter side is N, or to HxW");
    c->add_option("--crop", d.crop, "Images: centre crop N or HxW after resizing");
    c->add_option("--channels", d.channels, "Images: rgb | bgr | gray")->capture_default_str()->check(CLI::IsMember({"rgb", "bgr", "gray"}));
    c->add_option("--data-layout", d.dataLayout, "Images: sample layout nchw | nhwc")->capture_default_str()->check(CLI::IsMember({"nchw", "nhwc"}));
    c->add_option("--mean", d.mean, "Normalisation (pixel/255 - mean) / std: one value or one per channel (0.485,0.456,0.406); default from MODEL.json");
    c->add_option("--std", d.std, "See --mean");
    addShapeOption(c, d.shapes);
}

}  // namespace ql::cli

int main(int argc, char** argv) {
    using namespace ql::cli;
    CLI::App app{"QuantLens: FP32 vs INT8 on this CPU, layer by layer.\n"
                 "Exit codes: 0 success, 2 bad input or unsupported (one line on stderr), 130 cancelled, 1 internal error.",
                 "quantlens-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("quantlens-cli ") + QL_VERSION, "Print the version and exit");
    app.fallthrough(false);

    InspectOptions inspect;
    auto* ci = app.add_subcommand("inspect", "Inputs/outputs, opsets, producer, op histogram, parameters, MACs per layer");
    ci->add_option("model", inspect.model, "ONNX model")->required();
    ci->add_flag("--json", inspect.json, "Print JSON instead of text");
    auto* inspectBatch = ci->add_option("--batch", inspect.batch, "Batch size for shapes and MACs (default: the batch the model fixes, else 1)")
                             ->check(numberIn(1, 1 << 16));
    addShapeOption(ci, inspect.shapes);

    RunOptions run;
    auto* cr = app.add_subcommand("run", "Run the model once on .npy / TensorProto .pb inputs (random with a seed when absent)");
    cr->add_option("model", run.model, "ONNX model")->required();
    cr->add_option("--input", run.inputs, "NAME=FILE (.npy or .pb); repeat per input");
    cr->add_option("--batch", run.batch, "Batch size when neither the model nor an input file fixes one (default 1)")->check(numberIn(1, 1 << 16));
    cr->add_option("--seed", run.seed, "Seed of the random inputs (default 0)")->check(numberAtLeast(int64_t(0)));
    cr->add_option("--save-outputs", run.saveOutputs, "Folder to save each output as <name>.npy");
    addShapeOption(cr, run.shapes);
    addExecutionOptions(cr, run.exec, "reference", "fp32");

    EvalOptions eval;
    auto* ce = app.add_subcommand("eval", "Top-1 / top-5 on a labelled data set; fp32,int8: agreement and McNemar's test");
    ce->add_option("model", eval.model, "ONNX model")->required();
    addDataOptions(ce, eval.data, "Folder with the IDX files (same as --dataset idx:DIR)", "Evaluated IDX split; int8 calibrates on the other", true);
    ce->add_option("--limit", eval.limit, "Evaluate only the first N images (0 = all)")->capture_default_str()->check(numberAtLeast(int64_t(0)));
    ce->add_option("--batch", eval.batch, "Images per batch (default: the batch the model fixes, else 100)")->check(numberIn(1, 4096));
    ce->add_option("--json", eval.json, "Write the result as JSON (docs/eval-json.md)");
    ce->add_flag("--force", eval.force, "Replace an existing --json file");
    addExecutionOptions(ce, eval.exec, "planned", "fp32");

    CalibrateOptions cal;
    auto* cc = app.add_subcommand("calibrate", "Calibrate activation ranges on a data set and write a calibration table (docs/calibration-table.md)");
    cc->add_option("model", cal.model, "ONNX model")->required();
    addDataOptions(cc, cal.data, "Folder with the IDX files (same as --dataset idx:DIR), or 'random' for seeded N(0,1) inputs (at most 64)", "Calibration IDX split (keep it apart from the one you evaluate)", false);
    addCalibrationOptions(cc, cal.method, cal.percentile, cal.samples, cal.perTensor);
    cc->add_option("--activations", cal.activations, "int8 activations the table is made for: symmetric | asymmetric; default symmetric")
        ->check(CLI::IsMember({"symmetric", "asymmetric"}));
    cc->add_option("-o,--output", cal.output, "The calibration table to write (JSON)")->required();
    cc->add_flag("--force", cal.force, "Overwrite the output file if it exists");

    ProfileOptions prof;
    auto* cp = app.add_subcommand("profile", "Per-layer latency, memory and FP32-vs-INT8 agreement on this CPU (oneDNN)");
    cp->add_option("model", prof.model, "ONNX model")->required();
    cp->add_option("--input", prof.inputs, "NAME=FILE (.npy or .pb); random inputs otherwise");
    addShapeOption(cp, prof.shapes);
    cp->add_option("--batch", prof.batch, "Batch size (default: the batch the model fixes, else 1)")->check(numberIn(1, 1 << 16));
    cp->add_option("--warmup", prof.warmup, "Untimed runs first (default 3)")->check(numberIn(0, 100000));
    cp->add_option("--repeat", prof.repeat, "Timed runs (default 20)")->check(numberIn(1, 100000));
    cp->add_option("--seed", prof.seed, "Seed of the random inputs (default 0)")->check(numberAtLeast(int64_t(0)));
    cp->add_option("--json", prof.json, "Write the profile as JSON (docs/profile-json.md)");
    cp->add_option("--csv", prof.csv, "Write one CSV row per step and precision");
    cp->add_option("--save-config", prof.saveConfig, "Write the run config used, to repeat the run with --config");
    cp->add_flag("--verbose", prof.verbose, "List every step, even the empty ones");
    cp->add_flag("--peak", prof.peak, "Measure this CPU's FP32 and int8 MAC peaks after the runs (about a second) and print each layer's "
                                      "share of the peak of its arithmetic");
    cp->add_option("--report", prof.report, "Write a self-contained report: FILE.html or FILE.pdf (charts, settings, machine, every layer)");
    cp->add_flag("--force", prof.force, "Replace existing --json, --csv, --save-config and --report files");
    addExecutionOptions(cp, prof.exec, "planned", "fp32,int8");

    CompareOptions cmp;
    auto* cm = app.add_subcommand("compare", "Per-layer FP32 vs INT8 error (SQNR, cosine, max error, MSE, clipped share), propagated or isolated");
    cm->add_option("model", cmp.model, "ONNX model")->required();
    addDataOptions(cm, cmp.data, "Folder with the IDX files, or 'random' for seeded N(0,1) inputs", "Compared IDX split; int8 calibrates on the other", true);
    cm->add_option("--samples", cmp.samples, "Samples compared")->capture_default_str()->check(numberIn(int64_t(1), int64_t(1) << 30));
    cm->add_option("--mode", cmp.mode, "propagated (whole network INT8) | isolated (one layer INT8 at a time) | both")
        ->capture_default_str()->check(CLI::IsMember({"propagated", "isolated", "both"}));
    cm->add_option("--max-layers", cmp.maxLayers, "Isolated: at most N layers, the worst by propagated SQNR (0 = all)")
        ->capture_default_str()->check(numberAtLeast(int64_t(0)));
    cm->add_option("--top", cmp.top, "How many worst layers to list")->capture_default_str()->check(numberIn(1, 1000));
    cm->add_option("--batch", cmp.batch, "Samples per batch (default: the batch the model fixes, else 1)")->check(numberIn(1, 4096));
    cm->add_option("--seed", cmp.seed, "Seed of the random inputs (default 0)")->check(numberAtLeast(int64_t(0)));
    cm->add_option("--json", cmp.json, "Write the comparison as JSON (docs/compare-json.md)");
    cm->add_flag("--force", cmp.force, "Replace an existing --json file");
    cm->add_option("--reference-model", cmp.referenceModel, "The float model a pre-quantized MODEL was made from: its FP32 run is the "
                                                            "reference (layers matched by tensor name); default: MODEL's own dequantized FP32 run")
        ->check(CLI::ExistingFile);
    cm->add_flag("--all", cmp.all, "Isolated: list every layer, not only the isolated ones");
    cm->add_option("--fallback-until", cmp.fallbackUntil, "Revert the most sensitive layers to FP32 one by one until sqnr=DB (model output "
                                                          "SQNR on the compared samples) or drop=POINTS (top-1 drop on --dataset) holds; "
                                                          "prints the layers, what they bought and their INT8 latency cost");
    cm->add_option("--max-fallback", cmp.maxFallback, "Try at most N layers (most sensitive first); only those that improve the metric stay FP32")->capture_default_str()->check(numberIn(int64_t(1), int64_t(10000)));
    cm->add_option("--fallback-images", cmp.fallbackImages, "drop=: images of the data set the top-1 drop is measured on (0 = all)")
        ->capture_default_str()->check(numberAtLeast(int64_t(0)));
    addExecutionOptions(cm, cmp.exec, "planned", "", "--calib-samples");

    const auto runBench = addBenchCommands(app);
    const auto runQuantize = addQuantizeCommand(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --help-all, --version
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string msg = e.what();
        std::vector<std::string> args(argv + 1, argv + argc);
        bool knownCommand = false;
        std::string commands;
        for (const auto* sub : app.get_subcommands({})) {
            knownCommand = knownCommand || (!args.empty() && args[0] == sub->get_name());
            commands += (commands.empty() ? "" : ", ") + sub->get_name();
        }
        // a misspelt command or option gets a suggestion; a bad value already names its option
        const bool unknownWord = !knownCommand || dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr;
        if (!args.empty() && args[0].rfind("-", 0) != 0 && !knownCommand) msg = "unknown command '" + args[0] + "' (commands: " + commands + ")";
        if (auto s = suggestion(app, args); unknownWord && !s.empty()) msg += " (did you mean " + s + "?)";
        if (argc == 1) {
            std::cout << app.help();
            msg = "a command is needed";
        }
        std::cerr << "quantlens-cli: " << msg << " (try --help)\n";
        return kExitBadInput;
    }

    // Ctrl-C cancels the running workflow (exit 130); a second Ctrl-C ends the process.
    struct sigaction sa {};
    sa.sa_handler = [](int) { interrupt().cancel(); };
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &sa, nullptr);
    try {
        if (*ci) {
            inspect.batchGiven = inspectBatch->count() > 0;
            return inspectCommand(inspect);
        }
        if (*cr) return runCommand(run);
        if (*ce) return evalCommand(eval);
        if (*cp) return profileCommand(prof);
        if (*cc) return calibrateCommand(cal);
        if (*cm) return compareCommand(cmp);
        if (int rc = runBench(); rc >= 0) return rc;
        if (int rc = runQuantize(); rc >= 0) return rc;
        return kExitBadInput;
    } catch (const std::bad_alloc&) {
        std::cerr << "quantlens-cli: out of memory\n";
        return kExitInternal;
    } catch (const std::exception& e) {
        std::cerr << "quantlens-cli: internal error: " << e.what() << "\n";
        return kExitInternal;
    }
}
