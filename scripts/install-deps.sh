#!/usr/bin/env bash
# Installs the Debian 12 packages trustsite needs to build and test, skipping those already
# installed. Runs apt-get as root, or through sudo when run as another user.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config git ca-certificates ccache
  libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev
  libcli11-dev doctest-dev libcurl4-openssl-dev libcpp-httplib-dev libssl-dev libmimalloc-dev
  libxml2-utils python3
)
if [ "${1:-}" = "--test" ]; then
  # The web's own tools for the output checks (issue: sitemap, feeds, headers, validators), and
  # clang-format (14 on Debian 12) for scripts/check-format.sh.
  packages+=(chromium default-jre-headless nodejs npm clang-format)
  # The Debian package test (tests/package/run.sh): dpkg-shlibdeps computes Depends, readelf
  # lists the libraries the binary needs. The action test reads action.yml with python3-yaml.
  packages+=(dpkg-dev binutils python3-yaml)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
# Node.js may come from outside Debian (then `node` and `npm` exist without the packages).
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=()
  for package in "${missing[@]}"; do
    case "$package" in nodejs|npm) ;; *) filtered+=("$package") ;; esac
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
# A working Java (any distribution) is enough for the Nu Html Checker.
if command -v java >/dev/null 2>&1; then
  filtered=()
  for package in "${missing[@]}"; do
    [ "$package" = default-jre-headless ] || filtered+=("$package")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
