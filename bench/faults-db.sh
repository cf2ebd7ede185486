#!/usr/bin/env bash
# Fault run (notices): the database server is restarted in the middle of a fan-out, while the
# service keeps running. N confirmed subscribers, one publish; once KILL_AT % of the announcements
# are SENT the PostgreSQL server is stopped (fast shutdown), kept down for DOWN seconds, and started
# again. The service is never restarted. Two parts:
#
#   machine   the machine's PostgreSQL: a dedicated cluster (pg_createcluster PG_CLUSTER_VERSION
#             PG_CLUSTER on PG_CLUSTER_PORT, created if missing, trust auth), stopped and started
#             with pg_ctlcluster. The shared cluster on 5432 is never touched.
#   embedded  the service's own embedded PostgreSQL (Zonky), stopped and started from outside the
#             JVM the way the service's library does it: its pg_ctl, run under `unshare -U` (the
#             library's trick to run PostgreSQL as root), on the same data directory with the
#             options in its postmaster.opts (so the same port).
#
#   bench/faults-db.sh                          # both parts, 10000 subscribers, ~4 min
#   PARTS=machine DOWN=30 bench/faults-db.sh
#
# Checks: the service is ready again by itself (same process) after the database returns; every
# subscriber ends with exactly one SENT announcement; duplicates received by the sink <= notices in
# flight at the stop (and none outside them); 0 FAILED. Figures: the in-flight count and what became
# of those notices, the duplicates, the time from the database's return to readiness and to the
# last send. "In flight at the stop" is exact: the JVM is frozen (SIGSTOP, with no write transaction
# open) while the notices it holds in SENDING are read and the server is stopped, then resumed. The
# stop is aimed at a moment when mails of the batch in hand are accepted by the sink but not yet
# recorded (catch_on_wire in fault-lib.sh), the case record-retry is for.
#
# The service runs with its production defaults for the lease (2m), the send timeout (30s) and
# registry.notices.record-retry (90s: how long a batch's outcomes are retried through an outage,
# kept below the lease), batches of BATCH (500). With DOWN below record-retry, the batch in flight
# at the stop finishes its sends and records them once the database is back: no duplicates. With
# DOWN above it (e.g. DOWN=40 RECORD_RETRY=10s LEASE=30s SEND_TIMEOUT=10s), the instance gives up recording; those
# notices stay SENDING under its lease, are taken over when the lease runs out and sent again: the
# duplicates, at most the notices in flight.
#
# Knobs: SUBSCRIBERS (10000), PARTS ("machine embedded"), DOWN (15 s), KILL_AT (30), BATCH (500),
# LEASE (2m), SEND_TIMEOUT (30s), RECORD_RETRY (90s), SESSIONS (10), PG_CLUSTER_VERSION (15),
# PG_CLUSTER (faults), PG_CLUSTER_PORT (18332), FANOUT_TIMEOUT (600 s), PORT_MIN/PORT_MAX (every
# port this run opens), DB_PREFIX (bench), SERVICE_JAVA_OPTS. Needs postfix (smtp-sink), gawk,
# psql, pg_createcluster/pg_ctlcluster (postgresql-common) for the machine part, unshare (util-linux)
# for the embedded part. Exit status 1 if any check printed FAIL.
set -euo pipefail
BATCH="${BATCH:-500}"
LEASE="${LEASE:-2m}"
SEND_TIMEOUT="${SEND_TIMEOUT:-30s}"
RECORD_RETRY="${RECORD_RETRY:-90s}"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=bench/smtp-lib.sh
source "$BENCH_DIR/smtp-lib.sh"
# shellcheck source=bench/fault-lib.sh
source "$BENCH_DIR/fault-lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss gawk
ensure_postfix_tools
ensure_jar

N="${SUBSCRIBERS:-10000}"
PARTS="${PARTS:-machine embedded}"
DOWN="${DOWN:-15}"
KILL_AT="${KILL_AT:-30}"
FANOUT_TIMEOUT="${FANOUT_TIMEOUT:-600}"
PG_CLUSTER_VERSION="${PG_CLUSTER_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-faults}"
PG_CLUSTER_PORT="${PG_CLUSTER_PORT:-18332}"

echo "== bench/faults-db.sh"
machine_info
jar_info
echo "command: SUBSCRIBERS=$N PARTS=\"$PARTS\" DOWN=$DOWN KILL_AT=$KILL_AT BATCH=$BATCH LEASE=$LEASE SEND_TIMEOUT=$SEND_TIMEOUT RECORD_RETRY=$RECORD_RETRY SESSIONS=$SESSIONS POOL=$POOL bench/faults-db.sh"
echo

# ------------------------------------------------------------------ the database server, per part

