#!/usr/bin/env bash
# Benchmarks the oneDNN engine on the study models (torchvision, random weights, opset 13,
# batch 1): QuantLens FP32 and INT8 medians, ONNX Runtime's CPU provider on the same files, the
# speed-ups, and the INT8 plan's inserted conversions and reference fallbacks, as one table.
# Then this CPU's MAC peaks (tests/bench/mac_peak.cpp). Prints figures; never fails on a missed
# target. Timings on a shared machine drift by 10-20 % within minutes, so each model is measured in
# ROUNDS rounds (default 3) alternating QuantLens and ORT (ORT first, then QuantLens first, ...);
# QuantLens itself alternates FP32 and INT8 run by run. Each median pools every round's runs.
# usage: scripts/bench_zoo.sh [threads=2] [repeats=30 per side] [models dir=/work/models, else build/zoo]
#   QL_BENCH_ARGS="--max-isa avx2" scripts/bench_zoo.sh   extra `profile` options for QuantLens'
#   runs (ORT's column stays ORT at its own ISA); each run also measures the MAC peaks (--peak).
#   MODELS="resnet18 mobilenet_v2" scripts/bench_zoo.sh   only these models
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS="${1:-2}"; REPEAT="${2:-30}"; ROUNDS="${ROUNDS:-3}"
ZOO="${3:-/work/models}"
MODELS="${MODELS:-resnet18 resnet50 resnet152 inception_v3 densenet121 densenet201 mobilenet_v2}"
CLI=build/app/cli/quantlens-cli
PEAK=build/tests/bench/ql_mac_peak
OUT=build/bench; mkdir -p "$OUT"
[ -x "$CLI" ] || scripts/setup.sh
if [ ! -d "$ZOO" ] || [ -z "$(ls "$ZOO"/*.onnx 2>/dev/null)" ]; then
  ZOO=build/zoo; mkdir -p "$ZOO"
  dpkg -s python3-torchvision >/dev/null 2>&1 || apt-get install -y -qq python3-torch python3-torchvision python3-onnx >/dev/null
  /usr/bin/python3 scripts/export_torchvision.py "$ZOO" --models resnet18,resnet50,mobilenet_v2,densenet121,inception_v3
fi
if command -v node >/dev/null && [ ! -d build/ort/node_modules/onnxruntime-node ]; then
  (mkdir -p build/ort && cd build/ort && npm init -y >/dev/null && npm install --ignore-scripts onnxruntime-node@1 >/dev/null 2>&1) || true
