#include "core/profile/accuracy.h"

namespace ql::profile {

Status TopKAccuracy::add(const ir::Tensor& logits, const std::vector<uint8_t>& labels, int64_t first, int64_t n) {
    if (logits.dtype() != ir::DType::F32 || logits.rank() != 2 || logits.dims()[0] < n)
        return Status::error("logits must be f32 [batch, classes]");
    if (first < 0 || first + n > int64_t(labels.size())) return Status::error("label range out of bounds");
    const int64_t classes = logits.dims()[1];
    for (int64_t i = 0; i < n; ++i) {
        const float* row = logits.data<float>() + i * classes;
        const int64_t label = labels[size_t(first + i)];
        if (label >= classes) return Status::error("label " + std::to_string(label) + " exceeds the " + std::to_string(classes) + " classes");
        // rank of the true class = number of classes scoring strictly higher
        int64_t higher = 0;
        for (int64_t c = 0; c < classes; ++c) higher += row[c] > row[label];
        top1_ += higher == 0;
        top5_ += higher < 5;
        ++count_;
    }
    return Status::ok();
}

}  // namespace ql::profile
