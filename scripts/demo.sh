#!/usr/bin/env bash
# The README's first command: set up, build, index sample_corpus/ into ./idx, run a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh -DGAZETTE_BUILD_TESTS=OFF
./build/indexer/gazette-index sample_corpus --db idx
./build/searcher/gazette-search --db idx putin congratulate --facets --limit 3
