#!/usr/bin/env bash
# Measures `trustsite build` and `trustsite check` on the example site over N runs after a
# warm-up: median and best wall time, the mean CPU time (user + sys) and the median peak RSS that
# /usr/bin/time reports (Debian's `time` package). CPU time is the steadier figure on a busy
# machine. Figures: docs/performance.md.
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
  : >"$out/runs"
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$out/time" "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "$(((end - start) / 1000)) $(tail -1 "$out/time")" >>"$out/runs"
  done
  # Wall time (µs), CPU seconds (user + sys) and peak RSS (KiB) of each run -> medians; CPU as
  # the mean, since /usr/bin/time prints it in steps of 10 ms.
  col() { awk -v c="$1" '{ print (c == 2) ? $2 + $3 : (c == 3) ? $4 : $1 }' "$out/runs" | sort -g; }
  local m=$(((runs + 1) / 2))
  printf '%-22s median %6.1f ms   best %6.1f ms   mean CPU %5.1f ms   peak RSS %3.0f MiB   (%d runs)\n' \
    "$label" "$(col 1 | sed -n "${m}p" | awk '{ print $1 / 1000 }')" \
    "$(col 1 | head -1 | awk '{ print $1 / 1000 }')" "$(col 2 | awk '{ t += $1 } END { print t / NR * 1000 }')" \
    "$(col 3 | sed -n "${m}p" | awk '{ print $1 / 1024 }')" "$runs"
}

measure "build (example site)" "$binary" build --site . --out "$out/public" --offline
measure "check (example site)" "$binary" check --site . --offline
