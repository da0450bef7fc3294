#!/usr/bin/env bash
# Measures `trustsite build` and `trustsite check` on the example site: wall time over N runs
# (median and best), with hyperfine when it is installed, else with a plain loop.
# Usage: bench/build_example.sh [path/to/trustsite] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/trustsite}
runs=${2:-30}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1767225600

measure() {  # label, then the command
  local label=$1
  shift
  "$@" >/dev/null 2>&1  # warm-up (page cache)
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v runs="$runs" '
    { t[NR] = $1 }
    END { printf "%-28s median %6.1f ms   best %6.1f ms   (%d runs)\n", label, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, runs }'
}

measure "build (example site)" "$binary" build --site . --out "$out/public" --offline
measure "check (example site)" "$binary" check --site . --offline
