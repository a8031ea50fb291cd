#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to QuantLens running on its bundled model and data
# set. Headless it prints the model summary, one run, the Fashion-MNIST accuracy in FP32 and
# INT8 and an FP32/INT8 per-layer profile, and writes them to build/report/ (summary.txt,
# profile.json, profile.csv).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
MODEL=resources/models/fashion_resnet.onnx
CLI=build/app/cli/quantlens-cli
LIMIT="${QL_EVAL_LIMIT:-2000}"
mkdir -p build/report
{
  "$CLI" inspect "$MODEL"
  echo
  "$CLI" run "$MODEL" --seed 1 --save-outputs build/report/outputs
  echo
  "$CLI" eval "$MODEL" --data /usr/share/datasets/fashion-mnist --limit "$LIMIT"
  "$CLI" eval "$MODEL" --data /usr/share/datasets/fashion-mnist --limit "$LIMIT" --executor planned --precision int8
  echo
  "$CLI" profile "$MODEL" --batch 16 --repeat 30 --json build/report/profile.json --csv build/report/profile.csv
} | tee build/report/summary.txt
echo "summary written to build/report/summary.txt"
