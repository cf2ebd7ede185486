#!/usr/bin/env bash
# Fault run (notices): an SMTP server that answers 451 to every message for a while, then accepts
# again -- the common SMTP fault in production (greylisting, a full queue, a relay's rate limit),
# not the same as a server that is down. ROUNDS times: the server answers "451 4.3.0" to every
# recipient, a version is published to N confirmed subscribers, after SOFT seconds the server
# accepts again, and the run waits until every announcement is SENT. The server is two Postfix
# smtp-sinks behind a small relay (bench/smtp-switch.py) on the port the service sends to: one
# sink answers 451 (smtp-sink -r RCPT), the other accepts; at recovery the relay sends new
# connections to the second while the sessions under way end with the first, as with a server
# that recovers without a restart (restarting one sink with other flags would cut the sessions
# under way, including some the mail client had just opened, which it then never finishes).
#
#   bench/faults-smtp.sh                     # 5 rounds of 2 min of 451, 10000 subscribers, ~16 min
#   ROUNDS=1 bench/faults-smtp.sh            # the single 4xx run, ~4 min
#
# Checks, each round: during the 451 phase nothing is SENT and every notice is retried (RETRYING,
# attempts >= 1) with growing delays, 0 FAILED; after recovery exactly one delivery per subscriber
# (the sink counts by Message-ID); no send slower than SLOW_S (5 s) after recovery and none that
# timed out (registry_notice_send_seconds_max, polled every second, and the database), and no SMTP
# session left open (registry_notice_smtp_open = 0). Each round prints the backoff: for each
# attempt, how long the service waited before the next one (next_attempt_at minus the moment the
# failure was recorded, captured by a trigger this run adds to its own database; the service
# computes the time a little before it writes it, so the figure can be up to a second short).
#
# This run is the one that found the pool-slot leak fixed in SmtpSender: against a server answering
# 451 every send opens a new connection, and connections whose greeting the mail client lost held
# their pool slots (in one run of four all 10, and nothing was sent for 300 s after recovery).
#
# The service runs with the production send timeout (30s), lease (2m) and batch size (500), but
# with a retry base delay of RETRY_BASE (5s instead of 30s: the delays 5, 10, 20, 40, 80 s keep the
# run short; the production ones are 30 s, 1, 2, 4, 8 min...). Knobs: SUBSCRIBERS (10000), ROUNDS
# (5), SOFT (120 s), REJECT_AT (RCPT; any smtp-sink command name, e.g. MAIL or .), SOFT_REPLY
# ("451 4.3.0 Try again later"), RETRY_BASE (5s), SEND_TIMEOUT (30s), SLOW_S (5), BATCH (500),
# SESSIONS (10), FANOUT_TIMEOUT (600 s per round), PORT_MIN, PORT_MAX, DB_PREFIX (bench), PG_PORT, PG_USER, SERVICE_JAVA_OPTS.
# Needs PostgreSQL on 127.0.0.1:$PG_PORT (user postgres, trust), postfix (smtp-sink), gawk, python3.
# Exit status 1 if any check printed FAIL.
set -euo pipefail
BATCH="${BATCH:-500}"
LEASE="${LEASE:-2m}"
SEND_TIMEOUT="${SEND_TIMEOUT:-30s}"
RECORD_RETRY="${RECORD_RETRY:-90s}"
RETRY_BASE="${RETRY_BASE:-5s}"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=bench/smtp-lib.sh
source "$BENCH_DIR/smtp-lib.sh"
# shellcheck source=bench/fault-lib.sh
source "$BENCH_DIR/fault-lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss gawk python3
ensure_postfix_tools
require_postgres
ensure_jar

N="${SUBSCRIBERS:-10000}"
ROUNDS="${ROUNDS:-5}"
SOFT="${SOFT:-120}"
REJECT_AT="${REJECT_AT:-RCPT}"
SOFT_REPLY="${SOFT_REPLY:-451 4.3.0 Try again later}"
SLOW_S="${SLOW_S:-5}"
FANOUT_TIMEOUT="${FANOUT_TIMEOUT:-600}"

