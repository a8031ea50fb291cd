#pragma once
// What the window shows about one opened model: the core Session (imported graph and an
// immutable snapshot after every fusion pass) seen as stages, with each pass's removed and
// created nodes as labels. Qt-free; built off the UI thread, then only read.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/ir/graph.h"
#include "core/passes/pass_manager.h"
#include "core/session/session.h"
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
    std::shared_ptr<const session::Session> session;  // what runs are made from
    std::vector<GraphStage> stages;              // [0] = imported graph; back() = fused

    const std::shared_ptr<const ir::Graph>& original() const { return stages.front().graph; }
    const std::shared_ptr<const ir::Graph>& fused() const { return stages.back().graph; }
};

// Opens a Session on the model (import, shapes, fusion pipeline with a snapshot per pass).
// Errors name the file (and the node and reason, as the importer reports them).
Expected<std::shared_ptr<const ModelDocument>> loadModelDocument(const std::filesystem::path& file,
                                                                 const CancelToken& cancel = {}, const ProgressFn& progress = {});

// The live node in `g` whose fusedFrom contains `original`, if any (ids are stable across passes).
ir::NodeId nodeStandingFor(const ir::Graph& g, ir::NodeId original);

}  // namespace ql::gui
