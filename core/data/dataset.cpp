#include "core/data/dataset.h"
#include "core/util/path_kind.h"

#include <algorithm>
#include <cstdlib>

#include "core/data/idx_dataset.h"
#include "core/data/image_folder.h"
#include "core/data/npy.h"
#include "core/data/npy_dataset.h"

namespace ql::data {

namespace fs = std::filesystem;

namespace {

bool parsePositive(const std::string& s, int64_t& out) {
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    out = std::stoll(s);
    return out > 0;
}

// "N" -> (N, N) with square = true, "HxW" -> (H, W).
bool parseSize(const std::string& text, int64_t& h, int64_t& w, bool& square) {
    const auto x = text.find('x');
    square = x == std::string::npos;
    if (square) return parsePositive(text, h) && parsePositive(text, w);
    return parsePositive(text.substr(0, x), h) && parsePositive(text.substr(x + 1), w);
}

// An IDX split seen through the Dataset interface: the u8 pixels stay in memory, each batch is
// normalised as it is read.
class IdxDataset final : public Dataset {
public:
    IdxDataset(LabelledImages images, float mean, float std, std::string what)
        : images_(std::move(images)), mean_(mean), std_(std), what_(std::move(what)), shape_{1, images_.height, images_.width} {}
    int64_t size() const override { return images_.count; }
    const ir::Dims& sampleShape() const override { return shape_; }
    std::string description() const override { return what_; }
    Expected<SampleBatch> read(int64_t first, int64_t count, int64_t rows) const override {
        if (first < 0 || count < 0 || first + count > images_.count || rows < count) return Status::internal(what_ + ": batch out of range");
        SampleBatch b;
        b.samples = images_.batch(first, rows, mean_, std_);
        // LabelledImages::batch fills every row it has an image for; rows past `count` must be padding.
        const int64_t hw = images_.height * images_.width;
        std::fill(b.samples.data<float>() + count * hw, b.samples.data<float>() + rows * hw, 0.f);
        for (int64_t i = 0; i < count; ++i) b.labels.push_back(images_.labels[size_t(first + i)]);
        return b;
    }

private:
    LabelledImages images_;
    float mean_, std_;
    std::string what_;
    ir::Dims shape_;
};

class SlicedDataset final : public Dataset {
public:
    SlicedDataset(DatasetPtr base, int64_t first, int64_t count) : base_(std::move(base)), first_(first), count_(count) {}
    int64_t size() const override { return count_; }
    const ir::Dims& sampleShape() const override { return base_->sampleShape(); }
    std::string description() const override {
        return "samples " + std::to_string(first_) + ".." + std::to_string(first_ + count_ - 1) + " of " + base_->description();
    }
    Expected<SampleBatch> read(int64_t first, int64_t count, int64_t rows) const override {
        if (first < 0 || first + count > count_) return Status::internal(description() + ": batch out of range");
        return base_->read(first_ + first, count, rows);
    }

private:
    DatasetPtr base_;
    int64_t first_, count_;
};

bool hasIdxFiles(const fs::path& dir) {
    std::error_code ec;
    for (const char* f : {"t10k-images-idx3-ubyte", "train-images-idx3-ubyte"})
        if (fs::exists(dir / f, ec) || fs::exists(dir / (std::string(f) + ".gz"), ec)) return true;
    return false;
}

}  // namespace

Expected<std::vector<float>> parseFloatList(const std::string& text, const std::string& option) {
    std::vector<float> v;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        char* end = nullptr;
        const float f = std::strtof(item.c_str(), &end);
        if (item.empty() || end != item.c_str() + item.size()) return Status::error(option + ": '" + text + "' is not a comma-separated list of numbers");
        v.push_back(f);
        start = comma + 1;
    }
    return v;
}

Status parseResize(const std::string& text, Preprocess& p) {
    int64_t h = 0, w = 0;
    bool square = false;
    if (!parseSize(text, h, w, square)) return Status::error("--resize: '" + text + "' is not N (shorter side) or HxW");
    if (square) p.resizeShorter = h, p.resizeHeight = p.resizeWidth = 0;
    else p.resizeShorter = 0, p.resizeHeight = h, p.resizeWidth = w;
    return Status::ok();
}

Status parseCrop(const std::string& text, Preprocess& p) {
    bool square = false;
    if (!parseSize(text, p.cropHeight, p.cropWidth, square)) return Status::error("--crop: '" + text + "' is not N or HxW");
    return Status::ok();
}

std::string DatasetSpec::text() const {
    switch (kind) {
        case DatasetKind::Idx: return "idx:" + dir.string() + " (" + split + " split)";
        case DatasetKind::Folder: return "folder:" + dir.string();
        case DatasetKind::Npy: return "npy:" + images.string() + "," + labels.string();
    }
    return {};
}