echo "== bench/faults-smtp.sh"
machine_info
jar_info
echo "command: SUBSCRIBERS=$N ROUNDS=$ROUNDS SOFT=$SOFT REJECT_AT=$REJECT_AT SOFT_REPLY=\"$SOFT_REPLY\" RETRY_BASE=$RETRY_BASE SEND_TIMEOUT=$SEND_TIMEOUT BATCH=$BATCH SESSIONS=$SESSIONS POOL=$POOL bench/faults-smtp.sh"
echo

summary=()
failures=0
check() {   # check ROUND OK TEXT
    summary+=("$(printf '%-4s %-8s %s' "$(verdict "$2")" "$1" "$3")")
    [[ "$2" == 1 ]] || failures=$(( failures + 1 ))
}

DB="${DB_PREFIX:-bench}_faultssmtp_$$"
create_db "$DB"
DUMP=$(mktemp -d /dev/shm/bench-faults-smtp.XXXXXX); _DIRS+=("$DUMP")
scratch_dir SCRATCH faults-smtp
SINK_PORT=$(free_port)
SOFT_PORT=$(free_port)
GOOD_PORT=$(free_port)
start_sink "$SOFT_PORT" "$DUMP" s451. -r "$REJECT_AT" -b "$SOFT_REPLY"
start_sink "$GOOD_PORT" "$DUMP" m.
python3 "$BENCH_DIR/smtp-switch.py" "$SINK_PORT" "$SOFT_PORT" "$GOOD_PORT" 2>>"$WORK/smtp-switch.log" &
SWITCH_PID=$!; _PIDS+=("$SWITCH_PID")
deadline=$(( $(now_ms) + 10000 ))
until ss -Htln "sport = :$SINK_PORT" | grep -q .; do
    (( $(now_ms) < deadline )) || die "smtp-switch.py did not listen on $SINK_PORT"
    sleep 0.05
done
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
LOGFILE="$WORK/faults-smtp.log"
start_instance "$LOGFILE" "$PORT" "$DB" "$SINK_PORT" "smtp.bench.test"
PID=$SERVICE_PID
wait_http "$BASE/q/health/ready" "$PID" || { tail -40 "$LOGFILE" >&2; die "service did not start"; }
prepare_registry "$BASE"
seed_subscribers "$DB" "$N"
# Evidence of the backoff: each time a failure is recorded (status -> RETRYING), the attempt count,
# the next attempt's time and the moment of recording. Only in this run's own database.
sql "$DB" "create table bench_retry (notice uuid, attempts int, next_attempt_at timestamptz, recorded_at timestamptz, error text);
           create function bench_retry_log() returns trigger language plpgsql as \$\$
           begin
               insert into bench_retry values (new.id, new.attempts, new.next_attempt_at, clock_timestamp(), new.last_error);
               return new;
           end \$\$;
           create trigger bench_retry after update of status on notice
               for each row when (new.status = 'RETRYING' and old.status <> 'RETRYING') execute function bench_retry_log();" >/dev/null

metric() {   # metric NAME-PREFIX: the sum of a metric's samples (one JVM), or 0
    { curl -fsS --max-time 5 "$BASE/q/metrics" 2>/dev/null || true; } | awk -v m="$1" 'index($0, m) == 1 {s += $NF} END {printf "%g", s + 0}'
}

