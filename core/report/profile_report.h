#pragma once
// A profile of one model under one or more precisions, and its JSON / CSV forms
// (schema: docs/profile-json.md).
#include <string>
#include <vector>

#include "core/passes/pass_manager.h"
#include "core/profile/profiler.h"
#include "kernels/onednn/onednn_context.h"

namespace ql::report {

struct PrecisionProfile {
    std::string precision;
    profile::RunProfile run;
    std::vector<passes::PassRecord> passes;
    std::string int8Note;
};

// FP32 vs INT8 final outputs.
struct OutputAgreement {
    std::string output;
    double cosine = 0, maxAbsError = 0, sqnrDb = 0;
    bool sameArgmax = false;  // per row, all rows
};

struct ProfileReport {
    std::string model, executor, layout;
    int64_t batch = 1;
    int warmup = 0, repeat = 0;
    kernels::onednn::CpuFacts cpu;
    std::vector<PrecisionProfile> results;
    std::vector<OutputAgreement> agreement;  // when fp32 and int8 both ran
    int64_t peakRssBytes = 0;
};

std::vector<OutputAgreement> compareOutputs(const runtime::TensorMap& reference, const runtime::TensorMap& other);
std::string toJson(const ProfileReport& r);
std::string toCsv(const ProfileReport& r);  // one row per layer and precision
// Written next to the target and renamed, so readers never see half a file.
Status writeFileAtomically(const std::string& path, const std::string& text);

}  // namespace ql::report
