// Data set readers through core/data/dataset.h: an image file in a class folder (stb_image
// decoding, resize, centre crop) or a pair of .npy files (samples, labels). Read or refused with
// a message; never a crash. The first byte picks the reader; for .npy the second splits the
// rest into the two files.
#include <filesystem>

#include "core/data/dataset.h"
#include "tests/fuzz/fuzz_input.h"

namespace {
void check(const ql::Expected<ql::data::DatasetPtr>& d) {
    if (!d) {
        if (d.message().empty()) __builtin_trap();
        return;
    }
    if ((*d)->size() > 0) {
        auto b = (*d)->read(0, 1, 2);
        if (!b && b.message().empty()) __builtin_trap();
        if (b && (b->labels.size() != 1 || b->samples.dims()[0] != 2)) __builtin_trap();
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) return 0;
    namespace fs = std::filesystem;
    if (data[0] & 1) {
        const fs::path dir = ql::fuzz::scratchDir() / "folder";
        fs::create_directories(dir / "class0");
        ql::fuzz::writeScratch("folder/class0/image.png", data + 1, size - 1);
        ql::data::Preprocess pre;
        if (data[0] & 2) pre.resizeShorter = 12, pre.cropHeight = pre.cropWidth = 8;
        if (data[0] & 4) pre.channels = "gray";
        pre.nhwc = data[0] & 8;
        check(ql::data::openDataset({ql::data::DatasetKind::Folder, dir, {}, {}, "t10k"}, pre));
        return 0;
    }
    const size_t split = std::min<size_t>(size - 2, size_t(data[1]) * 2);
    const auto images = ql::fuzz::writeScratch("images.npy", data + 2, split);
    const auto labels = ql::fuzz::writeScratch("labels.npy", data + 2 + split, size - 2 - split);
    check(ql::data::openDataset({ql::data::DatasetKind::Npy, {}, images, labels, "t10k"}, {}));
    return 0;
}
