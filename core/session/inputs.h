#pragma once
// Model inputs: files named by the user (.npy or TensorProto .pb), random
// tensors with a seed for the rest.
#include <cstdint>
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

}  // namespace ql::session
