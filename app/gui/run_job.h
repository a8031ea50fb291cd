#pragma once
// The "Run FP32 vs INT8" job, Qt-free so it runs on a pool thread with values only: profile
// both precisions with session::profileModel (on the first images of the data set when accuracy
// is evaluated, else on seeded random inputs), then, if asked, top-1/top-5 in FP32 and INT8
// with session::evaluateModel. Progress is one monotonic 0..1 across all stages.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/session/workflows.h"

namespace ql::gui {

struct RunRequest {
    std::shared_ptr<const session::Session> session;
    session::RunConfig config;
    bool evaluate = false;
    std::filesystem::path dataDir;
    int64_t evalImages = 0;       // 0 = the whole split
};

struct RunOutcome {
    session::RunResultPtr result;
    std::optional<session::EvalResult> fp32Eval, int8Eval;
    std::string inputs;           // what the profile ran on ("random, seed 0", "t10k images 0..0")
    std::string error;            // non-empty: failed (not cancelled)
    bool cancelled = false;
    double ms = 0;                // the whole job
};

RunOutcome runComparison(const RunRequest& request, const session::Job& job);

}  // namespace ql::gui
