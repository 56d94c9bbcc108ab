#!/usr/bin/env bash
# CTest's package_install: builds the .deb from the build folder, checks its control fields,
# unpacks it into a scratch root (dpkg -x, no root needed) and runs both commands from there
# on the system's Qt, as an installed package would.
# Usage: test-package.sh BUILD_DIR VERSION ICON_SIZE...
set -euo pipefail
build="$1"; version="$2"; shift 2; sizes=("$@")
# A folder of its own: tests run in parallel, and cpack stages its files under -B as well.
work="$(mktemp -d "${TMPDIR:-/tmp}/fieldops-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "package_install: $*" >&2; exit 1; }

if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack failed"
fi
deb="$work/out/fieldops_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "cpack wrote no $deb: $(ls "$work/out")"
dpkg-deb -I "$deb"

[ "$(dpkg-deb -f "$deb" Package)" = fieldops ] || fail "Package is not fieldops"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
# One Depends entry per comma, versions dropped: "libqt6core6 (>= 6.4.0)" counts as libqt6core6.
entries() { dpkg-deb -f "$deb" "$1" | tr ',' '\n' | sed -e 's/ *([^)]*)//g' -e 's/^ *//' -e 's/ *$//'; }
# (grep reads to the end, so no writer in these pipelines dies of SIGPIPE under pipefail.)
has() { entries "$1" | grep -xF "$2" >/dev/null || fail "$1 lacks \"$2\": $(dpkg-deb -f "$deb" "$1")"; }
# The plugins Qt loads at run time, and a font with Chinese glyphs …
has Depends libqt6sql6-psql
has Depends libqt6sql6-sqlite
has Depends libqt6svg6
has Depends "fonts-noto-cjk | fonts-wqy-microhei"
# … and what dpkg-shlibdeps found the executables linked against (libqt6gui6 carries the xcb
# and offscreen platform plugins).
for lib in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libstdc++6 libc6; do
  has Depends "$lib"
done
has Recommends postgresql-client

root="$work/root"
dpkg -x "$deb" "$root"
need() { [ -f "$root/$1" ] || fail "the package has no /$1"; }
need usr/bin/fieldops
need usr/bin/fieldops-cli
need usr/share/applications/fieldops.desktop
need usr/share/icons/hicolor/scalable/apps/fieldops.svg
for s in "${sizes[@]}"; do
  png="usr/share/icons/hicolor/${s}x${s}/apps/fieldops.png"
  need "$png"
  file -b "$root/$png" | grep "^PNG image data, $s x $s," >/dev/null || fail "/$png is not a ${s}x${s} PNG: $(file -b "$root/$png")"
done
metainfo=usr/share/metainfo/org.fieldops.Console.metainfo.xml
need "$metainfo"
grep -q "<release version=\"$version\"" "$root/$metainfo" || fail "/$metainfo has no release $version (the project's version)"
grep -q "<launchable type=\"desktop-id\">fieldops.desktop</launchable>" "$root/$metainfo" || fail "/$metainfo does not launch fieldops.desktop"
# appstream is no build dependency; where it is installed, the metadata must pass its checks.
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/$metainfo" || fail "/$metainfo does not validate"
else
  echo "package_install: appstreamcli not installed, metadata not validated"
fi
grep -qx "Exec=fieldops" "$root/usr/share/applications/fieldops.desktop" || fail "the desktop entry does not run fieldops"
grep -qx "Icon=fieldops" "$root/usr/share/applications/fieldops.desktop" || fail "the desktop entry's icon is not fieldops"
for page in fieldops fieldops-cli; do
  man="usr/share/man/man1/$page.1"
  if [ -f "$root/$man.gz" ]; then
    gzip -t "$root/$man.gz" || fail "/$man.gz is no gzip file"
  else
    need "$man"
  fi
done
for exe in fieldops fieldops-cli; do
  # Installed executables must not look for anything in the build folder.
  if readelf -d "$root/usr/bin/$exe" | grep -E 'R(UN)?PATH'; then fail "/usr/bin/$exe keeps an rpath"; fi
  file -b "$root/usr/bin/$exe" | grep ', stripped' >/dev/null || fail "/usr/bin/$exe is not stripped"
done

# Run from the scratch root with a home of its own, so nothing of the user's is read or written.
export HOME="$work/home"
mkdir -p "$HOME"
unset FIELDOPS_DB XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME
out="$("$root/usr/bin/fieldops-cli" --version)"
[ "$out" = "fieldops-cli $version" ] || fail "fieldops-cli --version printed \"$out\""
db="sqlite://$work/x.db"
"$root/usr/bin/fieldops-cli" --db "$db" init
"$root/usr/bin/fieldops-cli" --db "$db" seed-demo
technicians="$(sqlite3 "$work/x.db" 'SELECT count(*) FROM technicians')"
[ "$technicians" -gt 0 ] || fail "seed-demo left no technicians"
out="$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/fieldops" --version)"
[ "$out" = "fieldops $version" ] || fail "fieldops --version printed \"$out\""
echo "package_install: $(basename "$deb") installs and runs ($technicians demo technicians)"
