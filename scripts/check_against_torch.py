#!/usr/bin/python3
"""Check quantlens-cli against PyTorch on torchvision models.

Exports each model (random weights, seed 1), runs torch and `quantlens-cli run` (the reference
executor, and the planned oneDNN executor on the fused graph) on the same random batch, and
prints the largest difference of the logits relative to the largest logit. With --keep-bn the
export keeps BatchNormalization as nodes (torch folds it by default): the script then also
counts them in the ONNX file and among the steps QuantLens runs after its fusion passes, so it
checks that every foldable BN disappears and the fused outputs match the unfused model.
usage: scripts/check_against_torch.py [--models resnet18,mobilenet_v2] [--keep-bn] [--cli build/app/cli/quantlens-cli]
"""
import argparse, json, os, subprocess, sys, tempfile
import onnx
import numpy as np, torch, torchvision

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="resnet18,mobilenet_v2")
    ap.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "build", "app", "cli", "quantlens-cli"))
    ap.add_argument("--keep-bn", action="store_true", help="export with BatchNormalization nodes kept")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="ql-torch-check-")
    worst = 0.0
    for name in a.models.split(","):
        size = 299 if name == "inception_v3" else 224
        x = np.random.default_rng(0).standard_normal((2, 3, size, size), dtype=np.float32)
        np.save(os.path.join(work, "x.npy"), x)
        torch.manual_seed(1)
        kwargs = {"aux_logits": False, "init_weights": True} if name == "inception_v3" else {}
        model = getattr(torchvision.models, name)(weights=None, **kwargs).eval()
        if a.keep_bn:  # non-trivial statistics, so folding them has something to get wrong
            g = torch.Generator().manual_seed(2)
            for m in model.modules():
                if isinstance(m, torch.nn.BatchNorm2d):
                    c = m.num_features
                    m.weight.data = 0.5 + torch.rand(c, generator=g)
                    m.bias.data = 0.1 * torch.randn(c, generator=g)
                    m.running_mean = 0.1 * torch.randn(c, generator=g)
                    m.running_var = 0.5 + torch.rand(c, generator=g)
        path = os.path.join(work, name + ".onnx")
        extra = {"training": torch.onnx.TrainingMode.PRESERVE, "do_constant_folding": False} if a.keep_bn else {}
        torch.onnx.export(model, torch.from_numpy(x[:1]), path, opset_version=13, input_names=["input"],
                          output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, **extra)
        graph = onnx.load(path).graph
        producer = {o: n for n in graph.node for o in n.output}
        readers = {}
        for n in graph.node:
            for i in n.input:
                readers[i] = readers.get(i, 0) + 1
        bns = [n for n in graph.node if n.op_type == "BatchNormalization"]
        bn_in_file = len(bns)
        # foldable: straight after a Conv whose output nothing else reads (pre-activation BN, as in
        # DenseNet, follows a concat and has no conv to fold into)
        foldable = sum(1 for n in bns if n.input[0] in producer and producer[n.input[0]].op_type == "Conv" and readers.get(n.input[0]) == 1)
        prof = os.path.join(work, name + "_profile.json")
        subprocess.run([a.cli, "profile", path, "--precision", "fp32", "--repeat", "1", "--warmup", "0", "--json", prof, "--force"],
                       check=True, stdout=subprocess.DEVNULL)
        bn_run = sum(l["op"] == "BatchNormalization" for r in json.load(open(prof))["results"] for l in r["layers"])
        if a.keep_bn:
            print(f"{name}: {bn_in_file} BatchNormalization node(s) in the ONNX file, {foldable} of them foldable into their Conv; "
                  f"{bn_run} left after QuantLens' fusion passes")
            if bn_run > bn_in_file - foldable:  # the rest may also go (DenseNet pre-activation BN as a depthwise conv)
                worst = float("inf")
        with torch.no_grad():
            ref = model(torch.from_numpy(x)).numpy()
        for executor in ("reference", "planned"):
            out = os.path.join(work, f"out_{name}_{executor}")
            subprocess.run([a.cli, "run", path, "--executor", executor, "--input", "input=" + os.path.join(work, "x.npy"),
                            "--save-outputs", out], check=True, stdout=subprocess.DEVNULL)
            got = np.load(os.path.join(out, "logits.npy"))
            diff = float(np.abs(got - ref).max())
            rel = diff / max(1e-6, float(np.abs(ref).max()))
            worst = max(worst, rel)
            print(f"{name} ({executor}): max |quantlens - torch| = {diff:.3g}, relative {rel:.2g} (max |logit| {np.abs(ref).max():.3g}), "
                  f"same argmax: {bool((got.argmax(1) == ref.argmax(1)).all())}")
    sys.exit(0 if worst < 1e-4 else 1)

if __name__ == "__main__":
    main()
