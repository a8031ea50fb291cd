#include "core/passes/pass_manager.h"

#include <chrono>

namespace ql::passes {

std::vector<Pass> fusionPipeline() {
    return {{"eliminate-identities", eliminateIdentities},
            {"fold-pad", foldPad},
            {"fold-batchnorm", foldBatchNorm},
            {"fuse-conv-add", fuseConvAdd},
            {"fuse-conv-activation", fuseConvActivation}};
}

Expected<std::vector<PassRecord>> runPasses(ir::Graph& g, const std::vector<Pass>& passes, const CancelToken& cancel) {
    std::vector<PassRecord> records;
    for (const Pass& p : passes) {
        if (cancel.isCancelled()) return Status::cancelled();
        PassRecord r;
        r.pass = p.name;
        r.nodesBefore = g.liveNodeCount();
        auto t0 = std::chrono::steady_clock::now();
        QL_TRY(p.run(g, r.changes).withContext("pass " + p.name + ": "));
        r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        QL_TRY(g.verify().withContext("graph invalid after pass " + p.name + ": "));
        r.nodesAfter = g.liveNodeCount();
        records.push_back(std::move(r));
    }
    return records;
}

}  // namespace ql::passes
