#!/usr/bin/env bash
# The steps of the trustsite GitHub Action (action.yml at the repository root), in one script
# so that they run, and are tested (tests/action/run.sh), outside GitHub too:
#
#   ci-action.sh install      install trustsite and put it on PATH for the following steps
#   ci-action.sh check        trustsite check --format github: annotations on the pull request
#   ci-action.sh build        trustsite build, reproducibly (SOURCE_DATE_EPOCH from git)
#   ci-action.sh release-url  print the .deb URL `install` would download (empty: none)
#
# Inputs come from the environment; action.yml maps its inputs onto these names:
#   INPUT_SITE         site directory (site.yaml, content/), relative to the workspace; default .
#   INPUT_OUT          output directory; default <site>/public
#   INPUT_STRICT       true | false (default): warnings such as missing translations are errors
#   INPUT_BASE_URL     build for this URL instead of site.yaml's base_url
#   INPUT_PACKAGE      path or https URL of a trustsite .deb to install
#   INPUT_VERSION      a release to install (X.Y.Z); with INPUT_REPOSITORY, or derived (below)
#   INPUT_REPOSITORY   owner/name of the trustsite repository whose releases to use
#   INPUT_INSTALL_DIR  install below this directory, without root (dpkg -x, or cmake --install
#                      --prefix); default: system-wide (apt-get install, or /usr/local)
#
# Where `install` gets trustsite, in this order:
#   1. INPUT_PACKAGE;
#   2. the release asset https://github.com/<repository>/releases/download/v<version>/
#      trustsite_<version>_<arch>.deb, for INPUT_VERSION and INPUT_REPOSITORY, or — when the
#      action is used at a release tag (`uses: owner/trustsite@vX.Y.Z`) — for the owner/name and
#      tag read from GITHUB_ACTION_PATH (.../_actions/<owner>/<name>/<ref>), if the tag is the
#      version in the action's own CMakeLists.txt. The package is built for Debian 12, so this
#      needs a Debian 12 runner or container;
#   3. otherwise, or when that download fails (a warning says so): the action's own source
#      (GITHUB_ACTION_PATH, or this script's repository), built with CMake.
# GitHub's GITHUB_PATH and GITHUB_OUTPUT files are written when they are set.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="${GITHUB_ACTION_PATH:-$(cd "$here/.." && pwd)}"
site="${INPUT_SITE:-.}"
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"

# error MESSAGE [EXIT_CODE]: an annotation for GitHub (stdout) and a message (stderr), then exit.
error() {
  echo "::error title=trustsite action::$1"
  echo "trustsite action: error: $1" >&2
  exit "${2:-1}"
}
warning() {
  echo "::warning title=trustsite action::$1"
  echo "trustsite action: warning: $1" >&2
}
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    error "'$*' needs root (or sudo); set install-dir to install without root"
  fi
}
# Sets `strict` to --strict or nothing; a value other than true/false is a usage error (exit 2).
parse_strict() {
  case "${INPUT_STRICT:-false}" in
    true) strict=--strict ;;
    false) strict="" ;;
    *) error "strict is '${INPUT_STRICT}'; expected true or false" 2 ;;
  esac
}

# The version in the action's CMakeLists.txt: project(trustsite VERSION X.Y.Z ...).
source_version() {
  sed -n 's/^project(trustsite VERSION \([0-9][0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt" 2>/dev/null | head -1
}

release_url() {
  command -v dpkg >/dev/null 2>&1 || return 0
  local version="${INPUT_VERSION:-}" repository="${INPUT_REPOSITORY:-}"
  if [ -z "$version" ] || [ -z "$repository" ]; then
    # .../_actions/<owner>/<name>/<ref> (the runner's layout, also inside containers)
    if [[ "${GITHUB_ACTION_PATH:-}" =~ /_actions/([^/]+)/([^/]+)/v([0-9][0-9.]*)/?$ ]] &&
      [ "${BASH_REMATCH[3]}" = "$(source_version)" ]; then
      repository="${repository:-${BASH_REMATCH[1]}/${BASH_REMATCH[2]}}"
      version="${version:-${BASH_REMATCH[3]}}"
    fi
  fi
  [ -n "$version" ] && [ -n "$repository" ] || return 0
  local arch
  arch="$(dpkg --print-architecture)"
  echo "https://github.com/${repository}/releases/download/v${version}/trustsite_${version}_${arch}.deb"
}

download() {
  local url="$1" to="$2"
  if ! command -v curl >/dev/null 2>&1; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends curl ca-certificates >/dev/null
  fi
  curl -fsSL --retry 2 -o "$to" "$url"
}

# Every Depends group of the package has an installed alternative (for install-dir, where apt
# does not resolve them). Prints the missing ones.
missing_depends() {
  local depends group alternative name op wanted installed satisfied
  local -a groups alternatives
  depends="$(dpkg-deb -f "$1" Depends)"
  IFS=',' read -r -a groups <<< "$depends"
  for group in "${groups[@]}"; do
    satisfied=""
    IFS='|' read -r -a alternatives <<< "$group"
    for alternative in "${alternatives[@]}"; do
      read -r name op wanted <<< "$(echo "$alternative" | sed -E 's/^ *([^ (]+) *(\(([<>=]+) *([^)]+)\))? *$/\1 \3 \4/')"
      installed="$(dpkg-query -W -f='${Status} ${Version}\n' "$name" 2>/dev/null | awk '/install ok installed/ {print $4}' | head -1)"
      [ -n "$installed" ] || continue
      if [ -z "$op" ] || dpkg --compare-versions "$installed" "$op" "$wanted"; then satisfied=1; break; fi
    done
    [ -n "$satisfied" ] || echo "${group# }"
  done
}

