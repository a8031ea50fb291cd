#include "app/gui/node_description.h"

#include <QCoreApplication>
#include <cmath>
#include <sstream>
#include <variant>

namespace ql::gui {
namespace {

// Inspector labels: translated (context "NodeDescription"); names, ops and dims stay as they are.
std::string tx(const char* source) { return QCoreApplication::translate("NodeDescription", source).toStdString(); }

std::string num(double v) {
    std::ostringstream s;
    s.precision(5);
    s << v;
    return s.str();
}

template <typename T>
std::string list(const std::vector<T>& v, size_t maxItems = 16) {
    std::ostringstream s;
    s << '[';
    for (size_t i = 0; i < v.size() && i < maxItems; ++i) {
        if (i) s << ", ";
        if constexpr (std::is_same_v<T, float>) s << num(v[i]); else s << v[i];
    }
    if (v.size() > maxItems) s << ", ... (" << v.size() << ")";
    s << ']';
    return s.str();
}

std::string attributeText(const ir::Attribute& a) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, int64_t>) return std::to_string(v);
            else if constexpr (std::is_same_v<T, float>) return num(v);
            else if constexpr (std::is_same_v<T, std::string>) return '"' + v + '"';
            else if constexpr (std::is_same_v<T, ir::Tensor>) return "tensor " + std::string(ir::dtypeName(v.dtype())) + " " + formatDims(v.dims());
            else return list(v);
        },
        a);
}

PropertyRow valueRow(const ir::Graph& g, ir::ValueId id, const std::string& slot) {
    if (!id.valid()) return {slot, tx(QT_TRANSLATE_NOOP("NodeDescription", "(omitted)")), {}};
    const ir::Value& v = g.value(id);
    std::string text = std::string(ir::dtypeName(v.dtype)) + " " + (v.shapeKnown || !v.dims.empty() ? formatDims(v.dims) : "?");
    if (v.constant) text += "  " + tx(QT_TRANSLATE_NOOP("NodeDescription", "constant"));
    PropertyRow row{slot + ": " + v.name, text, {}};
    if (v.quant) row.children.push_back({tx(QT_TRANSLATE_NOOP("NodeDescription", "quantization")), tx(QT_TRANSLATE_NOOP("NodeDescription", "present")), {}});
    return row;
}

}  // namespace

std::string formatDims(const ir::Dims& dims) {
    std::ostringstream s;
    s << '[';
    for (size_t i = 0; i < dims.size(); ++i) s << (i ? "x" : "") << (dims[i] < 0 ? std::string("?") : std::to_string(dims[i]));
    s << ']';
    return s.str();
}

WeightStats weightStats(const ir::Tensor& t) {
    WeightStats s;
    s.count = t.numel();
    if (s.count == 0) return s;
    double sum = 0, sumSq = 0;
    s.min = s.max = t.getAsDouble(0);
    for (int64_t i = 0; i < s.count; ++i) {
        const double x = t.getAsDouble(i);
        s.min = std::min(s.min, x);
        s.max = std::max(s.max, x);
        sum += x;
        sumSq += x * x;
    }
    s.mean = sum / double(s.count);
    s.stddev = std::sqrt(std::max(0.0, sumSq / double(s.count) - s.mean * s.mean));
    return s;
}

PropertyRow describeNode(const ir::Graph& g, ir::NodeId id) {
    PropertyRow root;
    if (!id.valid()) return root;
    const ir::Node& n = g.node(id);
    PropertyRow node{tx(QT_TRANSLATE_NOOP("NodeDescription", "Node")), n.name, {}};
    node.children.push_back({tx(QT_TRANSLATE_NOOP("NodeDescription", "op")), n.domain.empty() ? n.opType : n.domain + "." + n.opType, {}});
    node.children.push_back({"id", std::to_string(id.v), {}});
    if (!(n.fusedFrom.size() == 1 && n.fusedFrom[0] == id)) {
        PropertyRow from{tx(QT_TRANSLATE_NOOP("NodeDescription", "fused from")), QCoreApplication::translate("NodeDescription", "%n node(s)", nullptr, int(n.fusedFrom.size())).toStdString(), {}};
        // Ids are never reused and removed nodes stay as tombstones, so `g` still knows them.
        for (ir::NodeId f : n.fusedFrom)
            from.children.push_back({std::to_string(f.v), f.valid() ? g.node(f).name + " (" + g.node(f).opType + ")" : "?", {}});
        node.children.push_back(std::move(from));
    }
    root.children.push_back(std::move(node));

    PropertyRow attrs{tx(QT_TRANSLATE_NOOP("NodeDescription", "Attributes")), std::to_string(n.attrs.all().size()), {}};
    for (const auto& [k, v] : n.attrs.all()) attrs.children.push_back({k, attributeText(v), {}});
    root.children.push_back(std::move(attrs));

    PropertyRow ins{tx(QT_TRANSLATE_NOOP("NodeDescription", "Inputs")), std::to_string(n.inputs.size()), {}}, outs{tx(QT_TRANSLATE_NOOP("NodeDescription", "Outputs")), std::to_string(n.outputs.size()), {}};
    for (size_t i = 0; i < n.inputs.size(); ++i) ins.children.push_back(valueRow(g, n.inputs[i], std::to_string(i)));
    for (size_t i = 0; i < n.outputs.size(); ++i) outs.children.push_back(valueRow(g, n.outputs[i], std::to_string(i)));
    root.children.push_back(std::move(ins));
    root.children.push_back(std::move(outs));

    PropertyRow weights{tx(QT_TRANSLATE_NOOP("NodeDescription", "Weights")), "", {}};
    int64_t bytes = 0;
    for (ir::ValueId vid : n.inputs) {
        if (!vid.valid() || !g.value(vid).constant) continue;
        const ir::Value& v = g.value(vid);
        const ir::Tensor& t = *v.constant;
        const WeightStats s = weightStats(t);
        bytes += int64_t(t.byteSize());
        weights.children.push_back({v.name, std::string(ir::dtypeName(t.dtype())) + " " + formatDims(t.dims()),
                                    {{tx(QT_TRANSLATE_NOOP("NodeDescription", "min")), num(s.min), {}},
                                     {tx(QT_TRANSLATE_NOOP("NodeDescription", "max")), num(s.max), {}},
                                     {tx(QT_TRANSLATE_NOOP("NodeDescription", "mean")), num(s.mean), {}},
                                     {tx(QT_TRANSLATE_NOOP("NodeDescription", "std")), num(s.stddev), {}},
                                     {tx(QT_TRANSLATE_NOOP("NodeDescription", "elements")), std::to_string(s.count), {}},
                                     {tx(QT_TRANSLATE_NOOP("NodeDescription", "bytes")), std::to_string(t.byteSize()), {}}}});
    }
    weights.value = QCoreApplication::translate("NodeDescription", "%n tensor(s), %1 bytes", nullptr, int(weights.children.size())).arg(bytes).toStdString();
    root.children.push_back(std::move(weights));
    return root;
}

}  // namespace ql::gui
