#!/usr/bin/env bash
# The README's test command: install dependencies, build, start the real test
# services (PostgreSQL 15, a Secret Service), run every test, stop the
# services. Exits non-zero on any failure.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${TW_BUILD_DIR:-$root/build}
jobs=$(nproc 2>/dev/null || echo 2)

bash tools/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${TW_CMAKE_ARGS:-}
cmake --build "$build" -j"$jobs"

state=$(mktemp -d /tmp/tablewright-test.XXXXXX)
chmod 755 "$state"   # the PostgreSQL OS user must reach its data dir below
cleanup() {
  bash "$root/tools/pg-test-server.sh" stop "$state/pg" || true
  rm -rf "$state"
}
trap cleanup EXIT

bash tools/pg-test-server.sh start "$state/pg" >/dev/null
# shellcheck disable=SC1091
source "$state/pg/env"
export TW_TEST_REQUIRE_SERVICES=1
# promtool checks the /metrics exposition (unpacked from Debian's package, not installed).
TW_PROMTOOL=$(bash tools/fetch-promtool.sh)
export TW_PROMTOOL
export TW_CHINOOK_DIR=${TW_CHINOOK_DIR:-$root/../shared/fixtures/chinook}
# What the commands under test cache (migrate status's checksums) stays in the run's own directory.
export XDG_CACHE_HOME=$state/cache

# A private session bus with an unlocked gnome-keyring gives QtKeychain a real
# Secret Service; it ends with the tests.
dbus-run-session -- bash "$root/tools/with-keyring.sh" \
  ctest --test-dir "$build" --output-on-failure --no-tests=error ${TW_CTEST_ARGS:-}
