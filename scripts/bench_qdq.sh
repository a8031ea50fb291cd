#!/usr/bin/env bash
# A model PyTorch quantized itself (FX post-training quantization exported as QDQ ONNX:
# QuantizeLinear -> Cast -> DequantizeLinear around float convolutions) in QuantLens and in ONNX
# Runtime, on the same file in one run: QuantLens folds the pairs into its int8 kernels with the
# model's own scales. Prints reference-kernel steps, QuantLens FP32/INT8 medians and ORT's median.
# usage: scripts/bench_qdq.sh [threads=2] [repeats=30] [models=resnet18]
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS="${1:-2}"; REPEAT="${2:-30}"; MODELS="${3:-resnet18}"
CLI=build/app/cli/quantlens-cli
OUT=build/qdq_torch; mkdir -p "$OUT"
[ -x "$CLI" ] || scripts/setup.sh
dpkg -s python3-torchvision >/dev/null 2>&1 || apt-get install -y -qq python3-torch python3-torchvision python3-onnx >/dev/null
if [ ! -d build/ort/node_modules/onnxruntime-node ]; then
  (mkdir -p build/ort && cd build/ort && npm init -y >/dev/null && npm install --ignore-scripts onnxruntime-node@1 >/dev/null 2>&1)
fi
for m in ${MODELS//,/ }; do
  [ -f "$OUT/${m}_qdq.onnx" ] || /usr/bin/python3 scripts/export_torch_qdq.py "$OUT" --models "$m" >/dev/null
  f="$OUT/${m}_qdq.onnx"
  echo "=== $m (torch FX QDQ export, $(du -k "$f" | cut -f1) KiB)"
  "$CLI" profile "$f" --threads "$THREADS" --repeat "$REPEAT" | grep -E "^cpu|^== |^int8:|whole model|steps:|speed-up"
  NODE_PATH=build/ort/node_modules node scripts/ort_bench.js "$f" "$THREADS" "$REPEAT"
done
