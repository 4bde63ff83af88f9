#!/usr/bin/env bash
# nocturne-server under wrk on loopback, on SQLite and on PostgreSQL:
#   - the incident-list page (GET /api/v1/incidents?limit=50) with ~5k incidents stored;
#   - event batches (POST /api/v1/events, 500 new events per request), durably stored
#     (SQLite synchronous=FULL; PostgreSQL with fsync and synchronous_commit on).
# Each figure is the median of three runs. Figures go in notes, not in tests.
#
# usage: bench/server_bench.sh [BIN_DIR]     (default: build/bin; needs wrk, python3,
#        PostgreSQL 15 in /usr/lib/postgresql/15/bin for the second half)
# env:   BACKENDS="sqlite postgresql" (either or both), LIST_SECONDS=0 skips the list page
set -euo pipefail

BIN=$(cd "${1:-build/bin}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
PGBIN=/usr/lib/postgresql/15/bin
RUNS=3
LIST_SECONDS=${LIST_SECONDS:-10}
POST_SECONDS=${POST_SECONDS:-5}
BODIES=${BODIES:-300} # per run; enough that no thread runs out (checked)
BATCH=500
BACKENDS=${BACKENDS:-sqlite postgresql}

WORK=$(mktemp -d /tmp/nocturne-server-bench.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=""
PG_DATA=""

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    [ -n "$PG_DATA" ] && as_postgres "$PGBIN/pg_ctl" stop -D "$PG_DATA" -m fast >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

start_server() { # $1 = database spec
    "$BIN/nocturne-server" --db "$1" --create --listen 127.0.0.1:0 >"$WORK/server.out" 2>"$WORK/server.err" &
    SERVER_PID=$!
    for _ in $(seq 200); do
        grep -q "listening on" "$WORK/server.out" 2>/dev/null && break
        sleep 0.1
    done
    PORT=$(grep -o '[0-9]*$' "$WORK/server.out")
    URL="http://127.0.0.1:$PORT"
}

stop_server() {
    kill "$SERVER_PID" && wait "$SERVER_PID" || true
    SERVER_PID=""
}

make_token() { # $1 = database spec
    "$BIN/nocturnectl" --db "$1" user add bench --role admin --display-name Bench >/dev/null
    TOKEN=$("$BIN/nocturnectl" --db "$1" token create bench --label bench)
}

seed_through_api() { # ~5k incidents: 50 batches of 100 opened events and 400 comments
    python3 "$HERE/wrk/make_event_bodies.py" "$WORK/seed" 50 "$BATCH" bench 900000
    for f in "$WORK"/seed/body-*.json; do
        curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            --data-binary @"$f" "$URL/api/v1/events"
    done
}

bench_backend() { # $1 = name, $2 = database spec
    local name=$1 db=$2
    local total
    total=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/incidents?scope=all&limit=1" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    echo "== $name: $total incidents stored"

    if [ "$LIST_SECONDS" -gt 0 ]; then
        local list=()
        for run in $(seq $RUNS); do
            list+=("$(wrk -t2 -c32 -d"${LIST_SECONDS}"s -H "Authorization: Bearer $TOKEN" \
                "$URL/api/v1/incidents?limit=50" | awk '/Requests\/sec/ { print $2 }')")
        done
        echo "$name list page (limit=50): median $(printf '%s\n' "${list[@]}" | median) req/s  (runs: ${list[*]})"
    fi

    local events=()
    for run in $(seq $RUNS); do
        local dir="$WORK/bodies-$name-$run"
        python3 "$HERE/wrk/make_event_bodies.py" "$dir" "$BODIES" "$BATCH" bench "$((run * 100000))"
        local out
        out=$(BODY_DIR="$dir" BODY_COUNT="$BODIES" BATCH="$BATCH" TOKEN="$TOKEN" \
            wrk -t2 -c4 -d"${POST_SECONDS}"s -s "$HERE/wrk/post_events.lua" "$URL")
        if ! grep -q "batches_not_accepted 0" <<<"$out"; then echo "$out"; echo "some batches were not accepted" >&2; exit 1; fi
        if ! grep -q "requests_after_bodies_ran_out 0" <<<"$out"; then echo "warning: bodies ran out; raise BODIES" >&2; fi
        events+=("$(awk '/events_per_second/ { print $2 }' <<<"$out")")
        rm -rf "$dir"
    done
    echo "$name event batches ($BATCH per POST): median $(printf '%s\n' "${events[@]}" | median) events/s  (runs: ${events[*]})"
}

# SQLite: demo history first (nocturnectl), then the server takes the file over.
if [[ " $BACKENDS " == *" sqlite "* ]]; then
    "$BIN/nocturnectl" --db "$WORK/bench.db" demo --incidents 5000 --days 60 --seed 42 >/dev/null
    start_server "$WORK/bench.db"
    make_token "$WORK/bench.db"
    bench_backend sqlite "$WORK/bench.db"
    stop_server
fi

# PostgreSQL: a throwaway cluster, seeded through the API.
if [[ " $BACKENDS " != *" postgresql "* ]]; then
    : # not asked for
elif [ -x "$PGBIN/initdb" ]; then
    PG_DATA="$WORK/pg"
    mkdir -p "$PG_DATA" && chown postgres "$PG_DATA" 2>/dev/null || true
    as_postgres "$PGBIN/initdb" -A trust -U postgres -E UTF8 --locale=C -D "$PG_DATA" >/dev/null
    PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_postgres "$PGBIN/pg_ctl" start -w -D "$PG_DATA" -l "$PG_DATA/log" \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA -c fsync=on -c synchronous_commit=on" >/dev/null
    as_postgres "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE bench" >/dev/null
    PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/bench"
    start_server "$PG_URL"
    make_token "$PG_URL"
    seed_through_api
    bench_backend postgresql "$PG_URL"
    stop_server
else
    echo "PostgreSQL 15 not installed: skipping the PostgreSQL half"
fi
