#!/usr/bin/env bash
# Benchmarks the oneDNN engine on torchvision ResNet-18, ResNet-50 and MobileNet V2 (random
# weights, opset 13, batch 1) against the issue's targets, and ONNX Runtime's CPU provider on
# the same files. Prints figures; never fails on a missed target (the note says what missed).
# usage: scripts/bench_zoo.sh [threads=2] [repeats=30]
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS="${1:-2}"; REPEAT="${2:-30}"
ZOO=build/zoo; mkdir -p "$ZOO" build/bench
CLI=build/app/cli/quantlens-cli
[ -x "$CLI" ] || scripts/setup.sh
if [ ! -f "$ZOO/mobilenet_v2.onnx" ]; then
  dpkg -s python3-torchvision >/dev/null 2>&1 || apt-get install -y -qq python3-torch python3-torchvision python3-onnx >/dev/null
  /usr/bin/python3 scripts/export_torchvision.py "$ZOO" --models resnet18,resnet50,mobilenet_v2
fi
if command -v node >/dev/null && [ ! -d build/ort/node_modules/onnxruntime-node ]; then
  (mkdir -p build/ort && cd build/ort && npm init -y >/dev/null && npm install --ignore-scripts onnxruntime-node@1 >/dev/null 2>&1) || true
fi
for m in resnet18 resnet50 mobilenet_v2; do
  echo "=== $m"
  "$CLI" profile "$ZOO/$m.onnx" --threads "$THREADS" --repeat "$REPEAT" --json "build/bench/$m.json" --csv "build/bench/$m.csv" |
    grep -E "^cpu|^== |whole model|sum of per-layer|memory:|steps:|speed-up|^output"
  if [ -d build/ort/node_modules/onnxruntime-node ]; then
    NODE_PATH=build/ort/node_modules node scripts/ort_bench.js "$ZOO/$m.onnx" "$THREADS" "$REPEAT" || true
  fi
done
echo "=== eager vs planned (resnet18, fp32)"
"$CLI" profile "$ZOO/resnet18.onnx" --precision fp32 --executor eager --threads "$THREADS" --repeat 10 | grep -E "whole model|sum of per-layer"
