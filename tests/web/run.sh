#!/usr/bin/env bash
# The web's own tools against the example site, built here into a temporary directory:
#   run.sh TRUSTSITE_BINARY xml|html|schema|browser|layout|all
# xml      xmllint --noout: sitemap.xml and every Atom feed are well-formed XML
# html     the Nu Html Checker (npm vnu-jar, run with Java): 0 errors on every HTML page
# schema   Ajv (draft 2020-12): trust.json is valid against schemas/trust-json.schema.json
# browser  axe-core in Debian's headless Chromium (playwright-core), navigation checks
# layout   page heights, first screen, deep links into <details>, print (A4 page count) in
#          Chromium; screenshots to $TRUSTSITE_SCREENSHOTS (default: build/screenshots)
# A missing tool is a failure with the command that installs it; nothing is skipped.
# scripts/install-deps.sh --test and `npm ci --ignore-scripts --prefix tests/web` install them.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
binary="${1:?usage: run.sh TRUSTSITE_BINARY xml|html|schema|browser|layout|all}"
step="${2:-all}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
need_node_modules() {
  need_command node "Debian package nodejs"
  local module
  for module in "$@"; do
    [ -e "$here/node_modules/$module/package.json" ] ||
      fail "npm package '$module' missing in tests/web/node_modules; run: npm ci --ignore-scripts --prefix tests/web"
  done
}

work="$(mktemp -d "${TMPDIR:-/tmp}/trustsite-web-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The example site (site.yaml, content/, monitoring/) in a scratch directory, so the build's
# monitoring cache never lands in the repository; theme and UI strings come from the tool.
mkdir -p "$work/site"
cp -R "$repo/site.yaml" "$repo/content" "$work/site/"
[ -d "$repo/monitoring" ] && cp -R "$repo/monitoring" "$work/site/"
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1790000000}" "$binary" build --site "$work/site" \
  -o "$work/public" 2> "$work/build.log" || { cat "$work/build.log" >&2; fail "trustsite build failed"; }
public="$work/public"

run_xml() {
  need_command xmllint "Debian package libxml2-utils"
  local files=("$public/sitemap.xml")
  mapfile -t -O 1 files < <(find "$public" -name '*.atom' | sort)
  [ -f "$public/sitemap.xml" ] || fail "no sitemap.xml in the build"
  [ "${#files[@]}" -ge 2 ] || fail "no Atom feed in the build (expected <locale>/subprocessors.atom)"
  xmllint --noout "${files[@]}"
  # Namespaces are part of well-formedness for these formats' readers.
  xmllint --xpath 'count(/*[local-name()="urlset" and namespace-uri()="http://www.sitemaps.org/schemas/sitemap/0.9"])' \
    "$public/sitemap.xml" | grep -qx 1 || fail "sitemap.xml: root is not the sitemaps.org urlset"
  local feed
  for feed in "${files[@]:1}"; do
    xmllint --xpath 'count(/*[local-name()="feed" and namespace-uri()="http://www.w3.org/2005/Atom"])' \
      "$feed" | grep -qx 1 || fail "$feed: root is not an Atom feed"
  done
  echo "xmllint: ${#files[@]} files well-formed"
  echo "${#files[@]} passed, 0 failed"
}

run_html() {
  need_command java "Debian package default-jre-headless"
  need_node_modules vnu-jar
  local jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"
  [ -f "$jar" ] || fail "$jar missing; run: npm ci --ignore-scripts --prefix tests/web"
  local pages=()
  mapfile -t pages < <(find "$public" -name '*.html' | sort)
  [ "${#pages[@]}" -ge 5 ] || fail "expected the example site's HTML pages, found ${#pages[@]}"
  # --also-check-css: the theme's stylesheet too. Exit status is non-zero on any error.
  java -Xss4m -jar "$jar" --errors-only --also-check-css --format gnu \
    "${pages[@]}" "$(find "$public/assets" -name '*.css' | sort)" ||
    fail "the Nu Html Checker found errors (above)"
  echo "vnu: ${#pages[@]} HTML pages, 0 errors"
  echo "${#pages[@]} passed, 0 failed"
}

run_schema() {
  need_node_modules ajv ajv-formats
  node "$here/validate-trust-json.mjs" "$repo/schemas/trust-json.schema.json" "$public/trust.json"
}

run_browser() {
  [ -x "$chromium" ] || fail "$chromium not found; install it with: bash scripts/install-deps.sh --test (Debian package chromium)"
  need_node_modules playwright-core axe-core
  CHROMIUM="$chromium" node "$here/browser.mjs" "$public"
}

run_layout() {
  [ -x "$chromium" ] || fail "$chromium not found; install it with: bash scripts/install-deps.sh --test (Debian package chromium)"
  need_node_modules playwright-core
  local shots="${TRUSTSITE_SCREENSHOTS:-$repo/build/screenshots}"
  CHROMIUM="$chromium" node "$here/layout.mjs" "$public" "$shots"
  echo "screenshots: $shots"
}

case "$step" in
  xml) run_xml ;;
  html) run_html ;;
  schema) run_schema ;;
  browser) run_browser ;;
  layout) run_layout ;;
  all) run_xml && run_html && run_schema && run_browser && run_layout ;;
  *) fail "unknown step '$step'; expected xml, html, schema, browser, layout or all" ;;
esac
