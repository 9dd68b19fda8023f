#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for one run of the server tests (a ctest fixture).
#
#   pgfixture.sh start <dir> <env-file>   initdb in <dir>/primary, start it on a free port on
#                                         127.0.0.1, add a streaming standby (<dir>/standby) and
#                                         write <env-file>: KEY=VALUE lines the tests read
#   pgfixture.sh stop <dir> <env-file>    stop both servers and remove their data
#
# Only 127.0.0.1, no Unix socket. The superuser kontor_test logs in without a password (trust);
# the role kontor_app needs its password (scram-sha-256), for the tests of password handling.
# fsync is off: the data is thrown away. synchronous_standby_names names a standby that never
# connects, and synchronous_commit is `local` by default, so nothing waits for it, except a
# session that sets synchronous_commit = on: the test of a commit whose wait for the synchronous
# standby is cancelled.
#
# PostgreSQL refuses to run as root: as root, initdb and pg_ctl run as the `postgres` system
# user (Debian's postgresql package makes it), which then owns <dir>. Every PostgreSQL program
# starts with a clean environment, so no PGPASSWORD or PGHOST of the caller leaks in.
set -euo pipefail

action=${1:-}
dir=${2:-}
envfile=${3:-}
if [ -z "$action" ] || [ -z "$dir" ] || [ -z "$envfile" ]; then
    echo "usage: $0 start|stop <dir> <env-file>" >&2
    exit 2
fi

PG_BIN=${KONTOR_PG_BIN:-/usr/lib/postgresql/15/bin}
SUPERUSER=kontor_test
APP_USER=kontor_app
APP_PASSWORD=kontor-app-test-password

die() {
    echo "pgfixture: $*" >&2
    exit 1
}

as_root=false
[ "$(id -u)" -eq 0 ] && as_root=true

# Runs a PostgreSQL program as the user that owns the cluster, with a clean environment.
pg() {
    local clean=(env -i PATH="$PG_BIN:/usr/bin:/bin" LC_ALL=C.UTF-8 LANG=C.UTF-8)
    if $as_root; then
        "${clean[@]}" HOME=/var/lib/postgresql \
            setpriv --reuid postgres --regid postgres --init-groups "$@"
    else
        "${clean[@]}" HOME="${HOME:-/tmp}" "$@"
    fi
}

free_port() {
    local python=/usr/bin/python3
    [ -x "$python" ] || python=$(command -v python3 || true)
    if [ -n "$python" ]; then
        "$python" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
    else
        echo $((20000 + RANDOM % 30000))
    fi
}

stop_cluster() {
    local data=$1
    if [ -f "$data/postmaster.pid" ]; then
        pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 \
            || pg "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
}

# Starts the cluster in $1 on a free port, trying a few in case another process takes the one
# picked; prints the port.
start_cluster() {
    local data=$1 log=$2 port
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        if pg "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-p $port" start >/dev/null; then
            echo "$port"
            return 0
        fi
    done
    tail -n 20 "$log" >&2 || true
    return 1
}

case "$action" in
start)
    [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] \
        || die "no PostgreSQL server programs in $PG_BIN (Debian: apt-get install postgresql-15)"
    mkdir -p "$dir"
    # A run that was interrupted may have left its servers running.
    stop_cluster "$dir/standby"
    stop_cluster "$dir/primary"
    rm -rf "$dir/primary" "$dir/standby" "$envfile"
    if $as_root; then
        id postgres >/dev/null 2>&1 || die "running as root needs the postgres system user"
        chown postgres:postgres "$dir"
    fi
    pg test -w "$dir" || die "$dir is not writable by the user running PostgreSQL \
(as root: postgres must be able to reach it)"

    pg "$PG_BIN/initdb" -D "$dir/primary" -U "$SUPERUSER" --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        die "initdb failed"
    }
    pg sh -c "cat >>'$dir/primary/postgresql.conf'" <<EOF

# pgfixture.sh: a throwaway server for tests
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
full_page_writes = off
synchronous_commit = local
synchronous_standby_names = 'kontor_absent_standby'
max_connections = 200
max_wal_senders = 4
wal_keep_size = '1GB'
log_min_messages = warning
EOF
    pg sh -c "cat >'$dir/primary/pg_hba.conf'" <<EOF
# pgfixture.sh: loopback TCP only
host all $APP_USER 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
EOF
    port=$(start_cluster "$dir/primary" "$dir/primary.log") || die "the server did not start"
    pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$SUPERUSER" \
        -d postgres -c "CREATE ROLE $APP_USER LOGIN CREATEDB PASSWORD '$APP_PASSWORD'" \
        || die "cannot create the role $APP_USER"

    # A streaming standby: read-only, as a demoted leader would be.
    pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -D "$dir/standby" \
        -R -X stream -c fast >"$dir/basebackup.log" 2>&1 || {
        cat "$dir/basebackup.log" >&2
        die "pg_basebackup failed"
    }
    standby_port=$(start_cluster "$dir/standby" "$dir/standby.log") \
        || die "the standby did not start"

    cat >"$envfile" <<EOF
KONTOR_TEST_PG_URL=postgresql://$SUPERUSER@127.0.0.1:$port/postgres
KONTOR_TEST_PG_STANDBY_URL=postgresql://$SUPERUSER@127.0.0.1:$standby_port/postgres
KONTOR_TEST_PG_APP_USER=$APP_USER
KONTOR_TEST_PG_APP_PASSWORD=$APP_PASSWORD
EOF
    echo "pgfixture: PostgreSQL on 127.0.0.1:$port, standby on 127.0.0.1:$standby_port"
    ;;
stop)
    stop_cluster "$dir/standby"
    stop_cluster "$dir/primary"
    rm -rf "$dir/primary" "$dir/standby" "$envfile"
    echo "pgfixture: stopped"
    ;;
*)
    echo "usage: $0 start|stop <dir> <env-file>" >&2
    exit 2
    ;;
esac
