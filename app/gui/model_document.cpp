#include "app/gui/model_document.h"
#include "core/util/path_kind.h"

#include <algorithm>

namespace ql::gui {
namespace {

std::vector<std::string> labels(const ir::Graph& g, const std::vector<ir::NodeId>& ids) {
    std::vector<std::string> v;
    for (ir::NodeId id : ids) v.push_back(g.node(id).label());
    return v;
}

}  // namespace

Expected<std::shared_ptr<const ModelDocument>> loadModelDocument(const std::filesystem::path& file, const CancelToken& cancel,
                                                                 const ProgressFn& progress) {
    const std::string where = file.string() + ": ";
    if (const std::string why = whyNotAFile(file); !why.empty()) return Status::error(where + why);
    session::OpenOptions open{1, cancel, progress};
    open.batchFollowsModel = true;  // the settings panel then shows the model's fixed batch
    auto opened = session::Session::open(file, open);
    if (!opened) {
        const std::string& m = opened.message();
        // The importer usually names the file already; do not say it twice.
        return Status(opened.status()).withContext(m.find(file.filename().string()) == std::string::npos ? where : "");
    }
    auto doc = std::make_shared<ModelDocument>();
    doc->file = file;
    doc->session = std::move(opened).value();
    doc->stages.push_back({"Original", doc->session->original(), {}, {}, {}});
    for (const auto& snapshot : doc->session->passes()) {
        const ir::Graph& before = *doc->stages.back().graph;  // removed nodes live in the graph before the pass
        doc->stages.push_back({snapshot.record.pass, snapshot.graph, snapshot.record, labels(before, snapshot.record.removed),
                               labels(*snapshot.graph, snapshot.record.created)});
    }
    return std::shared_ptr<const ModelDocument>(std::move(doc));
}

ir::NodeId nodeStandingFor(const ir::Graph& g, ir::NodeId original) {
    for (ir::NodeId id : g.nodeIds()) {
        const auto& from = g.node(id).fusedFrom;
        if (id == original || std::find(from.begin(), from.end(), original) != from.end()) return id;
    }
    return {};
}

}  // namespace ql::gui
