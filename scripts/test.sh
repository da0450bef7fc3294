#!/usr/bin/env bash
# Quick start, step 2: the whole test suite (unit and fixture tests, and the web's own tools
# against the built example site, through CTest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# The web test tools (vnu-jar, playwright-core, axe-core, ajv) at the versions of the committed
# package-lock.json. --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the
# Debian one from install-deps.sh is used instead.
npm ci --ignore-scripts --no-audit --no-fund --prefix tests/web
# Ajv and yaml for the editor-schema test (tests/schema/validate.mjs).
npm ci --ignore-scripts --no-audit --no-fund --prefix tests/schema
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
ctest --test-dir build --output-on-failure -j2
