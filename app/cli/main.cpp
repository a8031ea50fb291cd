// quantlens-cli: everything the GUI does, headless and scriptable.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli_args.h"
#include "app/cli/commands.h"

namespace {
const char* kUsage = R"(usage: quantlens-cli <command> [options]

commands:
  inspect MODEL [--json] [--batch N]
      inputs/outputs, opsets, producer, op histogram, parameters, MACs per layer
  run MODEL [--input NAME=FILE]... [--seed S] [--batch N] [--executor reference]
            [--save-outputs DIR]
      runs the model on .npy / TensorProto .pb inputs (random with a seed when absent)
  eval MODEL [--data DIR] [--split t10k|train] [--limit N] [--batch N] [--mean M --std S]
            [--executor reference]
      top-1 / top-5 on a labelled Fashion-MNIST style IDX data set; input normalised as
      (pixel/255 - mean) / std from --mean/--std, else MODEL.json (the model card)

  profile MODEL [--precision fp32,int8] [--executor planned|eager|reference] [--layout nchw|nhwc|blocked|auto]
            [--threads N] [--batch N] [--warmup W] [--repeat R] [--max-isa ISA] [--json FILE] [--csv FILE] [--verbose]
      per-layer latency, memory and FP32-vs-INT8 agreement on this CPU (oneDNN)

run and eval also take --executor planned|eager|reference, --precision fp32|int8, --layout, --threads, --max-isa;
int8 takes --activations symmetric|asymmetric (zero points for signed activations).

exit codes: 0 success, 2 bad input (one line on stderr), 1 internal error
)";
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? ql::cli::kExitBadInput : ql::cli::kExitOk;
    }
    const std::string cmd = args[0];
    args.erase(args.begin());
    try {
        if (cmd == "inspect") return ql::cli::inspectCommand(args);
        if (cmd == "run") return ql::cli::runCommand(args);
        if (cmd == "eval") return ql::cli::evalCommand(args);
        if (cmd == "profile") return ql::cli::profileCommand(args);
        std::cerr << "quantlens-cli: unknown command '" << cmd << "' (try --help)\n";
        return ql::cli::kExitBadInput;
    } catch (const std::bad_alloc&) {
        std::cerr << "quantlens-cli: out of memory\n";
        return ql::cli::kExitInternal;
    } catch (const std::exception& e) {
        std::cerr << "quantlens-cli: internal error: " << e.what() << "\n";
        return ql::cli::kExitInternal;
    }
}
