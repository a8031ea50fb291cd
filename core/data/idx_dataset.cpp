#include "core/data/idx_dataset.h"

#include <zlib.h>

#include <algorithm>

namespace ql::data {

namespace fs = std::filesystem;

namespace {
// Whole file, transparently gunzipped (gzread passes plain files through).
Expected<std::vector<uint8_t>> readMaybeGzip(const fs::path& file, size_t limit) {
    gzFile f = gzopen(file.c_str(), "rb");
    if (!f) return Status::error(file.string() + ": cannot open");
    std::vector<uint8_t> data;
    uint8_t buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) {
        data.insert(data.end(), buf, buf + n);
        if (data.size() > limit) {
            gzclose(f);
            return Status::error(file.string() + ": larger than " + std::to_string(limit >> 20) + " MiB");
        }
    }
    int err = 0;
    const char* text = gzerror(f, &err);
    const std::string msg = text ? text : "";  // zlib frees it with the file
    gzclose(f);
    if (n < 0 || err < 0) {
        // zlib's message starts with the path itself, and a cut-off stream may leave it empty
        std::string reason = msg;
        const std::string prefix = file.string() + ": ";
        if (reason.rfind(prefix, 0) == 0) reason.erase(0, prefix.size());
        if (err == Z_BUF_ERROR || reason.empty())
            reason = "the gzip stream ends early or is corrupt (truncated download?)" + (reason.empty() ? std::string() : " (" + reason + ")");
        return Status::error(file.string() + ": " + reason);
    }
    return data;
}

uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

struct Idx {
    std::vector<uint32_t> dims;
    std::vector<uint8_t> bytes;
    size_t offset = 0;
};

Expected<Idx> parseIdx(const fs::path& file) {
    QL_ASSIGN(auto data, readMaybeGzip(file, size_t(2) << 30));
    if (data.size() < 4 || data[0] != 0 || data[1] != 0) return Status::error(file.string() + ": not an IDX file");
    if (data[2] != 0x08) return Status::error(file.string() + ": IDX element type must be unsigned byte");
    Idx idx;
    const size_t ndim = data[3];
    if (ndim == 0 || ndim > 4 || data.size() < 4 + 4 * ndim) return Status::error(file.string() + ": bad IDX header");
    uint64_t total = 1;
    for (size_t i = 0; i < ndim; ++i) {
        idx.dims.push_back(be32(&data[4 + 4 * i]));
        total *= idx.dims.back();
    }
    idx.offset = 4 + 4 * ndim;
    if (data.size() - idx.offset != total)
        return Status::error(file.string() + ": holds " + std::to_string(data.size() - idx.offset) + " bytes of data, header says " + std::to_string(total));
    idx.bytes = std::move(data);
    return idx;
}
}  // namespace

ir::Tensor LabelledImages::batch(int64_t first, int64_t n, float mean, float std) const {
    ir::Tensor t = ir::Tensor::create(ir::DType::F32, {n, 1, height, width}).value();
    const int64_t hw = height * width;
    const int64_t rows = std::clamp<int64_t>(count - first, 0, n);  // rows past the end stay 0 (padding)
    float* out = t.data<float>();
    for (int64_t i = 0; i < rows * hw; ++i) out[i] = (float(pixels[size_t(first * hw + i)]) / 255.f - mean) / std;
    return t;
}

Expected<LabelledImages> readIdxDataset(const fs::path& images, const fs::path& labels) {
    QL_ASSIGN(Idx im, parseIdx(images));
    QL_ASSIGN(Idx lb, parseIdx(labels));
    if (im.dims.size() != 3) return Status::error(images.string() + ": expected a 3-D image array");
    if (lb.dims.size() != 1) return Status::error(labels.string() + ": expected a 1-D label array");
    if (im.dims[0] != lb.dims[0])
        return Status::error(images.string() + ": " + std::to_string(im.dims[0]) + " images, but " + labels.string() + " has " +
                             std::to_string(lb.dims[0]) + " labels");
    LabelledImages d;
    d.count = im.dims[0];
    d.height = im.dims[1];
    d.width = im.dims[2];
    d.pixels.assign(im.bytes.begin() + long(im.offset), im.bytes.end());
    d.labels.assign(lb.bytes.begin() + long(lb.offset), lb.bytes.end());
    return d;
}

namespace {
fs::path pick(const fs::path& dir, const std::string& stem) {
    std::error_code ec;
    fs::path gz = dir / (stem + ".gz");
    return fs::exists(gz, ec) ? gz : dir / stem;
}
}  // namespace

Expected<LabelledImages> readFashionMnist(const fs::path& dir, const std::string& split) {
    fs::path images = pick(dir, split + "-images-idx3-ubyte"), labels = pick(dir, split + "-labels-idx1-ubyte");
    if (!fs::exists(images)) return Status::error(images.string() + ": no such file (is the data set folder right?)");
    return readIdxDataset(images, labels);
}

Expected<std::vector<int64_t>> peekFashionMnistImageSize(const fs::path& dir, const std::string& split) {
    const fs::path images = pick(dir, split + "-images-idx3-ubyte");
    gzFile f = gzopen(images.c_str(), "rb");
    if (!f) return Status::error(images.string() + ": no such file (is the data set folder right?)");
    uint8_t h[16];
    const int n = gzread(f, h, sizeof h);
    gzclose(f);
    if (n != int(sizeof h) || h[0] != 0 || h[1] != 0 || h[2] != 0x08 || h[3] != 3) return Status::error(images.string() + ": not an IDX file of u8 images");
    return std::vector<int64_t>{int64_t(be32(h + 8)), int64_t(be32(h + 12))};
}

}  // namespace ql::data
