#!/usr/bin/env bash
# The QDQ export checked by another runtime: for each calibration method, `quantlens-cli
# quantize` writes the bundled model as QDQ, and ONNX Runtime (npm onnxruntime-node, installed
# with --ignore-scripts into build/ort) evaluates it and the float model on the full Fashion-MNIST
# test split. Prints top-1 per model and the difference to FP32; exits 1 if one is over 0.3 points.
# usage: scripts/check_qdq_export.sh [limit=0 (all 10k)]
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT="${1:-0}"
CLI=build/app/cli/quantlens-cli
MODEL=resources/models/fashion_resnet.onnx
DATA=/usr/share/datasets/fashion-mnist
OUT=build/qdq; mkdir -p "$OUT"
[ -x "$CLI" ] || scripts/setup.sh
if [ ! -d build/ort/node_modules/onnxruntime-node ]; then
  command -v npm >/dev/null || apt-get install -y -qq npm >/dev/null
  (mkdir -p build/ort && cd build/ort && npm init -y >/dev/null && npm install --ignore-scripts onnxruntime-node@1 >/dev/null 2>&1)
fi
export NODE_PATH=build/ort/node_modules
fp32=$(node scripts/ort_eval.js "$MODEL" "$DATA" t10k "$LIMIT")
echo "$fp32"
base=$(sed -E 's/.*top-1 ([0-9.]+)%.*/\1/' <<< "$fp32")
status=0
for method in minmax entropy percentile mse; do
  q="$OUT/fashion_resnet_$method.onnx"
  "$CLI" quantize "$MODEL" --method "$method" -o "$q" --force | grep -E "^wrote"
  cp resources/models/fashion_resnet.json "${q%.onnx}.json"   # the model card: normalisation
  line=$(node scripts/ort_eval.js "$q" "$DATA" t10k "$LIMIT")
  top1=$(sed -E 's/.*top-1 ([0-9.]+)%.*/\1/' <<< "$line")
  delta=$(awk -v a="$top1" -v b="$base" 'BEGIN { printf "%+.2f", a - b }')
  echo "$line   ($method, $delta points vs FP32)"
  awk -v d="$delta" 'BEGIN { exit (d < -0.3 || d > 0.3) ? 1 : 0 }' || { echo "  over 0.3 points"; status=1; }
done
exit $status
