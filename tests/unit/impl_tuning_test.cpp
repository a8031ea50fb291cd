// Kernel tuning: the timed choice keeps oneDNN's layouts, is cached per key, and a tuned plan
// computes what an untuned one does.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/runtime/executor_factory.h"
#include "core/passes/infer_shapes.h"
#include "importers/onnx/onnx_importer.h"
#include "kernels/onednn/impl_tuning.h"
#include "tests/unit/test_models.h"

using namespace ql;
using dnnl::memory;

namespace {
ir::Tensor uniform(ir::Dims dims, unsigned seed) {
    ir::Tensor t = ir::Tensor::create(ir::DType::F32, std::move(dims)).value();
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-1.f, 2.f);
    for (int64_t i = 0; i < t.numel(); ++i) t.data<float>()[i] = u(rng);
    return t;
}
}  // namespace

TEST(ImplTuning, ChoiceKeepsTheLayoutsAndIsCachedPerKey) {
    auto ctx = kernels::onednn::Context::create({});
    ASSERT_TRUE(ctx.isOk()) << ctx.message();
    dnnl::engine& engine = (*ctx)->engine();
    // a 16 -> 96 pointwise int8 conv at 28x28, nhwc: oneDNN has several kernels for it
    const memory::desc src({1, 16, 28, 28}, memory::data_type::u8, memory::format_tag::nhwc);
    const memory::desc dst({1, 96, 28, 28}, memory::data_type::u8, memory::format_tag::nhwc);
    const memory::desc w({96, 16, 1, 1}, memory::data_type::s8, memory::format_tag::any);
    dnnl::primitive_attr attr;
    attr.set_output_scales(2, std::vector<float>(96, 0.01f));
    const dnnl::convolution_forward::desc d(dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct, src, w, memory::desc(), dst,
                                            {1, 1}, {0, 0}, {0, 0}, {0, 0});
    const kernels::onednn::ConvPdFactory make = [&] { return dnnl::convolution_forward::primitive_desc(d, attr, engine); };
    const auto first = kernels::onednn::fastestConvolution("test pointwise 16x96", make, **ctx);
    EXPECT_EQ(first.first, std::string(make().impl_info_str()));
    EXPECT_GE(first.candidates, 1);
    EXPECT_GT(first.bestUs, 0.0);
    EXPECT_LE(first.bestUs, first.firstUs);
    const auto chosen = kernels::onednn::convolutionAt(make, first.index);
    EXPECT_EQ(std::string(chosen.impl_info_str()), first.impl);
    EXPECT_TRUE(chosen.src_desc() == make().src_desc());
    EXPECT_TRUE(chosen.dst_desc() == make().dst_desc());
    EXPECT_NE(first.impl.rfind("ref", 0), 0u) << "never the reference kernel";
    // the same key: the cached choice, not a new timing
    const auto again = kernels::onednn::fastestConvolution("test pointwise 16x96", make, **ctx);
    EXPECT_EQ(again.index, first.index);
    EXPECT_EQ(again.bestUs, first.bestUs);
}

TEST(ImplTuning, TunedPlanComputesWhatTheUntunedOneDoes) {
    auto g0 = onnx_io::importOnnxBytes(test::smallConvNet().bytes(), ".");
    ASSERT_TRUE(g0.isOk()) << g0.message();
    auto g = std::make_shared<ir::Graph>(std::move(g0).value());
    passes::InferShapesOptions shapes{};
    shapes.batch = 2;
    ASSERT_TRUE(passes::inferShapes(*g, shapes).isOk());
    runtime::TensorMap in;
    for (ir::ValueId id : g->inputs) in[g->value(id).name] = uniform(g->value(id).dims, 5);
    for (auto precision : {runtime::Precision::Fp32, runtime::Precision::Int8}) {
        std::vector<ir::Tensor> outs;
        for (bool tune : {false, true}) {
            runtime::ExecutorOptions o;
            o.precision = precision;
            o.calibration = {in};
            o.tuneKernels = tune;
            auto p = runtime::prepareExecutor(g, o);
            ASSERT_TRUE(p.isOk()) << p.message();
            auto out = p->executor->run(in);
            ASSERT_TRUE(out.isOk()) << out.message();
            outs.push_back(out->begin()->second);
            for (const auto& s : p->executor->steps()) {
                if (!tune) EXPECT_EQ(s.note.find("timed:"), std::string::npos) << s.name << ": " << s.note;
            }
        }
        ASSERT_EQ(outs[0].numel(), outs[1].numel());
        float amax = 0, worst = 0;
        for (int64_t i = 0; i < outs[0].numel(); ++i) {
            amax = std::max(amax, std::fabs(outs[0].data<float>()[i]));
            worst = std::max(worst, std::fabs(outs[0].data<float>()[i] - outs[1].data<float>()[i]));
        }
        // kernels differ in summation order only (int8: the same integers, scaled)
        EXPECT_LE(worst, 1e-4f * amax + 1e-5f) << runtime::precisionName(precision);
    }
}
