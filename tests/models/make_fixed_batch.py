#!/usr/bin/env python3
"""Regenerates fixed_batch2.onnx: a tiny CNN on 1x28x28 images exported by torch without
dynamic_axes, so its input declares batch 2 ([2,1,28,28]), as many exported models do. The app
and the CLI must run it at batch 2 only, and say so:
    /usr/bin/python3 tests/models/make_fixed_batch.py   (python3-torch, python3-onnx from apt)"""
import pathlib

import torch

here = pathlib.Path(__file__).resolve().parent
torch.manual_seed(0)


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = torch.nn.Conv2d(1, 8, 3, padding=1)
        self.fc = torch.nn.Linear(8, 10)

    def forward(self, x):
        x = torch.relu(self.c1(x))
        return self.fc(torch.nn.functional.adaptive_avg_pool2d(x, 1).flatten(1))


torch.onnx.export(Net().eval(), torch.randn(2, 1, 28, 28), str(here / "fixed_batch2.onnx"), input_names=["input"],
                  output_names=["logits"], opset_version=13)
