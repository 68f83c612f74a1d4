#!/usr/bin/env bash
# The migration benchmark (issue 9), in one run: 1,000 one-statement
# migrations in ONE dbmate-layout folder (<version>_<name>.sql with
# "-- migrate:up" / "-- migrate:down"; Tablewright reads it unchanged), applied
# by `dbmate up` and by `tablewright migrate up` to fresh databases — a
# throw-away PostgreSQL 15 with fsync ON (tools/pg-test-server.sh turns it off
# for the tests; this script restarts the server with it on) and fresh SQLite
# files — then `status` with the 1,000 applied. Both tools run side by side
# in every round, alternating which goes first.
#
#   bench/migrate/run.sh TABLEWRIGHT_BINARY [WORK_DIR]   (tools/bench.sh migrate calls it)
#
# WORK_DIR keeps dbmate's npm install between runs (default build-bench).
# Environment:
#   TW_BENCH_MIGRATE_COUNT    migrations (default 1000)
#   TW_BENCH_MIGRATE_ROUNDS   rounds (default 5); the table shows the best, the median and
#                             the median of the rounds' own ratios
#   TW_BENCH_MIGRATE_DRIVERS  subset of "postgres sqlite sqlite-wal" (default: all three).
#     sqlite: dbmate with its defaults (rollback journal, synchronous=FULL: about
#     three fsyncs per commit); sqlite-wal: dbmate with Tablewright's own
#     settings (journal_mode=WAL, synchronous=NORMAL: no fsync per commit, the
#     WAL is synced at checkpoints). Tablewright always runs with the latter.
#   TW_BENCH_MIGRATE_KEEP=1   keep the state directory (logs, databases) and print it
#   TW_BENCH_MIGRATE_SETTLE   seconds the files age before the first round (default 61): `status`
#                             takes an unchanged file's checksum from its cache once the file's
#                             times are a minute old, as a project's committed migrations are
#   TW_BENCH_MIGRATE_NO_CACHE=1  run Tablewright with that cache off (every file read every time)
# Prints a Markdown table: milliseconds and the ratio dbmate / Tablewright
# (>= 1.0 means Tablewright is as fast or faster).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
tw_bin=$(realpath "${1:?usage: bench/migrate/run.sh TABLEWRIGHT_BINARY [WORK_DIR]}")
work=$(mkdir -p "${2:-$root/build-bench}" && cd "${2:-$root/build-bench}" && pwd)
count=${TW_BENCH_MIGRATE_COUNT:-1000}
rounds=${TW_BENCH_MIGRATE_ROUNDS:-5}
read -r -a drivers <<<"${TW_BENCH_MIGRATE_DRIVERS:-postgres sqlite sqlite-wal}"

for tool in psql sqlite3 npm; do
  command -v "$tool" >/dev/null || { echo "bench/migrate: $tool is missing (tools/install-deps.sh installs it)" >&2; exit 2; }
done
[ -x "$tw_bin" ] || { echo "bench/migrate: $tw_bin is not executable" >&2; exit 2; }

state=$(mktemp -d /tmp/tablewright-bench-migrate.XXXXXX)
chmod 755 "$state"
cleanup() {
  bash "$root/tools/pg-test-server.sh" stop "$state/pg" >/dev/null 2>&1 || true
  if [ "${TW_BENCH_MIGRATE_KEEP:-0}" = 1 ]; then echo "bench/migrate: kept $state" >&2; else rm -rf "$state"; fi
}
trap cleanup EXIT

