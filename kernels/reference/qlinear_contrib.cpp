// com.microsoft QLinear* reference kernels, straight from their definition: dequantize each
// operand, run the float op's own reference kernel, quantize the result (round half to even,
// saturate). The catalogue (core/ops/qlinear_contrib.h) says which op and where the operands are.
#include "core/ops/qlinear_contrib.h"
#include "kernels/reference/evaluate_node.h"
#include "kernels/reference/kernel_registry.h"
#include "kernels/reference/ref_util.h"

namespace ql::kernels {

namespace {
using ir::DType;

Status qlinearContrib(KernelContext& c) {
    const auto form = ops::qlinearFormOf(c.node());
    if (!form) return c.fail("this variant is not supported");
    ir::Node floatNode;
    floatNode.name = c.node().name;
    floatNode.opType = form->floatOp;
    floatNode.attrs = form->floatAttrs;
    floatNode.outputs = {ir::ValueId{0}};
    std::vector<ir::Tensor> operands;
    for (const ops::QOperand& o : form->inputs) {
        const ir::Tensor& x = c.in(o.tensor);
        const float scale = c.in(o.scale).data<float>()[0];
        const int64_t zp = c.has(o.zeroPoint) ? c.in(o.zeroPoint).getAsInt64(0) : 0;
        QL_ASSIGN(ir::Tensor f, ir::Tensor::create(DType::F32, x.dims()));
        for (int64_t i = 0; i < x.numel(); ++i) f.data<float>()[i] = float(x.getAsInt64(i) - zp) * scale;
        floatNode.inputs.push_back(ir::ValueId{int32_t(operands.size())});
        operands.push_back(std::move(f));
    }
    std::vector<const ir::Tensor*> ins;
    for (const auto& t : operands) ins.push_back(&t);
    std::vector<ir::Tensor> outs;
    QL_TRY(evaluateNode(floatNode, 13, ins, outs));
    const float scale = c.in(form->outScale).data<float>()[0];
    const float zp = c.has(form->outZeroPoint) ? float(c.in(form->outZeroPoint).getAsInt64(0)) : 0.f;
    ir::Tensor& y = c.out(0);
    if (outs.empty() || outs[0].numel() != y.numel()) return c.fail("the float " + form->floatOp + " gave an unexpected shape");
    for (int64_t i = 0; i < y.numel(); ++i) {
        const float v = ref::roundHalfEven(outs[0].data<float>()[i] / scale) + zp;
        if (y.dtype() == DType::U8) y.data<uint8_t>()[i] = ref::saturate<uint8_t>(v);
        else y.data<int8_t>()[i] = ref::saturate<int8_t>(v);
    }
    return Status::ok();
}
}  // namespace

void addQLinearContribKernels(std::vector<KernelEntry>& k) {
    // registered as "domain.type" (static strings: the table keeps the pointers)
    for (const char* t : {"com.microsoft.QLinearAdd", "com.microsoft.QLinearMul", "com.microsoft.QLinearGlobalAveragePool",
                          "com.microsoft.QLinearAveragePool", "com.microsoft.QLinearConcat", "com.microsoft.QLinearLeakyRelu",
                          "com.microsoft.QLinearSigmoid"})
        k.push_back({t, qlinearContrib});
}

}  // namespace ql::kernels
