#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build trustsite, build the example site into
# public/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --target trustsite
./build/trustsite build --site . --out public
