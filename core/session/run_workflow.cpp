#include <chrono>

#include "core/session/prepare.h"
#include "core/session/workflows.h"

namespace ql::session {

Expected<SingleRun> runModel(const Session& session, const RunConfig& config, const runtime::TensorMap& inputs, const Job& job) {
    QL_TRY(config.validate());
    const ProgressSpan span(job.progress);
    QL_ASSIGN(auto at, detail::atBatch(session, config.batch, job.cancel, span.sub(0.0, 0.1)));
    SingleRun r;
    r.precision = config.precisions.front();
    // int8 ranges from this run's own inputs until calibration lands
    QL_ASSIGN(auto prepared, detail::prepare(*at.session, config, r.precision, {inputs}, job.cancel, span.sub(0.1, 0.8)));
    r.executor = prepared.executor->name();
    r.int8Note = prepared.int8Note;
    r.cpu = prepared.cpu;
    runtime::RunOptions options;
    options.cancel = job.cancel;
    const auto t0 = std::chrono::steady_clock::now();
    auto outputs = prepared.executor->run(inputs, options);
    r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!outputs) return outputs.status().isCancelled() ? outputs.status() : outputs.status().withContext(session.modelPath().string() + ": ");
    r.outputs = std::move(outputs).value();
    span.report(1.0, "run");
    return r;
}

}  // namespace ql::session
