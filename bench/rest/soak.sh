#!/usr/bin/env bash
# A soak run of `tablewright serve` under the REST benchmark's load: starts
# the benchmark's server (bench/rest/run.sh with TW_BENCH_REST_KEEP=1, only
# Tablewright), then runs every case (GET by key, GET by filter, POST,
# PATCH; 8 and 64 connections) ROUNDS times, and fails as soon as the
# server process is gone. A crash under load found this way (a Qt 6.4
# continuation run twice) showed within two rounds.
#
#   bench/rest/soak.sh TABLEWRIGHT_BINARY [ROUNDS] [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(realpath "${1:?usage: bench/rest/soak.sh TABLEWRIGHT_BINARY [ROUNDS] [WORK_DIR]}")
rounds=${2:-4}
work=${3:-$root/build-bench}
log=$(mktemp -d /tmp/tablewright-soak.XXXXXX)
fifo=$log/hold
mkfifo "$fifo"
# The benchmark script keeps its servers up until a line arrives on stdin.
TW_BENCH_REST_KEEP=1 TW_BENCH_REST_SERVERS=tablewright bash "$here/run.sh" "$bin" "$work" <"$fifo" >"$log/run.out" 2>"$log/run.err" &
runner=$!
exec 3>"$fifo"
stop() { echo >&3 || true; wait "$runner" 2>/dev/null || true; rm -rf "$log"; }
trap stop EXIT
for _ in $(seq 300); do grep -q 'servers up' "$log/run.err" 2>/dev/null && break; kill -0 "$runner" 2>/dev/null || break; sleep 1; done
grep -q 'servers up' "$log/run.err" || { echo "soak: the server did not come up" >&2; tail -20 "$log/run.err" >&2; exit 1; }
state=$(grep -o 'state in [^ ]*' "$log/run.err" | cut -d' ' -f3)
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log/run.err" | tail -1)
pid=$(grep -o 'pid [0-9]*' "$log/run.err" | tail -1 | cut -d' ' -f2)
export BENCH_TOKEN; BENCH_TOKEN=$(cat "$state/token")
for round in $(seq "$rounds"); do
  for c in "key 8" "key 64" "filter 8" "filter 64" "post 8" "post 64" "patch 8" "patch 64"; do
    set -- $c
    rps=$(wrk -t2 -c"$2" -d6s --timeout 10s -s "$here/wrk/request.lua" "$url" -- tablewright "$1" 100000 2>&1 | grep -o 'rps=[0-9]*' || true)
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "soak: round $round, $1 at $2 connections: the server is gone (see dmesg)" >&2
      exit 1
    fi
    printf '%s %s %s  ' "$1" "$2" "$rps"
  done
  echo "(round $round)"
done
echo "soak: $rounds rounds, the server stayed up"
