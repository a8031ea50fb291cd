#include "core/session/inputs.h"

#include <filesystem>
#include <random>

#include "core/data/npy.h"
#include "importers/onnx/tensor_proto.h"

namespace ql::session {

Expected<runtime::TensorMap> loadInputFiles(const std::vector<std::string>& specs) {
    runtime::TensorMap m;
    for (const std::string& spec : specs) {
        auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0) return Status::error("an input must be given as NAME=FILE, got '" + spec + "'");
        std::string name = spec.substr(0, eq);
        std::filesystem::path file = spec.substr(eq + 1);
        auto t = file.extension() == ".npy" ? data::readNpy(file) : onnx_io::readTensorProtoFile(file);
        if (!t) return t.status();
        m[name] = std::move(t).value();
    }
    return m;
}

int64_t impliedBatch(const ir::Graph& g, const runtime::TensorMap& given) {
    for (ir::ValueId id : g.inputs) {
        const ir::Value& v = g.value(id);
        auto it = given.find(v.name);
        if (it != given.end() && !v.dimParams.empty() && !v.dimParams[0].empty() && it->second.rank() > 0) return it->second.dims()[0];
    }
    return 0;
}

Expected<runtime::TensorMap> completeWithRandom(const ir::Graph& g, runtime::TensorMap given, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal(0.f, 1.f);
    std::uniform_int_distribution<int> small(0, 9);
    for (ir::ValueId id : g.inputs) {
        const ir::Value& v = g.value(id);
        if (given.count(v.name)) continue;
        auto t = ir::Tensor::create(v.dtype, v.dims);
        if (!t) return Status::error("input '" + v.name + "': " + t.message());
        for (int64_t i = 0; i < t->numel(); ++i) {
            switch (v.dtype) {
                case ir::DType::F32: t->data<float>()[i] = normal(rng); break;
                case ir::DType::F16: t->data<uint16_t>()[i] = ir::floatToHalf(normal(rng)); break;
                case ir::DType::S64: t->data<int64_t>()[i] = small(rng); break;
                case ir::DType::S32: t->data<int32_t>()[i] = small(rng); break;
                case ir::DType::S8: t->data<int8_t>()[i] = int8_t(small(rng)); break;
                case ir::DType::U8: t->data<uint8_t>()[i] = uint8_t(small(rng)); break;
                case ir::DType::Bool: t->data<bool>()[i] = small(rng) & 1; break;
                default: return Status::error("input '" + v.name + "' has an unsupported type");
            }
        }
        given[v.name] = std::move(t).value();
    }
    return given;
}

}  // namespace ql::session
