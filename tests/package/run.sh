#!/usr/bin/env bash
# The Debian package, as a user gets it (issue 16):
#   run.sh BUILD_DIR
# 1. builds trustsite_<version>_<arch>.deb with cpack from BUILD_DIR (into a temporary
#    directory: the build tree is not touched);
# 2. checks its contents (the binary, share/trustsite/{themes,locales,schemas}, share/doc;
#    nothing build-time: no headers, no static library, no tests) and its Depends (every
#    shared library the binary needs comes from a package named there, and every dependency
#    is satisfied by this machine's installed packages);
# 3. extracts it with `dpkg -x` into a fresh root (nothing is installed on this machine) and,
#    with TRUSTSITE_DATA_DIR unset and from a directory outside the source tree, runs
#    `trustsite new`, `check --strict` and `build` on a site that has no themes/ or locales/.
#    Marks added to the extracted theme stylesheet, UI strings and schemas must show up in the
#    output, which proves they came from <root>/usr/share/trustsite and not from the source
#    tree the binary was built from.
# A missing tool is a failure with the command that installs it; nothing is skipped.
set -euo pipefail

build="$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)"

# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
need_command cpack "Debian package cmake"
need_command dpkg-deb "Debian package dpkg"
need_command dpkg-query "Debian package dpkg"
need_command dpkg-shlibdeps "Debian package dpkg-dev"
need_command readelf "Debian package binutils"
need_command ldd "Debian package libc-bin"
need_command python3 "Debian package python3"
[ -f "$build/CPackConfig.cmake" ] || fail "$build/CPackConfig.cmake missing; configure the build first"

work="$(mktemp -d "${TMPDIR:-/tmp}/trustsite-package-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# 1. The package.
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
mapfile -t debs < <(find "$work/out" -maxdepth 1 -name '*.deb')
[ "${#debs[@]}" -eq 1 ] || fail "expected one .deb from cpack, found ${#debs[@]}"
deb="${debs[0]}"
version="$(dpkg-deb -f "$deb" Version)"
arch="$(dpkg --print-architecture)"
[ "$(basename "$deb")" = "trustsite_${version}_${arch}.deb" ] ||
  fail "package file is $(basename "$deb"); expected trustsite_${version}_${arch}.deb"
[ "$(dpkg-deb -f "$deb" Package)" = trustsite ] || fail "Package field is not trustsite"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# 2a. Contents: only the allowed paths, and the required files.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/contents"
allowed='^/(usr/|usr/bin/|usr/bin/trustsite|usr/share/|usr/share/trustsite/|usr/share/trustsite/(themes|locales|schemas)/.*|usr/share/doc/|usr/share/doc/trustsite/.*)$'
if grep -Ev "$allowed" "$work/contents" > "$work/unexpected"; then
  cat "$work/unexpected" >&2
  fail "the package holds files outside bin/trustsite, share/trustsite/{themes,locales,schemas} and share/doc/trustsite (above)"
fi
if grep -E '\.(h|hpp|a|cmake|o)$|/include/|trustsite_tests|_test' "$work/contents" > "$work/buildtime"; then
  cat "$work/buildtime" >&2
  fail "the package holds build-time files (above)"
fi
for required in /usr/bin/trustsite \
  /usr/share/trustsite/themes/default/templates/base.mustache \
  /usr/share/trustsite/themes/default/static/style.css \
  /usr/share/trustsite/locales/en.yaml /usr/share/trustsite/locales/sv.yaml \
  /usr/share/trustsite/schemas/site.schema.json /usr/share/trustsite/schemas/controls.schema.json \
  /usr/share/doc/trustsite/copyright /usr/share/doc/trustsite/README.md \
  /usr/share/doc/trustsite/docs/cli.md; do
  grep -qx "$required" "$work/contents" || fail "the package lacks $required"