# The dedicated cluster of the machine's PostgreSQL: created if missing, started if stopped (and
# then stopped again at exit); PG_PORT points the helpers at it.
machine_cluster() {
    require_tools pg_lsclusters pg_createcluster pg_ctlcluster
    local status
    if ! pg_lsclusters -h | awk -v v="$PG_CLUSTER_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c {f = 1} END {exit !f}'; then
        log "creating the PostgreSQL cluster $PG_CLUSTER_VERSION/$PG_CLUSTER on port $PG_CLUSTER_PORT (trust auth)"
        pg_createcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER" -p "$PG_CLUSTER_PORT" -- --auth=trust >/dev/null
    fi
    read -r _ _ port status _ < <(pg_lsclusters -h | awk -v v="$PG_CLUSTER_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c')
    [[ "$port" == "$PG_CLUSTER_PORT" ]] || die "cluster $PG_CLUSTER_VERSION/$PG_CLUSTER listens on $port, not $PG_CLUSTER_PORT"
    if [[ "$status" != online ]]; then
        pg_ctlcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER" start
        at_exit "pg_ctlcluster $PG_CLUSTER_VERSION $PG_CLUSTER stop"
    fi
    PG_PORT=$PG_CLUSTER_PORT
    require_postgres
}
machine_stop() { pg_ctlcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER" stop -m fast; }
machine_start() { pg_ctlcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER" start; }
machine_down() { ! pg_lsclusters -h | awk -v v="$PG_CLUSTER_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c && $4 == "online" {f = 1} END {exit !f}'; }

# The embedded server: its data directory is SERVICE_CWD/data; pg_ctl is next to the running
# postgres binary; the options it was started with are in postmaster.opts.
EMB_DATA=
EMB_BIN=
EMB_OPTS=
embedded_learn() {
    local postmaster
    postmaster=$(head -1 "$EMB_DATA/postmaster.pid")
    EMB_BIN=$(dirname "$(readlink "/proc/$postmaster/exe")")
    # postmaster.opts: the binary, then its arguments in double quotes; pg_ctl takes -D itself and
    # the rest via -o.
    EMB_OPTS=$(gawk '{
        n = 0; s = $0
        while (match(s, /"[^"]*"/)) { a[++n] = substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH) }
        out = ""
        for (i = 1; i <= n; i++) { if (a[i] == "-D") { i++; continue } out = out (out == "" ? "" : " ") a[i] }
        print out }' "$EMB_DATA/postmaster.opts")
    PG_PORT=$(sed -n 4p "$EMB_DATA/postmaster.pid")
    [[ -x "$EMB_BIN/pg_ctl" && -n "$EMB_OPTS" && -n "$PG_PORT" ]] || die "could not learn how the embedded PostgreSQL runs"
}
embedded_stop() { unshare -U "$EMB_BIN/pg_ctl" -D "$EMB_DATA" stop -m fast -w >/dev/null; }
embedded_start() {
    unshare -U "$EMB_BIN/pg_ctl" -D "$EMB_DATA" -o "$EMB_OPTS" -l "$WORK/faults-db-embedded-pg.log" -w start >/dev/null
}
embedded_down() { [[ ! -f "$EMB_DATA/postmaster.pid" ]]; }

# ------------------------------------------------------------------ one part

# restart_part PART: the whole run against one kind of server (PART_STOP/PART_START/PART_DOWN are
# the part's functions).
restart_part() {
    local part=$1 port base pid logfile
    [[ "$part" == machine ]] && machine_cluster     # first: its port is taken before any other is chosen
    DUMP=$(mktemp -d /dev/shm/bench-faults-db.XXXXXX); _DIRS+=("$DUMP")
    scratch_dir SCRATCH "faults-db-$part"
    SINK_PORT=$(free_port)
    start_sink "$SINK_PORT" "$DUMP"
    port=$(free_port); base="http://127.0.0.1:$port"
    logfile="$WORK/faults-db-$part.log"
    local smtp_env=(REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD" REGISTRY_SAMPLE_DATA=false REGISTRY_TOKEN_SECRET="$TOKEN_SECRET"
        QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SINK_PORT" QUARKUS_MAILER_START_TLS=DISABLED
        QUARKUS_MAILER_OWN_HOST_NAME="$part.bench.test" QUARKUS_MAILER_MAX_POOL_SIZE="$POOL"
        REGISTRY_NOTICES_SEND_CONCURRENCY="$SESSIONS" REGISTRY_NOTICES_BATCH_SIZE="$BATCH"
        REGISTRY_NOTICES_LEASE="$LEASE" REGISTRY_NOTICES_SEND_TIMEOUT="$SEND_TIMEOUT"
        REGISTRY_NOTICES_RECORD_RETRY="$RECORD_RETRY" REGISTRY_NOTICES_DISPATCH_EVERY=1s)
    if [[ "$part" == machine ]]; then
        DB="${DB_PREFIX:-bench}_faultsdb_$$"
        create_db "$DB"
        start_instance "$logfile" "$port" "$DB" "$SINK_PORT" "$part.bench.test"
        PART_STOP=machine_stop; PART_START=machine_start; PART_DOWN=machine_down
        at_exit_first "machine_down && machine_start"
    else
        require_tools unshare
        SERVICE_CWD=$SCRATCH start_service "$logfile" "$port" "${smtp_env[@]}"
        EMB_DATA="$SCRATCH/data"
        DB=postgres
        PART_STOP=embedded_stop; PART_START=embedded_start; PART_DOWN=embedded_down
        at_exit_first "[[ -n \"\$EMB_BIN\" ]] && embedded_down && embedded_start"
    fi
    pid=$SERVICE_PID
    at_exit_first "kill -CONT $pid 2>/dev/null"
    wait_http "$base/q/health/ready" "$pid" || { tail -40 "$logfile" >&2; die "($part) service did not start"; }
    [[ "$part" == embedded ]] && embedded_learn
    local server_desc
    if [[ "$part" == machine ]]; then
        server_desc="PostgreSQL $(psql_admin -c 'show server_version') cluster $PG_CLUSTER_VERSION/$PG_CLUSTER on port $PG_PORT"
    else
        server_desc="embedded PostgreSQL $(sql "$DB" 'show server_version') on port $PG_PORT, data in $EMB_DATA, pg_ctl in $EMB_BIN"
    fi
    prepare_registry "$base"
    seed_subscribers "$DB" "$N"
    local code secs t_publish
    t_publish=$(now_ms)
    read -r code secs VERSION < <(publish_addition "$base" "Gong.io")
    [[ "$code" == 201 ]] || die "($part) publish answered $code: $(cat "$WORK/publish-body.json")"
    log "($part) published version $VERSION in ${secs}s: $N announcements queued"

    local sent_seen
    sent_seen=$(wait_sent_percent "$DB" "$VERSION" "$N" "$KILL_AT" "$FANOUT_TIMEOUT") \
        || die "($part) fewer than $KILL_AT % sent after ${FANOUT_TIMEOUT}s"

    # The stop, aimed like the kills of faults.sh at a moment when the instance has mails of its
    # batch accepted by the sink but not yet recorded (see catch_on_wire): the JVM stays frozen
    # while what it holds is read and the server goes down, then it resumes.
    catch_on_wire "$DB" "$VERSION" "$DUMP" m. "$pid"
    local sent_stop received_stop inflight
    sent_stop=$CATCH_SENT
    inflight=$(wc -l <"$SCRATCH/inflight")
    received_stop=$CAUGHT
    local t_stop t_down t_up
    t_stop=$(now_ms)
    $PART_STOP
    t_down=$(now_ms)
    kill -CONT "$pid"
    log "($part) database stopped at $sent_stop SENT ($inflight in flight, $received_stop of them already received); down for ${DOWN}s"
    local codes_down="" c
    while (( $(now_ms) < t_down + DOWN * 1000 )); do
        c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/q/health/ready" 2>/dev/null || true)
        [[ "$c" =~ ^[1-9] ]] || c="no-answer-in-2s"
        codes_down+="$c "
        sleep 1
    done
    local received_down
    received_down=$(sink_index "$DUMP" | awk '$3 == 1' | wc -l)
    $PART_START
    t_up=$(now_ms)
    $PART_DOWN && die "($part) the database did not come back"
    log "($part) database back after $(( (t_up - t_stop) / 1000 ))s"

    local ready_ms=-
    local deadline=$(( t_up + 300000 ))
    while (( $(now_ms) < deadline )); do
        if curl -fsS -o /dev/null --max-time 2 "$base/q/health/ready" 2>/dev/null; then
            ready_ms=$(( $(now_ms) - t_up ))
            break
        fi
        alive "$pid" || break
        sleep 0.1
    done
    wait_drained "$DB" "$VERSION" "$FANOUT_TIMEOUT" || log "($part) not drained after ${FANOUT_TIMEOUT}s"
    local last_sent_ms first_after_ms
    read -r last_sent_ms first_after_ms < <(sql "$DB" "select (extract(epoch from max(sent_at)) * 1000)::bigint,
                                                        (extract(epoch from min(sent_at) filter (where sent_at > to_timestamp($t_up / 1000.0))) * 1000)::bigint
                                                   from notice where $(announcement_where "$VERSION")")
    local counts attempts_inflight s_sent s_queued s_retrying s_sending s_other failed_total
    counts=$(notice_counts "$DB" "$VERSION")
    failed_total=$(echo "$counts" | awk '{print $5}')
    read -r s_sent s_queued s_retrying s_sending s_other < <(status_of_ids "$DB" "$SCRATCH/inflight")
    attempts_inflight=-
    if [[ -s "$SCRATCH/inflight" ]]; then
        attempts_inflight=$(sql "$DB" "select attempts || ':' || count(*) from notice where id = any ($(id_array "$SCRATCH/inflight"))
                                        group by attempts order by attempts" | paste -sd' ')
    fi
    received_report "$DUMP" "$SCRATCH"
    local dup_inflight dup_other
    dup_inflight=$(count_in "$DUPS" "$SCRATCH/inflight")
    dup_other=$(( DUPES - dup_inflight ))
    local recorded_late gave_up ready_now same_process
    recorded_late=$(grep -c 'Could not record notice outcomes' "$logfile" || true)
    gave_up=$(grep -c 'ERROR' "$logfile" || true)
    ready_now=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/q/health/ready" || true)
    same_process=0; alive "$pid" && same_process=1
    local none one more rows
    read -r none one more rows < <(per_subscriber "$DB" "$VERSION")

    echo "($part) $server_desc restarted mid fan-out; N = $N; the service was not restarted"
    printf '  stopped at %s of %s SENT (%s %%; the poll first saw %s); the stop took %s s, down %s s (stop -> start)\n' \
        "$sent_stop" "$N" "$(( sent_stop * 100 / N ))" "$sent_seen" "$(seconds $(( t_down - t_stop )))" "$(seconds $(( t_up - t_stop )))"
    printf '  in flight at the stop (SENDING under its lease): %s, of which already received by the sink: %s (caught on the wire at try %s)\n' \
        "$inflight" "$received_stop" "$CATCH_TRY"
    printf '  readiness while the database was down (one probe a second): %s\n' "$(echo "$codes_down" | tr ' ' '\n' | grep . | sort | uniq -c | awk '{printf "%s x %s  ", $1, $2}')"
    printf '  mails received by the sink while the database was down (total so far): %s\n' "$received_down"
    printf '  database back -> service ready: %s s; -> first SENT after it: %s s; -> last SENT: %s s; publish -> all sent: %s s\n' \
        "$(seconds "$ready_ms")" "$(seconds $(( ${first_after_ms:-$t_up} - t_up )))" "$(seconds $(( last_sent_ms - t_up )))" "$(seconds $(( DRAINED_MS - t_publish )))"
    printf '  the in-flight notices at the end: SENT %s, QUEUED %s, RETRYING %s, SENDING %s, other %s; attempts (attempts:count): %s\n' \
        "$s_sent" "$s_queued" "$s_retrying" "$s_sending" "$s_other" "$attempts_inflight"
    printf '  log: %s "Could not record notice outcomes ... trying again" warnings, %s ERROR lines\n' "$recorded_late" "$gave_up"
    grep -h 'Could not record\|ERROR' "$logfile" | cut -c1-220 | sort | uniq -c | sort -rn | head -4 | sed 's/^/    /' || true
    printf '  final counts (sent queued sending retrying failed total): %s\n' "$counts"
    printf '  sink: %s received, %s distinct, %s duplicates (%s among the in-flight notices, %s others); cut transfers: %s\n' \
        "$RECEIVED" "$DISTINCT" "$DUPES" "$dup_inflight" "$dup_other" "$INCOMPLETE"
    printf '  SENT announcements: %s rows for %s subscribers; subscribers with 0 SENT: %s, with 1: %s, with more: %s\n' \
        "$rows" "$N" "$none" "$one" "$more"
    check "$part" $(( same_process == 1 )) "the service kept running (pid $pid, never restarted)"
    check "$part" $(( ready_now == 200 )) "ready again by itself ${ready_ms} ms after the database returned"
    check "$part" $(( rows == N && none == 0 && more == 0 )) "exactly one SENT announcement per subscriber ($rows SENT rows, $none without, $more with more)"
    check "$part" $(( DISTINCT == N )) "every announcement received by the sink ($DISTINCT distinct of $N)"
    check "$part" $(( DUPES <= inflight && dup_other == 0 )) \
        "duplicates received $DUPES <= in flight at the stop $inflight (outside the in-flight set: $dup_other)"
    check "$part" $(( failed_total == 0 )) "0 FAILED ($failed_total)"
    echo

    stop_service "$pid"             # (the embedded server stops with it)
    EMB_BIN=                        # nothing left to bring back at exit
    stop_service "$SINK_PID"
    [[ "$part" == machine ]] && drop_db "$DB"
    rm -rf "${DUMP:?}"
}

t_start=$(now_ms)
for part in $PARTS; do
    case $part in
        machine|embedded) restart_part "$part" ;;
        *) die "unknown part $part (machine embedded)" ;;
    esac
done

print_checks "bench/faults-db.sh, N = $N, down $DOWN s, batch $BATCH, lease $LEASE, record-retry $RECORD_RETRY, $(seconds $(( $(now_ms) - t_start ))) s"
