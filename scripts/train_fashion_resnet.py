#!/usr/bin/python3
"""Train QuantLens' bundled model: a small ResNet-style CNN on Fashion-MNIST.

Uses Debian's python3-torch and the IDX files of Debian's dataset-fashion-mnist.
BatchNormalization and the residual Adds stay separate nodes in the ONNX export
(TrainingMode.PRESERVE skips torch's eval-mode Conv+BN folding), so QuantLens'
fusion passes have real work. Writes the model and a JSON card with seed and figures.

usage: scripts/train_fashion_resnet.py [--epochs 6] [--seed 1] [--out resources/models]
"""
import argparse, gzip, json, os, struct, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"

def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)

# Normalisation baked into the card so QuantLens' data loader applies the same.
MEAN, STD = 0.2860, 0.3530

class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.short = None
        if stride != 1 or cin != cout:
            self.short = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        s = x if self.short is None else self.short(x)
        return F.relu(y + s)

class FashionResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.layer1 = Block(16, 16, 1)
        self.layer2 = Block(16, 32, 2)
        self.layer3 = Block(32, 64, 2)
        self.fc = nn.Linear(64, 10)
    def forward(self, x):
        x = self.layer3(self.layer2(self.layer1(self.stem(x))))
        x = F.adaptive_avg_pool2d(x, 1)
        return self.fc(torch.flatten(x, 1))

def to_tensor(images):
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    return (x - MEAN) / STD

def evaluate(model, x, y):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            correct += (model(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item()
    return correct / len(x)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "resources", "models"))
    args = ap.parse_args()
    torch.manual_seed(args.seed); np.random.seed(args.seed)
    torch.set_num_threads(os.cpu_count() or 1)
    xtr = to_tensor(read_idx(f"{DATA}/train-images-idx3-ubyte.gz"))
    ytr = torch.from_numpy(read_idx(f"{DATA}/train-labels-idx1-ubyte.gz").astype(np.int64))
    xte = to_tensor(read_idx(f"{DATA}/t10k-images-idx3-ubyte.gz"))
    yte = torch.from_numpy(read_idx(f"{DATA}/t10k-labels-idx1-ubyte.gz").astype(np.int64))
    model = FashionResNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)
    steps = args.epochs * (len(xtr) // 128)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=steps)
    t0 = time.time()
    for epoch in range(args.epochs):
        model.train()
        perm = torch.randperm(len(xtr))
        for i in range(0, len(xtr) - 127, 128):
            idx = perm[i:i + 128]
            xb = xtr[idx]
            if torch.rand(1).item() < 0.5:  # cheap augmentation: horizontal flip
                xb = xb.flip(3)
            loss = F.cross_entropy(model(xb), ytr[idx])
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        acc = evaluate(model, xte, yte)
        print(f"epoch {epoch + 1}/{args.epochs} loss {loss.item():.3f} test top-1 {acc:.4f} ({time.time() - t0:.0f}s)", flush=True)
    model.eval()
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "fashion_resnet.onnx")
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28), path, opset_version=13,
                      input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
                      training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    card = {"model": "fashion_resnet.onnx", "seed": args.seed, "epochs": args.epochs,
            "test_top1": round(acc, 4), "train_seconds": round(time.time() - t0),
            "torch": torch.__version__, "input": "1x1x28x28 float, (pixel/255 - mean)/std",
            "mean": MEAN, "std": STD, "dataset": DATA,
            "classes": ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]}
    with open(os.path.join(args.out, "fashion_resnet.json"), "w") as f:
        json.dump(card, f, indent=2)
    print(json.dumps(card))

if __name__ == "__main__":
    main()
