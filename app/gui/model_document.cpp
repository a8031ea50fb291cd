#include "app/gui/model_document.h"

#include <algorithm>
#include <set>

#include "importers/onnx/model_loader.h"

namespace ql::gui {
namespace {

std::set<int32_t> liveIds(const ir::Graph& g) {
    std::set<int32_t> ids;
    for (ir::NodeId id : g.nodeIds()) ids.insert(id.v);
    return ids;
}

void diffStages(const ir::Graph& before, GraphStage& after) {
    const auto a = liveIds(before), b = liveIds(*after.graph);
    for (int32_t id : a)
        if (!b.count(id)) after.removed.push_back(before.node(ir::NodeId{id}).label());
    for (int32_t id : b)
        if (!a.count(id)) after.created.push_back(after.graph->node(ir::NodeId{id}).label());
}

}  // namespace

Expected<std::shared_ptr<const ModelDocument>> loadModelDocument(const std::filesystem::path& file, const CancelToken& cancel) {
    const std::string where = file.string() + ": ";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return Status::error(where + "no such file");
    auto loaded = onnx_io::loadModel(file);
    if (!loaded) {
        const std::string& m = loaded.message();
        // The importer usually names the file already; do not say it twice.
        return Status(loaded.status()).withContext(m.find(file.filename().string()) == std::string::npos ? where : "");
    }
    auto doc = std::make_shared<ModelDocument>();
    doc->file = file;
    std::shared_ptr<const ir::Graph> current = std::move(loaded).value();
    doc->stages.push_back({"Original", current, {}, {}, {}});
    for (const passes::Pass& pass : passes::fusionPipeline()) {
        if (cancel.isCancelled()) return Status::cancelled("fusion");
        auto next = std::make_shared<ir::Graph>(*current);  // constants share buffers; passes clone what they change
        auto records = passes::runPasses(*next, {pass}, cancel);
        if (!records) return records.status().withContext(where);
        GraphStage stage{pass.name, next, records->front(), {}, {}};
        diffStages(*current, stage);
        current = next;
        doc->stages.push_back(std::move(stage));
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
