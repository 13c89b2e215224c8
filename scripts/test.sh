#!/usr/bin/env bash
# The README's second command (and CI's): set up, build with warnings as errors, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh -DGAZETTE_BUILD_TESTS=ON -DGAZETTE_WERROR=ON
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 300
