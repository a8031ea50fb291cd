#include "core/data/image_folder.h"
#include "core/util/path_kind.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace ql::data {

namespace fs = std::filesystem;

namespace {

bool isImage(const fs::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return e == ".png" || e == ".jpg" || e == ".jpeg";
}

fs::path labelsFile(const fs::path& dir) {
    std::error_code ec;
    for (const char* name : {"labels.txt", "labels.csv"})
        if (fs::is_regular_file(dir / name, ec)) return dir / name;
    return {};
}

struct Entry {
    fs::path file;
    int64_t label = 0;
};

Expected<std::vector<Entry>> fromLabelsFile(const fs::path& dir, const fs::path& file) {
    std::ifstream in(file);
    if (!in) return Status::error(file.string() + ": cannot open");
    std::vector<Entry> entries;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        // "FILE,LABEL" or "FILE LABEL": the label is the last field, so file names may hold spaces.
        const auto sep = line.find_last_of(", \t");
        const std::string where = file.string() + ":" + std::to_string(lineNo) + ": ";
        if (sep == std::string::npos || sep <= start) return Status::error(where + "expected 'FILE LABEL' or 'FILE,LABEL', got '" + line + "'");
        std::string name = line.substr(start, sep - start), label = line.substr(sep + 1);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == ',')) name.pop_back();
        const bool numeric = !label.empty() && label.size() < 10 && std::all_of(label.begin(), label.end(), [](unsigned char c) { return std::isdigit(c); });
        if (!numeric) {
            if (entries.empty() && lineNo == 1) continue;  // a header line
            return Status::error(where + "label '" + label + "' is not a non-negative integer");
        }
        const fs::path image = dir / name;
        std::error_code ec;
        if (!fs::is_regular_file(image, ec)) return Status::error(where + image.string() + ": no such image");
        entries.push_back({image, std::stoll(label)});
    }
    if (entries.empty()) return Status::error(file.string() + ": lists no images");
    return entries;
}

Expected<std::vector<Entry>> fromClassFolders(const fs::path& dir, std::vector<std::string>& classes) {
    std::error_code ec;
    std::vector<fs::path> folders;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_directory()) folders.push_back(e.path());
    if (ec) return Status::error(dir.string() + ": cannot list: " + ec.message());
    std::sort(folders.begin(), folders.end());
    std::vector<Entry> entries;
    for (size_t k = 0; k < folders.size(); ++k) {
        classes.push_back(folders[k].filename().string());
        std::vector<fs::path> files;
        for (auto it = fs::recursive_directory_iterator(folders[k], ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            if (it->is_regular_file() && isImage(it->path())) files.push_back(it->path());
        if (ec) return Status::error(folders[k].string() + ": cannot list: " + ec.message());
        std::sort(files.begin(), files.end());
        for (auto& f : files) entries.push_back({std::move(f), int64_t(k)});
    }
    if (folders.empty()) return Status::error(dir.string() + ": has no class sub-folders and no labels.txt / labels.csv");
    if (entries.empty()) return Status::error(dir.string() + ": its class sub-folders hold no .png / .jpg / .jpeg images");
    return entries;
}

class ImageFolderDataset final : public Dataset {
public:
    ImageFolderDataset(fs::path dir, std::vector<Entry> entries, Preprocess pre, ir::Dims shape, std::string how)
        : dir_(std::move(dir)), entries_(std::move(entries)), pre_(std::move(pre)), shape_(std::move(shape)), how_(std::move(how)) {}
    int64_t size() const override { return int64_t(entries_.size()); }
    const ir::Dims& sampleShape() const override { return shape_; }
    std::string description() const override { return dir_.string() + " (" + how_ + ")"; }
    Expected<SampleBatch> read(int64_t first, int64_t count, int64_t rows) const override {
        if (first < 0 || count < 0 || first + count > size() || rows < count) return Status::internal(dir_.string() + ": batch out of range");
        ir::Dims dims{rows};
        dims.insert(dims.end(), shape_.begin(), shape_.end());
        QL_ASSIGN(ir::Tensor t, ir::Tensor::create(ir::DType::F32, dims));
        std::fill(t.data<float>(), t.data<float>() + t.numel(), 0.f);
        const int64_t per = ir::elementCount(shape_);
        const int64_t h = pre_.nhwc ? shape_[0] : shape_[1], w = pre_.nhwc ? shape_[1] : shape_[2];
        SampleBatch b;
        for (int64_t i = 0; i < count; ++i) {
            const Entry& e = entries_[size_t(first + i)];
            QL_TRY(loadImage(e.file, pre_, h, w, t.data<float>() + i * per));
            b.labels.push_back(e.label);
        }
        b.samples = std::move(t);
        return b;
    }

private:
    fs::path dir_;
    std::vector<Entry> entries_;
    Preprocess pre_;
    ir::Dims shape_;
    std::string how_;
};

}  // namespace

bool looksLikeImageFolder(const fs::path& dir) {
    std::error_code ec;
    if (!labelsFile(dir).empty()) return true;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_directory()) return true;
    return false;
}

Expected<DatasetPtr> openImageFolder(const fs::path& dir, const Preprocess& pre) {
    if (const std::string why = whyNotAFolder(dir); !why.empty()) return Status::error(dir.string() + ": " + why);
    std::vector<Entry> entries;
    std::vector<std::string> classes;
    std::string how;
    if (fs::path lf = labelsFile(dir); !lf.empty()) {
        QL_ASSIGN(entries, fromLabelsFile(dir, lf));
        how = "labels from " + lf.filename().string();
    } else {
        QL_ASSIGN(entries, fromClassFolders(dir, classes));
        how = std::to_string(classes.size()) + " class folders";
    }
    // The first image fixes the sample shape; every other image must come out the same.
    QL_ASSIGN(ir::Dims shape, preprocessedShape(entries.front().file, pre));
    how += ", " + std::to_string(entries.size()) + " images, " + pre.channels + (pre.nhwc ? " nhwc" : " nchw");
    if (pre.resizeShorter) how += ", resize shorter side " + std::to_string(pre.resizeShorter);
    if (pre.resizeHeight) how += ", resize " + std::to_string(pre.resizeHeight) + "x" + std::to_string(pre.resizeWidth);
    if (pre.cropHeight) how += ", centre crop " + std::to_string(pre.cropHeight) + "x" + std::to_string(pre.cropWidth);
    return DatasetPtr(std::make_shared<ImageFolderDataset>(dir, std::move(entries), pre, std::move(shape), std::move(how)));
}

}  // namespace ql::data
