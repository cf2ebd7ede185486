#!/usr/bin/env bash
# Fault runs (notices), each on a fresh database: what happens to the announcements of one
# published version when, in the middle of their fan-out to N confirmed subscribers,
#
#   (a) the only instance is killed with kill -9 (once 30 % of them are SENT, while a batch is on
#       the wire), then restarted;
#   (b) the only instance gets SIGTERM instead (graceful stop), then is restarted;
#   (c) -- no fault -- two instances share the queue from the start;
#   (d) the SMTP server is gone for OUTAGE seconds (the sink is stopped, then a new one is started
#       on the same port, dumping into the same directory): notices go RETRYING, then SENT.
#
#   bench/faults.sh                               # parts a b c d, 10000 subscribers, ~4 min
#   SUBSCRIBERS=2000 PARTS="a b" bench/faults.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and Postfix's smtp-sink
# (installed with apt-get if missing). Each part has its own database, dropped at its end, and its
# own smtp-sink keeping every message received in /dev/shm (removed at exit), so that what was
# actually received is counted: duplicates by Message-ID (a notice keeps it on every attempt), and
# the sending instance by the name it greets the sink with (X-Helo-Args). Service logs:
# target/bench/faults-<part>-<n>.log.
#
# The figure "in flight" at a kill is the number of notices the instance held in SENDING (claimed
# under its lease, outcome not yet recorded): with batches of BATCH notices, up to BATCH of them,
# of which SESSIONS at most are on the wire. The signal is aimed at a moment when the instance has
# mails of its batch accepted by the sink but not yet recorded (see catch_on_wire in
# fault-lib.sh): the JVM is frozen with SIGSTOP (when it has no write transaction open), the
# database and the sink are read, and then the signal is sent (SIGCONT after SIGTERM).
#
# Knobs: SUBSCRIBERS (10000), PARTS ("a b c d"), BATCH (100), LEASE (20s), SEND_TIMEOUT (5s: it
# must stay below LEASE, or no send is attempted at all), GRACE (20s, the
# shutdown grace), RETRY_BASE (5s), SESSIONS (10), OUTAGE (30 s), KILL_AT (30: percent SENT),
# WIRE_MIN (5), CATCH_TRIES (10): the signal is aimed at a batch on the wire, see catch_on_wire,
# FANOUT_TIMEOUT (300 s), plus PG_PORT, PG_USER, SERVICE_JAVA_OPTS as in every bench script.
# Exit status 1 if any check printed FAIL.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=bench/smtp-lib.sh
source "$BENCH_DIR/smtp-lib.sh"
# shellcheck source=bench/fault-lib.sh
source "$BENCH_DIR/fault-lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss gawk
ensure_postfix_tools
require_postgres
ensure_jar

N="${SUBSCRIBERS:-10000}"
PARTS="${PARTS:-a b c d}"
OUTAGE="${OUTAGE:-30}"
KILL_AT="${KILL_AT:-30}"
GRACE_S=$(duration_s "$GRACE")

echo "== bench/faults.sh"
machine_info
jar_info
echo "command: SUBSCRIBERS=$N PARTS=\"$PARTS\" BATCH=$BATCH LEASE=$LEASE SEND_TIMEOUT=$SEND_TIMEOUT GRACE=$GRACE RETRY_BASE=$RETRY_BASE SESSIONS=$SESSIONS OUTAGE=$OUTAGE KILL_AT=$KILL_AT WIRE_MIN=$WIRE_MIN bench/faults.sh"
echo

summary=()
failures=0
check() {   # check PART OK TEXT
    summary+=("$(printf '%-4s %s  %s' "$(verdict "$2")" "$1" "$3")")
    [[ "$2" == 1 ]] || failures=$(( failures + 1 ))
}

