#pragma once
// Runs a graph on calibration inputs with the reference executor and hands every float value to
// a range observer: the bridge between the runtime and core/quant's observers.
#include <memory>
#include <vector>

#include "core/quant/ranges.h"
#include "core/runtime/executor.h"

namespace ql::runtime {

// Min/max of every float value (graph inputs included) over all input sets.
Expected<quant::RangeTable> collectMinMax(std::shared_ptr<const ir::Graph> graph, const std::vector<TensorMap>& inputs,
                                          const CancelToken& cancel = {}, const ProgressFn& progress = {});

}  // namespace ql::runtime
