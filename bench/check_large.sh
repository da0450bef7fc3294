#!/usr/bin/env bash
# Measures `trustsite check` on the example site and on generated sites with 10 000 and
# 100 000 controls (bench/make_large_site.py, in a temporary directory): wall time over N runs
# (median and best), and peak memory of one run. Figures: docs/performance.md.
# Usage: bench/check_large.sh [path/to/trustsite] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-build/trustsite}")
runs=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # label, runs, then the command
  local label=$1 n=$2
  shift 2
  "$@" >/dev/null 2>&1 || true  # warm-up (page cache)
  local times=()
  for ((i = 0; i < n; i++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  local rss
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  rss=$(tail -1 "$work/rss")
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$n" -v rss="$rss" '
    { t[NR] = $1 }
    END { printf "%-34s median %8.1f ms   best %8.1f ms   peak RSS %6.0f MB   (%d runs)\n",
                 label, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, rss / 1024, n }'
}

python3 bench/make_large_site.py "$work/10k" 10000
python3 bench/make_large_site.py "$work/100k" 100000
echo "trustsite check, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure "example site" "$runs" "$binary" check --site . --offline
yaml_mb() { cat "$1"/content/controls/*.yaml | wc -c | awk '{ printf "%.0f MB", $1 / 1e6 }'; }
measure "10 000 controls ($(yaml_mb "$work/10k") YAML)" "$runs" "$binary" check --site "$work/10k"
measure "100 000 controls ($(yaml_mb "$work/100k") YAML)" 1 "$binary" check --site "$work/100k"
# 100 000 controls exceed the 64 MiB limit of one rendered page: exit 1 with a diagnostic.
"$binary" check --site "$work/100k" 2>&1 | tail -2 | cut -c1-160
