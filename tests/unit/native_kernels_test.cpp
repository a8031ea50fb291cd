// kernels/native against oneDNN: the same bytes as the reorder they replace (rounding ties to
// even, saturation, zero points, tails shorter than a vector, batches, one and several threads),
// and the plan uses them for a model's planar image input.
#include <gtest/gtest.h>
#include <omp.h>

#include <dnnl.hpp>
#include <cstring>
#include <random>

#include "core/passes/infer_shapes.h"
#include "core/runtime/executor_factory.h"
#include "core/runtime/reference_executor.h"
#include "importers/onnx/onnx_importer.h"
#include "kernels/native/depthwise_int8.h"
#include "kernels/native/planar_to_interleaved.h"
#include "kernels/native/pointwise_int8.h"
#include "tests/unit/test_models.h"

using namespace ql;
using kernels::native::InterleavedType;

namespace {

// Values on a grid of half steps of 1/scale (so x * scale hits exact ties), some far outside
// the int8 range, and a few arbitrary ones.
std::vector<float> planarValues(size_t n, float scale, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> halfSteps(-700, 700);
    std::uniform_real_distribution<float> any(-3.f, 3.f);
    std::vector<float> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = i % 5 == 4 ? any(rng) : float(halfSteps(rng)) * 0.5f / scale;
    return v;
}

std::vector<uint8_t> onednnReorder(const std::vector<float>& src, const dnnl::memory::dims& dims, dnnl::memory::data_type dt, float scale,
                                   int32_t zp) {
    dnnl::engine eng(dnnl::engine::kind::cpu, 0);
    dnnl::stream stream(eng);
    dnnl::memory from({dims, dnnl::memory::data_type::f32, dnnl::memory::format_tag::nchw}, eng, const_cast<float*>(src.data()));
    dnnl::memory::desc toMd(dims, dt, dnnl::memory::format_tag::nhwc);
    std::vector<uint8_t> out(toMd.get_size());
    dnnl::memory to(toMd, eng, out.data());
    dnnl::primitive_attr attr;
    if (scale != 1.f) attr.set_output_scales(0, {scale});
    if (zp) attr.set_zero_points(DNNL_ARG_DST, 0, {zp});
    dnnl::reorder(dnnl::reorder::primitive_desc(eng, from.get_desc(), eng, toMd, attr)).execute(stream, from, to);
    stream.wait();
    return out;
}

struct Case {
    InterleavedType type;
    float scale;
    int32_t zeroPoint;
};

}  // namespace

TEST(PlanarToInterleaved, GivesOneDnnReordersBytesForEveryTypeShapeAndThreadCount) {
    const Case cases[] = {{InterleavedType::F32, 1.f, 0}, {InterleavedType::S8, 2.f, 0}, {InterleavedType::S8, 40.f, -3},
                          {InterleavedType::U8, 2.f, 128}, {InterleavedType::U8, 25.f, 7}};
    const int64_t shapes[][3] = {{1, 1, 1}, {1, 3, 5}, {2, 7, 11}, {1, 224, 224}, {3, 57, 61}};  // batch, height, width
    for (int threads : {1, 2}) {
        omp_set_num_threads(threads);
        for (const Case& c : cases)
            for (const auto& s : shapes) {
                const dnnl::memory::dims dims{s[0], 3, s[1], s[2]};
                const auto src = planarValues(size_t(s[0] * 3 * s[1] * s[2]), c.scale, unsigned(s[1] * 131 + s[2]));
                const auto dt = c.type == InterleavedType::F32 ? dnnl::memory::data_type::f32
                                : c.type == InterleavedType::S8 ? dnnl::memory::data_type::s8 : dnnl::memory::data_type::u8;
                const auto want = onednnReorder(src, dims, dt, c.scale, c.zeroPoint);
                kernels::native::PlanarToInterleaved k;
                k.batch = s[0];
                k.pixels = s[1] * s[2];
                k.dst = c.type;
                k.scale = c.scale;
                k.zeroPoint = c.zeroPoint;
                ASSERT_TRUE(kernels::native::supported(k));
                std::vector<uint8_t> got(want.size(), 0xAB);
                kernels::native::run(k, src.data(), got.data());
                size_t differ = 0, first = want.size();
                for (size_t i = 0; i < want.size(); ++i)
                    if (got[i] != want[i] && differ++ == 0) first = i;
                EXPECT_EQ(differ, 0u) << "type " << int(c.type) << " scale " << c.scale << " zp " << c.zeroPoint << " shape " << s[0] << "x3x"
                                      << s[1] << "x" << s[2] << " threads " << threads << ": first differing byte " << first;
            }
    }
}

