#pragma once
// Model inputs: files named by the user (.npy or TensorProto .pb), random
// tensors with a seed for the rest; and the shapes that fix an input's symbolic dimensions.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/runtime/executor.h"

namespace ql::session {

// specs: "NAME=FILE". Unknown names, unreadable files: an error naming them.
Expected<runtime::TensorMap> loadInputFiles(const std::vector<std::string>& specs);
// Batch implied by the given inputs (dim 0 of an input whose dim 0 is symbolic), or 0.
int64_t impliedBatch(const ir::Graph& g, const runtime::TensorMap& given);
// Random N(0,1) floats / small integers for every graph input not in `given`.
Expected<runtime::TensorMap> completeWithRandom(const ir::Graph& g, runtime::TensorMap given, uint64_t seed);

// Full shapes (batch included) of graph inputs by name: `--shape NAME=1,3,48,192`, or the shape
// of an --input file. They fix the inputs' symbolic dimensions (height, width, length); the
// batch dimension still follows the session's batch. `origins` names where a shape came from
// (the --input file), so an error about it names the file too.
struct InputShapes : std::map<std::string, ir::Dims> {
    std::map<std::string, std::string> origins;
};
// specs: "NAME=D0,D1,..." (positive integers); a name given twice is an error.
Expected<InputShapes> parseShapeSpecs(const std::vector<std::string>& specs);
// The shapes of given input tensors, for the names `shapes` does not already fix; `specs` are
// the "NAME=FILE" specs they were read from (the files become the shapes' origins).
void addShapesOf(const runtime::TensorMap& given, InputShapes& shapes, const std::vector<std::string>& specs = {});

// Fixes the symbolic dimensions of g's inputs in place (dimParams stay, so the names are still
// shown): from `shapes` by input name, else for a model with one input from `sampleShape` (one
// sample, without the batch dim: what a data set yields). A dimension name shared by several
// inputs gets one value. A shape that contradicts a fixed dimension, names no input or leaves a
// non-batch dimension symbolic is an error saying how to fix it.
Status applyInputShapes(ir::Graph& g, const InputShapes& shapes, const std::optional<ir::Dims>& sampleShape);

// A model whose inputs all declare a fixed leading dimension (torch.onnx.export without
// dynamic_axes: "input [1,3,224,224]") runs at that batch only. Which input said so, for messages.
struct FixedBatch {
    int64_t batch = 0;
    std::string input;
    ir::Dims dims;
};
// The batch g's float inputs of rank >= 2 fix, or nothing when one's leading dimension is
// symbolic, they disagree, or there is none. g as imported, before shape inference.
std::optional<FixedBatch> fixedBatchOf(const ir::Graph& g);
// "MODEL: the model fixes its batch at N (input 'x' is [..]), so it cannot run at batch B: use ..."
Status fixedBatchRefusal(const std::string& model, const FixedBatch& fixed, int64_t batch);

// Inputs with symbolic dimensions other than the batch, as "x [N,3,height,width]"; empty if none.
std::vector<std::string> symbolicInputs(const ir::Graph& g);

}  // namespace ql::session
