#!/usr/bin/env bash
# The GitHub Action (action.yml, scripts/ci-action.sh), run here step by step by
# tests/action/run_action.py as the runner would, against the example site:
#   run.sh BUILD_DIR package   with a .deb built from BUILD_DIR by cpack, installed with
#                              install-dir (dpkg -x into a temporary directory: nothing is
#                              installed on this machine); check annotations, strict, a broken
#                              site, the build output, and the release URL the action derives
#   run.sh BUILD_DIR source    no package and no release: the action builds trustsite from its
#                              own source into a temporary prefix, then checks and builds
# What cannot run here: GitHub itself (the runner, release downloads, Pages). A missing tool is
# a failure with the command that installs it; nothing is skipped.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$(cd "${1:?usage: run.sh BUILD_DIR package|source}" && pwd)"
mode="${2:?usage: run.sh BUILD_DIR package|source}"

# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
need_command python3 "Debian package python3"
python3 -c 'import yaml' 2>/dev/null ||
  fail "Python module yaml not found; install it with: bash scripts/install-deps.sh --test (Debian package python3-yaml)"
need_command dpkg-deb "Debian package dpkg"

work="$(mktemp -d "${TMPDIR:-/tmp}/trustsite-action-XXXXXX")"
trap 'rm -rf "$work"' EXIT
export RUNNER_TEMP="$work/runner-temp"
mkdir -p "$RUNNER_TEMP"

# A repository that holds the example site in site/ (not a git checkout: no SOURCE_DATE_EPOCH).
workspace="$work/workspace"
mkdir -p "$workspace/site"
cp -R "$repo/site.yaml" "$repo/content" "$repo/monitoring" "$workspace/site/"

# run_action NAME [--input K=V ...]: runs the action in the workspace, output in $work/NAME.log;
# sets `status`.
run_action() {
  local name="$1"
  shift
  status=0
  (cd "$workspace" && env -u SOURCE_DATE_EPOCH -u TRUSTSITE_DATA_DIR -u GITHUB_ACTIONS \
    -u GITHUB_WORKSPACE python3 "$here/run_action.py" "$repo/action.yml" "$@") \
    > "$work/$name.log" 2>&1 || status=$?
}
expect_in_log() {
  grep -qF -- "$2" "$work/$1.log" || { cat "$work/$1.log" >&2; fail "$1: expected '$2' in the output (above)"; }
}
expect_not_in_log() {
  if grep -qF -- "$2" "$work/$1.log"; then cat "$work/$1.log" >&2; fail "$1: unexpected '$2' in the output (above)"; fi
}

