#!/usr/bin/env bash
# Installs the Debian packages QuantLens builds, tests and runs with (only what is missing),
# then configures and builds into build/. Safe to run again: apt and the build are incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_PKGS=(cmake g++ make ccache pkg-config libgtest-dev zlib1g-dev
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools libdnnl-dev ocl-icd-opencl-dev libgraphviz-dev
  libqcustomplot-dev libprotobuf-dev protobuf-compiler libonnx-dev
  libcli11-dev nlohmann-json3-dev libstb-dev libomp-dev
  libonnx-testdata dataset-fashion-mnist xvfb python3
  fonts-wqy-microhei)  # a CJK font: without one the Chinese UI, screenshots and reports show boxes
missing=()
for p in "${BUILD_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# paths relative to the checkout, so a fresh clone elsewhere (CI) reuses the cache
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}" CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
