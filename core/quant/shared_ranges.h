#pragma once
// Values whose int8 forms must share one scale and zero point: a concat's inputs and its output
// (then the concat only copies bytes, no operand is requantized) and the input and output of
// ops that keep their input's scale (pooling, views). Each such group takes the union of its
// members' calibrated ranges, so every producer writes the parameters its consumer expects.
#include <functional>
#include <vector>

#include "core/ir/graph.h"
#include "core/quant/ranges.h"

namespace ql::quant {

// For each node with sharesScale(node) true, its non-constant inputs and its first output form
// one group (groups chain through shared values). Members without a range stay without one.
RangeTable shareRanges(const ir::Graph& g, const RangeTable& ranges, const std::function<bool(const ir::Node&)>& sharesScale);

// The groups themselves: per value id, a representative value id of its group (the same rule).
std::vector<int32_t> scaleGroups(const ir::Graph& g, const std::function<bool(const ir::Node&)>& sharesScale);

}  // namespace ql::quant
