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
#include "kernels/native/planar_to_interleaved.h"
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
