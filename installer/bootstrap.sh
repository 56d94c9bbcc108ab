#!/usr/bin/env bash
# The two commands of README.md:
#   installer/bootstrap.sh run   install packages, build, open the console on a demo database
#   installer/bootstrap.sh test  install packages, build, run the whole test suite (PostgreSQL included)
# Environment: BUILD_DIR (default ./build), FIELDOPS_BENCH_SCALE for `test` (default 0.05: short benchmarks).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"
case "$mode" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 2 ;; esac

"$root/installer/install-deps.sh"

build="${BUILD_DIR:-$root/build}"
jobs="$(nproc 2>/dev/null || echo 2)"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
# Paths relative to the checkout, so another clone of the same sources hits the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
# With -g ccache also hashes the build directory unless told not to; a clone elsewhere
# (CI's fresh checkout) would then miss every object. Only the debug info's compile
# directory differs, which nothing here reads.
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "$jobs"

if [ "$mode" = run ]; then
  exec "$build/app/gui/fieldops" --demo "${@:2}"
fi

export FIELDOPS_BENCH_SCALE="${FIELDOPS_BENCH_SCALE:-0.05}"
export QT_QPA_PLATFORM=offscreen
# Benchmarks first, one at a time and verbose so their figures are in the log; then every
# other test in parallel (its summary line closes the run).
ctest --test-dir "$build" --output-on-failure -L bench -V 2>&1 | grep -vE '^[0-9]+: (QDEBUG|QWARN)' 
test "${PIPESTATUS[0]}" -eq 0
ctest --test-dir "$build" --output-on-failure -j "$jobs" -LE bench
