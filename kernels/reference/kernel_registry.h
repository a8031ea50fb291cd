#pragma once
// Reference kernels: naive loops written for obviousness, not speed. One function per op;
// each reads inputs, and writes outputs the executor has already allocated from shape inference.
#include <string>
#include <vector>

#include "core/ir/tensor.h"
#include "core/ops/op_registry.h"
#include "core/util/status.h"

namespace ql::kernels {

struct KernelContext {
    ops::InferContext& info;                 // node, opset, input/output dtypes and dims
    std::vector<const ir::Tensor*> inputs;   // nullptr = omitted optional input
    std::vector<ir::Tensor>& outputs;        // allocated with the inferred dtype and dims

    const ir::Node& node() const { return info.node; }
    bool has(size_t i) const { return i < inputs.size() && inputs[i]; }
    const ir::Tensor& in(size_t i) const { return *inputs[i]; }
    ir::Tensor& out(size_t i) { return outputs[i]; }
    Status fail(const std::string& why) const { return info.fail(why); }
};

using KernelFn = Status (*)(KernelContext&);

// nullptr when the op has no reference kernel.
KernelFn findReferenceKernel(const std::string& domain, const std::string& type);

// Internal: each kernel family registers its kernels.
struct KernelEntry {
    const char* type;
    KernelFn fn;
};
void addElementwiseKernels(std::vector<KernelEntry>& k);
void addConvKernels(std::vector<KernelEntry>& k);
void addPoolKernels(std::vector<KernelEntry>& k);
void addMatmulKernels(std::vector<KernelEntry>& k);
void addNormalizationKernels(std::vector<KernelEntry>& k);
void addTensorKernels(std::vector<KernelEntry>& k);
void addQuantKernels(std::vector<KernelEntry>& k);
void addResizeKernels(std::vector<KernelEntry>& k);
void addFusedKernels(std::vector<KernelEntry>& k);
void addQLinearContribKernels(std::vector<KernelEntry>& k);  // qlinear_contrib.cpp

}  // namespace ql::kernels
