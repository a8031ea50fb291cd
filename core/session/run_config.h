#pragma once
// RunConfig: everything that decides how a model is run and measured, as one plain value. It
// reads and writes JSON so a run can be saved, shared and repeated exactly; the CLI's options
// and the GUI's settings panel both fill one in.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/runtime/executor_factory.h"

namespace ql::session {

struct CalibrationConfig {
    std::string method = "minmax";  // minmax | entropy | percentile | mse
    int64_t samples = 256;          // calibration images when a data set is used
    double percentile = 99.99;      // percentile: the share of values kept, in (0, 100]
    bool perTensorWeights = false;  // one weight scale per tensor instead of per output channel
    std::string table;              // a calibration table file (docs/calibration-table.md): its ranges are used as is
    // The observer these settings choose (method parsed; validate() first).
    quant::ObserverOptions observer() const;
    bool operator==(const CalibrationConfig&) const = default;
};

struct RunConfig {
    std::vector<runtime::Precision> precisions{runtime::Precision::Fp32, runtime::Precision::Int8};
    std::string executor = "planned";                 // planned | eager | reference
    runtime::Layout layout = runtime::Layout::Auto;
    int threads = 0;                                  // 0 = physical cores
    int64_t batch = 1;
    std::string maxIsa;                               // oneDNN ISA cap, "" = all
    bool asymmetricActivations = false;               // int8: u8 with zero points for signed values
    std::optional<bool> sevenBitActivations;          // unset: 7-bit exactly when the CPU has no VNNI
    CalibrationConfig calibration;
    std::vector<std::string> fp32Fallback;            // node names or op types kept in FP32 in int8 runs
    int warmup = 3, repeat = 20;
    uint64_t seed = 0;                                // random inputs when none are given
    // oneDNN: time the implementations of each convolution that keep its layouts and run the
    // fastest (cached per process); off (default) = oneDNN's own first choice. Off by default:
    // on the study models it changed a third of the kernels but not the whole-model time (±3 %).
    bool tuneKernels = false;
    // oneDNN plans: consecutive NHWC convolutions at batch 1 run as one parallel region over row
    // bands (core/runtime/onednn_row_bands.h); off = one fork/join per primitive.
    bool rowBands = true;

    // Names the first field out of range; "run config: " is left to the caller.
    Status validate() const;
    // The executor options for one precision of this config.
    runtime::ExecutorOptions executorOptions(runtime::Precision precision) const;
    bool operator==(const RunConfig&) const = default;
};

std::string toJson(const RunConfig& c);  // pretty-printed, schema "quantlens.run-config/1"
// Unknown keys and wrong types are errors naming the key; `source` prefixes messages.
Expected<RunConfig> runConfigFromJson(const std::string& text, const std::string& source = "run config");
Expected<RunConfig> readRunConfig(const std::filesystem::path& file);

}  // namespace ql::session