# --- dbmate (npm, pinned by bench/migrate/dbmate/package-lock.json) ------------
dbmate_dir=$work/migrate-dbmate
if ! cmp -s "$here/dbmate/package-lock.json" "$dbmate_dir/package-lock.json" 2>/dev/null ||
   [ ! -f "$dbmate_dir/node_modules/.package-lock.json" ]; then
  echo "bench/migrate: npm ci dbmate into $dbmate_dir (once)" >&2
  mkdir -p "$dbmate_dir"
  cp "$here/dbmate/package.json" "$here/dbmate/package-lock.json" "$dbmate_dir/"
  (cd "$dbmate_dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
# The Go binary itself: the `dbmate` npm command is a Node wrapper that would
# add Node's start-up to every dbmate time.
dbmate=$dbmate_dir/node_modules/@dbmate/linux-x64/bin/dbmate
[ -x "$dbmate" ] || { echo "bench/migrate: $dbmate is missing" >&2; exit 1; }

# --- the migrations: one folder, read by both tools ----------------------------
migrations=$state/migrations
mkdir -p "$migrations"
for ((n = 1; n <= count; n++)); do
  printf -- '-- migrate:up\nCREATE TABLE t_%d (id int primary key, v text);\n\n-- migrate:down\nDROP TABLE t_%d;\n' "$n" "$n" \
    >"$migrations/$((20240101000000 + n))_create_t_$n.sql"
done

written_at=$SECONDS

# --- PostgreSQL with fsync on ---------------------------------------------------
declare -A pg_settings=()
if [[ " ${drivers[*]} " == *" postgres "* ]]; then
  bash "$root/tools/pg-test-server.sh" start "$state/pg" >/dev/null
  # shellcheck disable=SC1091
  source "$state/pg/env"
  # The test server runs with -c fsync=off -c full_page_writes=off, which
  # override any config file: restart it with the durable defaults instead.
  pgbin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v pg_ctl)")
  as_owner=()
  [ "$(id -u)" -eq 0 ] && as_owner=(runuser -u "${TW_PG_OS_USER:-twtest}" --)
  "${as_owner[@]}" "$pgbin/pg_ctl" -D "$state/pg/data" -w -t 60 -m fast -l "$state/pg/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $TW_TEST_PG_PORT -k $state/pg -c fsync=on -c full_page_writes=on -c synchronous_commit=on" \
    restart >/dev/null
  export PGHOST=$TW_TEST_PG_HOST PGPORT=$TW_TEST_PG_PORT PGUSER=$TW_TEST_PG_USER PGPASSWORD=$TW_TEST_PG_PASSWORD
  for s in fsync synchronous_commit full_page_writes wal_sync_method; do
    pg_settings[$s]=$(psql -X -At -d postgres -c "SHOW $s")
  done
  [ "${pg_settings[fsync]}" = on ] || { echo "bench/migrate: PostgreSQL still runs with fsync=${pg_settings[fsync]}" >&2; exit 1; }
fi

# --- one measured command ------------------------------------------------------
# time_ms LOG EXPECTED_EXIT CMD...: runs CMD; prints its wall time and its CPU
# time (user + sys of the tool's process, not the server's) in ms.
time_ms() {
  local log=$1 expected=$2; shift 2
  local rc=0 times real user sys TIMEFORMAT='%3R %3U %3S'
  times=$({ time "$@" >"$log" 2>&1; } 2>&1) || rc=$?
  if [ "$rc" -ne "$expected" ]; then
    echo "bench/migrate: '$*' exited $rc (expected $expected); its output:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  read -r real user sys <<<"$times"
  awk -v r="$real" -v u="$user" -v s="$sys" 'BEGIN { printf "%d %d\n", r * 1000, (u + s) * 1000 }'
}

