#!/usr/bin/env bash
# Benchmark 4 (startup): time from launching the packaged jar to its first answered request
# (GET /api/v1 answering 200, polled every 50 ms), and idle memory.
#
# Four series of STARTS starts each (median reported):
#   external-fresh     machine PostgreSQL, a new empty database per start (Flyway + sample data + admin)
#   external-restart   machine PostgreSQL, the same database again
#   embedded-fresh     embedded PostgreSQL, empty data directory (initdb included)
#   embedded-restart   embedded PostgreSQL, existing data directory
# After the last start of each restart series the service idles IDLE seconds, then VmRSS of the
# Java process (and, embedded, VmRSS and PSS of the PostgreSQL processes) is read from /proc.
#
#   bench/startup.sh
#   STARTS=5 IDLE=10 bench/startup.sh
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_tools java curl psql ss pgrep

STARTS="${STARTS:-5}"
IDLE="${IDLE:-10}"

ensure_jar
require_postgres

echo "== bench/startup.sh"
machine_info
echo "command: STARTS=$STARTS IDLE=$IDLE bench/startup.sh"
echo

# one_start SERIES LOGFILE [VAR=value ...]: launches the jar, waits for /api/v1, sets START_MS,
# QUARKUS_S (the "started in" figure of the log) and SERVICE_PID; leaves the service running.
one_start() {
    local series=$1 logfile=$2 port t0 deadline
    shift 2
    port=$(free_port)
    t0=$(now_ms)
    start_service "$logfile" "$port" REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$@"
    deadline=$(( t0 + START_TIMEOUT * 1000 ))
    START_MS=
    while (( $(now_ms) < deadline )); do
        if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/api/v1" 2>/dev/null; then
            START_MS=$(( $(now_ms) - t0 ))
            break
        fi
        alive "$SERVICE_PID" || break
        sleep 0.05
    done
    if [[ -z "$START_MS" ]]; then
        tail -40 "$logfile" >&2
        die "$series: no answer from the service (log: $logfile)"
    fi
    QUARKUS_S=$(grep -o 'started in [0-9.]*s' "$logfile" | head -1 | grep -o '[0-9.]*' || echo '?')
}

# idle_memory DATADIR: after IDLE seconds, prints the Java process's RSS and, if DATADIR has a
# running postmaster, the RSS and PSS of all its processes.
idle_memory() {
    local datadir=${1:-} pids rss=0 pss=0 count=0
    sleep "$IDLE"
    JAVA_RSS=$(rss_mib "$SERVICE_PID")
    JAVA_PSS=$(pss_mib "$SERVICE_PID")
    PG_LINE=""
    if [[ -n "$datadir" ]]; then
        mapfile -t pids < <(postgres_pids "$datadir")
        for p in ${pids[@]+"${pids[@]}"}; do
            rss=$(( rss + $(rss_mib "$p") ))
            pss=$(( pss + $(pss_mib "$p") ))
            count=$(( count + 1 ))
        done
        PG_LINE="$count PostgreSQL processes: RSS sum $rss MiB (counts shared buffers once per process), PSS sum $pss MiB"
    fi
}

report_series() {
    local series=$1
    shift
    local s
    s=$(printf '%s\n' "$@" | stats)
    read -r med _ min max n <<<"$s"
    printf '  %-18s median %7.0f ms   min %7.0f   max %7.0f   (n=%s)\n' "$series" "$med" "$min" "$max" "$n"
}

summary=()

# ---------------------------------------------------------------- external, fresh database each time
times=()
for i in $(seq 1 "$STARTS"); do
    db="bench_startup_${$}_$i"
    create_db "$db"
    mapfile -t db_env < <(external_db_env "$db")
    one_start external-fresh "$WORK/startup-external-fresh.log" "${db_env[@]}"
    stop_service "$SERVICE_PID"
    drop_db "$db"
    echo "external-fresh   #$i: first answer after $START_MS ms (log: started in ${QUARKUS_S}s); stopped in $STOP_MS ms"
    times+=("$START_MS")
done
summary+=("$(report_series external-fresh "${times[@]}")")

# ---------------------------------------------------------------- external, existing database
db="bench_startup_${$}_existing"
create_db "$db"
mapfile -t db_env < <(external_db_env "$db")
one_start external-prepare "$WORK/startup-external-restart.log" "${db_env[@]}"
stop_service "$SERVICE_PID"
times=()
for i in $(seq 1 "$STARTS"); do
    one_start external-restart "$WORK/startup-external-restart.log" "${db_env[@]}"
    msg="external-restart #$i: first answer after $START_MS ms (log: started in ${QUARKUS_S}s)"
    if (( i == STARTS )); then
        idle_memory
        msg+="; after ${IDLE}s idle: java VmRSS $JAVA_RSS MiB (PSS $JAVA_PSS MiB)"
        summary_mem_external="java VmRSS $JAVA_RSS MiB (PSS $JAVA_PSS MiB)"
    fi
    stop_service "$SERVICE_PID"
    echo "$msg; stopped in $STOP_MS ms"
    times+=("$START_MS")
done
drop_db "$db"
summary+=("$(report_series external-restart "${times[@]}")")

# ---------------------------------------------------------------- embedded, empty data directory
# check_stopped DATADIR: the embedded PostgreSQL must be gone after the service's SIGTERM.
check_stopped() {
    local datadir=$1 left
    left=$(postgres_pids "$datadir" | wc -l)
    if (( left > 0 )); then
        log "WARNING: $left PostgreSQL processes still run on $datadir after the service stopped"
        echo "NOT stopped"
    else
        echo "PostgreSQL stopped"
    fi
}
times=()
keep=""
for i in $(seq 1 "$STARTS"); do
    scratch_dir dir embedded-startup
    SERVICE_CWD=$dir
    one_start embedded-fresh "$WORK/startup-embedded-fresh.log"
    unset SERVICE_CWD
    stop_service "$SERVICE_PID"
    echo "embedded-fresh   #$i: first answer after $START_MS ms (log: started in ${QUARKUS_S}s); stopped in $STOP_MS ms, $(check_stopped "$dir/data")"
    times+=("$START_MS")
    [[ -n "$keep" ]] && rm -rf "$keep"
    keep=$dir
done
summary+=("$(report_series embedded-fresh "${times[@]}")")

# ---------------------------------------------------------------- embedded, existing data directory
times=()
for i in $(seq 1 "$STARTS"); do
    SERVICE_CWD=$keep
    one_start embedded-restart "$WORK/startup-embedded-restart.log"
    unset SERVICE_CWD
    msg="embedded-restart #$i: first answer after $START_MS ms (log: started in ${QUARKUS_S}s)"
    if (( i == STARTS )); then
        idle_memory "$keep/data"
        msg+="; after ${IDLE}s idle: java VmRSS $JAVA_RSS MiB (PSS $JAVA_PSS MiB); $PG_LINE"
        summary_mem_embedded="java VmRSS $JAVA_RSS MiB (PSS $JAVA_PSS MiB); $PG_LINE"
    fi
    stop_service "$SERVICE_PID"
    echo "$msg; stopped in $STOP_MS ms, $(check_stopped "$keep/data")"
    times+=("$START_MS")
done
summary+=("$(report_series embedded-restart "${times[@]}")")

echo
echo "summary (launch of java -jar to the first 200 from GET /api/v1; polling every 50 ms):"
printf '%s\n' "${summary[@]}"
echo "idle memory after ${IDLE}s:"
echo "  external (machine PostgreSQL): ${summary_mem_external:-?}"
echo "  embedded PostgreSQL:           ${summary_mem_embedded:-?}"
