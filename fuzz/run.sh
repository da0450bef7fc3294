#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs one of them with a seed corpus
# gathered from the example site and the test fixtures. See fuzz/README.md.
#   fuzz/run.sh fuzz_controls|fuzz_front_matter|fuzz_mustache [SECONDS] [extra libFuzzer flags]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]}"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))
build="${TRUSTSITE_FUZZ_BUILD:-$root/build-fuzz}"

CC=clang CXX=clang++ cmake -S "$root/fuzz" -B "$build" -G Ninja >/dev/null
ninja -C "$build" -j2 "$target"

seeds="$build/seeds-$target"
corpus="$build/corpus-$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$build/artifacts-$target"
case "$target" in
  fuzz_controls)
    find "$root/content/controls" "$root/tests/fixtures" -path '*content/controls/*.yaml'
    find "$root/fuzz/regressions" -name 'controls-*' ;;
  fuzz_front_matter)
    find "$root/content/pages" "$root/tests/fixtures" -name '*.md' -path '*pages*'
    find "$root/fuzz/regressions" -name 'front-matter-*' ;;
  fuzz_mustache)
    find "$root/themes" "$root/tests/fixtures" -name '*.mustache'
    find "$root/fuzz/regressions" -name 'mustache-*' ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac | while read -r file; do
  cp "$file" "$seeds/$(echo "$file" | sha1sum | cut -c1-16)"
done

# libFuzzer's own RSS accounting counts ASan's shadow memory: give it room.
exec "$build/$target" "$corpus" "$seeds" \
  -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 -max_len=16384 \
  -artifact_prefix="$build/artifacts-$target/" -print_final_stats=1 "$@"
