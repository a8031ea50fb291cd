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
        addFusedKernels(k);
        addQLinearContribKernels(k);
        return k;
    }();
    // ONNX ops are registered by type, other domains as "domain.type"
    const std::string key = domain.empty() || domain == "ai.onnx" ? type : domain + "." + type;
    for (const KernelEntry& e : table)
        if (key == e.type) return e.fn;
    return nullptr;
}

}  // namespace ql::kernels
