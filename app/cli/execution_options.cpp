#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/commands.h"
#include "core/session/inputs.h"

namespace ql::cli {

namespace {
std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> v;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty()) v.push_back(item);
    return v;
}
}  // namespace

const CancelToken& interrupt() {
    static const CancelToken token;
    return token;
}

int fail(const Status& s) {
    std::string msg = s.message();
    for (char& c : msg)
        if (c == '\n') c = ' ';
    std::cerr << "quantlens-cli: " << msg << "\n";
    switch (s.code()) {
        case StatusCode::Ok: return kExitOk;
        case StatusCode::Cancelled: return kExitCancelled;
        case StatusCode::Internal: return kExitInternal;
        default: return kExitBadInput;
    }
}

bool ExecutionOptions::batchChosen(const std::optional<int64_t>& batchOption) const {
    if (batchOption) return true;
    if (configFile.empty()) return false;
    std::ifstream in(configFile);
    const auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);  // resolve() already reported a broken file
    return j.is_object() && j.contains("batch");
}

Expected<session::RunConfig> ExecutionOptions::resolve(const session::RunConfig& defaults) const {
    session::RunConfig c = defaults;
    if (!configFile.empty()) {
        QL_ASSIGN(c, session::readRunConfig(configFile));
    }
    if (executor) c.executor = *executor;
    if (precision) {
        c.precisions.clear();
        for (const auto& p : splitList(*precision)) {
            QL_ASSIGN(auto parsed, runtime::parsePrecision(p));
            c.precisions.push_back(parsed);
        }
        if (c.precisions.empty()) return Status::error("--precision needs at least one of fp32,int8");
    }
    if (layout) {
        QL_ASSIGN(c.layout, runtime::parseLayout(*layout));
    }
    if (maxIsa) c.maxIsa = *maxIsa;
    if (threads) c.threads = *threads;
    if (activations) c.asymmetricActivations = *activations == "asymmetric";
    if (sevenBit) c.sevenBitActivations = *sevenBit == "auto" ? std::nullopt : std::optional<bool>(*sevenBit == "on");
    if (!fp32Fallback.empty()) c.fp32Fallback = fp32Fallback;
    if (calibTable) c.calibration.table = *calibTable;
    if (method) c.calibration.method = *method;
    if (percentile) c.calibration.percentile = *percentile;
    if (samples) c.calibration.samples = *samples;
    if (perTensor) c.calibration.perTensorWeights = true;
    if (tune) c.tuneKernels = true;
    if (rowBands) c.rowBands = *rowBands == "on";
    return c;
}

Expected<DataOptions::Resolved> DataOptions::resolve(int64_t batch) const {
    Resolved r;
    r.split = split;
    r.calibDataset = calibDataset;
    if (!dataset.empty()) r.dataset = dataset;
    else if (!data.empty() && data != "random") r.dataset = "idx:" + data;  // --data DIR: an IDX folder, as before SPECs
    if (!resize.empty()) QL_TRY(data::parseResize(resize, r.preprocess));
    if (!crop.empty()) QL_TRY(data::parseCrop(crop, r.preprocess));
    r.preprocess.channels = channels;
    r.preprocess.nhwc = dataLayout == "nhwc";
    std::vector<float> m, sd;
    if (mean) {
        QL_ASSIGN(m, data::parseFloatList(*mean, "--mean"));
    }
    if (std) {
        QL_ASSIGN(sd, data::parseFloatList(*std, "--std"));
    }
    for (float v : sd)
        if (v == 0.f) return Status::error("--std must not be 0");
    if (m.size() > 1 || sd.size() > 1) {
        r.preprocess.mean = m, r.preprocess.std = sd;  // per channel
    } else {
        // one value each: overrides the model card's value one by one
        if (!m.empty()) r.mean = m[0];
        if (!sd.empty()) r.std = sd[0];
    }
    r.open.batch = batch;
    r.open.batchFollowsModel = true;  // a command with --batch sets it false when given
    r.open.cancel = interrupt();
    QL_ASSIGN(r.open.shapes, session::parseShapeSpecs(shapes));
    if (!r.dataset.empty()) {
        QL_ASSIGN(auto spec, data::parseDatasetSpec(r.dataset, split));
        QL_ASSIGN(r.open.sampleShape, data::peekSampleShape(spec, r.preprocess));
    }
    return r;
}

Status addRandomCalibrationInputs(const session::Session& s, int64_t samples, session::CalibrationRequest& request) {
    const int64_t n = std::min<int64_t>(samples, 64);
    for (int64_t i = 0; i < n; ++i) {
        auto batch = session::completeWithRandom(*s.original(), {}, uint64_t(i));
        if (!batch) return batch.status();
        request.inputs.push_back(std::move(batch).value());
    }
    request.inputsLabel = "seeded N(0,1) random inputs";
    return Status::ok();
}

}  // namespace ql::cli