# setup_part PART: a fresh database, dump directory and sink -> DB, DUMP, SINK_PORT, SINK_PID, SCRATCH
setup_part() {
    DB="bench_faults_$$_$1"
    create_db "$DB"
    DUMP=$(mktemp -d /dev/shm/bench-faults.XXXXXX); _DIRS+=("$DUMP")
    scratch_dir SCRATCH "faults-$1"
    SINK_PORT=$(free_port)
    start_sink "$SINK_PORT" "$DUMP"
}

teardown_part() {
    local pid
    for pid in "$@"; do stop_service "$pid"; done
    stop_service "$SINK_PID"
    drop_db "$DB"
    rm -rf "${DUMP:?}"
}

# start_ready LOGFILE PORT NAME -> PID (SERVICE_PID) once /q/health/ready answers
start_ready() {
    start_instance "$1" "$2" "$DB" "$SINK_PORT" "$3"
    wait_http "http://127.0.0.1:$2/q/health/ready" "$SERVICE_PID" || { tail -40 "$1" >&2; die "service $3 did not start"; }
}

# publish_version BASE -> VERSION, PUBLISH_MS (when the publish was sent)
publish_version() {
    local code secs
    PUBLISH_MS=$(now_ms)
    read -r code secs VERSION < <(publish_addition "$1" "Gong.io")
    [[ "$code" == 201 ]] || die "publish answered $code: $(cat "$WORK/publish-body.json")"
    log "published version $VERSION in ${secs}s: $N announcements queued"
}


# exactly_one PART VERSION: the per-subscriber check, printed and added to the summary.
exactly_one() {
    local part=$1 version=$2 none one more rows
    read -r none one more rows < <(per_subscriber "$DB" "$version")
    printf '  SENT announcements: %s rows for %s subscribers; subscribers with 0 SENT: %s, with 1: %s, with more: %s\n' \
        "$rows" "$N" "$none" "$one" "$more"
    check "$part" $(( rows == N && none == 0 && more == 0 )) "exactly one SENT announcement per subscriber ($rows SENT rows, $none without, $more with more)"
    check "$part" $(( DISTINCT == N )) "every subscriber's announcement received by the sink ($DISTINCT distinct of $N)"
}

# begin_fanout PART: a fresh part (database, sink), its first instance ready, the registry
# prepared, N subscribers seeded and a version published. Sets PORT, BASE and PID.
begin_fanout() {
    local part=$1
    setup_part "$part"
    PORT=$(free_port); BASE="http://127.0.0.1:$PORT"
    start_ready "$WORK/faults-$part-1.log" "$PORT" "$part-life1.bench.test"; PID=$SERVICE_PID
    prepare_registry "$BASE"
    seed_subscribers "$DB" "$N"
    publish_version "$BASE"
}

# ------------------------------------------------------------------ (a) kill -9, (b) SIGTERM

