// Decoding (stb_image) and preprocessing of one image: channels, resize, centre crop, normalise.
#include <stb_image.h>
#include <stb_image_resize.h>

#include <cmath>
#include <memory>

#include "core/data/image_folder.h"

namespace ql::data {

namespace fs = std::filesystem;

namespace {

constexpr int64_t kMaxImagePixels = int64_t(1) << 26;

int channelsOf(const Preprocess& p) { return p.channels == "gray" ? 1 : 3; }

Status checkPreprocess(const Preprocess& p) {
    if (p.channels != "rgb" && p.channels != "bgr" && p.channels != "gray")
        return Status::error("--channels must be rgb, bgr or gray, got '" + p.channels + "'");
    const size_t c = size_t(channelsOf(p));
    if (p.mean.size() > 1 && p.mean.size() != c) return Status::error("--mean has " + std::to_string(p.mean.size()) + " values for " + std::to_string(c) + " channel(s)");
    if (p.std.size() > 1 && p.std.size() != c) return Status::error("--std has " + std::to_string(p.std.size()) + " values for " + std::to_string(c) + " channel(s)");
    for (float s : p.std)
        if (s == 0.f) return Status::error("--std must not be 0");
    return Status::ok();
}

// Size after resize, then after the crop; errors name the file.
Status targetSize(const fs::path& file, const Preprocess& p, int w, int h, int64_t& rh, int64_t& rw, int64_t& oh, int64_t& ow) {
    // Checked before anything is allocated: a small file may claim a huge image.
    if (int64_t(w) * int64_t(h) > kMaxImagePixels)
        return Status::error(file.string() + ": image is " + std::to_string(w) + "x" + std::to_string(h) + ", more than " + std::to_string(kMaxImagePixels >> 20) + " Mpixels");
    rh = h, rw = w;
    if (p.resizeHeight > 0) {
        rh = p.resizeHeight, rw = p.resizeWidth;
    } else if (p.resizeShorter > 0) {
        if (h <= w) rh = p.resizeShorter, rw = std::max<int64_t>(1, std::llround(double(w) * double(p.resizeShorter) / double(h)));
        else rw = p.resizeShorter, rh = std::max<int64_t>(1, std::llround(double(h) * double(p.resizeShorter) / double(w)));
    }
    oh = rh, ow = rw;
    if (p.cropHeight > 0) {
        if (p.cropHeight > rh || p.cropWidth > rw)
            return Status::error(file.string() + ": image is " + std::to_string(rw) + "x" + std::to_string(rh) + " (width x height) after resizing, smaller than the " +
                                 std::to_string(p.cropWidth) + "x" + std::to_string(p.cropHeight) + " crop");
        oh = p.cropHeight, ow = p.cropWidth;
    }
    if (rh > 16384 || rw > 16384 || rh * rw > kMaxImagePixels)
        return Status::error(file.string() + ": resized image would be " + std::to_string(rw) + "x" + std::to_string(rh) + ", more than " +
                             std::to_string(kMaxImagePixels >> 20) + " Mpixels or 16384 on a side");
    return Status::ok();
}

}  // namespace

Expected<ir::Dims> preprocessedShape(const fs::path& file, const Preprocess& p) {
    QL_TRY(checkPreprocess(p));
    int w = 0, h = 0, c = 0;
    if (!stbi_info(file.c_str(), &w, &h, &c))
        return Status::error(file.string() + ": not a readable image (" + std::string(stbi_failure_reason() ? stbi_failure_reason() : "unknown format") + ")");
    int64_t rh, rw, oh, ow;
    QL_TRY(targetSize(file, p, w, h, rh, rw, oh, ow));
    const int64_t ch = channelsOf(p);
    return p.nhwc ? ir::Dims{oh, ow, ch} : ir::Dims{ch, oh, ow};
}

Status loadImage(const fs::path& file, const Preprocess& p, int64_t height, int64_t width, float* out) {
    QL_TRY(checkPreprocess(p));
    const int c = channelsOf(p);
    int w = 0, h = 0, fileChannels = 0;
    // Header first: a small file claiming a huge image is refused before anything is allocated.
    if (!stbi_info(file.c_str(), &w, &h, &fileChannels))
        return Status::error(file.string() + ": cannot decode the image (" + std::string(stbi_failure_reason() ? stbi_failure_reason() : "unknown format") + ")");
    int64_t rh, rw, oh, ow;
    QL_TRY(targetSize(file, p, w, h, rh, rw, oh, ow));
    const int infoW = w, infoH = h;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(stbi_load(file.c_str(), &w, &h, &fileChannels, c), stbi_image_free);
    if (!pixels)
        return Status::error(file.string() + ": cannot decode the image (" + std::string(stbi_failure_reason() ? stbi_failure_reason() : "unknown reason") + ")");
    if (w != infoW || h != infoH) return Status::error(file.string() + ": the image's header and its data disagree on its size");
    if (oh != height || ow != width)
        return Status::error(file.string() + ": image is " + std::to_string(ow) + "x" + std::to_string(oh) + " (width x height) after preprocessing, the data set's samples are " +
                             std::to_string(width) + "x" + std::to_string(height) + "; give --resize and/or --crop so all images agree");
    std::vector<unsigned char> resized;
    const unsigned char* src = pixels.get();
    if (rh != h || rw != w) {
        resized.resize(size_t(rh * rw * c));
        if (!stbir_resize_uint8(pixels.get(), w, h, 0, resized.data(), int(rw), int(rh), 0, c))
            return Status::error(file.string() + ": resizing failed");
        src = resized.data();
    }
    const int64_t top = std::llround(double(rh - oh) / 2.0), left = std::llround(double(rw - ow) / 2.0);
    for (int64_t y = 0; y < oh; ++y) {
        for (int64_t x = 0; x < ow; ++x) {
            const unsigned char* px = src + ((top + y) * rw + (left + x)) * c;
            for (int k = 0; k < c; ++k) {
                const int srcChannel = p.channels == "bgr" ? 2 - k : k;  // decoded as RGB
                const float mean = p.mean.empty() ? 0.f : p.mean[p.mean.size() == 1 ? 0 : size_t(k)];
                const float std = p.std.empty() ? 1.f : p.std[p.std.size() == 1 ? 0 : size_t(k)];
                const float v = (float(px[srcChannel]) / 255.f - mean) / std;
                if (p.nhwc) out[(y * ow + x) * c + k] = v;
                else out[(k * oh + y) * ow + x] = v;
            }
        }
    }
    return Status::ok();
}

}  // namespace ql::data