TEST(PlanarToInterleaved, OnlyThreeChannelsHaveTheFastPath) {
    kernels::native::PlanarToInterleaved k;
    k.pixels = 64;
    k.channels = 4;
    EXPECT_FALSE(kernels::native::supported(k));
    k.channels = 3;
    EXPECT_TRUE(kernels::native::supported(k));
}

TEST(PlanarToInterleaved, APlanarImageInputRunsNativeInBothPrecisionsAndMatchesTheReference) {
    test::OnnxBuilder b;
    std::vector<float> w(8 * 3 * 3 * 3);
    for (size_t i = 0; i < w.size(); ++i) w[i] = float(int(i % 9) - 4) * 0.05f;
    b.input("x", {1, 3, 20, 20}).output("y").initializer("w", {8, 3, 3, 3}, w);
    test::OnnxBuilder::setInts(b.node("Conv", {"x", "w"}, {"y"}, "conv"), "pads", {1, 1, 1, 1});
    auto imported = onnx_io::importOnnxBytes(b.bytes(), ".");
    ASSERT_TRUE(imported.isOk()) << imported.message();
    auto g = std::make_shared<ir::Graph>(std::move(imported).value());
    ASSERT_TRUE(passes::inferShapes(*g).isOk());
    ir::Tensor x = ir::Tensor::create(ir::DType::F32, {1, 3, 20, 20}).value();
    const auto v = planarValues(size_t(x.numel()), 30.f, 5);
    std::memcpy(x.raw(), v.data(), x.byteSize());
    const runtime::TensorMap in{{"x", x}};
    auto ref = runtime::ReferenceExecutor::create(g);
    ASSERT_TRUE(ref.isOk());
    const ir::Tensor want = (*ref)->run(in).value().at("y");
    for (auto precision : {runtime::Precision::Fp32, runtime::Precision::Int8}) {
        runtime::ExecutorOptions o;
        o.precision = precision;
        o.layout = runtime::Layout::Nhwc;
        o.calibration = {in};
        auto p = runtime::prepareExecutor(g, o);
        ASSERT_TRUE(p.isOk()) << p.message();
        const ir::Tensor y = p->executor->run(in).value().at("y");
        ASSERT_EQ(y.numel(), want.numel());
        const auto& steps = p->executor->steps();
        ASSERT_FALSE(steps.empty());
        EXPECT_TRUE(steps.front().inserted);
        EXPECT_EQ(steps.front().impl.rfind("native:", 0), 0u) << steps.front().impl;
        double maxErr = 0, maxAbs = 0;
        for (int64_t i = 0; i < y.numel(); ++i) {
            maxErr = std::max(maxErr, double(std::abs(y.data<float>()[i] - want.data<float>()[i])));
            maxAbs = std::max(maxAbs, double(std::abs(want.data<float>()[i])));
        }
        EXPECT_LT(maxErr, precision == runtime::Precision::Fp32 ? 1e-4 : 0.03 * maxAbs) << "precision " << int(precision);
    }
}

// ---- 3x3 depthwise int8 (AVX2) ------------------------------------------------------------

