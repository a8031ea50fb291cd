#pragma once
// Internal to the workflows: the session at the config's batch, and an executor for one
// precision built from the session's fused snapshot.
#include <filesystem>
#include <memory>

#include <optional>
#include <string>

#include "core/session/calibration_table.h"
#include "core/session/job.h"
#include "core/session/run_config.h"
#include "core/session/session.h"

namespace ql::session::detail {

// `session` itself when the batch matches (holder stays empty), else a re-derived session.
struct AtBatch {
    std::shared_ptr<const Session> holder;
    const Session* session = nullptr;
};
Expected<AtBatch> atBatch(const Session& session, int64_t batch, const CancelToken& cancel, const ProgressFn& progress);

// int8 ranges, first found: the config's calibration table file, `table`, else calibration on
// `calibration` with the config's method.
Expected<runtime::PreparedExecutor> prepare(const Session& session, const RunConfig& config, runtime::Precision precision,
                                            std::vector<runtime::TensorMap> calibration, const CancelToken& cancel, const ProgressFn& progress,
                                            const CalibrationTable* table = nullptr);

// pixel/255 normalised as (x - mean) / std: the request, else the model card, else none.
struct Normalisation {
    float mean = 0.f, std = 1.f;
    std::string source;
};
Expected<Normalisation> normalisationFor(const Session& session, std::optional<float> mean, std::optional<float> std);

// The calibration set is never the evaluated set: for an IDX split, int8 ranges come from the
// other split. nullopt when the config names a calibration table (that one is used instead).
Expected<std::optional<CalibrationTable>> calibrateOnOtherSplit(const Session& session, const RunConfig& config,
                                                                const std::filesystem::path& dataDir, const std::string& evaluatedSplit,
                                                                const Normalisation& norm, const Job& job);

}  // namespace ql::session::detail
