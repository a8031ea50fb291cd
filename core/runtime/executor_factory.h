#pragma once
// From a loaded model to a ready executor: fusion passes, calibration ranges for int8, and
// the chosen backend, with the facts a result must report (ISA, threads, passes run).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/passes/pass_manager.h"
#include "core/quant/observers.h"
#include "core/runtime/executor.h"
#include "core/runtime/onednn_plan.h"

namespace ql::runtime {

struct ExecutorOptions {
    std::string executor = "planned";     // planned | eager | reference
    Precision precision = Precision::Fp32;
    Layout layout = Layout::Auto;         // eager always runs plain
    int threads = 0;                      // 0 = physical cores
    std::string maxIsa;                   // oneDNN ISA cap
    bool asymmetricActivations = false;   // int8: zero points for signed activations
    std::optional<bool> sevenBitActivations;  // unset: 7-bit exactly when the CPU has no VNNI
    std::vector<std::string> fp32Fallback;    // int8: node names or op types kept in FP32
    std::vector<TensorMap> calibration;   // int8: ranges are taken from these inputs by `observer`
    quant::ObserverOptions observer;      // int8: the calibration method for `calibration`
    // int8: precomputed ranges (a calibration table); when set, `calibration` is not used and
    // `rangesNote` says where they came from.
    std::shared_ptr<const quant::RangeTable> ranges;
    std::string rangesNote;
    bool perTensorWeights = false;        // int8: one weight scale per tensor, not per output channel
    // The model after the fusion pipeline with its records, when the caller already has them
    // (a Session's snapshot); otherwise the passes run here.
    std::shared_ptr<const ir::Graph> fused;
    std::vector<passes::PassRecord> fusedPasses;
    bool tuneKernels = false;             // planned/eager: time each convolution's implementations (impl_tuning.h)
    bool rowBands = true;                 // planned: row-band groups of convolutions (onednn_row_bands.h)
};

struct PreparedExecutor {
    std::unique_ptr<Executor> executor;
    std::shared_ptr<const ir::Graph> graph;        // the graph it executes (after fusion)
    std::vector<passes::PassRecord> passes;
    kernels::onednn::CpuFacts cpu;
    bool sevenBitActivations = false;
    std::string int8Note;                          // how int8 ranges were obtained
    // int8: the activation ranges the plan was built with (by value name), and its scheme
    std::shared_ptr<const quant::RangeTable> ranges;
    bool asymmetricActivations = false;
};

// "99.99": a percentile as the notes print it.
std::string formatPercentile(double p);

// Stages: fusion (if not given), calibration, plan build; progress names each stage.
// Every entry of an FP32 fallback list names a node or an op type of the model: one that matches
// nothing would silently keep nothing in FP32. The fused graph's names count too, when given.
Status checkFp32Fallback(const ir::Graph& model, const std::vector<std::string>& names, const ir::Graph* fused = nullptr);

Expected<PreparedExecutor> prepareExecutor(std::shared_ptr<const ir::Graph> model, const ExecutorOptions& options,
                                           const CancelToken& cancel = {}, const ProgressFn& progress = {});

}  // namespace ql::runtime
