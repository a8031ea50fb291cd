#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a passing test suite: set up, build, ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure -j"$(nproc)"
