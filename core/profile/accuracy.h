#pragma once
// Top-1 / top-5 accuracy accumulated batch by batch.
#include <cstdint>
#include <vector>

#include "core/ir/tensor.h"
#include "core/util/status.h"

namespace ql::profile {

class TopKAccuracy {
public:
    // logits [batch, classes]; rows [0, n) are scored against labels[first, first + n).
    Status add(const ir::Tensor& logits, const std::vector<uint8_t>& labels, int64_t first, int64_t n);
    int64_t count() const { return count_; }
    double top1() const { return count_ ? double(top1_) / double(count_) : 0.0; }
    double top5() const { return count_ ? double(top5_) / double(count_) : 0.0; }

private:
    int64_t count_ = 0, top1_ = 0, top5_ = 0;
};

}  // namespace ql::profile
