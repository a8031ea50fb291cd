#include "core/session/prepare.h"

namespace ql::session::detail {

Expected<AtBatch> atBatch(const Session& session, int64_t batch, const CancelToken& cancel, const ProgressFn& progress) {
    AtBatch a;
    if (session.batch() == batch) {
        a.session = &session;
        return a;
    }
    QL_ASSIGN(a.holder, session.withBatch(batch, cancel, progress));
    a.session = a.holder.get();
    return a;
}

Expected<runtime::PreparedExecutor> prepare(const Session& session, const RunConfig& config, runtime::Precision precision,
                                            std::vector<runtime::TensorMap> calibration, const CancelToken& cancel, const ProgressFn& progress) {
    runtime::ExecutorOptions o = config.executorOptions(precision);
    o.fused = session.fused();
    o.fusedPasses = session.passRecords();
    if (precision == runtime::Precision::Int8) o.calibration = std::move(calibration);
    auto p = runtime::prepareExecutor(session.original(), o, cancel, progress);
    if (!p && !p.status().isCancelled()) return p.status().withContext(session.modelPath().string() + ": ");
    return p;
}

}  // namespace ql::session::detail
