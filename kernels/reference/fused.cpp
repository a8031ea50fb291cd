// Reference kernels of QuantLens' fused operators: the unfused ops applied in sequence.
#include <cmath>

#include "core/ops/fused_ops.h"
#include "kernels/reference/kernel_registry.h"

namespace ql::kernels {

namespace {
Status fusedConv(KernelContext& c) {
    KernelFn conv = findReferenceKernel("", "Conv");
    std::vector<const ir::Tensor*> convInputs(c.inputs.begin(), c.inputs.begin() + std::min<size_t>(3, c.inputs.size()));
    KernelContext inner{c.info, convInputs, c.outputs};
    QL_TRY(conv(inner));
    const auto& a = c.node().attrs;
    const std::string act = a.getString("activation");
    const float lo = a.getFloat("act_min", -INFINITY), hi = a.getFloat("act_max", INFINITY), alpha = a.getFloat("act_alpha", 0.01f);
    float* y = c.out(0).data<float>();
    const float* sum = c.has(3) ? c.in(3).data<float>() : nullptr;
    for (int64_t i = 0; i < c.out(0).numel(); ++i) y[i] = ops::applyActivation(act, sum ? y[i] + sum[i] : y[i], lo, hi, alpha);
    return Status::ok();
}
}  // namespace

void addFusedKernels(std::vector<KernelEntry>& k) { k.push_back({"ql.FusedConv", fusedConv}); }

}  // namespace ql::kernels