# The environment of each tool: nothing from the user's configs.
home=$state/home
mkdir -p "$home"
tw_run() { env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/.config" QT_QPA_PLATFORM=offscreen \
             ${TW_BENCH_MIGRATE_NO_CACHE:+TABLEWRIGHT_STATUS_CACHE=off} \
             DATABASE_URL="$tw_url" "$tw_bin" migrate "$@" --connection default; }
dbmate_run() { (cd "$home" && env -i PATH="$PATH" HOME="$home" DATABASE_URL="$dbmate_url" \
                 DBMATE_MIGRATIONS_DIR="$migrations" DBMATE_NO_DUMP_SCHEMA=true "$dbmate" "$@"); }

# Fresh database NAME for DRIVER; sets tw_url and dbmate_url.
fresh_database() {
  local driver=$1 name=$2
  if [ "$driver" = postgres ]; then
    psql -X -q -d postgres -c "CREATE DATABASE $name" >/dev/null
    tw_url="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$name?sslmode=disable&migrations=$migrations"
    dbmate_url="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$name?sslmode=disable"
  else
    local file=$state/$name.db
    rm -f "$file" "$file-wal" "$file-shm"
    : >"$file"
    tw_url="sqlite://$file?migrations=$migrations"
    dbmate_url="sqlite:$file"
    # go-sqlite3's connection parameters (dbmate passes the URL's query on).
    if [ "$driver" = sqlite-wal ]; then dbmate_url+="?_journal_mode=WAL&_synchronous=NORMAL"; fi
  fi
}

# Tables t_% in database NAME (the proof that every migration ran).
tables_made() {
  local driver=$1 name=$2
  if [ "$driver" = postgres ]; then
    psql -X -At -d "$name" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'"
  else
    sqlite3 "$state/$name.db" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'"
  fi
}

# One tool, one round: `up` on a fresh database, then `status` with all applied.
measure() {
  local driver=$1 tool=$2 round=$3 db="${2}_${1}_$3" up status up_cpu status_cpu made
  fresh_database "$driver" "$db"
  if [ "$tool" = dbmate ]; then
    read -r up up_cpu <<<"$(time_ms "$state/$db.up.log" 0 dbmate_run up)"
    read -r status status_cpu <<<"$(time_ms "$state/$db.status.log" 0 dbmate_run status)"
    grep -q "Applied: $count" "$state/$db.status.log" || { echo "bench/migrate: dbmate status does not say 'Applied: $count'" >&2; tail -5 "$state/$db.status.log" >&2; exit 1; }
  else
    read -r up up_cpu <<<"$(time_ms "$state/$db.up.log" 0 tw_run up)"
    # Exit 0: nothing pending (3 would mean some migration did not apply).
    read -r status status_cpu <<<"$(time_ms "$state/$db.status.log" 0 tw_run status)"
  fi
  made=$(tables_made "$driver" "$db")
  [ "$made" = "$count" ] || { echo "bench/migrate: $tool made $made of $count tables on $driver" >&2; exit 1; }
  if [ "$driver" != postgres ]; then journal["$driver $tool"]=$(sqlite3 "$state/$db.db" "PRAGMA journal_mode"); fi
  results["$driver up $tool"]+=" $up"
  results["$driver status $tool"]+=" $status"
  cpu["$driver up $tool"]+=" $up_cpu"
  cpu["$driver status $tool"]+=" $status_cpu"
  echo "  round $round $driver $tool: up ${up} ms (cpu ${up_cpu}), status ${status} ms (cpu ${status_cpu})" >&2
}

declare -A results=() cpu=() journal=()
versions="$("$dbmate" --version), $("$tw_bin" version 2>/dev/null | head -1 || echo tablewright)"
echo "bench/migrate: $count migrations, $rounds rounds, $versions" >&2
settle=$(( ${TW_BENCH_MIGRATE_SETTLE:-61} - (SECONDS - written_at) ))
if ((settle > 0)); then
  echo "bench/migrate: letting the files age ${settle} s (TW_BENCH_MIGRATE_SETTLE)" >&2
  sleep "$settle"
fi
for ((r = 1; r <= rounds; r++)); do
  for driver in "${drivers[@]}"; do
    # Alternate who goes first: the page cache and the disk favour neither.
    if ((r % 2)); then order=(dbmate tablewright); else order=(tablewright dbmate); fi
    for tool in "${order[@]}"; do measure "$driver" "$tool" "$r"; done
  done
done

# best / median of a list of ms
best() { tr ' ' '\n' <<<"$1" | grep . | sort -n | head -1; }
median() { local s; s=$(tr ' ' '\n' <<<"$1" | grep . | sort -n); sed -n "$(( ($(wc -l <<<"$s") + 1) / 2 ))p" <<<"$s"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# The median of the rounds' own ratios: both tools of a round met the same
# disk and the same neighbours, which drift between rounds on a shared machine.
paired() {
  local -a ref ours
  read -r -a ref <<<"$1"; read -r -a ours <<<"$2"
  local i list=""
  for i in "${!ref[@]}"; do list+=" $(ratio "${ref[$i]}" "${ours[$i]}")"; done
  tr ' ' '\n' <<<"$list" | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : sprintf("%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2)) }'
}

echo
echo "Migrations: $count one-statement files (dbmate layout, the same folder for both); $rounds rounds; $versions"
if [ -n "${pg_settings[fsync]:-}" ]; then
  echo "PostgreSQL 15: fsync=${pg_settings[fsync]}, synchronous_commit=${pg_settings[synchronous_commit]}, full_page_writes=${pg_settings[full_page_writes]}, wal_sync_method=${pg_settings[wal_sync_method]}; TCP 127.0.0.1"
fi
for driver in "${drivers[@]}"; do
  [ "$driver" = postgres ] && continue
  echo "$driver: journal_mode after the run: dbmate ${journal["$driver dbmate"]}, Tablewright ${journal["$driver tablewright"]}"
done
echo
echo "| case | dbmate ms (best / median) | Tablewright ms (best / median) | ratio of bests | ratio per round (median) |"
echo "|---|---:|---:|---:|---:|"
for driver in "${drivers[@]}"; do
  for what in up status; do
    d=${results["$driver $what dbmate"]}
    t=${results["$driver $what tablewright"]}
    label="$driver: $what"
    [ "$what" = up ] && label="$driver: up ($count pending)"
    [ "$what" = status ] && label="$driver: status ($count applied)"
    printf '| %s | %s / %s | %s / %s | %s | %s |\n' "$label" "$(best "$d")" "$(median "$d")" "$(best "$t")" "$(median "$t")" \
      "$(ratio "$(best "$d")" "$(best "$t")")" "$(paired "$d" "$t")"
  done
done
echo
echo "ratio = dbmate ms / Tablewright ms: >= 1.0 means Tablewright is as fast or faster; per round: each"
echo "round's dbmate / Tablewright (the same conditions for both), the median over the rounds"
echo
echo "Client CPU (user + sys of the tool's process; the server's work is not in it), median ms:"
echo
echo "| case | dbmate | Tablewright |"
echo "|---|---:|---:|"
for driver in "${drivers[@]}"; do
  for what in up status; do
    printf '| %s: %s | %s | %s |\n' "$driver" "$what" "$(median "${cpu["$driver $what dbmate"]}")" \
      "$(median "${cpu["$driver $what tablewright"]}")"
  done
done
