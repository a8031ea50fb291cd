#pragma once
// quantize: the model as a standard QDQ ONNX file with the ranges of one calibration (a table
// the config names, or a calibration run on the request's data), so ONNX Runtime and other
// runtimes can run what QuantLens measured.
#include <filesystem>

#include "core/session/workflows.h"
#include "exporters/onnx/qdq_export.h"

namespace ql::session {

struct QuantizeRequest {
    std::filesystem::path output;
    bool overwrite = false;
    CalibrationRequest calibration;  // used unless config.calibration.table names a table
};

struct QuantizeResult {
    onnx_export::QdqReport report;
    std::string calibration;  // CalibrationTable::describe() of the ranges used
    std::filesystem::path modelCard;  // the float model's card copied beside the output, if any
};

Expected<QuantizeResult> quantizeModel(const Session& session, const RunConfig& config, const QuantizeRequest& request, const Job& job = {});

}  // namespace ql::session