t_start=$(now_ms)
for r in $(seq 1 "$ROUNDS"); do
    find "$DUMP" -mindepth 1 -type f -delete
    kill -USR2 "$SWITCH_PID"     # the answering-451 sink (the idle connections of the last round are closed)
    # Each round's version is published to a sink already answering 451.
    t_publish=$(now_ms)
    read -r code secs VERSION < <(publish_addition "$BASE" "Soft Bounce $r Ltd")
    [[ "$code" == 201 ]] || die "round $r: publish answered $code: $(cat "$WORK/publish-body.json")"
    log "round $r: version $VERSION published in ${secs}s; the sink answers '$SOFT_REPLY' to $REJECT_AT for ${SOFT}s"
    peak_retrying=0; peak_failed=0; sent_soft=0
    while (( $(now_ms) < t_publish + SOFT * 1000 )); do
        read -r sent_soft _ _ retrying failed _ < <(notice_counts "$DB" "$VERSION")
        (( retrying > peak_retrying )) && peak_retrying=$retrying
        (( failed > peak_failed )) && peak_failed=$failed
        sleep 1
    done
    read -r s_sent s_queued s_sending s_retrying s_failed s_total < <(notice_counts "$DB" "$VERSION")
    tried=$(sql "$DB" "select count(*) filter (where attempts >= 1) from notice where $(announcement_where "$VERSION")")
    attempts=$(sql "$DB" "select attempts || ':' || count(*) from notice where $(announcement_where "$VERSION")
                           group by attempts order by attempts" | paste -sd' ')
    errors=$(sql "$DB" "select count(*) || ' x ' || coalesce(left(last_error, 90), '-') from notice
                         where $(announcement_where "$VERSION") and status = 'RETRYING'
                         group by left(last_error, 90) order by count(*) desc limit 4")
    received_soft=$(sink_index "$DUMP" | awk '$3 == 1' | wc -l)
    # The backoff: delay chosen after each failed attempt of this version.
    backoff=$(sql "$DB" "select b.attempts, count(*),
                                round(percentile_cont(0.0) within group (order by extract(epoch from b.next_attempt_at - b.recorded_at))::numeric, 1),
                                round(percentile_cont(0.5) within group (order by extract(epoch from b.next_attempt_at - b.recorded_at))::numeric, 1),
                                round(percentile_cont(1.0) within group (order by extract(epoch from b.next_attempt_at - b.recorded_at))::numeric, 1)
                           from bench_retry b join notice n on n.id = b.notice
                          where n.version_number = $VERSION and n.kind = 'ANNOUNCEMENT'
                          group by b.attempts order by b.attempts")
    # Growing: at least two attempts with 10 notices or more, each median above the one before.
    growing=$(echo "$backoff" | awk 'NF == 5 && $2 >= 10 {if (n && $4 <= prev) bad = 1; prev = $4; n++} END {print (n >= 2 && !bad) ? 1 : 0}')

    # Recovery: the sink that accepts, on the same port.
    reclaims_before=$(grep -c 'has not finished the send' "$LOGFILE" || true)
    kill -USR1 "$SWITCH_PID"     # new connections to the accepting sink
    t_up=$(now_ms)
    log "round $r: the server accepts again; $s_retrying RETRYING, attempts $attempts"
    max_send=0
    deadline=$(( t_up + FANOUT_TIMEOUT * 1000 ))
    while :; do
        m=$(metric 'registry_notice_send_seconds_max')
        max_send=$(awk -v a="$max_send" -v b="$m" 'BEGIN {print (b > a) ? b : a}')
        left=$(sql "$DB" "select count(*) from notice where $(announcement_where "$VERSION") and status in ('QUEUED', 'SENDING', 'RETRYING')")
        (( left == 0 )) && break
        (( $(now_ms) < deadline )) || { log "round $r: $left not sent ${FANOUT_TIMEOUT}s after recovery"; break; }
        sleep 1
    done
    t_drained=$(now_ms)
    m=$(metric 'registry_notice_send_seconds_max')
    max_send=$(awk -v a="$max_send" -v b="$m" 'BEGIN {print (b > a) ? b : a}')
    read -r first_ms last_ms < <(sql "$DB" "select (extract(epoch from min(sent_at)) * 1000)::bigint, (extract(epoch from max(sent_at)) * 1000)::bigint
                                             from notice where $(announcement_where "$VERSION")")
    open_sessions=$(metric 'registry_notice_smtp_open')
    reclaims=$(( $(grep -c 'has not finished the send' "$LOGFILE" || true) - reclaims_before ))
    # Failures recorded after recovery, by error: the last 451s of sessions begun before it; a
    # timeout would be a lost connection.
    errors_after=$(sql "$DB" "select count(*) || ' x ' || left(b.error, 90) from bench_retry b join notice n on n.id = b.notice
                               where n.version_number = $VERSION and n.kind = 'ANNOUNCEMENT'
                                 and b.recorded_at > to_timestamp($t_up / 1000.0)
                               group by left(b.error, 90) order by count(*) desc")
    timeouts_after=$(sql "$DB" "select count(*) from bench_retry b join notice n on n.id = b.notice
                                 where n.version_number = $VERSION and n.kind = 'ANNOUNCEMENT'
                                   and b.recorded_at > to_timestamp($t_up / 1000.0)
                                   and (b.error like 'no answer from the SMTP server%' or b.error like 'no SMTP connection came free%')")
    read -r none one more rows < <(per_subscriber "$DB" "$VERSION")
    read -r f_sent _ _ _ f_failed _ < <(notice_counts "$DB" "$VERSION")
    received_report "$DUMP" "$SCRATCH"

    echo "round $r: version $VERSION to $N subscribers; '$SOFT_REPLY' to every $REJECT_AT for $SOFT s, then a sink that accepts"
    printf '  during the 451 phase: SENT %s, mails received %s; peak RETRYING %s, FAILED seen %s\n' "$sent_soft" "$received_soft" "$peak_retrying" "$peak_failed"
    printf '  at the switch: sent %s queued %s sending %s retrying %s failed %s of %s; notices attempted at least once: %s\n' \
        "$s_sent" "$s_queued" "$s_sending" "$s_retrying" "$s_failed" "$s_total" "$tried"
    printf '  attempts per notice at the switch (attempts:count): %s\n' "$attempts"
    printf '  last errors:\n'
    printf '%s\n' "$errors" | sed 's/^/    /'
    printf '  backoff: delay before the next attempt after each failed one (next_attempt_at - time the failure was recorded), seconds:\n'
    printf '    %-8s %7s %7s %7s %7s\n' attempt notices min median max
    printf '%s\n' "$backoff" | awk 'NF == 5 {printf "    %-8s %7s %7s %7s %7s\n", $1, $2, $3, $4, $5}'
    printf '  recovery -> first SENT %s s, -> last SENT %s s (the notices wait for their next attempt: up to the last delay above)\n' \
        "$(seconds $(( first_ms - t_up )))" "$(seconds $(( last_ms - t_up )))"
    printf '  after recovery: slowest send %s s (registry_notice_send_seconds_max, polled every second); timed out: %s\n' "$max_send" "$timeouts_after"
    printf '  failures recorded after recovery (sends begun before it):%s\n' "$( [[ -z "$errors_after" ]] && echo ' none')"
    [[ -n "$errors_after" ]] && printf '%s\n' "$errors_after" | sed 's/^/    /'
    printf '  SMTP sessions still open at the end (registry_notice_smtp_open): %s; places taken back from a send the mail client never finished: %s\n' \
        "$open_sessions" "$reclaims"
    printf '  sink: %s received, %s distinct, %s duplicates; cut transfers: %s\n' "$RECEIVED" "$DISTINCT" "$DUPES" "$INCOMPLETE"
    printf '  SENT announcements: %s rows; subscribers with 0 SENT: %s, with 1: %s, with more: %s; FAILED: %s\n' "$rows" "$none" "$one" "$more" "$f_failed"
    echo
    check "round $r" $(( sent_soft == 0 && received_soft == 0 && peak_failed == 0 && s_failed == 0 && tried == N )) \
        "451 phase: nothing sent, every notice retried ($tried of $N attempted; attempts $attempts), 0 FAILED"
    check "round $r" "$growing" "retry delays grow with each attempt (median per attempt: $(echo "$backoff" | awk 'NF == 5 {printf "%s:%ss ", $1, $4}'))"
    check "round $r" $(( rows == N && none == 0 && more == 0 && DISTINCT == N && DUPES == 0 && f_failed == 0 )) \
        "after recovery exactly one delivery per subscriber ($DISTINCT distinct, $DUPES duplicates, $rows SENT rows, $f_failed FAILED)"
    check "round $r" "$(awk -v m="$max_send" -v s="$SLOW_S" 'BEGIN {print (m < s) ? 1 : 0}')" \
        "no send slower than $SLOW_S s after recovery (max $max_send s); timed out: $timeouts_after"
    check "round $r" $(( timeouts_after == 0 && open_sessions == 0 && reclaims == 0 )) \
        "no SMTP connection lost: 0 timeouts after recovery ($timeouts_after), 0 sessions open ($open_sessions), 0 places taken back ($reclaims)"
done

echo "summary (bench/faults-smtp.sh, N = $N, $ROUNDS rounds of $SOFT s of 451, retry base $RETRY_BASE, $(seconds $(( $(now_ms) - t_start ))) s):"
printf '  %s\n' "${summary[@]}"
echo "  $(( ${#summary[@]} - failures )) PASS, $failures FAIL"
stop_service "$PID"
drop_db "$DB"
grep -h 'smtp-switch' "$WORK/smtp-switch.log" | tail -n $(( 2 * ROUNDS + 1 )) | sed 's/^/  /' >&2 || true
(( failures == 0 ))
