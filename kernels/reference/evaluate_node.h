#pragma once
// Runs one node on concrete tensors with the reference kernels: infers the output shapes from
// the actual inputs, allocates the outputs, calls the kernel. Shared by the reference executor
// and by constant folding during shape inference.
#include <vector>

#include "core/ir/graph.h"
#include "core/util/status.h"

namespace ql::kernels {

Status evaluateNode(const ir::Node& node, int64_t opset, const std::vector<const ir::Tensor*>& inputs,
                    std::vector<ir::Tensor>& outputs);

}  // namespace ql::kernels