done
# Every editor schema of the source (SPEC 7), not only the two that `trustsite new` names.
for schema in "$(dirname "$0")"/../../schemas/*.schema.json; do
  required="/usr/share/trustsite/schemas/$(basename "$schema")"
  grep -qx "$required" "$work/contents" || fail "the package lacks $required"
done
echo "contents: $(wc -l < "$work/contents") paths, all allowed"

# 2b. Depends.
depends="$(dpkg-deb -f "$deb" Depends)"
[ -n "$depends" ] || fail "the package has no Depends (was dpkg-shlibdeps missing?)"
echo "Depends: $depends"
dpkg -x "$deb" "$work/root"
binary="$work/root/usr/bin/trustsite"
[ -x "$binary" ] || fail "$binary is not executable"
if ldd "$binary" | grep -q 'not found'; then
  ldd "$binary" >&2
  fail "the extracted binary has unresolved shared libraries (above)"
fi
# Every alternative group of Depends is satisfied by an installed package.
IFS=',' read -r -a groups <<< "$depends"
for group in "${groups[@]}"; do
  satisfied=""
  IFS='|' read -r -a alternatives <<< "$group"
  for alternative in "${alternatives[@]}"; do
    read -r name op wanted <<< "$(echo "$alternative" | sed -E 's/^ *([^ (]+) *(\(([<>=]+) *([^)]+)\))? *$/\1 \3 \4/')"
    installed="$(dpkg-query -W -f='${Status} ${Version}\n' "$name" 2>/dev/null | awk '/install ok installed/ {print $4}' | head -1)"
    [ -n "$installed" ] || continue
    if [ -z "$op" ] || dpkg --compare-versions "$installed" "$op" "$wanted"; then satisfied="$name $installed"; break; fi
  done
  [ -n "$satisfied" ] || fail "Depends '${group# }' is not satisfied by the installed packages"
done
# Every library the binary links to directly (DT_NEEDED) belongs to a package named in Depends.
depends_names=" $(echo "$depends" | sed 's/[,|]/\n/g' | sed -E 's/^ *([^ (]+).*/\1/' | tr '\n' ' ') "
ldd "$binary" > "$work/ldd"
while read -r needed; do
  path="$(awk -v lib="$needed" '$1 == lib && $2 == "=>" {print $3}' "$work/ldd")"
  [ -n "$path" ] || fail "NEEDED $needed is not resolved by ldd"
  owner=""
  for candidate in "$path" "$(readlink -f "$path")" "/usr${path#/usr}" "${path#/usr}"; do
    owner="$(dpkg-query -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1)" && [ -n "$owner" ] && break
  done
  [ -n "$owner" ] || fail "no installed package owns $path (NEEDED $needed)"
  [[ "$depends_names" == *" $owner "* ]] ||
    fail "$needed comes from package $owner, which is not in Depends: $depends"
done < <(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
echo "Depends: covers every NEEDED library and is satisfied on this machine"

# 3. The extracted tree, used like an installed one.
share="$work/root/usr/share/trustsite"
stylesheet_mark="trustsite-package-test: stylesheet from the package"
ui_mark="Skip to content (package UI strings)"
schema_mark="trustsite-package-test: schema from the package"
printf '\n/* %s */\n' "$stylesheet_mark" >> "$share/themes/default/static/style.css"
sed -i "s/^skip_link: .*/skip_link: $ui_mark/" "$share/locales/en.yaml"
grep -q "$ui_mark" "$share/locales/en.yaml" || fail "could not mark the extracted locales/en.yaml"
python3 - "$share/schemas" "$schema_mark" <<'PY'
import json, pathlib, sys
for path in pathlib.Path(sys.argv[1]).glob("*.schema.json"):
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["$comment"] = sys.argv[2]
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
PY

run() { (cd "$work" && env -u TRUSTSITE_DATA_DIR -u SOURCE_DATE_EPOCH -u TRUSTSITE_NOW "$binary" "$@"); }
[ "$(run --version)" = "trustsite $version" ] || fail "trustsite --version is '$(run --version)'; expected 'trustsite $version'"

run new my-trust-center --name "Package Test AB" --locales en,sv 2> "$work/new.log" ||
  { cat "$work/new.log" >&2; fail "trustsite new failed"; }
site="$work/my-trust-center"
if [ -e "$site/themes" ] || [ -e "$site/locales" ]; then
  fail "trustsite new wrote themes/ or locales/ into the site"
fi
# The schema modelines resolve, to the package's schemas.
modelines=0
while IFS= read -r yaml; do
  line="$(head -1 "$yaml")"
  [[ "$line" == "# yaml-language-server: \$schema="* ]] || fail "$yaml: no schema modeline on line 1"
  target="$(dirname "$yaml")/${line#*\$schema=}"
  [ -f "$target" ] || fail "$yaml: the modeline's schema $target does not exist"
  grep -q "$schema_mark" "$target" || fail "$target is not the package's schema"
  modelines=$((modelines + 1))
done < <(find "$site" -name '*.yaml' | sort)
[ "$modelines" -ge 2 ] || fail "expected site.yaml and a controls file with modelines, found $modelines YAML files"

run check --site my-trust-center --strict 2> "$work/check.log" ||
  { cat "$work/check.log" >&2; fail "trustsite check --strict failed on the new site"; }
run build --site my-trust-center 2> "$work/build.log" ||
  { cat "$work/build.log" >&2; fail "trustsite build failed on the new site"; }
page="$site/public/en/index.html"
[ -f "$page" ] || fail "the build wrote no en/index.html"
grep -q "$ui_mark" "$page" || fail "en/index.html does not use the package's UI strings (locales/en.yaml)"
stylesheet="$(grep -o 'href="[^"]*style[^"]*\.css"' "$page" | head -1 | sed 's/^href="//; s/"$//')"
[ -n "$stylesheet" ] || fail "en/index.html links no stylesheet"
grep -q "$stylesheet_mark" "$site/public/en/$stylesheet" ||
  fail "en/index.html's stylesheet ($stylesheet) is not the package's default theme stylesheet"
echo "new + check --strict + build with the extracted package: theme, UI strings and schemas from its share/trustsite"
echo "1 passed, 0 failed"
