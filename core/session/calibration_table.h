#pragma once
// A calibration table: the activation ranges one calibration produced, with how it was made,
// so an int8 run can be repeated exactly (schema "quantlens.calibration/1",
// docs/calibration-table.md). Making a table and applying it are separate steps.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/quant/observers.h"

namespace ql::session {

struct CalibrationTable {
    std::string model;                 // the model file's name
    quant::ObserverOptions observer;   // method, percentile, histogram bins
    int64_t samples = 0;               // calibration samples streamed
    std::string source;                // where they came from ("fashion-mnist train split, ...")
    bool perTensorWeights = false;     // the scheme it was made for (recorded, printed)
    bool asymmetricActivations = false;
    quant::RangeTable ranges;                               // by value name
    std::map<std::string, quant::ValueSummary> summaries;   // optional, by value name

    // "entropy, 256 samples of <source>, weights per-channel": what every output prints.
    std::string describe() const;
};

std::string toJson(const CalibrationTable& t);  // pretty-printed
// Wrong types, min > max, NaN/Inf are errors naming `source` and the entry.
Expected<CalibrationTable> calibrationTableFromJson(const std::string& text, const std::string& source = "calibration table");
Expected<CalibrationTable> readCalibrationTable(const std::filesystem::path& file);
// Every value the table names must be a value of `graph` (the fused model); names the entry.
Status checkTableAgainst(const CalibrationTable& t, const ir::Graph& graph, const std::string& source);
// The float activations calibration would give a range (graph inputs, node outputs) that the table
// lacks: the INT8 plan leaves their layers in f32.
std::vector<std::string> valuesMissingFrom(const CalibrationTable& t, const ir::Graph& graph);
// Atomic; an existing file is refused unless `overwrite`.
Status writeCalibrationTable(const std::filesystem::path& file, const CalibrationTable& t, bool overwrite);

}  // namespace ql::session
