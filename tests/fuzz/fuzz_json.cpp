// The JSON readers users feed: run configs, calibration tables and model cards. Read or refused
// with a message; a run config read back survives a round trip.
#include "core/data/model_card.h"
#include "core/session/calibration_table.h"
#include "core/session/run_config.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto c = ql::session::runConfigFromJson(text, "fuzz.json");
    if (c) {
        auto back = ql::session::runConfigFromJson(ql::session::toJson(*c));
        if (!back || !(*back == *c)) __builtin_trap();
    } else if (c.message().empty()) {
        __builtin_trap();
    }
    auto table = ql::session::calibrationTableFromJson(text, "fuzz.json");
    if (!table && table.message().empty()) __builtin_trap();
    ql::fuzz::writeScratch("model.json", data, size);
    auto card = ql::data::readModelCard(ql::fuzz::scratchDir() / "model.onnx");
    if (!card && card.message().empty()) __builtin_trap();
    return 0;
}
