#pragma once
// ONNX Runtime's com.microsoft QLinear operators (QLinearAdd, QLinearMul, QLinearGlobalAveragePool,
// QLinearAveragePool, QLinearConcat, QLinearLeakyRelu, QLinearSigmoid), which QOperator models
// use between QLinearConvs. Each is a float op on dequantized inputs whose result is quantized:
// this catalogue says which float op and where each (tensor, scale, zero point) triple sits, so
// shape inference, the reference kernel and the expansion pass share one description.
#include <optional>
#include <vector>

#include "core/ir/graph.h"

namespace ql::ops {

inline constexpr const char* kMicrosoftDomain = "com.microsoft";

// One quantized operand: the positions of the tensor, its scale and its zero point (may be omitted).
struct QOperand {
    size_t tensor, scale, zeroPoint;
};

struct QLinearForm {
    std::string floatOp;              // the ai.onnx op computed on the dequantized operands
    std::vector<QOperand> inputs;     // in the float op's input order
    size_t outScale = 0, outZeroPoint = 0;
    ir::Attributes floatAttrs;        // the node's attributes the float op understands
};

// The form of a com.microsoft QLinear node, or nullopt for any other node (also for variants
// the float op cannot express, e.g. channels_last pooling).
std::optional<QLinearForm> qlinearFormOf(const ir::Node& n);

// The op types the catalogue knows (for the schema registry).
const std::vector<const char*>& qlinearContribOps();

}  // namespace ql::ops
