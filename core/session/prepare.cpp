#include "core/session/prepare.h"

#include "core/data/model_card.h"
#include "core/session/workflows.h"

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
                                            std::vector<runtime::TensorMap> calibration, const CancelToken& cancel, const ProgressFn& progress,
                                            const CalibrationTable* table) {
    runtime::ExecutorOptions o = config.executorOptions(precision);
    o.fused = session.fused();
    o.fusedPasses = session.passRecords();
    if (precision == runtime::Precision::Int8) {
        if (!config.calibration.table.empty()) {
            QL_ASSIGN(auto t, readCalibrationTable(config.calibration.table));
            QL_TRY(checkTableAgainst(t, *session.fused(), config.calibration.table));
            o.ranges = std::make_shared<const quant::RangeTable>(std::move(t.ranges));
            o.rangesNote = t.describe() + " (calibration table " + config.calibration.table + ")";
        } else if (table) {
            o.ranges = std::make_shared<const quant::RangeTable>(table->ranges);
            o.rangesNote = table->describe();
        } else {
            o.calibration = std::move(calibration);
        }
    }
    auto p = runtime::prepareExecutor(session.original(), o, cancel, progress);
    if (!p && !p.status().isCancelled()) return p.status().withContext(session.modelPath().string() + ": ");
    return p;
}

Expected<Normalisation> normalisationFor(const Session& session, std::optional<float> mean, std::optional<float> std) {
    Normalisation n;
    QL_ASSIGN(auto card, data::readModelCard(session.modelPath()));
    n.source = card ? "model card" : "none (no model card)";
    if (card) {
        n.mean = card->mean.value_or(0.f);
        n.std = card->std.value_or(1.f);
    }
    if (mean || std) n.source = "command line";
    if (mean) n.mean = *mean;
    if (std) n.std = *std;
    if (n.std == 0.f) return Status::error("the normalisation std must not be 0");
    return n;
}

Expected<std::optional<CalibrationTable>> calibrateOnOtherSplit(const Session& session, const RunConfig& config,
                                                                const std::filesystem::path& dataDir, const std::string& evaluatedSplit,
                                                                const Normalisation& norm, const Job& job) {
    if (!config.calibration.table.empty()) return std::optional<CalibrationTable>();
    CalibrationRequest cr;
    cr.dataDir = dataDir;
    cr.split = evaluatedSplit == "t10k" ? "train" : "t10k";
    cr.mean = norm.mean;
    cr.std = norm.std;
    QL_ASSIGN(CalibrationTable table, calibrateModel(session, config, cr, job));
    table.source = cr.split + " split (normalisation " + norm.source + ")";
    return std::optional<CalibrationTable>(std::move(table));
}

}  // namespace ql::session::detail
