#!/usr/bin/env python3
"""Regenerates dynamic_hw.onnx (a tiny CNN exported by torch with symbolic batch, height and
width) and a reference input/output pair torch computed, for the dynamic-shape tests:
    /usr/bin/python3 tests/models/make_dynamic_hw.py   (python3-torch, python3-onnx from apt)"""
import pathlib

import numpy as np
import torch

here = pathlib.Path(__file__).resolve().parent
torch.manual_seed(0)


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.c2 = torch.nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.fc = torch.nn.Linear(16, 5)

    def forward(self, x):
        x = torch.relu(self.c1(x))
        x = torch.relu(self.c2(x))
        return self.fc(torch.nn.functional.adaptive_avg_pool2d(x, 1).flatten(1))


model = Net().eval()
torch.onnx.export(model, torch.randn(1, 3, 48, 192), str(here / "dynamic_hw.onnx"), input_names=["x"], output_names=["logits"],
                  opset_version=13, dynamic_axes={"x": {0: "batch", 2: "height", 3: "width"}, "logits": {0: "batch"}})
x = torch.randn(2, 3, 12, 20)  # a shape the export never saw
with torch.no_grad():
    y = model(x)
np.save(here / "dynamic_hw_input.npy", x.numpy().astype(np.float32))
np.save(here / "dynamic_hw_logits.npy", y.numpy().astype(np.float32))
