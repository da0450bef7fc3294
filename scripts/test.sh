#!/usr/bin/env bash
# Quick start, step 2: the whole test suite, as CI runs it (.ci/run):
#   1. build/ (Release), every CTest test: the unit and fixture tests, the web's own tools against
#      the built example site, the editor schemas, the check that CTest runs every test case;
#   2. build-asan/ (Debug at -O1, ASan+UBSan), the unit and fixture tests again (the doctest
#      binary);
#   3. clang-format over the C++ sources (scripts/check-format.sh).
# Every step runs even when an earlier one failed; the script then fails, naming them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# The web test tools (vnu-jar, playwright-core, axe-core, ajv) at the versions of the committed
# package-lock.json. --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the
# Debian one from install-deps.sh is used instead.
npm ci --ignore-scripts --no-audit --no-fund --prefix tests/web
# Ajv and yaml for the editor-schema test (tests/schema/validate.mjs).
npm ci --ignore-scripts --no-audit --no-fund --prefix tests/schema

failed=()
step() { echo; echo "=== $*"; }

step "1/3 Release build and CTest (build/)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release &&
  cmake --build build &&
  ctest --test-dir build --output-on-failure --no-tests=error -j2 ||
  failed+=("Release build and CTest")

step "2/3 unit and fixture tests under ASan+UBSan (build-asan/)"
# Debug at -O1, as ASan recommends: at -O0 the time-bounded tests (the Mustache step budget, the
# linear-time checks) take several times longer. Sanitizer reports exit with their own codes, so
# that a test expecting exit 1 from the trustsite binary cannot mistake a sanitizer's for it.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
  -DTRUSTSITE_SANITIZE=ON &&
  cmake --build build-asan --target trustsite_tests &&
  (cd build-asan && ASAN_OPTIONS="exitcode=86:detect_leaks=1:${ASAN_OPTIONS:-}" \
    UBSAN_OPTIONS="exitcode=87:print_stacktrace=1:${UBSAN_OPTIONS:-}" ./trustsite_tests) ||
  failed+=("ASan+UBSan tests")

step "3/3 formatting (scripts/check-format.sh)"
bash scripts/check-format.sh || failed+=("formatting")

echo
if [ "${#failed[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "All passed: CTest (build/), ASan+UBSan tests (build-asan/), formatting."
