#include "core/session/inputs.h"

#include <filesystem>
#include <algorithm>
#include <random>

#include "core/data/npy.h"
#include "core/util/strings.h"
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

namespace ql::session {

namespace {
bool isBatchDim(const ir::Graph& g, const ir::Value& v, size_t i) {
    return i == 0 || (i < v.dimParams.size() && !g.batchSymbol.empty() && v.dimParams[i] == g.batchSymbol);
}

std::string dimsText(const ir::Value& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.dims.size(); ++i) {
        if (i) s += ",";
        s += i < v.dimParams.size() && !v.dimParams[i].empty() && v.dims[i] < 0 ? v.dimParams[i] : std::to_string(v.dims[i]);
    }
    return s + "]";
}
}  // namespace

Expected<InputShapes> parseShapeSpecs(const std::vector<std::string>& specs) {
    InputShapes shapes;
    for (const std::string& spec : specs) {
        const auto eq = spec.rfind('=');
        const std::string bad = "--shape must be NAME=D0,D1,... with positive integers, got '" + spec + "'";
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) return Status::error(bad);
        ir::Dims dims;
        size_t start = eq + 1;
        while (start <= spec.size()) {
            const size_t comma = std::min(spec.find(',', start), spec.size());
            const std::string item = spec.substr(start, comma - start);
            if (item.empty() || item.size() > 9 || item.find_first_not_of("0123456789") != std::string::npos || std::stoll(item) <= 0)
                return Status::error(bad);
            dims.push_back(std::stoll(item));
            start = comma + 1;
        }
        if (!shapes.emplace(spec.substr(0, eq), dims).second) return Status::error("--shape names input '" + spec.substr(0, eq) + "' twice");
    }
    return shapes;
}

void addShapesOf(const runtime::TensorMap& given, InputShapes& shapes, const std::vector<std::string>& specs) {
    for (const auto& [name, t] : given)
        if (shapes.emplace(name, t.dims()).second)
            for (const std::string& spec : specs)
                if (spec.rfind(name + "=", 0) == 0) shapes.origins[name] = spec.substr(name.size() + 1);
}

