#pragma once
// What the window shows about one opened model: the imported graph and an immutable snapshot
// after every fusion pass, with what each pass removed and created. Qt-free; built off the UI
// thread, then only read. This is the seam the core `Session` replaces: its imported graph and
// per-pass snapshots map one-to-one onto `stages`.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/passes/pass_manager.h"
#include "core/util/cancel.h"
#include "core/util/status.h"

namespace ql::gui {

struct GraphStage {
    std::string name;                            // "Original", then the pass name
    std::shared_ptr<const ir::Graph> graph;
    passes::PassRecord record;                   // empty for the original
    std::vector<std::string> removed, created;   // node labels that left / appeared in this stage
};

struct ModelDocument {
    std::filesystem::path file;
    std::vector<GraphStage> stages;              // [0] = imported graph; back() = fused

    const std::shared_ptr<const ir::Graph>& original() const { return stages.front().graph; }
    const std::shared_ptr<const ir::Graph>& fused() const { return stages.back().graph; }
};

// Imports the model and runs the fusion pipeline one pass at a time, snapshotting after each.
// Errors name the file (and the node and reason, as the importer reports them).
Expected<std::shared_ptr<const ModelDocument>> loadModelDocument(const std::filesystem::path& file,
                                                                 const CancelToken& cancel = {});

// The live node in `g` whose fusedFrom contains `original`, if any (ids are stable across passes).
ir::NodeId nodeStandingFor(const ir::Graph& g, ir::NodeId original);

}  // namespace ql::gui
