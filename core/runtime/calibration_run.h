#pragma once
// Runs a graph on calibration inputs and hands every float value to a core/quant observer: the
// bridge between the runtime and the observers. Batches are fetched one at a time, so memory
// is one batch plus the observer's bounded statistics, however many samples are streamed.
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "core/quant/observers.h"
#include "core/quant/ranges.h"
#include "core/runtime/executor.h"

namespace ql::runtime {

// `count` batches; `batch(i)` makes the i-th (inputs for every graph input).
struct CalibrationBatches {
    int64_t count = 0;
    std::function<Expected<TensorMap>(int64_t)> batch;
};

struct CalibrationStats {
    quant::RangeTable ranges;
    std::map<std::string, quant::ValueSummary> summaries;
    int64_t batches = 0;
};

// Every float value (graph inputs included) through an observer of `options`. `executor` runs
// the graph when given (it must execute `graph` and support per-node output hooks); otherwise
// the reference executor does. Checks `cancel` and reports progress per batch.
Expected<CalibrationStats> collectRanges(std::shared_ptr<const ir::Graph> graph, const CalibrationBatches& batches,
                                         const quant::ObserverOptions& options, const CancelToken& cancel = {},
                                         const ProgressFn& progress = {}, Executor* executor = nullptr);

// The same run streaming into the caller's observer (which keeps its statistics afterwards,
// e.g. its histograms); collectRanges is this plus the observer's ranges.
Status observeRun(const std::shared_ptr<const ir::Graph>& graph, const CalibrationBatches& batches, quant::Observer& observer,
                  const CancelToken& cancel = {}, const ProgressFn& progress = {}, Executor* executor = nullptr);

// Min/max of every float value (graph inputs included) over all input sets.
Expected<quant::RangeTable> collectMinMax(std::shared_ptr<const ir::Graph> graph, const std::vector<TensorMap>& inputs,
                                          const CancelToken& cancel = {}, const ProgressFn& progress = {});

}  // namespace ql::runtime
