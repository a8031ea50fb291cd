#pragma once
// Colour by op kind: one place that groups ONNX (and ql.*) op types into families.
#include <QColor>
#include <QString>

namespace ql::gui {

enum class OpKind { Conv, Linear, Activation, Pooling, Normalization, Elementwise, Tensor, Quantization, Other };

OpKind opKind(const QString& opType);
QColor opKindColor(OpKind kind);
QString opKindName(OpKind kind);

}  // namespace ql::gui
