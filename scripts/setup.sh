#!/usr/bin/env bash
# Installs the Debian packages Gazette needs (only those missing; sudo only when not root),
# then configures and builds it in Release into ./build. Safe to run again.
# Usage: scripts/setup.sh [extra cmake -D options...]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config libxapian-dev libicu-dev libcli11-dev libfmt-dev catch2
          nlohmann-json3-dev libgumbo-dev zlib1g-dev libzstd-dev libjemalloc-dev xapian-tools)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j"$(nproc)"
