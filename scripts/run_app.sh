#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to QuantLens running on its bundled model and data
# set. It prints the headless summary (model summary, one run, the Fashion-MNIST accuracy in FP32
# and INT8 and an FP32/INT8 per-layer profile, written to build/report/: summary.txt,
# profile.json, profile.csv and the self-contained report.html with charts), then starts the desktop app on the same model and data set. With
# a display the window stays open; without one ($DISPLAY empty) the same window runs under
# xvfb-run, runs FP32 vs INT8, saves build/report/quantlens.png and the app's own report
# (build/report/quantlens-report.html, with the accuracy) and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
MODEL=resources/models/fashion_resnet.onnx
DATA=/usr/share/datasets/fashion-mnist
CLI=build/app/cli/quantlens-cli
APP=build/app/gui/quantlens
LIMIT="${QL_EVAL_LIMIT:-2000}"
mkdir -p build/report
{
  "$CLI" inspect "$MODEL"
  echo
  "$CLI" run "$MODEL" --seed 1 --save-outputs build/report/outputs
  echo
  "$CLI" eval "$MODEL" --data "$DATA" --limit "$LIMIT"
  "$CLI" eval "$MODEL" --data "$DATA" --limit "$LIMIT" --executor planned --precision int8
  echo
  "$CLI" profile "$MODEL" --batch 16 --repeat 30 --json build/report/profile.json --csv build/report/profile.csv \
    --report build/report/report.html --force
} | tee build/report/summary.txt
echo "summary written to build/report/summary.txt"

if [ -n "${DISPLAY:-}" ]; then
  echo "starting the QuantLens window (Run > Run FP32 vs INT8, or Ctrl+R)"
  exec "$APP" "$MODEL" --dataset "$DATA"
fi
SHOT=build/report/quantlens.png
echo "no display: running the window under xvfb-run (run FP32 vs INT8, screenshot, quit)"
xvfb-run -a "$APP" "$MODEL" --dataset "$DATA" --run --report build/report/quantlens-report.html --force --screenshot "$SHOT" --quit
echo "screenshot written to $SHOT, reports to build/report/report.html and build/report/quantlens-report.html"
