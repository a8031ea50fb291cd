#include "kernels/reference/kernel_registry.h"

namespace ql::kernels {

KernelFn findReferenceKernel(const std::string& domain, const std::string& type) {
    static const std::vector<KernelEntry> table = [] {
        std::vector<KernelEntry> k;
        addElementwiseKernels(k);
        addConvKernels(k);
        addPoolKernels(k);
        addMatmulKernels(k);
        addNormalizationKernels(k);
        addTensorKernels(k);
        addQuantKernels(k);
        addResizeKernels(k);
        return k;
    }();
    if (!domain.empty() && domain != "ai.onnx") return nullptr;
    for (const KernelEntry& e : table)
        if (type == e.type) return e.fn;
    return nullptr;
}

}  // namespace ql::kernels
