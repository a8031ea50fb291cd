#pragma once
// Internal to compareModel: isolated sensitivity (only one layer in INT8, the rest FP32).
#include <functional>
#include <vector>

#include "core/session/workflows.h"

namespace ql::session::detail {

using BatchFn = std::function<Expected<runtime::TensorMap>(int64_t)>;

// For the int8-capable rows of `result` (at most request.maxIsolatedLayers, the worst by
// propagated SQNR first, else the most MACs), builds an INT8 plan with every other node in
// FP32, runs the samples and fills the row's `isolated` against `refOutputs` (FP32, per batch).
Status isolatedSensitivity(const Session& session, const RunConfig& config, const CompareRequest& request, ComparisonResult& result,
                           const CalibrationTable* table, const std::vector<runtime::TensorMap>& refOutputs, int64_t batch, int64_t samples,
                           const BatchFn& get, const CancelToken& cancel, const ProgressFn& progress);

}  // namespace ql::session::detail