install_package() {
  local deb="$1"
  command -v dpkg-deb >/dev/null 2>&1 ||
    error "installing a .deb needs a Debian-based runner (e.g. container: debian:12)"
  [ "$(dpkg-deb -f "$deb" Package 2>/dev/null)" = trustsite ] || error "$deb is not a trustsite package"
  local arch
  arch="$(dpkg --print-architecture)"
  [ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] ||
    error "$deb is for $(dpkg-deb -f "$deb" Architecture), this machine is $arch"
  if [ -n "${INPUT_INSTALL_DIR:-}" ]; then
    local missing
    missing="$(missing_depends "$deb")"
    [ -z "$missing" ] ||
      error "the package needs $(echo "$missing" | paste -sd, | sed 's/,/, /g'); install them first (apt-get install ...)"
    mkdir -p "$INPUT_INSTALL_DIR"
    dpkg -x "$deb" "$INPUT_INSTALL_DIR"
    bin_dir="$(cd "$INPUT_INSTALL_DIR" && pwd)/usr/bin"
  else
    case "$deb" in /*) ;; *) deb="./$deb" ;; esac  # apt-get takes a path, not a name
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$deb"
    bin_dir=/usr/bin
  fi
}

install_from_source() {
  [ -f "$source_dir/CMakeLists.txt" ] || error "no trustsite source in $source_dir"
  echo "Building trustsite $(source_version) from $source_dir"
  bash "$source_dir/scripts/install-deps.sh"
  local build="$work/trustsite-build" prefix="${INPUT_INSTALL_DIR:-/usr/local}"
  cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DTRUSTSITE_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX="$prefix" > "$work/trustsite-cmake.log" ||
    { cat "$work/trustsite-cmake.log" >&2; error "configuring trustsite failed"; }
  cmake --build "$build" -j "$(nproc)"
  if [ -n "${INPUT_INSTALL_DIR:-}" ]; then
    cmake --install "$build" > /dev/null
  else
    as_root cmake --install "$build" > /dev/null
  fi
  bin_dir="$(cd "$prefix" && pwd)/bin"
}

run_install() {
  bin_dir=""
  local package="${INPUT_PACKAGE:-}"
  if [ -z "$package" ]; then
    local url
    url="$(release_url)"
    if [ -n "$url" ]; then
      package="$work/$(basename "$url")"
      echo "Downloading $url"
      download "$url" "$package" || {
        warning "could not download $url; building trustsite from source instead"
        package=""
      }
    fi
  elif [[ "$package" == https://* ]]; then
    local url="$package"
    package="$work/$(basename "$url")"
    echo "Downloading $url"
    download "$url" "$package" || error "could not download $url"
  fi
  if [ -n "$package" ]; then
    [ -f "$package" ] || error "package $package not found"
    install_package "$package"
  else
    install_from_source
  fi
  [ -x "$bin_dir/trustsite" ] || error "no trustsite in $bin_dir after installing"
  if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin_dir" >> "$GITHUB_PATH"; fi
  "$bin_dir/trustsite" --version
  echo "installed: $bin_dir/trustsite"
}

# On GitHub, in a container job, the checkout belongs to another user than root, and git
# refuses to read it (`updated: git`, SOURCE_DATE_EPOCH) unless it is marked safe.
trust_workspace() {
  if [ "${GITHUB_ACTIONS:-}" = true ] && [ -n "${GITHUB_WORKSPACE:-}" ] && command -v git >/dev/null 2>&1; then
    git config --global --add safe.directory "$GITHUB_WORKSPACE"
  fi
}

run_check() {
  command -v trustsite >/dev/null 2>&1 || error "trustsite is not on PATH; run the install step first"
  trust_workspace
  local status=0 prefix
  parse_strict
  # Annotations name files relative to the site; GitHub wants them relative to the repository.
  # Files of trustsite's own data directory (<trustsite>/...) are left as they are.
  prefix="$(realpath -m --relative-to="${GITHUB_WORKSPACE:-$PWD}" "$site")"
  trustsite check --site "$site" --format github ${strict:+"$strict"} > "$work/trustsite-check.txt" || status=$?
  awk -v prefix="$prefix/" '
    prefix != "./" && match($0, /^::[a-z]+ file=/) && substr($0, RLENGTH + 1, 1) != "<" {
      print substr($0, 1, RLENGTH) prefix substr($0, RLENGTH + 1); next
    }
    { print }' "$work/trustsite-check.txt"
  case "$status" in
    0) echo "trustsite check: no errors" ;;
    *) echo "trustsite check: failed (exit $status); see the annotations above" >&2 ;;
  esac
  return "$status"
}

run_build() {
  command -v trustsite >/dev/null 2>&1 || error "trustsite is not on PATH; run the install step first"
  local out="${INPUT_OUT:-$site/public}"
  parse_strict
  trust_workspace
  # Reproducible output: the same commit gives the same files (docs/publishing.md).
  if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git -C "$site" rev-parse --git-dir >/dev/null 2>&1; then
    SOURCE_DATE_EPOCH="$(git -C "$site" log -1 --format=%ct)"
    export SOURCE_DATE_EPOCH
  fi
  local args=(build --site "$site" --out "$out")
  [ -z "$strict" ] || args+=("$strict")
  [ -z "${INPUT_BASE_URL:-}" ] || args+=(--base-url "$INPUT_BASE_URL")
  trustsite "${args[@]}"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "out=$out" >> "$GITHUB_OUTPUT"; fi
}

case "${1:-}" in
  install) run_install ;;
  check) run_check ;;
  build) run_build ;;
  release-url) release_url ;;
  *) echo "usage: ci-action.sh install|check|build|release-url" >&2; exit 2 ;;
esac
