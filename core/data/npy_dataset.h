#pragma once
// A labelled data set from two .npy files: float32 samples [N, ...] already preprocessed, and
// int32 or int64 labels [N]. Samples are read from the file one batch at a time.
#include <filesystem>

#include "core/data/dataset.h"

namespace ql::data {

Expected<DatasetPtr> openNpyDataset(const std::filesystem::path& images, const std::filesystem::path& labels);

}  // namespace ql::data
