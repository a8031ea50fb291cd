#!/usr/bin/python3
"""Export torchvision classifiers (random weights, no download) to ONNX for QuantLens.

usage: scripts/export_torchvision.py OUT_DIR [--opset 13] [--models resnet18,resnet50,resnet152,mobilenet_v2,densenet121,densenet201,inception_v3]
"""
import argparse, os
import torch, torchvision

SIZES = {"inception_v3": 299}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--opset", type=int, default=13)
    ap.add_argument("--models", default="resnet18,resnet50,resnet152,mobilenet_v2,densenet121,densenet201,inception_v3")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    torch.manual_seed(0)
    for name in a.models.split(","):
        kwargs = {"aux_logits": False, "init_weights": False} if name == "inception_v3" else {}
        model = getattr(torchvision.models, name)(weights=None, **kwargs).eval()
        size = SIZES.get(name, 224)
        path = os.path.join(a.out, f"{name}.onnx")
        torch.onnx.export(model, torch.randn(1, 3, size, size), path, opset_version=a.opset,
                          input_names=["input"], output_names=["logits"],
                          dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
        print(path, os.path.getsize(path) // 1024, "KiB")

if __name__ == "__main__":
    main()
