#pragma once
// Internal to the workflows: the session at the config's batch, and an executor for one
// precision built from the session's fused snapshot.
#include <memory>

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

Expected<runtime::PreparedExecutor> prepare(const Session& session, const RunConfig& config, runtime::Precision precision,
                                            std::vector<runtime::TensorMap> calibration, const CancelToken& cancel, const ProgressFn& progress);

}  // namespace ql::session::detail
