#include "core/runtime/reference_executor.h"

#include <chrono>


#include "kernels/reference/evaluate_node.h"

namespace ql::runtime {

Expected<std::unique_ptr<ReferenceExecutor>> ReferenceExecutor::create(std::shared_ptr<const ir::Graph> graph) {
    QL_TRY(graph->verify());
    auto order = graph->topologicalOrder();
    if (!order) return order.status();
    auto e = std::unique_ptr<ReferenceExecutor>(new ReferenceExecutor);
    e->graph_ = std::move(graph);
    e->order_ = std::move(order).value();
    e->useCount_.assign(e->graph_->valueCount(), 0);
    for (ir::NodeId id : e->order_)
        for (ir::ValueId in : e->graph_->node(id).inputs)
            if (in.valid()) ++e->useCount_[size_t(in.v)];
    for (ir::ValueId out : e->graph_->outputs) ++e->useCount_[size_t(out.v)];
    return e;
}

Expected<TensorMap> ReferenceExecutor::run(const TensorMap& inputs, const RunOptions& options) {
    const ir::Graph& g = *graph_;
    QL_TRY(checkInputs(g, inputs));
    std::vector<ir::Tensor> live(g.valueCount());
    std::vector<int> remaining = useCount_;
    for (ir::ValueId id : g.inputs) live[size_t(id.v)] = inputs.at(g.value(id).name);
    std::vector<const ir::Tensor*> ins;
    std::vector<ir::Tensor> outs;
    for (ir::NodeId nid : order_) {
        if (options.cancel.isCancelled()) return Status::cancelled();
        const ir::Node& node = g.node(nid);
        ins.assign(node.inputs.size(), nullptr);
        for (size_t i = 0; i < node.inputs.size(); ++i) {
            ir::ValueId v = node.inputs[i];
            if (!v.valid()) continue;
            const ir::Value& val = g.value(v);
            ins[i] = val.constant ? &*val.constant : &live[size_t(v.v)];
            if (ins[i]->empty()) return Status::error(node.label() + ": input '" + val.name + "' has no value");
        }
        auto t0 = std::chrono::steady_clock::now();
        QL_TRY(kernels::evaluateNode(node, g.opsetVersion, ins, outs));
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (options.hooks.onNodeTimed) options.hooks.onNodeTimed(node, ms);
        if (options.onStepTimed) options.onStepTimed(size_t(&nid - order_.data()), ms);
        if (options.hooks.onNodeOutputs) options.hooks.onNodeOutputs(node, outs);
        for (size_t i = 0; i < node.outputs.size() && i < outs.size(); ++i)
            if (node.outputs[i].valid()) live[size_t(node.outputs[i].v)] = std::move(outs[i]);
        for (ir::ValueId v : node.inputs)  // release what no later node needs
            if (v.valid() && --remaining[size_t(v.v)] == 0) live[size_t(v.v)] = ir::Tensor{};
    }
    TensorMap result;
    for (ir::ValueId out : g.outputs) {
        const ir::Value& v = g.value(out);
        result[v.name] = v.constant ? *v.constant : live[size_t(out.v)];
    }
    return result;
}

}  // namespace ql::runtime

namespace ql::runtime {

std::vector<StepInfo> ReferenceExecutor::steps() const {
    std::vector<StepInfo> v;
    for (ir::NodeId id : order_) {
        const ir::Node& n = graph_->node(id);
        StepInfo s = stepInfoFor(*graph_, n);
        s.format = "plain";
        if (!n.outputs.empty() && n.outputs[0].valid()) {
            const ir::Value& v0 = graph_->value(n.outputs[0]);
            s.dtype = std::string(dtypeName(v0.dtype));
            if (v0.shapeKnown) s.outputBytes = ir::elementCount(v0.dims) * int64_t(dtypeSize(v0.dtype));
        }
        for (ir::ValueId in : n.inputs)
            if (in.valid() && graph_->value(in).constant) s.weightBytes += int64_t(graph_->value(in).constant->byteSize());
        v.push_back(std::move(s));
    }
    return v;
}

}  // namespace ql::runtime
