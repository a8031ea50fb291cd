#include "core/passes/pass_manager.h"

#include <algorithm>
#include <chrono>
#include <map>

namespace ql::passes {

std::vector<Pass> fusionPipeline() {
    return {{"eliminate-identities", eliminateIdentities},
            {"expand-qoperators", expandQOperators},
            {"fold-qdq", foldQdq},
            {"fold-pad", foldPad},
            {"fold-batchnorm", foldBatchNorm},
            {"batchnorm-to-conv", batchNormToConv},
            {"reuse-concat-prefix", reuseConcatPrefix},
            {"fuse-conv-add", fuseConvAdd},
            {"fuse-conv-activation", fuseConvActivation}};
}

namespace {
using Provenance = std::map<int32_t, std::vector<ir::NodeId>>;  // live node -> fusedFrom

Provenance provenanceOf(const ir::Graph& g) {
    Provenance p;
    for (ir::NodeId id : g.nodeIds()) p[id.v] = g.node(id).fusedFrom;
    return p;
}

// Removed, created and fused nodes between two states of the same graph.
void diff(const Provenance& before, const ir::Graph& g, PassRecord& r) {
    const Provenance after = provenanceOf(g);
    for (const auto& [id, from] : before)
        if (!after.count(id)) r.removed.push_back(ir::NodeId{id});
    for (const auto& [id, from] : after) {
        auto old = before.find(id);
        if (old == before.end()) {
            r.created.push_back(ir::NodeId{id});
            continue;
        }
        Fusion f{ir::NodeId{id}, {}};
        for (ir::NodeId n : from)
            if (std::find(old->second.begin(), old->second.end(), n) == old->second.end()) f.absorbed.push_back(n);
        if (!f.absorbed.empty()) r.fusions.push_back(std::move(f));
    }
}
}  // namespace

Expected<std::vector<PassRecord>> runPasses(ir::Graph& g, const std::vector<Pass>& passes, const CancelToken& cancel,
                                            const ProgressFn& progress, const PassObserver& afterEach) {
    std::vector<PassRecord> records;
    for (const Pass& p : passes) {
        if (cancel.isCancelled()) return Status::cancelled("pass " + p.name);
        const Provenance before = provenanceOf(g);
        PassRecord r;
        r.pass = p.name;
        r.nodesBefore = g.liveNodeCount();
        auto t0 = std::chrono::steady_clock::now();
        QL_TRY(p.run(g, r.changes).withContext("pass " + p.name + ": "));
        r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        QL_TRY(g.verify().withContext("graph invalid after pass " + p.name + ": "));
        r.nodesAfter = g.liveNodeCount();
        diff(before, g, r);
        if (afterEach) afterEach(g, r);
        records.push_back(std::move(r));
        if (progress) progress(double(records.size()) / double(passes.size()), "pass " + p.name);
    }
    return records;
}

}  // namespace ql::passes
