#!/usr/bin/env bash
# Checks that the C++ sources (generator/, tests/, fuzz/, bench/) are formatted as .clang-format
# says, with clang-format 14 (Debian 12's clang-format, installed by
# scripts/install-deps.sh --test). Fails with the unformatted files and the command that
# formats them. Run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v clang-format >/dev/null 2>&1 || {
  echo "FAIL: clang-format not found; install it with: bash scripts/install-deps.sh --test" >&2
  exit 1
}
version="$(clang-format --version)"
shopt -s nullglob
files=(generator/*.h generator/*.cpp tests/*.h tests/*.cpp fuzz/*.h fuzz/*.cpp bench/*.h bench/*.cpp)
[ "${#files[@]}" -gt 0 ] || { echo "FAIL: no C++ sources found" >&2; exit 1; }

formatted="$(mktemp)"
trap 'rm -f "$formatted"' EXIT
unformatted=()
for file in "${files[@]}"; do
  clang-format --style=file "$file" > "$formatted" || {
    echo "FAIL: clang-format could not format $file ($version)" >&2
    exit 1
  }
  cmp -s "$formatted" "$file" || unformatted+=("$file")
done

if [ "${#unformatted[@]}" -gt 0 ]; then
  echo "FAIL: ${#unformatted[@]} of ${#files[@]} C++ files are not formatted as .clang-format says:" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  echo "Format them with:" >&2
  echo "  clang-format -i ${unformatted[*]}" >&2
  case "$version" in
    *"version 14."*) ;;
    *) echo "(This is $version; the code is formatted with clang-format 14, as Debian 12 has it.)" >&2 ;;
  esac
  exit 1
fi
echo "clang-format: ${#files[@]} C++ files formatted ($version)"
