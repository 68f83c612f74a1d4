#!/usr/bin/env bash
# Throw-away PostgreSQL 15 for the tests: 127.0.0.1 only, a free port, an
# unprivileged OS user, a temporary data directory, password (SCRAM) auth.
#
#   tools/pg-test-server.sh start STATE_DIR   # prints `export TW_TEST_PG_...` lines
#   tools/pg-test-server.sh stop STATE_DIR
set -euo pipefail

cmd=${1:?usage: pg-test-server.sh start|stop STATE_DIR}
state=${2:?usage: pg-test-server.sh start|stop STATE_DIR}
os_user=${TW_PG_OS_USER:-twtest}
pgbin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v pg_ctl)")

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$os_user" -- "$@"; else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$cmd" in
start)
  if [ "$(id -u)" -eq 0 ] && ! id "$os_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$os_user"
  fi
  mkdir -p "$state"
  chmod 755 "$state"
  [ "$(id -u)" -eq 0 ] && chown "$os_user" "$state"
  data="$state/data"
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
  pwfile="$state/pwfile"
  printf '%s\n' "$password" > "$pwfile"
  chmod 600 "$pwfile"
  [ "$(id -u)" -eq 0 ] && chown "$os_user" "$pwfile"
  as_owner "$pgbin/initdb" -D "$data" -U tablewright --auth=scram-sha-256 --pwfile="$pwfile" \
    --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
    || { cat "$state/initdb.log" >&2; exit 1; }
  rm -f "$pwfile"

  for _ in $(seq 1 30); do
    port=$((20000 + RANDOM % 30000))
    port_in_use "$port" && continue
    if as_owner "$pgbin/pg_ctl" -D "$data" -w -t 60 -l "$state/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
      restart="$( [ "$(id -u)" -eq 0 ] && echo "runuser -u $os_user -- " )$pgbin/pg_ctl -D $data -w -t 60 -m fast restart -l $state/server.log"
      cat > "$state/env" <<ENV
export TW_TEST_PG_HOST=127.0.0.1
export TW_TEST_PG_PORT=$port
export TW_TEST_PG_USER=tablewright
export TW_TEST_PG_PASSWORD=$password
export TW_TEST_PG_DB=postgres
export TW_TEST_PG_RESTART="$restart"
ENV
      chmod 600 "$state/env"
      cat "$state/env"
      echo "pg-test-server: PostgreSQL $(as_owner "$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
      exit 0
    fi
    grep -q "could not bind\|Address already in use" "$state/server.log" 2>/dev/null || { cat "$state/server.log" >&2; exit 1; }
  done
  echo "pg-test-server: no free port found" >&2
  exit 1
  ;;
stop)
  if [ -d "$state/data" ]; then
    as_owner "$pgbin/pg_ctl" -D "$state/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$state"
  ;;
*)
  echo "usage: pg-test-server.sh start|stop STATE_DIR" >&2
  exit 2
  ;;
esac
