#pragma once
// Image folders as labelled data sets: JPEG/PNG files decoded with stb_image (no Qt in core).
// Labels come from a labels file in the folder (labels.txt or labels.csv: one "FILE LABEL" or
// "FILE,LABEL" per line, FILE relative to the folder, LABEL an integer class index; '#' starts a
// comment; a first line whose label is not a number is a header) or else from one sub-folder per
// class, sorted by name (class 0 = the first), as torchvision's ImageFolder does. Files with
// other extensions are not images and are left out; an image that does not decode is an error
// naming it, never skipped.
#include <filesystem>
#include <string>

#include "core/data/dataset.h"

namespace ql::data {

bool looksLikeImageFolder(const std::filesystem::path& dir);
Expected<DatasetPtr> openImageFolder(const std::filesystem::path& dir, const Preprocess& preprocess);

// One image file through `preprocess` into `out` (channels * height * width floats, in the
// preprocessed layout). `height`/`width` are the sample's; another size after resize/crop is
// an error naming the file.
Status loadImage(const std::filesystem::path& file, const Preprocess& preprocess, int64_t height, int64_t width, float* out);
// The sample shape [C,H,W] or [H,W,C] an image of this size gives after `preprocess`.
Expected<ir::Dims> preprocessedShape(const std::filesystem::path& file, const Preprocess& preprocess);

}  // namespace ql::data
