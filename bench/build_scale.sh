#!/usr/bin/env bash
# Measures `trustsite build` against its floor on generated sites of 1 000, 10 000 and 100 000
# controls (bench/make_large_site.py; en + sv, about 300 bytes of Markdown per description per
# locale, categories of 100 controls). The floor is bench/yaml_floor.cpp: a program that only
# parses the same content/**/*.yaml files with yaml-cpp on one thread, which trustsite cannot
# avoid. For each size the two run alternately (build, floor, build, floor, ...) after one
# warm-up of each, so a drift of the machine's speed hits both; every run is timed by
# /usr/bin/time -v (Debian's `time` package) for the peak RSS, and by the clock for the wall time.
#
# Prints one row per size: median wall of the floor and of the build, the median of the
# pairwise ratios build/floor, the median CPU time (user + sys) of each, and the build's median
# peak RSS;
# then the marginal build cost per 1 000 controls from 1k to 10k and from 10k to 100k, and their
# ratio. A size whose build fails (e.g. a page over the render limit) is reported as failed with
# the build's last error, and the script goes on. Figures: docs/performance.md.
#
# Usage: bench/build_scale.sh [path/to/trustsite] [runs] [sizes ...]
#   runs   counted runs of each command per size (default 5)
#   sizes  numbers of controls (default: 1000 10000 100000)
# Sites are cached in $TRUSTSITE_BENCH_CACHE (default: $TMPDIR or /tmp, trustsite-bench-sites/),
# keyed by size and by the generator's checksum; the floor binary is built next to trustsite
# (`cmake --build <dir> --target yaml_floor`) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-build/trustsite}")
runs=${2:-5}
shift $(($# > 2 ? 2 : $#))
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000 100000)

floor="$(dirname "$binary")/yaml_floor"
if [[ ! -x $floor ]]; then
  cmake --build "$(dirname "$binary")" --target yaml_floor >/dev/null
fi
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

cache=${TRUSTSITE_BENCH_CACHE:-${TMPDIR:-/tmp}/trustsite-bench-sites}
generator_sum=$(cksum <bench/make_large_site.py | cut -d' ' -f1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Fixed clocks: reproducible output; with TRUSTSITE_NOW (SPEC 2) the generated monitoring data
# counts as fresh (a build without it shows those badges as unknown, a few bytes less each).
export SOURCE_DATE_EPOCH=1767225600 TRUSTSITE_NOW=2026-01-01T00:00:00Z

site_for() {  # size -> cached site directory (generated when missing)
  local dir="$cache/$1-$generator_sum"
  if [[ ! -f $dir/.complete ]]; then
    rm -rf "$dir"
    mkdir -p "$cache"
    python3 bench/make_large_site.py "$dir" "$1"
    touch "$dir/.complete"
  fi
  # The data was "received" (modified) before TRUSTSITE_NOW: a file modified after "now" shows
  # no current result (docs/monitoring.md).
  touch -d '2025-12-31 12:00:00 UTC' "$dir/monitoring/status.json"
  echo "$dir"
}

# run_one LOG CMD...: runs CMD once; appends "wall_ms cpu_s rss_kib exit" to LOG.
run_one() {
  local log=$1
  shift
  local start end status=0
  start=$(date +%s%N)
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || status=$?
  end=$(date +%s%N)
  awk -v wall="$(((end - start) / 1000))" -v status="$status" -F': ' '
    /User time/ { cpu += $2 } /System time/ { cpu += $2 } /Maximum resident/ { rss = $2 }
    END { printf "%.1f %.2f %d %d\n", wall / 1000, cpu, rss, status }' "$work/time.txt" >>"$log"
}

median() {  # column of a log -> median
  awk -v c="$1" '{ print $c }' "$2" | sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf 'trustsite build vs. the YAML floor: %s, %s CPUs, %s, load average %s\n' \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(nproc)" \
  "$(free -g | awk '/^Mem:/ { print $2 " GiB RAM" }')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'medians of %d runs after a warm-up, build and floor alternating\n\n' "$runs"
printf '%9s %8s %10s %10s %7s %9s %9s %10s  %s\n' controls "YAML MB" "floor ms" "build ms" ratio \
  "floor cpu" "build cpu" "build RSS" result
declare -A build_ms
for size in "${sizes[@]}"; do
  site=$(site_for "$size")
  yaml_mb=$(find "$site/content" -name '*.yaml' -print0 | du -cb --files0-from=- | tail -1 |
    awk '{ printf "%.1f", $1 / 1e6 }')
  build_cmd=("$binary" build --site "$site" --out "$work/public" --offline)
  floor_cmd=("$floor" "$site")
  : >"$work/build.log"
  : >"$work/floor.log"
  # Warm-up (page cache, and whether the build succeeds at all).
  run_one "$work/warm.log" "${build_cmd[@]}"
  read -r warm_ms warm_cpu warm_rss build_status <<<"$(tail -1 "$work/warm.log")"
  reason=$(grep -m1 'error:' "$work/stderr.txt" | cut -c1-200 || true)
  run_one "$work/warm.log" "${floor_cmd[@]}"
  for ((i = 0; i < runs; i++)); do
    if ((build_status == 0)); then run_one "$work/build.log" "${build_cmd[@]}"; fi
    run_one "$work/floor.log" "${floor_cmd[@]}"
  done
  floor_ms=$(median 1 "$work/floor.log")
  if ((build_status != 0)); then
    printf '%9s %8s %10.1f %10s %7s %8.2fs %9s %10s  %s %s\n' "$size" "$yaml_mb" "$floor_ms" - - \
      "$(median 2 "$work/floor.log")" - - \
      "FAILED (exit $build_status after ${warm_ms} ms, ${warm_cpu} s CPU, $((warm_rss / 1024)) MiB, 1 run):" \
      "${reason:-see the build output}"
    continue
  fi
  ratio=$(paste -d' ' "$work/build.log" "$work/floor.log" | awk '{ print $1 / $5 }' | sort -g |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  build_ms[$size]=$(median 1 "$work/build.log")
  printf '%9s %8s %10.1f %10.1f %6.2fx %8.2fs %8.2fs %6.0f MiB  ok\n' "$size" "$yaml_mb" \
    "$floor_ms" "${build_ms[$size]}" "$ratio" "$(median 2 "$work/floor.log")" \
    "$(median 2 "$work/build.log")" \
    "$(echo "$(median 3 "$work/build.log")" | awk '{ print $1 / 1024 }')"
done

# Marginal cost per 1 000 controls (goal: 10k->100k within 1.2x of 1k->10k).
marginal() {  # from to -> ms per 1 000 controls, or "-"
  if [[ -n ${build_ms[$1]:-} && -n ${build_ms[$2]:-} ]]; then
    awk -v a="${build_ms[$1]}" -v b="${build_ms[$2]}" -v n="$(($2 - $1))" \
      'BEGIN { printf "%.1f", (b - a) / n * 1000 }'
  else
    echo -
  fi
}
low=$(marginal 1000 10000)
high=$(marginal 10000 100000)
echo
echo "marginal build cost per 1 000 controls: 1k->10k $low ms, 10k->100k $high ms, ratio $(
  [[ $low != - && $high != - ]] && awk -v a="$low" -v b="$high" 'BEGIN { printf "%.2fx", b / a }' || echo -)"
