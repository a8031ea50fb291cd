// IDX images + labels (plain or gzip) -> a labelled data set: read or refused with a message.
// The first byte splits the input into the two files.
#include "core/data/idx_dataset.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const size_t split = std::min<size_t>(size - 1, size_t(data[0]) * 4);
    const auto images = ql::fuzz::writeScratch("images-idx3-ubyte", data + 1, split);
    const auto labels = ql::fuzz::writeScratch("labels-idx1-ubyte", data + 1 + split, size - 1 - split);
    auto d = ql::data::readIdxDataset(images, labels);
    if (!d) {
        if (d.message().empty()) __builtin_trap();
        return 0;
    }
    if (d->count > 0) (void)d->batch(0, 1, 0.f, 1.f);
    return 0;
}
