#pragma once
// Labelled image data sets in IDX format (MNIST, Fashion-MNIST), plain or gzip-compressed.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/ir/tensor.h"
#include "core/util/status.h"

namespace ql::data {

struct LabelledImages {
    int64_t count = 0, height = 0, width = 0;
    std::vector<uint8_t> pixels;  // count * height * width
    std::vector<uint8_t> labels;  // count

    // Images [first, first+n) as an NCHW f32 batch: (pixel/255 - mean) / std; rows past the
    // last image are zeros, so a tail batch keeps its full size.
    ir::Tensor batch(int64_t first, int64_t n, float mean, float std) const;
};

Expected<LabelledImages> readIdxDataset(const std::filesystem::path& images, const std::filesystem::path& labels);

// "train" or "t10k" split from a folder holding the four Fashion-MNIST files.
Expected<LabelledImages> readFashionMnist(const std::filesystem::path& dir, const std::string& split);
// The [height, width] of a split's images, from the header alone.
Expected<std::vector<int64_t>> peekFashionMnistImageSize(const std::filesystem::path& dir, const std::string& split);

}  // namespace ql::data
