#include "app/gui/op_style.h"

#include <QCoreApplication>

#include <QSet>

namespace ql::gui {

OpKind opKind(const QString& op) {
    static const QSet<QString> conv{"Conv", "ConvTranspose", "ql.FusedConv", "FusedConv", "QLinearConv", "ConvInteger"};
    static const QSet<QString> linear{"Gemm", "MatMul", "QLinearMatMul", "MatMulInteger"};
    static const QSet<QString> act{"Relu", "Clip", "Sigmoid", "Tanh", "LeakyRelu", "HardSigmoid", "HardSwish", "Elu",
                                   "Selu", "Softmax", "LogSoftmax", "Gelu", "PRelu", "Softplus", "Mish"};
    static const QSet<QString> pool{"MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "LpPool"};
    static const QSet<QString> norm{"BatchNormalization", "LayerNormalization", "InstanceNormalization", "LRN"};
    static const QSet<QString> elt{"Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Exp", "Log", "Neg", "Abs", "Max", "Min", "Sum", "Mean", "Erf"};
    static const QSet<QString> quant{"QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear"};
    static const QSet<QString> tensor{"Reshape", "Flatten", "Concat", "Transpose", "Squeeze", "Unsqueeze", "Slice", "Gather",
                                      "Split", "Pad", "Shape", "Constant", "Identity", "Resize", "Upsample", "Expand", "Cast",
                                      "Tile", "ConstantOfShape", "Dropout"};
    if (conv.contains(op)) return OpKind::Conv;
    if (linear.contains(op)) return OpKind::Linear;
    if (act.contains(op)) return OpKind::Activation;
    if (pool.contains(op)) return OpKind::Pooling;
    if (norm.contains(op)) return OpKind::Normalization;
    if (elt.contains(op)) return OpKind::Elementwise;
    if (quant.contains(op)) return OpKind::Quantization;
    if (tensor.contains(op)) return OpKind::Tensor;
    return OpKind::Other;
}

QColor opKindColor(OpKind kind) {
    switch (kind) {
        case OpKind::Conv: return QColor(0x9c, 0xc3, 0xe6);
        case OpKind::Linear: return QColor(0xb4, 0xa7, 0xd6);
        case OpKind::Activation: return QColor(0xf6, 0xb2, 0x6b);
        case OpKind::Pooling: return QColor(0xa8, 0xd5, 0xa2);
        case OpKind::Normalization: return QColor(0xf4, 0xe0, 0x8a);
        case OpKind::Elementwise: return QColor(0xe8, 0xa0, 0xb4);
        case OpKind::Tensor: return QColor(0xd9, 0xd9, 0xd9);
        case OpKind::Quantization: return QColor(0x7f, 0xd1, 0xc7);
        case OpKind::Other: break;
    }
    return QColor(0xc8, 0xc8, 0xb4);
}

QString opKindName(OpKind kind) {
    switch (kind) {
        case OpKind::Conv: return QCoreApplication::translate("OpKind", "convolution");
        case OpKind::Linear: return QCoreApplication::translate("OpKind", "matmul / gemm");
        case OpKind::Activation: return QCoreApplication::translate("OpKind", "activation");
        case OpKind::Pooling: return QCoreApplication::translate("OpKind", "pooling");
        case OpKind::Normalization: return QCoreApplication::translate("OpKind", "normalization");
        case OpKind::Elementwise: return QCoreApplication::translate("OpKind", "elementwise");
        case OpKind::Tensor: return QCoreApplication::translate("OpKind", "tensor / shape");
        case OpKind::Quantization: return QCoreApplication::translate("OpKind", "quantize / dequantize");
        case OpKind::Other: break;
    }
    return QCoreApplication::translate("OpKind", "other");
}

}  // namespace ql::gui
