#include <cstdio>
#include <iostream>

#include "app/cli/cli_args.h"
#include "app/cli/commands.h"
#include "core/analysis/model_summary.h"
#include "core/util/json_writer.h"
#include "core/util/strings.h"
#include "importers/onnx/model_loader.h"

namespace ql::cli {

namespace {
std::string dimsWithParams(const analysis::TensorSummary& t) {
    std::string s = "[";
    for (size_t i = 0; i < t.dims.size(); ++i) {
        if (i) s += ",";
        if (i < t.dimParams.size() && !t.dimParams[i].empty()) s += t.dimParams[i] + "=" + std::to_string(t.dims[i]);
        else s += std::to_string(t.dims[i]);
    }
    return s + "]";
}

void writeTensors(JsonWriter& j, const char* key, const std::vector<analysis::TensorSummary>& ts) {
    j.key(key).beginArray();
    for (const auto& t : ts) {
        j.beginObject().field("name", t.name).field("dtype", t.dtype).key("shape").intArray(t.dims);
        j.key("dim_params").beginArray();
        for (const auto& p : t.dimParams) j.value(p);
        j.endArray().endObject();
    }
    j.endArray();
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

int inspectCommand(const std::vector<std::string>& argv) {
    auto args = Args::parse(argv, {"json"}, {"batch"});
    if (!args) return fail(args.status());
    if (args->positional().size() != 1) return fail(Status::error("inspect takes exactly one MODEL argument"));
    auto batch = args->getInt("batch", 1, 1, 1 << 16);
    if (!batch) return fail(batch.status());
    auto graph = onnx_io::loadModel(args->positional()[0], {*batch});
    if (!graph) return fail(graph.status());
    analysis::ModelSummary s = analysis::summarize(**graph, *batch);

    if (args->flag("json")) {
        JsonWriter j;
        j.beginObject().field("model", args->positional()[0]).field("graph_name", s.graphName).field("producer", s.producer);
        j.field("opset", s.opset).field("ir_version", s.irVersion).field("batch", s.batch);
        writeTensors(j, "inputs", s.inputs);
        writeTensors(j, "outputs", s.outputs);
        j.key("op_histogram").beginObject();
        for (const auto& [op, n] : s.opHistogram) j.field(op, n);
        j.endObject();
        j.field("node_count", s.nodeCount).field("param_count", s.paramCount).field("param_bytes", s.paramBytes);
        j.field("total_macs", s.totalMacs);
        j.key("layers").beginArray();
        for (const auto& l : s.layers)
            j.beginObject().field("name", l.name).field("op", l.opType).field("macs", l.macs).field("params", l.paramCount)
                .key("output_shape").intArray(l.outputDims).endObject();
        j.endArray().endObject();
        std::cout << j.str() << "\n";
        return kExitOk;
    }
    std::cout << "model     " << args->positional()[0] << "\n";
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
