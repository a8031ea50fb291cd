#pragma once
// Operators QuantLens' passes create (domain "ql"). Their reference kernels define their
// meaning, so every optimised kernel is tested against them like any ONNX op.
//
//   ql.FusedConv(X, W, B?, Sum?) -> Y = act(Conv(X, W, B) + Sum)
//     attributes: those of Conv, plus activation ("" | "Relu" | "Clip" | "LeakyRelu"),
//     act_min / act_max (Clip bounds), act_alpha (LeakyRelu slope).
#include <string>

namespace ql::ops {

inline constexpr const char* kQlDomain = "ql";
inline constexpr const char* kFusedConv = "FusedConv";

// Applies a FusedConv activation to one value.
inline float applyActivation(const std::string& act, float x, float lo, float hi, float alpha) {
    if (act == "Relu") return x > 0 ? x : 0.f;
    if (act == "Clip") return x < lo ? lo : (x > hi ? hi : x);
    if (act == "LeakyRelu") return x >= 0 ? x : alpha * x;
    return x;
}

}  // namespace ql::ops
