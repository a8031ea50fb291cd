#include <cstdio>
#include <filesystem>

#include "app/cli/commands.h"
#include "core/util/atomic_file.h"
#include "core/session/workflows.h"

namespace ql::cli {

int calibrateCommand(const CalibrateOptions& o) {
    session::RunConfig config;
    if (o.method) config.calibration.method = *o.method;
    if (o.percentile) config.calibration.percentile = *o.percentile;
    if (o.samples) config.calibration.samples = *o.samples;
    config.calibration.perTensorWeights = o.perTensor;
    config.asymmetricActivations = o.activations && *o.activations == "asymmetric";
    if (auto st = config.validate(); !st) return fail(st);
    if (Status st = checkOutput(o.output, "--output", o.force); !st) return fail(st);

    auto data = o.data.resolve(1);
    if (!data) return fail(data.status());
    auto s = session::Session::open(o.model, data->open);
    if (!s) return fail(s.status());
    session::CalibrationRequest request;
    if (o.data.randomInputs())
        if (Status st = addRandomCalibrationInputs(**s, config.calibration.samples, request); !st) return fail(st);
    data->fill(request);
    auto t = session::calibrateModel(**s, config, request, {interrupt(), {}});
    if (!t) return fail(t.status());
    if (auto st = session::writeCalibrationTable(o.output, *t, true); !st) return fail(st);
    std::printf("calibrate %s: %s\n", std::filesystem::path(o.model).filename().c_str(), t->describe().c_str());
    std::printf("scheme: weights s8 %s; activations %s, 7- or 8-bit chosen when the table is applied (7-bit without VNNI)\n",
                t->perTensorWeights ? "per-tensor" : "per-channel", t->asymmetricActivations ? "asymmetric (u8 with zero points)" : "symmetric");
    std::printf("wrote %zu value ranges to %s\n", t->ranges.size(), o.output.c_str());
    return kExitOk;
}

}  // namespace ql::cli
