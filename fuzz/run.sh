#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan; -DTRUSTSITE_FUZZ=ON of the main CMakeLists.txt)
# and runs one of them with a seed corpus gathered from the example site, the test fixtures and
# fuzz/regressions/<target>/. See fuzz/README.md.
#   fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]}"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))
build="${TRUSTSITE_FUZZ_BUILD:-$root/build-fuzz}"

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTRUSTSITE_FUZZ=ON -DTRUSTSITE_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" -j2 "$target"

seeds="$build/seeds-$target"
corpus="$build/corpus-$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$build/artifacts-$target"
{
  case "$target" in
    fuzz_controls)
      find "$root/content/controls" "$root/tests/fixtures" -path '*content/controls/*.yaml' ;;
    fuzz_front_matter)
      find "$root/content/pages" "$root/tests/fixtures" -name '*.md' -path '*pages*' ;;
    fuzz_mustache)
      find "$root/themes" "$root/tests/fixtures" -name '*.mustache' ;;
    fuzz_site_yaml)
      find "$root/site.yaml" "$root/examples" "$root/tests/fixtures" -name 'site.yaml' ;;
    fuzz_subprocessors)
      find "$root/content" "$root/examples" "$root/tests/fixtures" -name 'subprocessors.yaml' ;;
    fuzz_ai)
      find "$root/content" "$root/examples" "$root/tests/fixtures" -name 'ai.yaml' ;;
    fuzz_locales)
      find "$root/locales" "$root/tests/fixtures" -path '*locales/*.yaml' ;;
    fuzz_status_formats)
      find "$root/monitoring" "$root/tests/fixtures/monitoring" -name '*.json' ;;
    fuzz_compliance|fuzz_documents|fuzz_faq|fuzz_highlights)
      find "$root/content" "$root/examples" "$root/tests/fixtures" \
        -name "${target#fuzz_}.yaml" ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  find "$root/fuzz/regressions/$target" -type f
} | while read -r file; do
  cp "$file" "$seeds/$(echo "$file" | sha1sum | cut -c1-16)"
done

# libFuzzer's own RSS accounting counts ASan's shadow memory: give it room. -max_len well above
# 16 KiB: the crashes of issue 13 needed 50-100 KB field values.
exec nice -n 10 "$build/fuzz/$target" "$corpus" "$seeds" \
  -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 -max_len=262144 \
  -artifact_prefix="$build/artifacts-$target/" -print_final_stats=1 "$@"
