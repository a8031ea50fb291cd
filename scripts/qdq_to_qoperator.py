#!/usr/bin/env python3
"""Rewrites a QDQ ONNX model into the QOperator form ONNX Runtime's quantizer also writes: each
DequantizeLinear -> Conv [-> Relu] -> QuantizeLinear (weights behind their own Q/DQ or int8
initializers) becomes one QLinearConv with int8 weights, its own scales and an int32 bias; Add
[-> Relu] and GlobalAveragePool between DequantizeLinear and QuantizeLinear become ONNX Runtime's
com.microsoft QLinearAdd and QLinearGlobalAveragePool. What is left (MaxPool, the final Gemm)
stays in QDQ form. Used to test QuantLens on QOperator models against ONNX
Runtime on the same file (scripts/check_prequantized.sh).

usage: scripts/qdq_to_qoperator.py IN.onnx OUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper


def main(src, dst):
    m = onnx.load(src)
    g = m.graph
    consts = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    for n in g.node:
        if n.op_type == "Constant":
            consts[n.output[0]] = numpy_helper.to_array(n.attribute[0].t)
    producer = {o: n for n in g.node for o in n.output}
    consumers = {}
    for n in g.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)

    def const(name):
        """The constant behind name, seen through Identity, or None."""
        while name not in consts and name in producer and producer[name].op_type == "Identity":
            name = producer[name].input[0]
        return consts.get(name)

    def quantized_weight(name):
        """int8 weights, scale, zero point of a DequantizeLinear on a constant (through Q / Cast)."""
        dq = producer.get(name)
        if dq is None or dq.op_type != "DequantizeLinear":
            return None
        scale, zp = const(dq.input[1]), const(dq.input[2]) if len(dq.input) > 2 else None
        src = dq.input[0]
        if const(src) is not None:
            return const(src), scale, zp
        node = producer.get(src)
        if node is not None and node.op_type == "Cast":
            node = producer.get(node.input[0])
        if node is None or node.op_type != "QuantizeLinear" or const(node.input[0]) is None:
            return None
        w = const(node.input[0])
        axis = next((a.i for a in dq.attribute if a.name == "axis"), 1)
        shape = [1] * w.ndim
        shape[axis] = -1
        s, z = scale.reshape(shape) if scale.size > 1 else scale, zp.reshape(shape) if zp.size > 1 else zp
        info = np.iinfo(zp.dtype)
        return np.clip(np.rint(w / s) + z.astype(np.int32), info.min, info.max).astype(zp.dtype), scale, zp

    new_inits, drop, added = [], set(), []
    for conv in list(g.node):
        if conv.op_type != "Conv":
            continue
        dq_x = producer.get(conv.input[0])
        w = quantized_weight(conv.input[1])
        if dq_x is None or dq_x.op_type != "DequantizeLinear" or w is None:
            continue
        users = consumers.get(conv.output[0], [])
        relu = users[0] if len(users) == 1 and users[0].op_type == "Relu" else None
        after = consumers.get(relu.output[0], []) if relu else users
        if len(after) != 1 or after[0].op_type != "QuantizeLinear":
            continue
        q = after[0]
        ys, yzp = const(q.input[1]), const(q.input[2])
        if relu is not None and int(yzp) != 0:
            continue  # the u8 saturation at the zero point is the ReLU only when that is 0
        xs = const(dq_x.input[1])
        wq, ws, wzp = w
        name = conv.name or conv.output[0]
        inputs = [dq_x.input[0], dq_x.input[1], dq_x.input[2]]
        for suffix, arr in (("w", wq), ("w_scale", ws), ("w_zero_point", wzp)):
            new_inits.append(numpy_helper.from_array(np.asarray(arr), f"{name}.{suffix}"))
            inputs.append(f"{name}.{suffix}")
        inputs += [q.input[1], q.input[2]]
        if len(conv.input) > 2 and conv.input[2]:
            b = const(conv.input[2]).astype(np.float64)
            bq = np.rint(b / (float(xs) * ws.astype(np.float64))).astype(np.int32)
            new_inits.append(numpy_helper.from_array(bq, f"{name}.bias_int32"))
            inputs.append(f"{name}.bias_int32")
        added.append((conv, helper.make_node("QLinearConv", inputs, [q.output[0]], name=name + "_quant",
                                             **{a.name: helper.get_attribute_value(a) for a in conv.attribute})))
        drop.update(id(n) for n in (conv, relu, q) if n is not None)

    # ONNX Runtime's com.microsoft QLinearAdd / QLinearGlobalAveragePool for what is left between
    # DequantizeLinear and QuantizeLinear (a ReLU after the Add folds only when y's zero point is 0)
    for op in list(g.node):
        if op.op_type not in ("Add", "GlobalAveragePool") or id(op) in drop:
            continue
        dqs = [producer.get(i) for i in op.input]
        if not all(d is not None and d.op_type == "DequantizeLinear" and const(d.input[1]) is not None and const(d.input[1]).size == 1 for d in dqs):
            continue
        users = consumers.get(op.output[0], [])
        relu = users[0] if len(users) == 1 and users[0].op_type == "Relu" else None
        after = consumers.get(relu.output[0], []) if relu else users
        if len(after) != 1 or after[0].op_type != "QuantizeLinear" or (relu is not None and int(const(after[0].input[2])) != 0):
            continue
        q = after[0]
        inputs = [x for d in dqs for x in (d.input[0], d.input[1], d.input[2])] + [q.input[1], q.input[2]]
        kind = "QLinearAdd" if op.op_type == "Add" else "QLinearGlobalAveragePool"
        attrs = {"channels_last": 0} if kind == "QLinearGlobalAveragePool" else {}
        added.append((op, helper.make_node(kind, inputs, [q.output[0]], name=(op.name or op.output[0]) + "_quant", domain="com.microsoft", **attrs)))
        drop.update(id(n) for n in (op, relu, q) if n is not None)
    if any(qn.domain == "com.microsoft" for _, qn in added):
        m.opset_import.append(helper.make_opsetid("com.microsoft", 1))

    nodes = []
    for n in g.node:
        for conv, qn in added:
            if n is conv:
                nodes.append(qn)
        if id(n) not in drop:
            nodes.append(n)
    # drop what nothing reads any more (the weights' Q/DQ chains, unused DequantizeLinear)
    outputs = {o.name for o in g.output}
    while True:
        used = {i for n in nodes for i in n.input} | outputs
        kept = [n for n in nodes if any(o in used for o in n.output)]
        if len(kept) == len(nodes):
            break
        nodes = kept
    del g.node[:]
    g.node.extend(nodes)
    used = {i for n in nodes for i in n.input}
    inits = [i for i in g.initializer if i.name in used] + new_inits
    del g.initializer[:]
    g.initializer.extend(inits)
    onnx.checker.check_model(m)  # (com.microsoft nodes are not checked: the checker has no schema for them)
    onnx.save(m, dst)
    kinds = {}
    for _, qn in added:
        kinds[qn.op_type] = kinds.get(qn.op_type, 0) + 1
    print(f"{dst}: {', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))}, {len(nodes)} nodes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