namespace {

struct DwCase {
    int64_t batch, channels, size;
    int stride, pad;
    int32_t srcZp, dstZp;
    bool dstSigned;
    float actMin, actMax;
};

// oneDNN's int8 depthwise convolution on the same bytes: the oracle.
std::vector<uint8_t> onednnDepthwise(const DwCase& c, int64_t outSize, const std::vector<uint8_t>& x, const std::vector<int8_t>& w,
                                     const std::vector<float>& bias, const std::vector<float>& scales) {
    using dt = dnnl::memory::data_type;
    using tag = dnnl::memory::format_tag;
    dnnl::engine eng(dnnl::engine::kind::cpu, 0);
    dnnl::stream stream(eng);
    const dt dstT = c.dstSigned ? dt::s8 : dt::u8;
    dnnl::memory::desc src({c.batch, c.channels, c.size, c.size}, dt::u8, tag::nhwc), dst({c.batch, c.channels, outSize, outSize}, dstT, tag::nhwc);
    dnnl::memory::desc wMd({c.channels, 1, 1, 3, 3}, dt::s8, tag::goihw), bMd({c.channels}, dt::f32, tag::a);
    dnnl::primitive_attr attr;
    attr.set_output_scales(2, scales);
    dnnl::post_ops po;
    po.append_eltwise(1.f, dnnl::algorithm::eltwise_clip, c.actMin, c.actMax);
    attr.set_post_ops(po);
    if (c.srcZp) attr.set_zero_points(DNNL_ARG_SRC, 0, {c.srcZp});
    if (c.dstZp) attr.set_zero_points(DNNL_ARG_DST, 0, {c.dstZp});
    const int64_t padEnd = (outSize - 1) * c.stride + 3 - c.size - c.pad;
    dnnl::convolution_forward::primitive_desc pd({dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct, src, wMd, bMd, dst,
                                                  {c.stride, c.stride}, {c.pad, c.pad}, {padEnd, padEnd}},
                                                 attr, eng);
    std::vector<uint8_t> out(dst.get_size());
    dnnl::memory ms(src, eng, const_cast<uint8_t*>(x.data())), mw(wMd, eng, const_cast<int8_t*>(w.data())), mb(bMd, eng, const_cast<float*>(bias.data())),
        mo(dst, eng, out.data());
    dnnl::convolution_forward(pd).execute(stream, {{DNNL_ARG_SRC, ms}, {DNNL_ARG_WEIGHTS, mw}, {DNNL_ARG_BIAS, mb}, {DNNL_ARG_DST, mo}});
    stream.wait();
    return out;
}

}  // namespace

TEST(DepthwiseInt8, GivesOneDnnConvolutionsBytesForEveryStrideBlockZeroPointTypeAndThreadCount) {
    using kernels::native::DepthwiseInt8;
    const DwCase cases[] = {
        {1, 32, 17, 1, 1, 0, 0, false, 0.f, 200.f},    // one full block, odd width (last entry half used)
        {2, 48, 12, 1, 1, 0, 0, false, 0.f, 1e9f},     // a full and a half block, batch 2, ReLU only
        {1, 144, 14, 2, 1, 0, 0, false, 0.f, 150.f},   // stride 2, MobileNet's 144 channels
        {1, 16, 9, 2, 1, 7, 3, false, -1e9f, 1e9f},    // zero points on both sides, no activation
        {1, 64, 20, 1, 1, 5, 0, true, -60.f, 60.f},    // s8 destination, clip
        {1, 32, 7, 1, 0, 0, -4, true, -1e9f, 1e9f},    // no padding, signed zero point
        {1, 96, 30, 1, 1, 0, 0, false, 0.f, 255.f},    // tall enough for bands of rows
        {1, 80, 11, 2, 1, 128, 0, false, 0.f, 255.f},  // VNNI only: an offset-stored source (zero point 128), 64 + 16 channels
    };
    std::mt19937 rng(7);
    // The AVX2 kernel reads 7-bit sources (as the plan makes them without VNNI); the VNNI one
    // any byte. oneDNN computes both exactly (its VNNI kernels any byte, its AVX2 ones 7-bit).
    for (bool vnni : {false, true})
        for (const DwCase& c : cases)
            for (int threads : {1, 2}) {
                if (vnni && !__builtin_cpu_supports("avx512vnni")) break;  // the oracle too needs VNNI for 8-bit sources
                if (!vnni && c.srcZp > 127) break;
                omp_set_num_threads(threads);
                const int64_t outSize = (c.size + 2 * c.pad - 3) / c.stride + 1;
                std::vector<uint8_t> x(size_t(c.batch * c.channels * c.size * c.size));
                for (auto& v : x) v = uint8_t(rng() % (vnni ? 256 : 128));
                std::vector<int8_t> w(size_t(c.channels * 9));
                for (auto& v : w) v = int8_t(int(rng() % 256) - 128);
                std::vector<float> bias(size_t(c.channels)), scales(size_t(c.channels));
                for (int64_t m = 0; m < c.channels; ++m) {
                    bias[size_t(m)] = float(int(rng() % 4001) - 2000) * 0.25f;
                    scales[size_t(m)] = (vnni ? 0.0002f : 0.0004f) + float(rng() % 1000) * 2e-6f;
                }
                DepthwiseInt8 d;
                d.batch = c.batch;
                d.channels = c.channels;
                d.height = d.width = c.size;
                d.outHeight = d.outWidth = outSize;
                d.stride = c.stride;
                d.padTop = d.padLeft = c.pad;
                d.srcZeroPoint = c.srcZp;
                d.dstZeroPoint = c.dstZp;
                d.dstSigned = c.dstSigned;
                d.actMin = c.actMin;
                d.actMax = c.actMax;
                d.vnni = vnni;
                if (!__builtin_cpu_supports("avx2")) GTEST_SKIP() << "no AVX2 on this CPU";
                const std::string what = std::string(vnni ? "VNNI, " : "AVX2, ") + std::to_string(c.channels) + " channels, size " +
                                         std::to_string(c.size) + ", stride " + std::to_string(c.stride) + ", zero points " +
                                         std::to_string(c.srcZp) + "/" + std::to_string(c.dstZp) + ", " + std::to_string(threads) + " thread(s)";
                ASSERT_TRUE(kernels::native::supported(d)) << what;
                std::vector<uint8_t> got(size_t(c.batch * c.channels * outSize * outSize), 0xAB);
                const kernels::native::DepthwiseInt8Kernel kernel(d, w.data(), bias, scales);
                kernel.run(x.data(), got.data());
                const std::vector<uint8_t> want = onednnDepthwise(c, outSize, x, w, bias, scales);
                size_t differ = 0, saturated = 0;
                for (size_t i = 0; i < got.size(); ++i) {
                    differ += got[i] != want[i];
                    saturated += want[i] == 0 || want[i] == 255 || (c.dstSigned && (want[i] == 0x80 || want[i] == 0x7F));
                }
                EXPECT_EQ(differ, 0u) << what;
                EXPECT_LT(saturated, got.size() * 3 / 4) << what << ": most outputs saturate, so the comparison proves little";
                // a row-band group's threads: each band of rows on its own, together the whole output
                for (int bands : {2, 3}) {
                    if (c.batch != 1 || threads != 1) break;
                    std::vector<uint8_t> banded(got.size(), 0xCD);
                    for (int band = 0; band < bands; ++band) kernel.runBand(x.data(), banded.data(), band, bands);
                    differ = 0;
                    for (size_t i = 0; i < banded.size(); ++i) differ += banded[i] != want[i];
                    EXPECT_EQ(differ, 0u) << what << ", " << bands << " bands";
                }
            }
    omp_set_num_threads(2);
}

