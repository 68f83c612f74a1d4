#!/usr/bin/env bash
# Builds and runs the benchmarks against a throw-away PostgreSQL.
#   tools/bench.sh [pool] [catalog] [browser] [rest] [migrate]   # default: every benchmark
# TW_BENCH_TABLES sets the size of the catalog benchmark (default 5000);
# TW_BENCH_BROWSER_ARGS passes options to bench_browser (e.g. "--rows 200000");
# rest (bench/rest/run.sh) reads TW_BENCH_REST_*, migrate (bench/migrate/run.sh) TW_BENCH_MIGRATE_*
# (see those scripts).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${TW_BENCH_DIR:-$root/build-bench}
bash tools/install-deps.sh
# The load generator of the REST benchmark: a benchmark tool, not a test dependency.
if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends wrk
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTW_BUILD_TESTS=OFF
benches=("$@")
[ ${#benches[@]} -eq 0 ] && benches=(pool catalog browser rest migrate)
targets=()
for b in "${benches[@]}"; do
  case "$b" in
    pool|catalog|browser) targets+=("bench_$b") ;;
    rest|migrate) [[ " ${targets[*]} " == *" tablewright "* ]] || targets+=(tablewright) ;;
    *) echo "bench.sh: unknown benchmark '$b' (pool, catalog, browser, rest, migrate)" >&2; exit 2 ;;
  esac
done
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
state=$(mktemp -d /tmp/tablewright-bench.XXXXXX)
chmod 755 "$state"
trap 'bash "$root/tools/pg-test-server.sh" stop "$state/pg"; rm -rf "$state"' EXIT
bash tools/pg-test-server.sh start "$state/pg" >/dev/null
# shellcheck disable=SC1091
source "$state/pg/env"
for b in "${benches[@]}"; do
  echo
  # The REST and migration benchmarks start their own PostgreSQL (and servers).
  if [ "$b" = rest ] || [ "$b" = migrate ]; then
    bash "bench/$b/run.sh" "$build/app/tablewright" "$build"
    continue
  fi
  t=bench_$b
  # The catalog benchmark also times the schema tree model: no display needed.
  args=()
  # shellcheck disable=SC2206
  [ "$t" = bench_browser ] && args=(${TW_BENCH_BROWSER_ARGS:-})
  QT_QPA_PLATFORM=offscreen "$build/bench/$t" "${args[@]}"
done
