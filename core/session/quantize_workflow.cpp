#include "core/runtime/executor_factory.h"
#include "core/session/quantize_workflow.h"

#include <fstream>
#include <sstream>

#include "core/data/model_card.h"
#include "core/util/atomic_file.h"

namespace ql::session {

Expected<QuantizeResult> quantizeModel(const Session& session, const RunConfig& config, const QuantizeRequest& request, const Job& job) {
    QL_TRY(config.validate());
    if (!request.overwrite && std::filesystem::exists(request.output))
        return Status::error(request.output.string() + " exists; not overwritten (use --force to replace it)");
    QL_TRY(runtime::checkFp32Fallback(*session.original(), config.fp32Fallback));
    // The quantized model takes the float model's card along (normalisation, classes), so data
    // sets feed it the inputs it was calibrated on. Its place is checked before the work: a card
    // left from another model would feed this one the wrong normalisation without a word.
    QL_ASSIGN(auto card, data::readModelCard(session.modelPath()));
    std::filesystem::path outCard = request.output;
    outCard.replace_extension(".json");
    if (card && outCard == request.output)
        return Status::error(request.output.string() + ": the quantized model and the model card written beside it would share this name; name the model .onnx");
    if (card && !request.overwrite && std::filesystem::exists(outCard))
        return Status::error(outCard.string() + " exists (the model card written beside " + request.output.string() + "); add --force to replace it");
    const ProgressSpan span(job.progress);
    CalibrationTable table;
    if (!config.calibration.table.empty()) {
        QL_ASSIGN(table, readCalibrationTable(config.calibration.table));
    } else {
        QL_ASSIGN(table, calibrateModel(session, config, request.calibration, {job.cancel, span.sub(0.0, 0.9)}));
    }
    if (job.cancel.isCancelled()) return Status::cancelled();
    onnx_export::QdqOptions o;
    o.ranges = &table.ranges;
    o.perTensorWeights = config.calibration.perTensorWeights;
    o.asymmetricActivations = config.asymmetricActivations;
    o.fp32Fallback = config.fp32Fallback;
    o.overwrite = request.overwrite;
    QuantizeResult r;
    QL_ASSIGN(r.report, onnx_export::writeQdqModel(session.modelPath(), request.output, o));
    r.calibration = table.describe();
    if (card) {
        std::ifstream in(card->file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        QL_TRY(writeFileAtomically(outCard, text.str()));
        r.modelCard = outCard;
    }
    span.report(1.0, "written");
    return r;
}

}  // namespace ql::session