Status applyInputShapes(ir::Graph& g, const InputShapes& shapes, const std::optional<ir::Dims>& sampleShape) {
    std::map<std::string, int64_t> symbols;  // dimension name -> value
    auto fix = [&](ir::Value& v, const ir::Dims& want, size_t offset, const std::string& what) -> Status {
        if (v.dims.size() != want.size() + offset)
            return Status::error(what + ": rank " + std::to_string(want.size() + offset) + ", but input '" + v.name + "' is " + dimsText(v));
        for (size_t k = 0; k < want.size(); ++k) {
            const size_t i = k + offset;
            if (v.dims[i] >= 0) {
                if (v.dims[i] != want[k])
                    return Status::error(what + ": dimension " + std::to_string(i) + " of input '" + v.name + "' is fixed at " + std::to_string(v.dims[i]) +
                                         " in the model, not " + std::to_string(want[k]) + " (the input is " + dimsText(v) + ")");
                continue;
            }
            if (isBatchDim(g, v, i)) continue;  // follows the session's batch
            const std::string& name = i < v.dimParams.size() ? v.dimParams[i] : std::string();
            if (!name.empty() && name != "?") {
                auto [it, inserted] = symbols.emplace(name, want[k]);
                if (!inserted && it->second != want[k])
                    return Status::error(what + ": dimension '" + name + "' is " + std::to_string(want[k]) + " here but " + std::to_string(it->second) + " elsewhere");
            }
            v.dims[i] = want[k];
        }
        return Status::ok();
    };
    std::vector<std::string> names;
    for (ir::ValueId id : g.inputs) names.push_back(g.value(id).name);
    for (const auto& [name, dims] : shapes) {
        auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end()) {
            std::string known;
            for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
            return Status::error("--shape/--input names '" + name + "', but the model's inputs are " + known);
        }
        std::string given = "[";
        for (size_t i = 0; i < dims.size(); ++i) given += (i ? "," : "") + std::to_string(dims[i]);
        auto origin = shapes.origins.find(name);
        const std::string from = origin == shapes.origins.end() ? std::string() : " from " + origin->second;
        QL_TRY(fix(g.value(g.inputs[size_t(it - names.begin())]), dims, 0, "input '" + name + "'" + from + " has shape " + given + "]"));
    }
    if (sampleShape && g.inputs.size() == 1 && !shapes.count(names[0])) {
        std::string sample = "[";
        for (size_t i = 0; i < sampleShape->size(); ++i) sample += (i ? "," : "") + std::to_string((*sampleShape)[i]);
        QL_TRY(fix(g.value(g.inputs[0]), *sampleShape, 1, "the data set's samples " + sample + "]"));
    }
    // Inputs not named: their dimensions take the values given for the same name elsewhere.
    for (ir::ValueId id : g.inputs) {
        ir::Value& v = g.value(id);
        for (size_t i = 0; i < v.dims.size(); ++i)
            if (v.dims[i] < 0 && !isBatchDim(g, v, i) && i < v.dimParams.size())
                if (auto s = symbols.find(v.dimParams[i]); s != symbols.end()) v.dims[i] = s->second;
    }
    for (ir::ValueId id : g.inputs) {
        const ir::Value& v = g.value(id);
        for (size_t i = 0; i < v.dims.size(); ++i)
            if (v.dims[i] < 0 && !isBatchDim(g, v, i)) {
                std::string example = v.name + "=";
                for (size_t k = 0; k < v.dims.size(); ++k) example += (k ? "," : "") + (v.dims[k] >= 0 ? std::to_string(v.dims[k]) : k == 0 ? std::string("1") : std::string("N"));
                return Status::error("input '" + v.name + "' " + dimsText(v) + " has symbolic dimension " + std::to_string(i) +
                                     (i < v.dimParams.size() && v.dimParams[i] != "?" ? " ('" + v.dimParams[i] + "')" : "") +
                                     ": fix it with --shape " + example + ", or let a data set's samples or an --input file give the shape");
            }
    }
    return Status::ok();
}

std::optional<FixedBatch> fixedBatchOf(const ir::Graph& g) {
    std::optional<FixedBatch> fixed;
    for (ir::ValueId id : g.inputs) {
        const ir::Value& in = g.value(id);
        // Batched data: float tensors of rank >= 2. Scalars, vectors and integer inputs (shape
        // operands, indices) say nothing about the batch; an empty tensor (leading 0) neither.
        const bool floating = in.dtype == ir::DType::F32 || in.dtype == ir::DType::F16;
        if (in.dims.size() < 2 || !floating || in.dims[0] == 0) continue;
        if (in.dims[0] < 0) return std::nullopt;  // symbolic: the batch is the session's
        if (!fixed) fixed = FixedBatch{in.dims[0], in.name, in.dims};
        else if (fixed->batch != in.dims[0]) return std::nullopt;  // inputs disagree: no one batch to follow
    }
    return fixed;
}

Status fixedBatchRefusal(const std::string& model, const FixedBatch& fixed, int64_t batch) {
    return Status::error(model + ": the model fixes its batch at " + std::to_string(fixed.batch) + " (input '" + fixed.input + "' is " +
                         shapeToString(fixed.dims) + "), so it cannot run at batch " + std::to_string(batch) + ": use batch " +
                         std::to_string(fixed.batch) + ", or export the model with a symbolic batch dimension");
}

std::vector<std::string> symbolicInputs(const ir::Graph& g) {
    std::vector<std::string> v;
    for (ir::ValueId id : g.inputs) {
        const ir::Value& in = g.value(id);
        for (size_t i = 0; i < in.dims.size(); ++i)
            if (in.dims[i] < 0 && !isBatchDim(g, in, i)) {
                v.push_back(in.name + " " + dimsText(in));
                break;
            }
    }
    return v;
}

}  // namespace ql::session