fi

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), threads $THREADS, repeats $REPEAT${QL_BENCH_ARGS:+, QuantLens options $QL_BENCH_ARGS}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# field N of the line after "== PRECISION ==" that matches PATTERN
field() { awk -v sec="== $2 ==" -v pat="$3" -v n="$4" '$0 == sec {s = 1; next} /^== / {s = 0} s && $0 ~ pat {print $n; exit}' "$1"; }
# One round of model $m (round $r of $ROUNDS, $per runs): QuantLens (each round also measures the
# MAC peaks, about a second) and ORT, whose samples accumulate in $OUT/$m.ort_samples.
ql_round() {
  # shellcheck disable=SC2086  # QL_BENCH_ARGS is a list of options
  "$CLI" profile "$model" --threads "$THREADS" --repeat "$per" --peak ${QL_BENCH_ARGS:-} \
    --json "$OUT/$m.round$r.json" --csv "$OUT/$m.csv" --force >"$log" 2>&1
}
ort_round() {
  [ -d build/ort/node_modules/onnxruntime-node ] || return 0
  NODE_PATH=build/ort/node_modules node scripts/ort_bench.js "$model" "$THREADS" "$per" 1 "$size" "$OUT/$m.ort_samples" >/dev/null 2>&1 || true
}
rows=()
for m in $MODELS; do
  model="$ZOO/$m.onnx"
  [ -f "$model" ] || { echo "($m: $model missing, skipped)"; continue; }
  log="$OUT/$m.txt"
  size=224; [ "$m" = inception_v3 ] && size=299
  per=$(( (REPEAT + ROUNDS - 1) / ROUNDS ))
  rm -f "$OUT/$m".round*.json "$OUT/$m.ort_samples"
  failed=0
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) = 1 ]; then ort_round; ql_round || failed=1; else ql_round || failed=1; ort_round; fi
    [ "$failed" = 0 ] || break
  done
  if [ "$failed" = 1 ]; then echo "($m: profile failed, see $log)"; continue; fi
  # pooled medians over the rounds (QuantLens' whole_samples_ms per precision, ORT's samples), and
  # each precision's share of the peak: its MACs at the best peak any round measured for each
  # layer's arithmetic (a peak is an upper bound: a round on a busy host measures it low), over
  # the pooled median
  read -r fp32 int8 fp32peak int8peak < <(/usr/bin/python3 - "$OUT/$m".round*.json <<'PY'
import json, statistics, sys
pooled, layers, peak = {}, {}, {"fp32": 0.0, "int8": 0.0}
for f in sys.argv[1:]:
    j = json.load(open(f))
    for kind in peak:
        peak[kind] = max(peak[kind], ((j.get("mac_peak") or {}).get(kind) or {}).get("gmac_per_s", 0.0))
    for run in j["results"]:
        pooled.setdefault(run["precision"], []).extend(run["whole_samples_ms"])
        layers[run["precision"]] = run["layers"]
out = []
for p in ("fp32", "int8"):
    out.append(f"{statistics.median(pooled[p]):.3f}" if p in pooled else "-")
for p in ("fp32", "int8"):
    ideal_ms = 0.0
    for l in layers.get(p, []):
        kind = "int8" if l.get("input_dtype") in ("u8", "s8") else "fp32"
        if l.get("macs") and peak[kind] > 0:
            ideal_ms += l["macs"] / (peak[kind] * 1e6)
    out.append(f"{100 * ideal_ms / statistics.median(pooled[p]):.0f}%" if p in pooled and ideal_ms > 0 else "-")
print(*out)
PY
)
  reorders=$(field "$log" int8 "inserted reorders" 3); fallbacks=$(field "$log" int8 "reference fallbacks" 6)
  islands=$(awk '/^== int8 ==/{s=1} s && $2 == "Dequantize" {n++} END {print n + 0}' "$log")
  ort="-"
  [ -s "$OUT/$m.ort_samples" ] && ort=$(sort -g "$OUT/$m.ort_samples" | awk '{v[NR] = $1} END {printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
  rows+=("$m $ort $fp32 $int8 $reorders $islands $fallbacks ${fp32peak:--} ${int8peak:--}")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf "| %-13s | %11s | %14s | %14s | %13s | %12s | %10s | %10s | %26s | %9s |\n" model "ORT FP32 ms" "QuantLens FP32" "QuantLens INT8" "INT8 speed-up" "FP32 vs ORT" "FP32 %peak" "INT8 %peak" "inserted reorders (INT8)" "fallbacks"
printf "|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n" "---------------" "-------------" "----------------" "----------------" "---------------" "--------------" "------------" "------------" "----------------------------" "-----------"
for r in "${rows[@]}"; do
  read -r m ort fp32 int8 reorders islands fallbacks fp32peak int8peak <<<"$r"
  speed=$(awk -v a="$fp32" -v b="$int8" 'BEGIN {printf "%.2fx", a / b}')
  vsort=$(awk -v a="$ort" -v b="$fp32" 'BEGIN {if (a == "-") print "-"; else printf "%.2fx", a / b}')
  printf "| %-13s | %11s | %14s | %14s | %13s | %12s | %10s | %10s | %26s | %9s |\n" "$m" "$ort" "$fp32" "$int8" "$speed" "$vsort" "$fp32peak" "$int8peak" "$reorders ($islands dequantize)" "$fallbacks"
done
echo "(medians in ms pooled over $ROUNDS alternating rounds of ~$(( (REPEAT + ROUNDS - 1) / ROUNDS )) runs per side; FP32 vs ORT > 1 means QuantLens FP32 is faster; %peak: MACs at the best measured peak of each layer's arithmetic over the pooled median; per-model logs in $OUT/)"
echo
if [ -x "$PEAK" ]; then "$PEAK" "$THREADS"; else echo "($PEAK not built: cmake --build build --target ql_mac_peak)"; fi
