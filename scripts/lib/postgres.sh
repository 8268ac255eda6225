# A throw-away PostgreSQL server for the tests. Sourced by scripts/test.sh.
# start_postgres sets PG_PORT and PG_USER; stop_postgres stops it and removes its files.

PG_USER=parley
PG_DIR=""
PG_RUN_AS=""

pg_bin_dir() {  # the newest installed PostgreSQL's bin directory, or nothing
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$initdb" ]; then dirname "$initdb"; return 0; fi
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
  return 0
}

pg_free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

pg_as_owner() {  # PostgreSQL refuses to run as root: run as its system user then
  if [ -n "$PG_RUN_AS" ]; then runuser -u "$PG_RUN_AS" -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin
  bin=$(pg_bin_dir)
  [ -n "$bin" ] || { echo "parley test: PostgreSQL is not installed" >&2; return 1; }
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/parley-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then
    PG_RUN_AS=postgres
    id -u "$PG_RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_RUN_AS"
    chown "$PG_RUN_AS" "$PG_DIR"
  fi
  PG_PORT=$(pg_free_port)
  pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U "$PG_USER" -A trust --no-sync -E UTF8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # fsync off: the data is thrown away after the run, durability buys nothing here.
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export PG_PORT PG_USER
}

stop_postgres() {
  local bin
  [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ] || return 0
  bin=$(pg_bin_dir)
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
