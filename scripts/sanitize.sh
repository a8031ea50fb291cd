#!/usr/bin/env bash
# The whole test suite (GUI tests included) built with AddressSanitizer + UndefinedBehaviorSanitizer
# into build-asan/ and run under them:
#   scripts/sanitize.sh            configure, build, run every test but the few left out below
#   scripts/sanitize.sh -R REGEX   extra ctest arguments are passed on (here: only some tests)
# Any ASan report, UBSan report (-fno-sanitize-recover: the first one aborts) or leak fails the test.
# Leak reports from third-party libraries we cannot fix are suppressed in tests/sanitize/lsan.supp
# (each entry says why); nothing of ours is suppressed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null   # the project's packages (and build/, which CI has already built)
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
# -O1 -g1: about half the compile time of -O2 -g with usable stack traces; asserts stay on.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DCMAKE_CXX_FLAGS="$SAN" -DCMAKE_EXE_LINKER_FLAGS="$SAN" -DCMAKE_SHARED_LINKER_FLAGS="$SAN" >/dev/null
cmake --build build-asan -j"$(nproc)"
supp="$PWD/tests/sanitize/lsan.supp"
# Leak checking stays on: oneDNN's JIT kernels (generated code, not instrumented) and libgomp's
# thread pool gave no ASan or LSan report over the whole suite; the one third-party leak found
# (graphviz) is suppressed. halt_on_error: the first report fails the test.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:strict_string_checks=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
# Left out, each for a stated reason (the code they exercise runs in other tests here, and all of
# them run in the plain build):
#  - Session.CancelStops*Within100ms: wall-clock bounds (100 ms) set for optimised code; ASan's
#    slowdown on a shared 2-core machine makes them fail on timing alone (128 ms seen);
#  - Session.CalibrationReportsProgressPerBatchAndCancels: 3200-sample MSE calibration, ~10 min
#    under ASan (8 s plain), and its cancel mark at 10 % is timing-dependent;
skip='^Session\.(CancelStops.*Within100ms|CalibrationReportsProgressPerBatchAndCancels)$'
start=$(date +%s)
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E "$skip" --timeout 1500 "$@"
echo "sanitize: ctest took $(( $(date +%s) - start )) s"
