#include "core/data/npy_dataset.h"

#include <fstream>

#include "core/data/npy.h"

namespace ql::data {

namespace fs = std::filesystem;

namespace {

class NpyDataset final : public Dataset {
public:
    NpyDataset(fs::path images, NpyHeader header, std::vector<int64_t> labels)
        : images_(std::move(images)), header_(std::move(header)), labels_(std::move(labels)), shape_(header_.dims.begin() + 1, header_.dims.end()) {
        sampleElements_ = ir::elementCount(shape_);
    }
    int64_t size() const override { return int64_t(labels_.size()); }
    const ir::Dims& sampleShape() const override { return shape_; }
    std::string description() const override { return images_.string(); }
    Expected<SampleBatch> read(int64_t first, int64_t count, int64_t rows) const override {
        if (first < 0 || count < 0 || first + count > size() || rows < count) return Status::internal(images_.string() + ": batch out of range");
        ir::Dims dims{rows};
        dims.insert(dims.end(), shape_.begin(), shape_.end());
        QL_ASSIGN(ir::Tensor t, ir::Tensor::create(ir::DType::F32, dims));
        std::ifstream in(images_, std::ios::binary);
        in.seekg(std::streamoff(header_.dataOffset + uint64_t(first * sampleElements_) * sizeof(float)));
        const auto bytes = std::streamsize(uint64_t(count * sampleElements_) * sizeof(float));
        // The header check saw the whole file; a file cut short since then is still an error.
        if (!in || !in.read(static_cast<char*>(t.raw()), bytes)) return Status::error(images_.string() + ": could not read samples " + std::to_string(first) + ".." + std::to_string(first + count - 1) + " (file truncated?)");
        SampleBatch b;
        b.samples = std::move(t);
        b.labels.assign(labels_.begin() + first, labels_.begin() + first + count);
        return b;
    }

private:
    fs::path images_;
    NpyHeader header_;
    std::vector<int64_t> labels_;
    ir::Dims shape_;
    int64_t sampleElements_ = 0;
};

}  // namespace

Expected<DatasetPtr> openNpyDataset(const fs::path& images, const fs::path& labels) {
    QL_ASSIGN(NpyHeader h, readNpyHeader(images));
    if (h.dtype != ir::DType::F32 || h.converted)  // samples are read in place by offset, never converted
        return Status::error(images.string() + ": samples must be float32 (already preprocessed), the file holds '" + h.descr + "'");
    if (h.dims.size() < 2) return Status::error(images.string() + ": samples must be an array [N, ...] of rank 2 or more, got rank " + std::to_string(h.dims.size()));
    QL_ASSIGN(ir::Tensor l, readNpy(labels));
    if (l.dtype() != ir::DType::S32 && l.dtype() != ir::DType::S64)
        return Status::error(labels.string() + ": labels must be int32 or int64, the file holds " + std::string(ir::dtypeName(l.dtype())));
    if (l.rank() != 1) return Status::error(labels.string() + ": labels must be a 1-D array, got rank " + std::to_string(l.rank()));
    if (l.dims()[0] != h.dims[0])
        return Status::error(labels.string() + ": " + std::to_string(l.dims()[0]) + " labels but " + images.string() + " holds " +
                             std::to_string(h.dims[0]) + " samples");
    std::vector<int64_t> labelValues(size_t(l.numel()));
    for (int64_t i = 0; i < l.numel(); ++i) {
        labelValues[size_t(i)] = l.dtype() == ir::DType::S32 ? l.data<int32_t>()[i] : l.data<int64_t>()[i];
        if (labelValues[size_t(i)] < 0) return Status::error(labels.string() + ": label " + std::to_string(i) + " is negative (" + std::to_string(labelValues[size_t(i)]) + ")");
    }
    return DatasetPtr(std::make_shared<NpyDataset>(images, std::move(h), std::move(labelValues)));
}

}  // namespace ql::data
