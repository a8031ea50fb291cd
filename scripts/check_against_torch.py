#!/usr/bin/python3
"""Check quantlens-cli's reference executor against PyTorch on torchvision models.

Exports each model (random weights, seed 1), runs torch and `quantlens-cli run` on the same
random batch, and prints the largest absolute difference of the logits.
usage: scripts/check_against_torch.py [--models resnet18,mobilenet_v2] [--cli build/app/cli/quantlens-cli]
"""
import argparse, os, subprocess, sys, tempfile
import numpy as np, torch, torchvision

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="resnet18,mobilenet_v2")
    ap.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "..", "build", "app", "cli", "quantlens-cli"))
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
        path = os.path.join(work, name + ".onnx")
        torch.onnx.export(model, torch.from_numpy(x[:1]), path, opset_version=13, input_names=["input"],
                          output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
        with torch.no_grad():
            ref = model(torch.from_numpy(x)).numpy()
        out = os.path.join(work, "out_" + name)
        subprocess.run([a.cli, "run", path, "--input", "input=" + os.path.join(work, "x.npy"), "--save-outputs", out], check=True)
        got = np.load(os.path.join(out, "logits.npy"))
        diff = float(np.abs(got - ref).max())
        worst = max(worst, diff / max(1e-6, float(np.abs(ref).max())))
        print(f"{name}: max |quantlens - torch| = {diff:.3g} (max |logit| {np.abs(ref).max():.3g}), "
              f"same argmax: {bool((got.argmax(1) == ref.argmax(1)).all())}")
    sys.exit(0 if worst < 1e-4 else 1)

if __name__ == "__main__":
    main()