TEST(DepthwiseInt8, OnlyThreeByThreeWindowsOnSixteenChannelMultiplesHaveTheKernel) {
    kernels::native::DepthwiseInt8 d;
    d.channels = 32;
    d.height = d.width = d.outHeight = d.outWidth = 8;
    if (!kernels::native::supported(d)) GTEST_SKIP() << "no AVX2 on this CPU";
    d.channels = 24;  // not a multiple of 16
    EXPECT_FALSE(kernels::native::supported(d));
    d.channels = 32;
    d.stride = 3;
    EXPECT_FALSE(kernels::native::supported(d));
    d.stride = 1;
    d.srcZeroPoint = 200;  // a 7-bit source cannot have it
    EXPECT_FALSE(kernels::native::supported(d));
    d.vnni = true;  // an 8-bit one can, where the CPU has VNNI
    EXPECT_EQ(kernels::native::supported(d), __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw"));
    d.vnni = false;
    d.srcZeroPoint = 0;
    d.outHeight = 20;  // windows beyond one padding of the input
    EXPECT_FALSE(kernels::native::supported(d));
}

// ---- 1x1 pointwise int8 (AVX2) ------------------------------------------------------------

namespace {

struct PwCase {
    int64_t batch, inChannels, outChannels, height, width;
    bool srcSigned, dstSigned;
    int32_t dstZp;
    float actMin, actMax;
};

// The kernel's contract in plain arithmetic: an s8 source clamped to [-64, 63], an exact int32
// accumulator, oneDNN's requantization.
std::vector<uint8_t> exactPointwise(const PwCase& c, const std::vector<uint8_t>& x, const std::vector<int8_t>& w, const std::vector<float>& bias,
                                    const std::vector<float>& scales) {
    const int64_t pixels = c.batch * c.height * c.width, K = c.inChannels, N = c.outChannels;
    std::vector<uint8_t> out(size_t(pixels * N));
    for (int64_t p = 0; p < pixels; ++p)
        for (int64_t m = 0; m < N; ++m) {
            int32_t acc = 0;
            for (int64_t k = 0; k < K; ++k) {
                const uint8_t b = x[size_t(p * K + k)];
                acc += (c.srcSigned ? std::clamp(int(int8_t(b)), -64, 63) : int(b)) * w[size_t(m * K + k)];
            }
            float v = (float(acc) + bias[size_t(m)]) * scales[size_t(m)];
            v = std::min(std::max(v, c.actMin), c.actMax) + float(c.dstZp);
            v = std::min(std::max(std::nearbyint(v), c.dstSigned ? -128.f : 0.f), c.dstSigned ? 127.f : 255.f);
            out[size_t(p * N + m)] = c.dstSigned ? uint8_t(int8_t(v)) : uint8_t(v);
        }
    return out;
}

// oneDNN's int8 1x1 convolution on the same bytes.
std::vector<uint8_t> onednnPointwise(const PwCase& c, const std::vector<uint8_t>& x, const std::vector<int8_t>& w, const std::vector<float>& bias,
                                     const std::vector<float>& scales) {
    using dt = dnnl::memory::data_type;
    using tag = dnnl::memory::format_tag;
    dnnl::engine eng(dnnl::engine::kind::cpu, 0);
    dnnl::stream stream(eng);
    dnnl::memory::desc src({c.batch, c.inChannels, c.height, c.width}, c.srcSigned ? dt::s8 : dt::u8, tag::nhwc);
    dnnl::memory::desc dst({c.batch, c.outChannels, c.height, c.width}, c.dstSigned ? dt::s8 : dt::u8, tag::nhwc);
    dnnl::memory::desc wMd({c.outChannels, c.inChannels, 1, 1}, dt::s8, tag::oihw), bMd({c.outChannels}, dt::f32, tag::a);
    dnnl::primitive_attr attr;
    attr.set_output_scales(2, scales);
    dnnl::post_ops po;
    po.append_eltwise(1.f, dnnl::algorithm::eltwise_clip, c.actMin, c.actMax);
    attr.set_post_ops(po);
    if (c.dstZp) attr.set_zero_points(DNNL_ARG_DST, 0, {c.dstZp});
    dnnl::convolution_forward::primitive_desc pd(
        {dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct, src, wMd, bMd, dst, {1, 1}, {0, 0}, {0, 0}}, attr, eng);
    std::vector<uint8_t> out(dst.get_size());
    dnnl::memory ms(src, eng, const_cast<uint8_t*>(x.data())), mw(wMd, eng, const_cast<int8_t*>(w.data())), mb(bMd, eng, const_cast<float*>(bias.data())),
        mo(dst, eng, out.data());
    dnnl::convolution_forward(pd).execute(stream, {{DNNL_ARG_SRC, ms}, {DNNL_ARG_WEIGHTS, mw}, {DNNL_ARG_BIAS, mb}, {DNNL_ARG_DST, mo}});
    stream.wait();
    return out;
}

size_t bytesDiffering(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
    size_t n = 0;
    for (size_t i = 0; i < a.size(); ++i) n += a[i] != b[i];
    return n;
}

}  // namespace

TEST(PointwiseInt8, GivesTheExactResultAndOneDnnsBytesForU8SourcesForEveryTileBlockTypeAndThreadCount) {
    using kernels::native::PointwiseInt8;
    const PwCase cases[] = {
        {1, 16, 96, 13, 11, false, false, 0, 0.f, 200.f},     // MobileNet's first expand; 143 pixels: a partial tile
        {1, 24, 144, 9, 9, false, false, 0, 0.f, 150.f},      // a 16-channel last block
        {2, 4, 16, 5, 7, false, true, -3, -1e9f, 1e9f},       // minimal widths, batch 2, s8 with a zero point
        {1, 64, 32, 8, 8, true, true, 0, -1e9f, 1e9f},        // s8 source (a linear bottleneck's output)
        {1, 32, 48, 6, 10, true, false, 5, 0.f, 1e9f},        // s8 source, u8 destination with a zero point
        {1, 20, 16, 1, 2, true, false, 0, 0.f, 90.f},         // 2 pixels: one partial tile only
    };
    std::mt19937 rng(11);
    for (const PwCase& c : cases)
        for (int threads : {1, 2}) {
            omp_set_num_threads(threads);
            const int64_t pixels = c.batch * c.height * c.width;
            std::vector<uint8_t> x(size_t(pixels * c.inChannels));
            // 7-bit u8 as the plan makes them without VNNI; s8 mostly within [-64, 63], some beyond (clamped)
            for (auto& v : x) v = c.srcSigned ? uint8_t(int8_t(int(rng() % 150) - 75)) : uint8_t(rng() % 128);
            std::vector<int8_t> w(size_t(c.outChannels * c.inChannels));
            for (auto& v : w) v = int8_t(int(rng() % 255) - 127);
            std::vector<float> bias(size_t(c.outChannels)), scales(size_t(c.outChannels));
            for (int64_t m = 0; m < c.outChannels; ++m) {
                bias[size_t(m)] = float(int(rng() % 4001) - 2000) * 0.25f;
                scales[size_t(m)] = 0.0004f + float(rng() % 1000) * 4e-6f;
            }
            PointwiseInt8 d;
            d.batch = c.batch;
            d.height = c.height;
            d.width = c.width;
            d.inChannels = c.inChannels;
            d.outChannels = c.outChannels;
            d.srcSigned = c.srcSigned;
            d.dstSigned = c.dstSigned;
            d.dstZeroPoint = c.dstZp;
            d.actMin = c.actMin;
            d.actMax = c.actMax;
            if (!__builtin_cpu_supports("avx2")) GTEST_SKIP() << "no AVX2 on this CPU";
            ASSERT_TRUE(kernels::native::supported(d)) << c.inChannels << " -> " << c.outChannels;
            const std::string what = std::to_string(c.inChannels) + " -> " + std::to_string(c.outChannels) + (c.srcSigned ? " s8" : " u8") + " source, " +
                                     std::to_string(threads) + " thread(s)";
            std::vector<uint8_t> got(size_t(pixels * c.outChannels), 0xAB);
            const kernels::native::PointwiseInt8Kernel kernel(d, w.data(), bias, scales);
            kernel.run(x.data(), got.data());
            const std::vector<uint8_t> exact = exactPointwise(c, x, w, bias, scales);
            EXPECT_EQ(bytesDiffering(got, exact), 0u) << what;
            // oneDNN computes a u8 source exactly too. An s8 one it computes exactly with VNNI (on
            // the clamped bytes, as the kernel reads them); without, it halves the weights to make
            // room for the shifted source, and only the exact result is the oracle.
            if (!c.srcSigned) {
                EXPECT_EQ(bytesDiffering(got, onednnPointwise(c, x, w, bias, scales)), 0u) << what;
            } else if (__builtin_cpu_supports("avx512vnni")) {
                std::vector<uint8_t> clamped = x;
                for (auto& v : clamped) v = uint8_t(int8_t(std::clamp(int(int8_t(v)), -64, 63)));
                EXPECT_EQ(bytesDiffering(got, onednnPointwise(c, clamped, w, bias, scales)), 0u) << what;
            }
            for (int bands : {2, 3}) {  // a row-band group's threads: each band of rows on its own
                if (c.batch != 1 || threads != 1 || c.height < bands) break;
                std::vector<uint8_t> banded(got.size(), 0xCD);
                for (int band = 0; band < bands; ++band) kernel.runBand(x.data(), banded.data(), band, bands);
                EXPECT_EQ(bytesDiffering(banded, exact), 0u) << what << ", " << bands << " bands";
            }
        }
    omp_set_num_threads(2);
}

TEST(PointwiseInt8, OnlyFourAndSixteenChannelMultiplesHaveTheKernel) {
    kernels::native::PointwiseInt8 d;
    d.height = d.width = 4;
    d.inChannels = 16;
    d.outChannels = 32;
    if (!kernels::native::supported(d)) GTEST_SKIP() << "no AVX2 on this CPU";
    d.inChannels = 18;  // not a multiple of 4
    EXPECT_FALSE(kernels::native::supported(d));
    d.inChannels = 16;
    d.outChannels = 40;  // not a multiple of 16
    EXPECT_FALSE(kernels::native::supported(d));
    d.outChannels = 32;
    d.srcSigned = true;
    d.inChannels = 2048;  // an s8 source's tile is shifted on the stack: bounded
    EXPECT_FALSE(kernels::native::supported(d));
    d.srcSigned = false;
    d.dstZeroPoint = 300;
    EXPECT_FALSE(kernels::native::supported(d));
}
