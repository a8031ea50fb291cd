#pragma once
// ONNX TensorProto <-> ir::Tensor. Kept behind a protobuf-free interface so only this folder
// sees the generated ONNX classes.
#include <filesystem>
#include <string>

#include "core/ir/tensor.h"
#include "core/util/status.h"

namespace onnx {
class TensorProto;
}

namespace ql::onnx_io {

// ONNX TensorProto.DataType -> ir::DType (Undefined when unsupported).
ir::DType dtypeFromOnnx(int onnxType);
int dtypeToOnnx(ir::DType t);
std::string onnxTypeName(int onnxType);

// modelDir: folder external data paths are resolved against (and confined to).
Expected<ir::Tensor> tensorFromProto(const onnx::TensorProto& proto, const std::filesystem::path& modelDir);

// A serialized TensorProto file (the ONNX test-data format, input_0.pb).
Expected<ir::Tensor> readTensorProtoFile(const std::filesystem::path& file);

}  // namespace ql::onnx_io
