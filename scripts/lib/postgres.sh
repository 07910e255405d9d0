# SPDX-License-Identifier: GPL-2.0-or-later
# A throwaway PostgreSQL 15 server on 127.0.0.1 for the tests. Source it, call pg_start, and it
# stops itself when the calling shell exits. Password authentication on TCP (scram-sha-256), so
# wrong credentials can be tested; the data lives in a temporary folder.

PG_BIN=/usr/lib/postgresql/15/bin
OOBM_PG_DIR=""

pg_run() {
    # initdb and pg_ctl refuse to run as root: run them as the postgres user then.
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_stop() {
    [ -n "$OOBM_PG_DIR" ] || return 0
    pg_run "$PG_BIN/pg_ctl" -D "$OOBM_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$OOBM_PG_DIR"
    OOBM_PG_DIR=""
}

pg_start() {
    [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 is not installed ($PG_BIN/initdb missing)"
    OOBM_PG_DIR=$(mktemp -d /tmp/oobm-pg.XXXXXX)
    trap pg_stop EXIT
    local password port
    password="oobm-test-$RANDOM$RANDOM"
    # Below the ephemeral range (32768-60999 on Linux), so no outgoing connection holds it.
    port=$(free_port 25432)
    printf '%s\n' "$password" >"$OOBM_PG_DIR/pwfile"
    mkdir -p "$OOBM_PG_DIR/sock"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres: "$OOBM_PG_DIR"
    fi
    pg_run "$PG_BIN/initdb" -D "$OOBM_PG_DIR/data" -U oobm --pwfile="$OOBM_PG_DIR/pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust --no-sync -E UTF8 --locale=C.UTF-8 \
        >"$OOBM_PG_DIR/initdb.log" 2>&1 || { cat "$OOBM_PG_DIR/initdb.log" >&2; die "initdb failed"; }
    pg_run "$PG_BIN/pg_ctl" -D "$OOBM_PG_DIR/data" -l "$OOBM_PG_DIR/server.log" -w \
        -o "-p $port -k $OOBM_PG_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
        start >/dev/null || { cat "$OOBM_PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
    export OOBM_TEST_PGSQL_DSN="postgresql://oobm@127.0.0.1:$port/postgres"
    export PGPASSWORD="$password"
    say "PostgreSQL 15 on 127.0.0.1:$port (throwaway, in $OOBM_PG_DIR)"
}
