#pragma once
// Graph -> Graphviz DOT text (no Qt): node labels carry op type and fused_from provenance.
#include <string>

#include "core/ir/graph.h"

namespace ql::ir {

std::string toDot(const Graph& g);

}  // namespace ql::ir