signal_part() {
    local part=$1 signal=$2 port base pid1 pid2 sent_seen sent_frozen inflight inflight_after t_signal
    begin_fanout "$part"
    port=$PORT; base=$BASE; pid1=$PID

    sent_seen=$(wait_sent_percent "$DB" "$VERSION" "$N" "$KILL_AT" "$FANOUT_TIMEOUT") \
        || die "($part) fewer than $KILL_AT % sent after ${FANOUT_TIMEOUT}s"
    catch_on_wire "$DB" "$VERSION" "$DUMP" m. "$pid1"
    sent_frozen=$CATCH_SENT
    inflight=$(wc -l <"$SCRATCH/inflight")
    local accepted=$CAUGHT
    read -r _ q_frozen _ r_frozen _ _ < <(notice_counts "$DB" "$VERSION")
    t_signal=$(now_ms)
    local released=- left=- finished=- released_all=- during=- claimed_after=- exit_note inflight_after=-
    if [[ "$signal" == KILL ]]; then
        kill -KILL "$pid1"
        wait_exit "$pid1" 30 || die "($part) the JVM outlived kill -9"
        sleep 0.5
        sending_ids "$DB" "$VERSION" "$pid1" >"$SCRATCH/inflight-after"
        inflight_after=$(wc -l <"$SCRATCH/inflight-after")
        exit_note="exit status $EXIT_CODE"
        log "($part) kill -9 at $sent_frozen SENT; $inflight in SENDING (after the kill: $inflight_after)"
    else
        kill -TERM "$pid1"
        kill -CONT "$pid1"
        t_signal=$(now_ms)
        if ! wait_exit "$pid1" $(( GRACE_S + 40 )); then
            log "($part) still alive $(( GRACE_S + 40 ))s after SIGTERM"
            stop_service "$pid1"
            EXIT_CODE="killed after $(( STOP_MS / 1000 ))s more"
        fi
        exit_note="exit status $EXIT_CODE"
        during=$(( $(sent_count "$DB" "$VERSION") - sent_frozen ))
        left=$(sending_ids "$DB" "$VERSION" "$pid1" | wc -l)
        local s_sent s_queued s_retrying s_sending s_other
        read -r s_sent s_queued s_retrying s_sending s_other < <(status_of_ids "$DB" "$SCRATCH/inflight")
        finished=$s_sent
        released=$(( s_queued + s_retrying ))
        # Released notices keep the token hash their claim stored; never-claimed ones have none.
        released_all=$(sql "$DB" "select count(*) from notice where $(announcement_where "$VERSION")
                                    and status in ('QUEUED', 'RETRYING') and token_hash is not null")
        claimed_after=$(( during + released_all - inflight ))
        log "($part) SIGTERM at $sent_frozen SENT with $inflight in SENDING; exited after ${EXIT_MS} ms ($exit_note)"
    fi
    local stop_ms=$EXIT_MS
    local sent_before_restart
    sent_before_restart=$(sent_count "$DB" "$VERSION")

    local t_restart
    t_restart=$(now_ms)
    start_ready "$WORK/faults-$part-2.log" "$port" "$part-life2.bench.test"; pid2=$SERVICE_PID
    local ready_ms=$(( $(now_ms) - t_restart ))
    wait_drained "$DB" "$VERSION" "$FANOUT_TIMEOUT" || log "($part) not drained after ${FANOUT_TIMEOUT}s"
    local total_ms=$(( DRAINED_MS - PUBLISH_MS ))
    local read_counts
    read_counts=$(notice_counts "$DB" "$VERSION")
    received_report "$DUMP" "$SCRATCH"
    local dup_inflight dup_other
    dup_inflight=$(count_in "$DUPS" "$SCRATCH/inflight")
    dup_other=$(( DUPES - dup_inflight ))

    echo "($part) $( [[ $signal == KILL ]] && echo 'kill -9' || echo 'SIGTERM') of the only instance mid fan-out, then a restart; N = $N"
    printf '  signal at %s of %s SENT (%s %%; the poll first saw %s); queued %s, retrying %s\n' \
        "$sent_frozen" "$N" "$(( sent_frozen * 100 / N ))" "$sent_seen" "$q_frozen" "$r_frozen"
    printf '  in flight (SENDING under its lease) at the signal: %s, of which already accepted by the sink: %s (caught on the wire at try %s)\n' \
        "$inflight" "$accepted" "$CATCH_TRY"
    if [[ "$signal" == KILL ]]; then
        printf '  still SENDING under the dead lease after the kill: %s (taken over when the lease of %s runs out)\n' \
            "$inflight_after" "$LEASE"
    else
        printf '  stopped %s ms after SIGTERM (%s; shutdown grace %s)\n' "$stop_ms" "$exit_note" "$GRACE"
        printf '  of the %s in flight: %s finished SENT by it, %s released (QUEUED/RETRYING), %s left in SENDING under its lease\n' \
            "$inflight" "$finished" "$released" "$left"
        printf '  SENT records it made after the signal: %s; released notices in the whole queue (QUEUED/RETRYING with a stored token): %s\n' \
            "$during" "$released_all"
        printf '  so claimed after the signal (SENT records after it + released - in flight at it): %s\n' "$claimed_after"
        grep -h 'grace period\|Could not record\|ERROR' "$WORK/faults-$part-1.log" | tail -5 | sed 's/^/  log: /' || true
    fi
    printf '  SENT when restarted: %s; restart -> ready %s s; publish -> all sent %s s; final counts (sent queued sending retrying failed total): %s\n' \
        "$sent_before_restart" "$(seconds "$ready_ms")" "$(seconds "$total_ms")" "$read_counts"
    printf '  sink: %s received, %s distinct, %s duplicates (%s of them among the in-flight notices, %s others); cut transfers: %s\n' \
        "$RECEIVED" "$DISTINCT" "$DUPES" "$dup_inflight" "$dup_other" "$INCOMPLETE"
    printf '  received per sender: %s\n' "$(senders "$INDEX")"
    exactly_one "$part" "$VERSION"
    if [[ "$signal" == KILL ]]; then
        check "$part" $(( DUPES <= inflight && dup_other == 0 )) \
            "kill -9: duplicates received $DUPES <= in flight at the kill $inflight (accepted by the sink but unrecorded at the kill: $accepted; duplicates outside the in-flight set: $dup_other)"
    else
        check "$part" $(( DUPES == 0 )) "SIGTERM: duplicates received $DUPES (target 0)"
        check "$part" $(( left == 0 )) "SIGTERM: nothing left in SENDING under its lease after it stopped ($left)"
        check "$part" $(( claimed_after == 0 )) "SIGTERM: no notice claimed after the signal ($claimed_after)"
        check "$part" $(( stop_ms <= GRACE_S * 1000 + 15000 )) \
            "SIGTERM: stopped within grace $GRACE + 15 s of the rest of the shutdown (${stop_ms} ms)"
    fi
    echo
    teardown_part "$pid2"
}

# ------------------------------------------------------------------ (c) two instances

two_instances_part() {
    local part=c port1 port2 base1 base2 pid1 pid2 m1 m2
    setup_part "$part"
    port1=$(free_port); port2=$(free_port); base1="http://127.0.0.1:$port1"; base2="http://127.0.0.1:$port2"
    start_ready "$WORK/faults-c-1.log" "$port1" "c-inst1.bench.test"; pid1=$SERVICE_PID
    start_ready "$WORK/faults-c-2.log" "$port2" "c-inst2.bench.test"; pid2=$SERVICE_PID
    prepare_registry "$base1"
    seed_subscribers "$DB" "$N"
    publish_version "$base1"
    wait_drained "$DB" "$VERSION" "$FANOUT_TIMEOUT" || log "(c) not drained after ${FANOUT_TIMEOUT}s"
    local total_ms=$(( DRAINED_MS - PUBLISH_MS ))
    m1=$(metric_sent "$base1"); m2=$(metric_sent "$base2")
    received_report "$DUMP" "$SCRATCH"
    echo "(c) two instances share the queue from the start (publish through instance 1); N = $N"
    printf '  publish -> all sent %s s; final counts (sent queued sending retrying failed total): %s\n' \
        "$(seconds "$total_ms")" "$(notice_counts "$DB" "$VERSION")"
    printf '  SENT per instance (registry_notices_total{outcome="sent"}): instance 1 %s, instance 2 %s\n' "$m1" "$m2"
    printf '  received per sender (sink): %s\n' "$(senders "$INDEX")"
    printf '  sink: %s received, %s distinct, %s duplicates; cut transfers: %s\n' "$RECEIVED" "$DISTINCT" "$DUPES" "$INCOMPLETE"
    exactly_one "$part" "$VERSION"
    check "$part" $(( DUPES == 0 )) "two instances: duplicates received $DUPES (target 0)"
    check "$part" $(( m1 > 0 && m2 > 0 && m1 + m2 == N )) "two instances: both sent, shares add up ($m1 + $m2 = $(( m1 + m2 )) of $N)"
    echo
    teardown_part "$pid1" "$pid2"
}

# ------------------------------------------------------------------ (d) SMTP outage

outage_part() {
    local part=d port base pid sent_seen t_down t_up peak_retrying=0 peak_failed=0
    begin_fanout "$part"
    port=$PORT; base=$BASE; pid=$PID
    sent_seen=$(wait_sent_percent "$DB" "$VERSION" "$N" "$KILL_AT" "$FANOUT_TIMEOUT") \
        || die "(d) fewer than $KILL_AT % sent after ${FANOUT_TIMEOUT}s"
    t_down=$(now_ms)
    stop_service "$SINK_PID"
    log "(d) SMTP sink stopped at $sent_seen SENT; down for ${OUTAGE}s"
    local sent_down queued sending retrying failed total
    while (( $(now_ms) < t_down + OUTAGE * 1000 )); do
        read -r sent_down queued sending retrying failed total < <(notice_counts "$DB" "$VERSION")
        (( retrying > peak_retrying )) && peak_retrying=$retrying
        (( failed > peak_failed )) && peak_failed=$failed
        sleep 0.5
    done
    local errors
    errors=$(sql "$DB" "select count(*) || ' x ' || coalesce(left(last_error, 90), '-') from notice
                         where $(announcement_where "$VERSION") and status = 'RETRYING'
                         group by last_error order by count(*) desc limit 4")
    start_sink "$SINK_PORT" "$DUMP"
    t_up=$(now_ms)
    log "(d) SMTP sink back after $(( (t_up - t_down) / 1000 ))s ($sent_down SENT, $retrying RETRYING)"
    wait_drained "$DB" "$VERSION" "$FANOUT_TIMEOUT" || log "(d) not drained after ${FANOUT_TIMEOUT}s"
    local total_ms=$(( DRAINED_MS - PUBLISH_MS )) after_ms=$(( DRAINED_MS - t_up ))
    received_report "$DUMP" "$SCRATCH"
    local attempts
    attempts=$(sql "$DB" "select attempts || ':' || count(*) from notice where $(announcement_where "$VERSION")
                            group by attempts order by attempts" | paste -sd' ')
    echo "(d) SMTP server down for ${OUTAGE} s mid fan-out (retry base delay $RETRY_BASE); N = $N"
    printf '  sink stopped at %s SENT; SENT when it came back: %s; peak RETRYING during the outage: %s; FAILED/CANCELLED seen: %s\n' \
        "$sent_seen" "$sent_down" "$peak_retrying" "$peak_failed"
    printf '  sink back -> all sent %s s; publish -> all sent %s s; final counts (sent queued sending retrying failed total): %s\n' \
        "$(seconds "$after_ms")" "$(seconds "$total_ms")" "$(notice_counts "$DB" "$VERSION")"
    printf '  attempts per notice (attempts:count): %s\n' "$attempts"
    printf '  last errors of the RETRYING notices when the sink came back:\n'
    printf '%s\n' "$errors" | sed 's/^/    /'
    printf '  sink: %s received, %s distinct, %s duplicates; cut transfers (dump files without the closing boundary, left by the stopped sink): %s\n' \
        "$RECEIVED" "$DISTINCT" "$DUPES" "$INCOMPLETE"
    printf '  log: %s "Notice delivery: ... to retry" warnings\n' "$(grep -c 'to retry' "$WORK/faults-d-1.log" || true)"
    exactly_one "$part" "$VERSION"
    check "$part" $(( DUPES == 0 )) "SMTP outage: duplicates received $DUPES (target 0)"
    echo
    teardown_part "$pid"
}

t_start=$(now_ms)
for part in $PARTS; do
    case $part in
        a) signal_part a KILL ;;
        b) signal_part b TERM ;;
        c) two_instances_part ;;
        d) outage_part ;;
        *) die "unknown part $part (a b c d)" ;;
    esac
done

echo "summary (bench/faults.sh, N = $N, batch $BATCH, lease $LEASE, grace $GRACE, $(seconds $(( $(now_ms) - t_start ))) s):"
printf '  %s\n' "${summary[@]}"
echo "  $(( ${#summary[@]} - failures )) PASS, $failures FAIL"
(( failures == 0 ))
