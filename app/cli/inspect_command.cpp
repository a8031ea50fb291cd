#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "core/analysis/model_summary.h"
#include "core/session/inputs.h"
#include "core/session/session.h"
#include "core/util/strings.h"

namespace ql::cli {

namespace {
std::string dimsWithParams(const analysis::TensorSummary& t) {
    std::string s = "[";
    for (size_t i = 0; i < t.dims.size(); ++i) {
        if (i) s += ",";
        if (i < t.dimParams.size() && !t.dimParams[i].empty()) s += t.dims[i] < 0 ? t.dimParams[i] : t.dimParams[i] + "=" + std::to_string(t.dims[i]);
        else s += std::to_string(t.dims[i]);
    }
    return s + "]";
}

nlohmann::json tensors(const std::vector<analysis::TensorSummary>& ts) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& t : ts) a.push_back({{"name", t.name}, {"dtype", t.dtype}, {"shape", t.dims}, {"dim_params", t.dimParams}});
    return a;
}

std::string human(double v) {
    char b[32];
    if (v >= 1e9) std::snprintf(b, sizeof b, "%.2f G", v / 1e9);
    else if (v >= 1e6) std::snprintf(b, sizeof b, "%.2f M", v / 1e6);
    else if (v >= 1e3) std::snprintf(b, sizeof b, "%.1f k", v / 1e3);
    else std::snprintf(b, sizeof b, "%.0f ", v);
    return b;
}
}  // namespace

int inspectCommand(const InspectOptions& o) {
    auto imported = session::importModel(o.model, interrupt());
    if (!imported) return fail(imported.status());
    auto shapes = session::parseShapeSpecs(o.shapes);
    if (!shapes) return fail(shapes.status());
    // Symbolic height/width and no --shape: show what the file declares and what needs no shapes
    // (inputs, ops, parameters); MACs and layer shapes wait for --shape.
    const std::vector<std::string> symbolic = session::symbolicInputs(**imported);
    const bool inferred = symbolic.empty() || !shapes->empty();
    std::shared_ptr<ir::Graph> graph = *imported;
    // a model that fixes its batch has its shapes and MACs at that batch; another is refused
    int64_t batch = o.batch;
    if (auto fixed = session::fixedBatchOf(**imported)) {
        if (o.batchGiven && o.batch != fixed->batch) return fail(session::fixedBatchRefusal(o.model, *fixed, o.batch));
        batch = fixed->batch;
    }
    if (inferred) {
        session::LoadOptions lo{batch, interrupt(), {}};
        lo.shapes = *shapes;
        auto g = session::inferImported(**imported, o.model, lo);
        if (!g) return fail(g.status());
        graph = *g;
    }
    analysis::ModelSummary s = analysis::summarize(*graph, batch);
    std::string shapeHint;
    for (const auto& in : symbolic) shapeHint += (shapeHint.empty() ? "" : "; ") + in;

    if (o.json) {
        nlohmann::json j = {{"model", o.model}, {"graph_name", s.graphName}, {"producer", s.producer}, {"opset", s.opset},
                            {"ir_version", s.irVersion}, {"batch", s.batch}, {"inputs", tensors(s.inputs)}, {"outputs", tensors(s.outputs)},
                            {"op_histogram", s.opHistogram}, {"node_count", s.nodeCount}, {"param_count", s.paramCount},
                            {"param_bytes", s.paramBytes}, {"total_macs", inferred ? nlohmann::json(s.totalMacs) : nlohmann::json(nullptr)},
                            {"symbolic_inputs", symbolic}, {"shapes_inferred", inferred}, {"warnings", s.warnings}};
        j["layers"] = nlohmann::json::array();
        for (const auto& l : s.layers)
            j["layers"].push_back({{"name", l.name}, {"op", l.opType}, {"macs", l.macs}, {"params", l.paramCount}, {"output_shape", l.outputDims}});
        std::cout << j.dump() << "\n";
        return kExitOk;
    }
    std::cout << "model     " << o.model << "\n";
    std::cout << "graph     " << (s.graphName.empty() ? "(unnamed)" : s.graphName) << ", producer " << (s.producer.empty() ? "?" : s.producer)
              << ", opset " << s.opset << ", IR v" << s.irVersion << "\n";
    for (const auto& t : s.inputs) std::cout << "input     " << t.name << "  " << t.dtype << " " << dimsWithParams(t) << "\n";
    for (const auto& t : s.outputs) std::cout << "output    " << t.name << "  " << t.dtype << " " << dimsWithParams(t) << "\n";
    std::cout << "nodes     " << s.nodeCount << " (";
    bool first = true;
    for (const auto& [op, n] : s.opHistogram) {
        std::cout << (first ? "" : ", ") << op << " " << n;
        first = false;
    }
    std::cout << ")\n";
    std::cout << "params    " << s.paramCount << " (" << human(double(s.paramBytes)) << "B)\n";
    // shown, not refused: `run` refuses these sizes
    for (const auto& w : s.warnings) std::cout << "warning   " << w << "\n";
    if (!s.warnings.empty()) std::cout << "          no run can hold these sizes: `run` refuses this model\n";
    if (!inferred) {
        std::cout << "symbolic  " << shapeHint << "\n";
        std::cout << "MACs      unknown until the symbolic dimensions are fixed: give --shape NAME=D0,D1,... (e.g. for a data set's samples)\n";
        return kExitOk;
    }
    if (!symbolic.empty()) std::cout << "symbolic  " << shapeHint << ", fixed by --shape\n";
    std::cout << "MACs      " << human(double(s.totalMacs)) << " at batch " << s.batch << "\n\n";
    std::printf("%-40s %-20s %14s %10s  %s\n", "layer", "op", "MACs", "params", "output");
    for (const auto& l : s.layers) {
        if (l.macs == 0 && l.paramCount == 0) continue;
        std::printf("%-40s %-20s %14lld %10lld  %s\n", l.name.substr(0, 40).c_str(), l.opType.c_str(), (long long)l.macs,
                    (long long)l.paramCount, shapeToString(l.outputDims).c_str());
    }
    return kExitOk;
}

}  // namespace ql::cli
