#include "kernels/reference/evaluate_node.h"

#include "core/ops/op_registry.h"
#include "kernels/reference/kernel_registry.h"

namespace ql::kernels {

Status evaluateNode(const ir::Node& node, int64_t opset, const std::vector<const ir::Tensor*>& inputs,
                    std::vector<ir::Tensor>& outputs) {
    ops::InferContext info{node, opset, {}, {}};
    info.inputs.resize(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
        if (!inputs[i]) continue;
        info.inputs[i] = {true, inputs[i]->dtype(), inputs[i]->dims(), inputs[i], {}};
    }
    QL_TRY(ops::inferNode(info));
    KernelFn kernel = findReferenceKernel(node.domain, node.opType);
    if (!kernel) return info.fail("no reference kernel for this operator");
    outputs.assign(info.outputs.size(), ir::Tensor{});
    for (size_t i = 0; i < info.outputs.size(); ++i) {
        if (!info.outputs[i].present) continue;
        auto t = ir::Tensor::create(info.outputs[i].dtype, info.outputs[i].dims);
        if (!t) return info.fail("output " + std::to_string(i) + ": " + t.message());
        outputs[i] = std::move(t).value();
    }
    KernelContext ctx{info, inputs, outputs};
    return kernel(ctx);
}

}  // namespace ql::kernels
