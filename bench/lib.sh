# Shared helpers for the bench/*.sh scripts; sourced, never run on its own.
#
# Everything a script starts (service JVMs, databases, scratch directories) is registered here
# and cleaned up by an EXIT trap: services get SIGTERM (so an embedded PostgreSQL is shut down
# by the service's own shutdown hook) and, only if still alive after STOP_TIMEOUT seconds,
# SIGKILL; bench databases are dropped; scratch directories are removed.
# Every wait and every load loop here is bounded in time, and only 127.0.0.1 is contacted.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="${JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"   # JAR=... runs another build (bench/ab.sh)
WORK="$ROOT/target/bench"                  # scratch space, under target/ (ignored by git)
CLASSES="$WORK/classes"

PG_HOST=127.0.0.1
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
ADMIN_PASSWORD="${BENCH_ADMIN_PASSWORD:-bench-Admin-pw-2025}"
LEGAL_USER=bench-legal
LEGAL_PASSWORD="${BENCH_LEGAL_PASSWORD:-bench-Legal-pw-2025}"
START_TIMEOUT="${START_TIMEOUT:-180}"      # seconds a service may take to answer
STOP_TIMEOUT="${STOP_TIMEOUT:-60}"         # seconds between SIGTERM and SIGKILL

mkdir -p "$WORK"

_PIDS=()
_DBS=()
_DIRS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# draft_etag BASE USER:PASSWORD: the ETag of GET /api/v1/draft/diff, the revision whose diff a
# publish reviewed. POST /api/v1/draft/publish must send it as If-Match (428 without, 412 if stale).
draft_etag() {
    curl -fsS -D - -o /dev/null -u "$2" "$1/api/v1/draft/diff" | etag_in
}

# etag_in: the ETag header's value in response headers read from stdin (curl -D).
etag_in() { tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ------------------------------------------------------------------ machine

machine_info() {
    echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host:    $(uname -sr), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM"
    echo "java:    $(java -version 2>&1 | head -2 | tail -1)"
    echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; other work on the machine makes figures noisy)"
    echo "commit:  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
}

