// .npy bytes -> ir::Tensor: read or refused with a message; a tensor read back writes and
// reads again to the same bytes.
#include "core/data/npy.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto t = ql::data::readNpy(ql::fuzz::writeScratch("in.npy", data, size));
    if (!t) {
        if (t.message().empty()) __builtin_trap();
        return 0;
    }
    const auto out = ql::fuzz::scratchDir() / "out.npy";
    if (ql::data::writeNpy(out, *t).isOk()) {
        auto back = ql::data::readNpy(out);
        if (!back || back->dims() != t->dims() || back->dtype() != t->dtype() || back->byteSize() != t->byteSize()) __builtin_trap();
    }
    return 0;
}
