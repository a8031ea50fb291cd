#pragma once
// Labelled data sets behind one interface, so the workflows do not care which reader they have:
// IDX (MNIST / Fashion-MNIST), image folders (JPEG/PNG) and pairs of .npy files. A data set
// yields batches of f32 samples and int64 labels on demand (streaming: only the IDX reader keeps
// its bytes in memory, as u8; folders decode and .npy files read one batch at a time).
//
// Specs (--dataset SPEC): "idx:DIR", "folder:DIR", "npy:IMAGES.npy,LABELS.npy", or a plain DIR
// whose contents say which it is.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/ir/tensor.h"
#include "core/util/status.h"

namespace ql::data {

struct SampleBatch {
    ir::Tensor samples;            // [rows, sampleShape...] f32; rows past `labels.size()` are zeros
    std::vector<int64_t> labels;   // one per real sample
};

class Dataset {
public:
    virtual ~Dataset() = default;
    virtual int64_t size() const = 0;
    virtual const ir::Dims& sampleShape() const = 0;   // one sample, without the batch dim
    virtual std::string description() const = 0;       // "t10k split of DIR", for messages
    // Samples [first, first + count) in a batch of `rows` >= count rows (padding is zeros, so a
    // tail batch keeps the model's batch size). Errors name the file (and the image).
    virtual Expected<SampleBatch> read(int64_t first, int64_t count, int64_t rows) const = 0;
};
using DatasetPtr = std::shared_ptr<const Dataset>;

// How images become samples: decode -> channels -> resize -> centre crop -> pixel/255 ->
// (x - mean) / std per channel -> NCHW or NHWC. IDX uses mean/std only (one channel); .npy
// samples are taken as they are.
struct Preprocess {
    int64_t resizeShorter = 0;              // scale so the shorter side is this (aspect kept), 0 = no
    int64_t resizeHeight = 0, resizeWidth = 0;  // or exactly this size (both set)
    int64_t cropHeight = 0, cropWidth = 0;  // centre crop, 0 = none
    std::vector<float> mean, std;           // one value or one per channel; empty = 0 / 1
    std::string channels = "rgb";           // rgb | bgr | gray
    bool nhwc = false;                      // default NCHW
    bool operator==(const Preprocess&) const = default;
};
// "256" (shorter side) or "HxW"; "224" or "HxW" for the crop; "0.485,0.456,0.406" lists.
Status parseResize(const std::string& text, Preprocess& p);
Status parseCrop(const std::string& text, Preprocess& p);
Expected<std::vector<float>> parseFloatList(const std::string& text, const std::string& option);

enum class DatasetKind { Idx, Folder, Npy };

struct DatasetSpec {
    DatasetKind kind = DatasetKind::Idx;
    std::filesystem::path dir;              // idx, folder
    std::filesystem::path images, labels;   // npy
    std::string split = "t10k";             // idx: t10k | train
    std::string text() const;               // back to a spec string, with the split for idx
    bool sameData(const DatasetSpec& o) const;
};

// Parses SPEC; a plain DIR is detected from its files (IDX files, images.npy + labels.npy,
// a labels file or class sub-folders). `split` is used for IDX.
Expected<DatasetSpec> parseDatasetSpec(const std::string& spec, const std::string& split = "t10k");

Expected<DatasetPtr> openDataset(const DatasetSpec& spec, const Preprocess& preprocess);
// The sample shape openDataset would give, cheaply (IDX and .npy: headers only), so a model's
// symbolic dimensions can be fixed before the data set is read.
Expected<ir::Dims> peekSampleShape(const DatasetSpec& spec, const Preprocess& preprocess);

// Samples [first, first + count) of `base` as a data set of its own (a disjoint calibration
// slice, a --limit).
DatasetPtr sliceDataset(DatasetPtr base, int64_t first, int64_t count);

// The IDX split the calibration takes when `spec` (an IDX split) is evaluated.
DatasetSpec otherIdxSplit(const DatasetSpec& spec);

}  // namespace ql::data