# require_tools TOOL...: fails early, naming what is missing.
require_tools() {
    local missing=()
    for tool in "$@"; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    (( ${#missing[@]} == 0 )) || die "missing tools: ${missing[*]}"
}

# ------------------------------------------------------------------ load

# run_wrk SECONDS URL [ACCEPT] (wrk with $THREADS threads, $CONNECTIONS connections, Accept: application/json
# unless given) -> "<requests/s> <avg latency> <p99 latency> <non-2xx count>"
run_wrk() {
    local seconds=$1 url=$2 accept=${3:-application/json} out
    out=$(timeout $(( seconds + 30 )) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency \
        -H "Accept: $accept" "$url")
    local rps avg p99 bad
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    avg=$(awk '$1 == "Latency" {print $2; exit}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    bad=$(awk -F: '/Non-2xx/ {gsub(/ /, "", $2); print $2}' <<<"$out")
    echo "$rps ${avg:-?} ${p99:-?} ${bad:-0}"
}

# ------------------------------------------------------------------ build

ensure_jar() {
    if [[ ! -f "$JAR" ]]; then
        log "building the service (./mvnw -B -q package -DskipTests)"
        (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
    fi
}

# The service's compile+test classpath (for the diff harness, which calls the classes directly).
ensure_classpath() {
    if [[ ! -s "$ROOT/target/classpath.txt" || "$ROOT/pom.xml" -nt "$ROOT/target/classpath.txt" ]]; then
        log "resolving the classpath (./mvnw dependency:build-classpath)"
        (cd "$ROOT" && ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
    fi
    if [[ ! -d "$ROOT/target/classes/io/subregistry" ]]; then
        (cd "$ROOT" && ./mvnw -B -q compile)
    fi
}

# Compiles bench/java/*.java into target/bench/classes (javac; no build-tool changes).
compile_harness() {
    local cp="${1:-}"
    mkdir -p "$CLASSES"
    if [[ -n "$cp" ]]; then
        javac -nowarn -d "$CLASSES" -cp "$cp" "$BENCH_DIR"/java/*.java
    else
        javac -nowarn -d "$CLASSES" "$BENCH_DIR/java/Workload.java" "$BENCH_DIR/java/CsvGen.java"
    fi
}

# ------------------------------------------------------------------ processes

free_port() {   # a free port in PORT_MIN..PORT_MAX (default 20000..49999), never one handed out before in this run
    local port min=${PORT_MIN:-20000} max=${PORT_MAX:-49999} given="$WORK/.ports-given-$$"
    for _ in $(seq 1 200); do
        port=$(( min + RANDOM % (max - min + 1) ))
        if ! ss -Htln "sport = :$port" 2>/dev/null | grep -q . && ! grep -qx "$port" "$given" 2>/dev/null; then
            echo "$port" >>"$given"
            echo "$port"
            return 0
        fi
    done
    die "found no free port in $min-$max"
}

# start_service LOGFILE PORT [VAR=value ...]   -> sets SERVICE_PID
# Runs the packaged jar in $SERVICE_CWD (default: the repository root), bound to 127.0.0.1.
# Any QUARKUS_DATASOURCE_* of the caller's environment is removed; pass them explicitly.
start_service() {
    local logfile=$1 port=$2
    shift 2
    (
        cd "${SERVICE_CWD:-$ROOT}"
        # shellcheck disable=SC2086
        exec env -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME -u QUARKUS_DATASOURCE_PASSWORD \
            QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 "$@" \
            java ${SERVICE_JAVA_OPTS:-} -jar "$JAR"
    ) >"$logfile" 2>&1 &
    SERVICE_PID=$!
    _PIDS+=("$SERVICE_PID")
}

alive() {
    local pid=$1 state
    [[ -r /proc/$pid/status ]] || return 1
    state=$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$state" && "$state" != Z ]]
}

# wait_http URL PID [TIMEOUT_S]: polls every 50 ms until URL answers 200; fails if PID dies.
wait_http() {
    local url=$1 pid=$2 timeout=${3:-$START_TIMEOUT}
    local deadline=$(( $(now_ms) + timeout * 1000 ))
    while (( $(now_ms) < deadline )); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
            return 0
        fi
        alive "$pid" || { log "service $pid exited before answering $url"; return 1; }
        sleep 0.05
    done
    log "no answer from $url within ${timeout}s"
    return 1
}

# stop_service PID: SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL. Sets STOP_MS (how long it took).
# Call it directly, not in $(...): it must run in the shell that started the service.
stop_service() {
    local pid=$1 t0
    t0=$(now_ms)
    if alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        local deadline=$(( t0 + STOP_TIMEOUT * 1000 ))
        while alive "$pid" && (( $(now_ms) < deadline )); do
            sleep 0.1
        done
        if alive "$pid"; then
            log "service $pid ignored SIGTERM for ${STOP_TIMEOUT}s; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
    STOP_MS=$(( $(now_ms) - t0 ))
    local kept=()
    for p in ${_PIDS[@]+"${_PIDS[@]}"}; do [[ "$p" == "$pid" ]] || kept+=("$p"); done
    _PIDS=(${kept[@]+"${kept[@]}"})
}

# Resident memory of one process, in MiB (VmRSS).
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
# Proportional set size (shared pages divided among sharers), in MiB; empty if unavailable.
pss_mib() { awk '/^Pss:/ {printf "%.0f", $2/1024}' "/proc/$1/smaps_rollup" 2>/dev/null || true; }

# The postmaster of a data directory and its children (the embedded PostgreSQL's processes).
postgres_pids() {
    local datadir=$1 postmaster
    [[ -f "$datadir/postmaster.pid" ]] || return 0
    postmaster=$(head -1 "$datadir/postmaster.pid")
    alive "$postmaster" || return 0
    echo "$postmaster"
    pgrep -P "$postmaster" || true
}

# CPU time (user + system, in clock ticks) of the given processes so far; 0 for one that is gone.
cpu_ticks() {
    local total=0 pid t
    for pid in "$@"; do
        t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$(( total + ${t:-0} ))
    done
    echo "$total"
}
# thread_ticks PID: "name ticks" per kind of thread of a JVM (names as the kernel keeps them, 15
# characters, without their trailing numbers: vert.x-eventloo, executor-thread, C2_CompilerThre,
# GC_Thread…), CPU ticks so far.
thread_ticks() {
    local t
    for t in /proc/"$1"/task/*; do
        printf '%s %s\n' "$(sed -E 's/[-#_ ]*[0-9]+$//; s/ /_/g' "$t/comm" 2>/dev/null)" \
            "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"
    done | awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
# thread_cpu_per BEFORE_FILE AFTER_FILE N: the kinds of thread that used CPU in between, in µs per item.
thread_cpu_per() {
    join "$1" "$2" | awk -v n="$3" -v hz="$(getconf CLK_TCK)" '$3 > $2 { printf "%s %.0f\n", $1, ($3 - $2) / hz * 1e6 / n }' |
        sort -k2 -nr | awk '{printf "%s%s %s µs", (NR > 1 ? ", " : ""), $1, $2} END {print ""}'
}
# CPU time of every PostgreSQL process of the machine (the machine's server serves the benchmarks).
postgres_cpu_ticks() { cpu_ticks $(pgrep -x postgres || true); }
# ticks_us_per TICKS N: CPU microseconds per item.
ticks_us_per() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n + 0 == 0) print "-"; else printf "%.0f", t / hz * 1e6 / n }'; }

# ------------------------------------------------------------------ databases (machine PostgreSQL)

psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

require_postgres() {
    psql_admin -c 'select 1' >/dev/null 2>&1 \
        || die "no PostgreSQL at $PG_HOST:$PG_PORT for user $PG_USER (trust auth expected)"
}

create_db() {
    local name=$1
    psql_admin -c "drop database if exists \"$name\" with (force)" >/dev/null
    psql_admin -c "create database \"$name\"" >/dev/null
    _DBS+=("$name")
}

drop_db() {
    local name=$1
    psql_admin -c "drop database if exists \"$name\" with (force)" >/dev/null 2>&1 || log "could not drop database $name"
    local kept=()
    for d in ${_DBS[@]+"${_DBS[@]}"}; do [[ "$d" == "$name" ]] || kept+=("$d"); done
    _DBS=(${kept[@]+"${kept[@]}"})
}

external_db_env() {
    local name=$1
    echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$name"
    echo "QUARKUS_DATASOURCE_USERNAME=$PG_USER"
    echo "QUARKUS_DATASOURCE_PASSWORD="
}

# scratch_dir VAR PREFIX: a new directory under target/bench, removed at exit (after the services
# in it are stopped); its path goes into VAR (not printed: it must be registered in this shell).
scratch_dir() {
    local _scratch
    _scratch=$(mktemp -d "$WORK/$2.XXXXXX")
    _DIRS+=("$_scratch")
    printf -v "$1" "%s" "$_scratch"
}

# ------------------------------------------------------------------ statistics

# stats < numbers  ->  "median p90 min max n" (p90 by nearest rank)
stats() {
    sort -g | awk '{v[NR]=$1} END {
        if (NR == 0) { print "- - - - 0"; exit }
        m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
        r = int(0.9 * NR); if (r < 0.9 * NR) r++; if (r < 1) r = 1
        printf "%.3f %.3f %.3f %.3f %d\n", m, v[r], v[1], v[NR], NR }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

# ------------------------------------------------------------------ cleanup

# at_exit CMD: run CMD (eval'd) at exit after the scratch directories are removed, e.g. to stop a
# database cluster the script started. at_exit_first CMD: before the services are stopped, e.g. to
# bring back a database server a fault run had stopped, so its databases can still be dropped.
_AT_EXIT=()
_AT_EXIT_FIRST=()
at_exit() { _AT_EXIT+=("$1"); }
at_exit_first() { _AT_EXIT_FIRST+=("$1"); }

_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    for cmd in ${_AT_EXIT_FIRST[@]+"${_AT_EXIT_FIRST[@]}"}; do
        eval "$cmd" || true
    done
    for pid in ${_PIDS[@]+"${_PIDS[@]}"}; do
        log "stopping service $pid"
        stop_service "$pid" || true
    done
    for db in ${_DBS[@]+"${_DBS[@]}"}; do
        drop_db "$db"
    done
    for dir in ${_DIRS[@]+"${_DIRS[@]}"}; do
        rm -rf "$dir"
    done
    rm -f "$WORK/.ports-given-$$"
    for cmd in ${_AT_EXIT[@]+"${_AT_EXIT[@]}"}; do
        eval "$cmd" || true
    done
    exit "$rc"
}
trap _cleanup EXIT
trap 'exit 130' INT TERM
