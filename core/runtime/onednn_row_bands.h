#pragma once
// Row-band groups: a run of consecutive convolution steps executed in one OpenMP region instead
// of one fork/join per primitive. Each thread computes a horizontal band of every step's output
// rows with its own single-threaded oneDNN primitive over a view of the (NHWC, batch 1) tensors;
// threads meet at a barrier only where a step reads rows another thread wrote (a 3x3 window
// across the band edge, a stride, an input that is not the previous step's output) or where a
// step writes bytes another thread may still read. At batch 1 on few cores most layers are too
// small to split well inside oneDNN, and each fork/join costs as much as a small layer;
// bands also keep each thread's rows in its own core's cache from one layer to the next.
#include <cstddef>
#include <string>
#include <vector>

#include "core/runtime/onednn_plan_internal.h"

namespace ql::runtime {

// RowBandGroup (the compiled form) lives in onednn_plan_internal.h with the rest of the plan state.

// Steps whose weights exceed this never run in bands (onednn_row_bands.cpp says why); lowerers
// keep plain weights for the others only.
constexpr size_t kMaxRowBandWeightBytes = size_t(1) << 20;

// Finds the groups in a bound plan (buffers placed, step args bound) and writes each member's
// StepInfo::note, impl (the band's kernel) and weightBytes (plus any weights reordered for bands). Steps a group cannot take (not a convolution, blocked layouts, batch > 1, a
// graph input, a residual copy first, under 32 output pixels a band, weights over 1 MiB) end a group; groups of
// one step are not made. `threads` = the plan's OpenMP thread count (no groups under 2).
std::vector<RowBandGroup> buildRowBandGroups(OnednnPlan::Impl& p, std::vector<StepInfo>& infos, int threads);

// Runs one group: one parallel region, member after member. Calls onStepTimed per member with
// thread 0's time from the start of its band (after the barrier before it) to the start of the
// next member's, so the members' times add up to the group's.
Status runRowBandGroup(OnednnPlan::Impl& p, const RowBandGroup& g, const RunOptions& options);

}  // namespace ql::runtime
