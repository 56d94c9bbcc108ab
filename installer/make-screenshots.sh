#!/usr/bin/env bash
# Regenerates resources/screenshots/*.png, the README's pictures: every view of
# `fieldops --screenshot` on a demo database made fresh for the purpose, in a scratch home so
# the developer's own settings and databases are neither read nor changed.
#   installer/make-screenshots.sh [BUILD_DIR] [LANGUAGE]
# BUILD_DIR defaults to build/ beside this folder. With LANGUAGE (pt_BR, es, zh_CN) the console
# runs in that language and the pictures go to a scratch folder it names, for a look at the
# translation (the README keeps the English ones).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
fieldops=$build/app/gui/fieldops
if [[ ! -x $fieldops ]]; then
  echo "make-screenshots: no $fieldops; build first (cmake --build $build)" >&2
  exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config
export XDG_CACHE_HOME=$scratch/cache XDG_RUNTIME_DIR=$scratch
language=${2:-}
if [[ -n $language ]]; then
  export QT_QPA_PLATFORM=offscreen LANGUAGE=$language LC_ALL=$language.UTF-8
else
  export QT_QPA_PLATFORM=offscreen LANGUAGE=en LC_ALL=C.UTF-8
fi
unset FIELDOPS_DB
export USER=dispatcher # the name the status bar shows

out=$root/resources/screenshots
if [[ -n $language ]]; then
  out=$(mktemp -d "${TMPDIR:-/tmp}/fieldops-screenshots-$language.XXXX")
  echo "make-screenshots: writing to $out"
fi
mkdir -p "$out"
# The first view seeds the demo database (--demo); the others open it as it is.
for view in board map kpi workorders customers contracts technicians assets parts; do
  echo "make-screenshots: $view"
  "$fieldops" --demo --screenshot "$view" "$out/$view.png"
done