bool DatasetSpec::sameData(const DatasetSpec& o) const {
    std::error_code ec;
    auto same = [&](const fs::path& a, const fs::path& b) { return a == b || fs::equivalent(a, b, ec); };
    if (kind != o.kind) return false;
    if (kind == DatasetKind::Npy) return same(images, o.images);
    return same(dir, o.dir) && (kind != DatasetKind::Idx || split == o.split);
}

Expected<DatasetSpec> parseDatasetSpec(const std::string& text, const std::string& split) {
    DatasetSpec s;
    s.split = split;
    if (split != "t10k" && split != "train") return Status::error("the IDX split must be t10k or train, got '" + split + "'");
    auto after = [&](const char* prefix) { return text.substr(std::string(prefix).size()); };
    if (text.rfind("idx:", 0) == 0) {
        s.kind = DatasetKind::Idx, s.dir = after("idx:");
    } else if (text.rfind("folder:", 0) == 0) {
        s.kind = DatasetKind::Folder, s.dir = after("folder:");
    } else if (text.rfind("npy:", 0) == 0) {
        const std::string files = after("npy:");
        const auto comma = files.find(',');
        if (comma == std::string::npos || comma == 0 || comma + 1 == files.size())
            return Status::error("--dataset npy: needs two files, npy:IMAGES.npy,LABELS.npy; got '" + text + "'");
        s.kind = DatasetKind::Npy, s.images = files.substr(0, comma), s.labels = files.substr(comma + 1);
    } else {
        // A plain folder: its files say what it is.
        std::error_code ec;
        s.dir = text;
        if (const std::string why = whyNotAFolder(s.dir); !why.empty())
            return Status::error(text + ": " + why + " (a data set is DIR, idx:DIR, folder:DIR or npy:IMAGES.npy,LABELS.npy)");
        if (hasIdxFiles(s.dir)) {
            s.kind = DatasetKind::Idx;
        } else if (fs::exists(s.dir / "images.npy", ec) && fs::exists(s.dir / "labels.npy", ec)) {
            s.kind = DatasetKind::Npy, s.images = s.dir / "images.npy", s.labels = s.dir / "labels.npy";
        } else if (looksLikeImageFolder(s.dir)) {
            s.kind = DatasetKind::Folder;
        } else {
            return Status::error(text + ": cannot tell what data set this is: no IDX files (t10k-images-idx3-ubyte[.gz]), no images.npy + "
                                        "labels.npy, no labels file and no class sub-folders; name the kind (idx:, folder:, npy:)");
        }
    }
    if (s.kind != DatasetKind::Npy && s.dir.empty()) return Status::error("--dataset '" + text + "' names no folder");
    return s;
}

Expected<DatasetPtr> openDataset(const DatasetSpec& spec, const Preprocess& pre) {
    switch (spec.kind) {
        case DatasetKind::Idx: {
            if (pre.mean.size() > 1 || pre.std.size() > 1) return Status::error(spec.dir.string() + ": IDX images have one channel: give one --mean and one --std");
            const float mean = pre.mean.empty() ? 0.f : pre.mean[0], std = pre.std.empty() ? 1.f : pre.std[0];
            if (std == 0.f) return Status::error("the normalisation std must not be 0");
            QL_ASSIGN(auto images, readFashionMnist(spec.dir, spec.split));
            return DatasetPtr(std::make_shared<IdxDataset>(std::move(images), mean, std, spec.split + " split of " + spec.dir.string()));
        }
        case DatasetKind::Folder: return openImageFolder(spec.dir, pre);
        case DatasetKind::Npy: return openNpyDataset(spec.images, spec.labels);
    }
    return Status::internal("unknown data set kind");
}

Expected<ir::Dims> peekSampleShape(const DatasetSpec& spec, const Preprocess& pre) {
    switch (spec.kind) {
        case DatasetKind::Idx: {
            QL_ASSIGN(auto hw, peekFashionMnistImageSize(spec.dir, spec.split));
            return ir::Dims{1, hw[0], hw[1]};
        }
        case DatasetKind::Npy: {
            QL_ASSIGN(auto h, readNpyHeader(spec.images));
            if (h.dims.empty()) return Status::error(spec.images.string() + ": samples must be an array [N, ...]");
            return ir::Dims(h.dims.begin() + 1, h.dims.end());
        }
        case DatasetKind::Folder: {
            QL_ASSIGN(auto d, openImageFolder(spec.dir, pre));
            return d->sampleShape();
        }
    }
    return Status::internal("unknown data set kind");
}

DatasetPtr sliceDataset(DatasetPtr base, int64_t first, int64_t count) {
    first = std::clamp<int64_t>(first, 0, base->size());
    count = std::clamp<int64_t>(count, 0, base->size() - first);
    return std::make_shared<SlicedDataset>(std::move(base), first, count);
}

DatasetSpec otherIdxSplit(const DatasetSpec& spec) {
    DatasetSpec o = spec;
    o.split = spec.split == "t10k" ? "train" : "t10k";
    return o;
}

}  // namespace ql::data
