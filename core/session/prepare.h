#pragma once
// Internal to the workflows: the session at the config's batch, and an executor for one
// precision built from the session's fused snapshot.
#include <filesystem>
#include <memory>

#include <optional>
#include <string>

#include "core/data/dataset.h"
#include "core/runtime/calibration_run.h"
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

// Where a workflow's samples come from: a --dataset SPEC, else the IDX folder `dataDir` (the
// options the commands had before SPECs), with the IDX split; images normalised by
// `preprocess`, whose mean/std default to the request's, then the model card's.
struct DataRequest {
    std::string dataset;
    std::filesystem::path dataDir;
    std::string split = "t10k";
    data::Preprocess preprocess;
    std::optional<float> mean, std;
};
struct OpenedData {
    data::DatasetSpec spec;
    data::DatasetPtr data;
    Normalisation norm;       // what IDX / folder images are normalised with (npy: as they are)
    data::Preprocess preprocess;  // as applied (mean/std resolved)
    std::string description;  // the data set and its normalisation, for messages
};
Expected<OpenedData> openData(const Session& session, const DataRequest& request);

// The model's single input must take the data set's samples: [batch, sampleShape...].
Status checkSamplesFit(const Session& session, const ir::Graph& graph, const data::Dataset& data);

// The calibration set is never the evaluated set. For `evaluated`: the --calib-dataset SPEC
// when given (refused when it is the evaluated data), else the other IDX split, else the last
// `samples` samples (at most half) held out: `evaluated` then shrinks to the rest.
struct CalibrationSet {
    data::DatasetPtr calibration, evaluated;
    std::string note;  // printed: where calibration comes from
};
Expected<CalibrationSet> calibrationSetFor(const Session& session, const OpenedData& evaluated, const std::string& calibSpec, int64_t samples);

// How calibration streams a data set: its first min(samples, size) samples in batches of the
// largest divisor of that count up to 64 (no padding rows), on the session at that batch.
// calibrateModel and the profile's range insight both stream it, so their ranges agree.
struct CalibrationStream {
    AtBatch at;
    runtime::CalibrationBatches batches;
    int64_t samples = 0;
};
Expected<CalibrationStream> calibrationStream(const Session& session, const data::DatasetPtr& set, int64_t samples, const Job& job);

// Calibrates on `set` unless the config names a table (nullopt then: prepare() reads it).
Expected<std::optional<CalibrationTable>> calibrateOn(const Session& session, const RunConfig& config, const data::DatasetPtr& set,
                                                      const std::string& source, const Job& job);

}  // namespace ql::session::detail
