#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) into build-fuzz/ and fuzzes each reader from
# its seeds and regression inputs:
#   scripts/fuzz.sh [SECONDS]   explore for SECONDS per target (default 30), keeping the corpus
#   scripts/fuzz.sh --ci [RUNS] a fixed seed and RUNS inputs per target (default 20000) from the
#                               committed seeds only: the same inputs every time, for CI
# A crash is saved under build-fuzz/crashes/<target>/; copy it into tests/fuzz/regressions/<target>/
# once fixed, so ctest replays it forever. Exits non-zero if any target crashed, leaked or timed out.
set -euo pipefail
cd "$(dirname "$0")/.."
CI_MODE=0
if [ "${1:-}" = "--ci" ]; then CI_MODE=1; RUNS="${2:-20000}"; else SECONDS_PER_TARGET="${1:-30}"; fi
scripts/setup.sh >/dev/null   # the project's packages (protobuf, onnx, dnnl, ...)
FUZZ_PKGS=(clang-14 libclang-rt-14-dev libomp-14-dev)
missing=()
for p in "${FUZZ_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DQL_FUZZ=ON -DQL_BUILD_GUI=OFF >/dev/null
targets=(onnx_import npy idx json dataset)
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
status=0
for t in "${targets[@]}"; do
  crashes="build-fuzz/crashes/$t"
  corpus="build-fuzz/corpus/$t"
  [ $CI_MODE = 1 ] && corpus="build-fuzz/ci-corpus/$t" && rm -rf "$corpus"
  mkdir -p "$corpus" "$crashes"
  dirs=("$corpus" "tests/fuzz/seeds/$t")
  [ -d "tests/fuzz/regressions/$t" ] && dirs+=("tests/fuzz/regressions/$t")
  if [ $CI_MODE = 1 ]; then limits=(-seed=1 -runs="$RUNS"); else limits=(-max_total_time="$SECONDS_PER_TARGET"); fi
  if ASAN_OPTIONS=detect_leaks=1 "build-fuzz/tests/fuzz/fuzz_$t" "${limits[@]}" -timeout=10 \
       -rss_limit_mb=3072 -malloc_limit_mb=3072 -artifact_prefix="$crashes/" -print_final_stats=0 "${dirs[@]}" \
       >"build-fuzz/fuzz_$t.log" 2>&1; then
    echo "fuzz $t: ok, $(grep -o 'cov: [0-9]*' "build-fuzz/fuzz_$t.log" | tail -1), $(ls "$corpus" | wc -l) new corpus inputs (${limits[*]})"
  else
    status=1
    echo "fuzz $t: FAILED, see build-fuzz/fuzz_$t.log and $crashes/"
    grep -E "ERROR|SUMMARY|runtime error" "build-fuzz/fuzz_$t.log" | head -5
  fi
done
exit $status