case "$mode" in
  package)
    need_command cpack "Debian package cmake"
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" > "$work/cpack.log" 2>&1 ||
      { cat "$work/cpack.log" >&2; fail "cpack failed"; }
    deb="$(find "$work/deb" -maxdepth 1 -name 'trustsite_*.deb' | head -1)"
    [ -n "$deb" ] || fail "cpack wrote no trustsite_*.deb"
    install=(--input "package=$deb" --input "install-dir=$work/install")

    # The example site: installed from the package, checked (warnings as annotations with
    # paths from the repository root), built into site/public.
    run_action example --input site=site "${install[@]}"
    [ "$status" -eq 0 ] || { cat "$work/example.log" >&2; fail "the action failed on the example site (exit $status)"; }
    expect_in_log example "installed: $work/install/usr/bin/trustsite"
    expect_in_log example "::warning file=site/content/"
    expect_in_log example "output out=site/public"
    expect_not_in_log example "older than max_age_hours"
    [ -f "$workspace/site/public/en/index.html" ] || fail "the action wrote no site/public/en/index.html"
    grep -q 'data-live="operational"' "$workspace/site/public/en/index.html" ||
      fail "the example's live badges are not current after a fresh copy"

    # strict: the example's missing translations fail the check; the build step does not run.
    rm -rf "$workspace/site/public"
    run_action strict --input site=site --input strict=true "${install[@]}"
    [ "$status" -eq 1 ] || { cat "$work/strict.log" >&2; fail "strict: expected exit 1, got $status"; }
    expect_in_log strict "::error file=site/content/"
    expect_in_log strict "== Check the site: exit 1"
    [ ! -e "$workspace/site/public" ] || fail "strict: the build ran after a failed check"

    # A content error: an annotation at the file and line, exit 1.
    printf 'category:\n  title: {en: Broken, sv: Trasig}\ncontrols:\n  - id: broken\n    title: {en: B, sv: B}\n    description: {en: B, sv: B}\n    status: done\n' \
      > "$workspace/site/content/controls/broken.yaml"
    run_action broken --input site=site "${install[@]}"
    [ "$status" -eq 1 ] || { cat "$work/broken.log" >&2; fail "broken: expected exit 1, got $status"; }
    expect_in_log broken "::error file=site/content/controls/broken.yaml,line=7,col=13::"
    rm "$workspace/site/content/controls/broken.yaml"

    # A bad input value is a usage error.
    run_action bad-strict --input site=site --input strict=yes "${install[@]}"
    [ "$status" -eq 2 ] || { cat "$work/bad-strict.log" >&2; fail "strict=yes: expected exit 2, got $status"; }
    expect_in_log bad-strict "strict is 'yes'; expected true or false"

    # base-url reaches the build.
    run_action base-url --input site=site --input base-url=https://example.github.io/trust "${install[@]}"
    [ "$status" -eq 0 ] || { cat "$work/base-url.log" >&2; fail "base-url: exit $status"; }
    grep -q 'href="https://example.github.io/trust/en/"' "$workspace/site/public/en/index.html" ||
      fail "base-url: the canonical URL does not use https://example.github.io/trust/"

    # The release asset the action would download (GitHub itself cannot be reached here).
    version="$(dpkg-deb -f "$deb" Version)"
    arch="$(dpkg --print-architecture)"
    fake="$work/runner/_actions/acme/trustsite"
    mkdir -p "$fake/v$version" "$fake/main"
    cp "$repo/CMakeLists.txt" "$fake/v$version/"
    cp "$repo/CMakeLists.txt" "$fake/main/"
    url="$(GITHUB_ACTION_PATH="$fake/v$version" bash "$repo/scripts/ci-action.sh" release-url)"
    [ "$url" = "https://github.com/acme/trustsite/releases/download/v$version/trustsite_${version}_$arch.deb" ] ||
      fail "release URL at tag v$version is '$url'"
    url="$(GITHUB_ACTION_PATH="$fake/main" bash "$repo/scripts/ci-action.sh" release-url)"
    [ -z "$url" ] || fail "at a branch the action should build from source, not download $url"
    url="$(GITHUB_ACTION_PATH="$fake/main" INPUT_VERSION=9.8.7 INPUT_REPOSITORY=o/n bash "$repo/scripts/ci-action.sh" release-url)"
    [ "$url" = "https://github.com/o/n/releases/download/v9.8.7/trustsite_9.8.7_$arch.deb" ] ||
      fail "release URL from version/repository inputs is '$url'"
    echo "action with a package: example built, strict, broken site, bad input, base-url, release URL"
    ;;
  source)
    need_command cmake "Debian package cmake"
    run_action source --input site=site --input "install-dir=$work/prefix"
    [ "$status" -eq 0 ] || { cat "$work/source.log" >&2; fail "the action failed building from source (exit $status)"; }
    expect_in_log source "Building trustsite"
    expect_in_log source "installed: $work/prefix/bin/trustsite"
    expect_in_log source "output out=site/public"
    [ -f "$work/prefix/share/trustsite/schemas/site.schema.json" ] || fail "the source install has no schemas"
    [ -f "$workspace/site/public/en/index.html" ] || fail "the action wrote no site/public/en/index.html"
    echo "action from source: built, installed in a prefix, example checked and built"
    ;;
  *) fail "unknown mode '$mode'; expected package or source" ;;
esac
echo "1 passed, 0 failed"
