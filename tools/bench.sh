#!/usr/bin/env bash
# Builds and runs the benchmarks against a throw-away PostgreSQL.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${TW_BENCH_DIR:-$root/build-bench}
bash tools/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTW_BUILD_TESTS=OFF
cmake --build "$build" -j"$(nproc)" --target bench_pool
state=$(mktemp -d /tmp/tablewright-bench.XXXXXX)
chmod 755 "$state"
trap 'bash "$root/tools/pg-test-server.sh" stop "$state/pg"; rm -rf "$state"' EXIT
bash tools/pg-test-server.sh start "$state/pg" >/dev/null
# shellcheck disable=SC1091
source "$state/pg/env"
"$build/bench/bench_pool"
