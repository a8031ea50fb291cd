#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to QuantLens running on its bundled model and data
# set. Headless (no display, or --headless) it prints the model summary, one run and the
# Fashion-MNIST accuracy, and writes them to build/report/summary.txt.
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
} | tee build/report/summary.txt
echo "summary written to build/report/summary.txt"
