#pragma once
// The catalogue of supported operators: for each (domain, op type) its input arity and its
// shape/type inference. Kernels are registered separately (kernels/*), per backend.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/util/status.h"

namespace ql::ops {

// What is known about one input or output during inference: dtype, dims, and the value
// itself when it is a constant (needed for Reshape's shape, Slice's starts, ...).
struct TensorInfo {
    bool present = false;
    ir::DType dtype = ir::DType::Undefined;
    ir::Dims dims;
    const ir::Tensor* value = nullptr;  // inputs only
    ir::Tensor computed;                // outputs only: set by ops whose value follows from shapes (Shape)
};

struct InferContext {
    const ir::Node& node;
    int64_t opset = 13;
    std::vector<TensorInfo> inputs;
    std::vector<TensorInfo> outputs;

    bool has(size_t i) const { return i < inputs.size() && inputs[i].present; }
    const TensorInfo& in(size_t i) const { return inputs[i]; }
    // Value of input i as integers / floats; fails naming the input when it is not known.
    Expected<std::vector<int64_t>> ints(size_t i) const;
    Expected<std::vector<float>> floats(size_t i) const;
    void setOutput(size_t i, ir::DType dtype, ir::Dims dims);
    Status fail(const std::string& why) const { return Status::error(node.label() + ": " + why); }
};

using InferFn = std::function<Status(InferContext&)>;

struct OpSchema {
    std::string domain;  // "" for ai.onnx
    std::string type;
    int minInputs = 1, maxInputs = 1;
    int minOutputs = 1, maxOutputs = 1;
    InferFn infer;
};

const OpSchema* findSchema(const std::string& domain, const std::string& type);
std::vector<const OpSchema*> allSchemas();

// Runs the schema's arity checks and inference; on success ctx.outputs is filled.
Status inferNode(InferContext& ctx);

// Internal: each op family adds its schemas.
void addElementwiseOps(std::vector<OpSchema>& ops);
void addNnOps(std::vector<OpSchema>& ops);
void addTensorOps(std::vector<OpSchema>& ops);
void addQuantOps(std::vector<OpSchema>& ops);
void addQLinearContribOps(std::vector<OpSchema>& ops);  // qlinear_contrib.cpp

}  // namespace ql::ops
