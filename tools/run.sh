#!/usr/bin/env bash
# The README's run command: install dependencies, build (Release), create the
# demo SQLite database from resources/demo/seed.sql if missing, launch the GUI
# on it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${TW_RELEASE_DIR:-$root/build-release}
jobs=$(nproc 2>/dev/null || echo 2)

bash tools/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTW_BUILD_TESTS=OFF -DTW_BUILD_BENCH=OFF
cmake --build "$build" -j"$jobs" --target tablewright

# --demo creates the demo database (from the seed built into the binary) when
# it is missing and opens it.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no DISPLAY or WAYLAND_DISPLAY; starting Tablewright on a virtual X display (xvfb-run)." >&2
  echo "run: set DISPLAY to see the window on your screen." >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$build/app/tablewright" --demo "$@"
fi
exec "$build/app/tablewright" --demo "$@"
