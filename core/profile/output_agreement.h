#pragma once
// How far one run's final outputs are from another's (INT8 against FP32): cosine, SQNR, the
// largest error and whether every row's top-1 class agrees.
#include <string>
#include <vector>

#include "core/runtime/executor.h"

namespace ql::profile {

struct OutputAgreement {
    std::string output;
    double cosine = 0, maxAbsError = 0, sqnrDb = 0;
    bool sameArgmax = false;  // per row, all rows
};

// One entry per f32 output present in both with the same shape.
std::vector<OutputAgreement> compareOutputs(const runtime::TensorMap& reference, const runtime::TensorMap& other);

}  // namespace ql::profile
