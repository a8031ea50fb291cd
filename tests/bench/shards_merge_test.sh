#!/usr/bin/env bash
# A small grid run whole, then as two shards merged with bench-merge: the merge must hold the
# same configurations, trials and FP32/INT8 pairs as the whole run. Then the refusals: a shard
# given twice, an existing output folder, a broken bench.json, a bad shard. Each exits 2 with a
# message naming the folder or file, and leaves no file behind.
# usage: shards_merge_test.sh QUANTLENS_CLI MODEL.onnx
set -euo pipefail
CLI="$1"; MODEL="$2"
W="$(mktemp -d)"; trap 'rm -rf "$W"' EXIT
export QT_QPA_PLATFORM=offscreen
common=(--models "$MODEL" --batch 1,2 --trials 2 --warmup 1 --repeat 3 --seed 5 --threads 1)

"$CLI" bench "${common[@]}" --out "$W/whole" > "$W/whole.txt" 2> "$W/whole.err"
"$CLI" bench "${common[@]}" --shard 0/2 --out "$W/s0" > /dev/null 2>&1
"$CLI" bench "${common[@]}" --shard 1/2 --out "$W/s1" > /dev/null 2>&1
"$CLI" bench-merge "$W/s1" "$W/s0" --out "$W/merged" > "$W/merged.txt"

python3 - "$W" <<'PY'
import json, sys
w = sys.argv[1]
whole = json.load(open(f"{w}/whole/results.json"))
merged = json.load(open(f"{w}/merged/results.json"))
s0 = json.load(open(f"{w}/s0/results.json"))
ids = lambda r: sorted(c["id"] for c in r["configs"])
assert len(whole["configs"]) == 4, ids(whole)
assert ids(whole) == ids(merged), (ids(whole), ids(merged))
assert len(s0["configs"]) == 2, ids(s0)
assert sorted(p["key"] for p in whole["pairs"]) == sorted(p["key"] for p in merged["pairs"])
assert len(merged["pairs"]) == 2
assert merged["shards"] == ["0/2", "1/2"] and merged["complete"], merged["shards"]
for r in (whole, merged):
    for c in r["configs"]:
        assert c["trials"] == 2 and c["runs"] == 6, c
        lo, hi = c["ms_per_image"]["ci95"]
        assert 0 < lo <= c["ms_per_image"]["median"] <= hi, c
    for p in r["pairs"]:
        assert 0 < p["speed_up_ci95"][0] <= p["speed_up"] <= p["speed_up_ci95"][1], p
        assert 0 <= p["p_holm"] <= 1 and p["welch_log"]["valid"], p
        assert p["weight_ratio"] > 3, p  # int8 weights about 4x smaller
    by_id = {c["id"]: c for c in r["configs"]}
    for p in r["pairs"]:
        f, i = by_id[p["fp32"]], by_id[p["int8"]]
        assert i["serialized_is_qdq"] and 3 * i["serialized_bytes"] < f["serialized_bytes"], (f, i)  # the QDQ export
print("configurations, trials and pairs of the merge equal the whole run's")
PY
for f in results.md configs.csv pairs.csv plots/speed-up.png plots/speed-up.svg plots/latency-by-batch.svg; do
  test -s "$W/merged/$f" || { echo "missing $f in the merge"; exit 1; }
done
grep -q "p (Holm)" "$W/merged.txt"
grep -q "merged 2 run(s): 4 configurations, 8 trials" "$W/merged.txt"

expect_refusal() {  # expect_refusal NEEDLE COMMAND...
  local needle="$1"; shift
  set +e; "$@" > "$W/out.txt" 2> "$W/err.txt"; local rc=$?; set -e
  [ "$rc" = 2 ] || { echo "exit $rc, not 2, for: $*"; cat "$W/err.txt"; exit 1; }
  grep -q -- "$needle" "$W/err.txt" || { echo "no '$needle' in:"; cat "$W/err.txt"; exit 1; }
}
expect_refusal "shard 0/2 is given twice" "$CLI" bench-merge "$W/s0" "$W/s0" --out "$W/twice"
test ! -e "$W/twice" || { echo "a refused merge left $W/twice behind"; exit 1; }
before=$(md5sum < "$W/whole/bench.json")
expect_refusal "already holds a benchmark" "$CLI" bench "${common[@]}" --out "$W/whole"
[ "$before" = "$(md5sum < "$W/whole/bench.json")" ] || { echo "a refused bench changed bench.json"; exit 1; }
mkdir "$W/broken"; echo '{"schema": "quantlens.bench/1", "machine": ' > "$W/broken/bench.json"
expect_refusal "broken/bench.json: not valid JSON" "$CLI" bench-merge "$W/s0" "$W/broken" --out "$W/m2"
expect_refusal "index must be in 0..1" "$CLI" bench "${common[@]}" --shard 2/2 --out "$W/bad"
expect_refusal "no-such.onnx" "$CLI" bench --models "$W/no-such.onnx" --out "$W/bad"
# a model that does not import: refused before any trial, naming it, and no folder is made
head -c 300 "$MODEL" > "$W/truncated.onnx"
expect_refusal "truncated.onnx: not an ONNX model" "$CLI" bench --models "$W/truncated.onnx" --precisions fp32 --trials 2 --repeat 1 --out "$W/trunc"
test ! -e "$W/trunc" || { echo "a refused bench left $W/trunc behind"; exit 1; }
# the Slurm array script as an array task would run it: two tasks, then the merge script
DEPLOY="$(cd "$(dirname "$0")/../../deploy" && pwd)"
for i in 0 1; do
  SLURM_ARRAY_TASK_COUNT=2 SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_JOB_ID=42 SLURM_CPUS_PER_TASK=1 QUANTLENS_CLI="$CLI" \
    MODELS="$MODEL" BATCHES=1,2 TRIALS=2 RESULTS="$W/slurm" bash "$DEPLOY/slurm/bench_array.sbatch" > /dev/null 2>&1
done
QUANTLENS_CLI="$CLI" RESULTS="$W/slurm" bash "$DEPLOY/slurm/merge.sbatch" > /dev/null
python3 - "$W" <<'PY'
import json, sys
w = sys.argv[1]
whole = json.load(open(f"{w}/whole/results.json"))
slurm = json.load(open(f"{w}/slurm/merged/results.json"))
assert sorted(c["id"] for c in whole["configs"]) == sorted(c["id"] for c in slurm["configs"])
assert slurm["shards"] == ["0/2", "1/2"] and slurm["complete"]
print("the Slurm array script's shards merge into the whole grid")
PY
echo "bench shards/merge: ok"
