#!/usr/bin/env bash
# Cluster run: three instances of the service on one database (machine PostgreSQL), behind nginx
# (round robin; a GET that meets a refused connection, a timeout, a 502 or a 503 goes to the next
# instance); one smtp-sink per instance, all dumping into one directory. Everything is done
# through nginx only:
#
#   1. concurrent publish, ROUNDS times: one sub-processor is added to the draft, then two identical
#      POST /api/v1/draft/publish are fired at once (two curl in the background); expected: one
#      201, one 409, exactly one new version. Each round's announcements (one per subscriber) are
#      fanned out by the three instances before the next round (a fan-out without faults).
#   2. the last round's fan-out, with faults: once KILL_AT % of it is SENT, instance 2 gets SIGTERM
#      and instance 3 kill -9, while public GETs go through nginx (a bounded curl loop); both are
#      restarted, and the run waits until every announcement is SENT.
#   3. the subscription rate limit across the instances: one client sends HAMMER (4 x the limit)
#      POST /api/v1/subscriptions through nginx, each with another forged X-Forwarded-For; nginx
#      sets that header to the address it sees and the instances believe it only from nginx.
#      Expected: SUBSCRIBE_LIMIT accepted in all, not one limit per instance or per forged address.
#
#   bench/cluster.sh                       # 10000 subscribers, 5 rounds, ~3 min on 2 CPUs
#   SUBSCRIBERS=2000 ROUNDS=3 bench/cluster.sh
#   PORT_MIN=18200 PORT_MAX=18299 DB_PREFIX=mybranch bench/cluster.sh   # ports and database name of a shared machine
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), nginx (the Debian package; a
# private nginx is run from a scratch directory on a free port), and Postfix's smtp-sink
# (installed with apt-get if missing). Every message received is kept in /dev/shm while the run
# lasts: duplicates are counted by Message-ID, and the sender of each message is known by the
# name it greets the sink with (instance k, life l: "i<k>-life<l>.bench.test"). "In flight" on an
# instance is what it holds in SENDING under its lease (up to BATCH notices, of which SESSIONS on
# the wire); the two instances are frozen with SIGSTOP (when neither has a write transaction open)
# to read those sets exactly, then signalled. Service logs: target/bench/cluster-i<k>-<life>.log; nginx logs: target/bench/cluster-nginx-*.log.
#
# The signals are sent once KILL_AT % are SENT, at a moment when instance 3 has mails of its batch
# accepted by the sink but not yet recorded (see catch_on_wire in fault-lib.sh).
#
# Knobs: SUBSCRIBERS (10000), ROUNDS (5), KILL_AT (30), WIRE_MIN (5), CATCH_TRIES (10), LOAD_CLIENTS (2), LOAD_PAUSE (0.05 s
# between two GETs of one client), LOAD_MAX_S (600), LOAD_MAX_REQUESTS (20000 per client), BATCH
# (100), LEASE (20s), SEND_TIMEOUT (5s), GRACE (20s), SESSIONS (10), FANOUT_TIMEOUT (300 s), SUBSCRIBE_LIMIT (10),
# HAMMER (4 x SUBSCRIBE_LIMIT), PORT_MIN/PORT_MAX (every port: instances, sinks, nginx), DB_PREFIX (bench).
# Exit status 1 if any check printed FAIL.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=bench/smtp-lib.sh
source "$BENCH_DIR/smtp-lib.sh"
# shellcheck source=bench/fault-lib.sh
source "$BENCH_DIR/fault-lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss gawk nginx
ensure_postfix_tools
require_postgres
ensure_jar

N="${SUBSCRIBERS:-10000}"
ROUNDS="${ROUNDS:-5}"
KILL_AT="${KILL_AT:-30}"
LOAD_CLIENTS="${LOAD_CLIENTS:-2}"
LOAD_PAUSE="${LOAD_PAUSE:-0.05}"
LOAD_MAX_S="${LOAD_MAX_S:-600}"
LOAD_MAX_REQUESTS="${LOAD_MAX_REQUESTS:-20000}"
SUBSCRIBE_LIMIT="${SUBSCRIBE_LIMIT:-10}"
HAMMER="${HAMMER:-$(( SUBSCRIBE_LIMIT * 4 ))}"
GRACE_S=$(duration_s "$GRACE")
NGINX=/usr/sbin/nginx

echo "== bench/cluster.sh"
machine_info
jar_info
echo "nginx:   $($NGINX -v 2>&1 | sed 's/^nginx version: //')"
echo "command: SUBSCRIBERS=$N ROUNDS=$ROUNDS KILL_AT=$KILL_AT LOAD_CLIENTS=$LOAD_CLIENTS BATCH=$BATCH LEASE=$LEASE SEND_TIMEOUT=$SEND_TIMEOUT GRACE=$GRACE SESSIONS=$SESSIONS bench/cluster.sh"
echo

summary=()
failures=0
check() {   # check OK TEXT
    summary+=("$(printf '%-4s %s' "$(verdict "$1")" "$2")")
    [[ "$1" == 1 ]] || failures=$(( failures + 1 ))
}
t_start=$(now_ms)

DB="${DB_PREFIX:-bench}_cluster_$$"
create_db "$DB"
DUMP=$(mktemp -d /dev/shm/bench-cluster.XXXXXX); _DIRS+=("$DUMP")
scratch_dir SCRATCH cluster
# One smtp-sink per instance, all dumping into one directory (file names i<k>.<hex>): the number of
# messages an instance has delivered is then a cheap count, which aims the signals (see
# catch_on_wire in fault-lib.sh). Duplicates are found across all of them by Message-ID.
declare -A SINK_PORT SINK
for k in 1 2 3; do
    SINK_PORT[$k]=$(free_port)
    start_sink "${SINK_PORT[$k]}" "$DUMP" "i$k."
    SINK[$k]=$SINK_PID
done

# ------------------------------------------------------------------ three instances

declare -A PORT PID LIFE METRIC0
for k in 1 2 3; do PORT[$k]=$(free_port); LIFE[$k]=0; done

# launch K: starts instance K (next life) without waiting
launch() {
    local k=$1
    LIFE[$k]=$(( LIFE[$k] + 1 ))
    # Behind nginx: the client's address comes from X-Forwarded-For, believed from nginx only.
    start_instance "$WORK/cluster-i$k-${LIFE[$k]}.log" "${PORT[$k]}" "$DB" "${SINK_PORT[$k]}" "i$k-life${LIFE[$k]}.bench.test" \
        QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 \
        REGISTRY_NOTICES_SUBSCRIBE_LIMIT="$SUBSCRIBE_LIMIT"
    PID[$k]=$SERVICE_PID
}
ready() {
    local k=$1
    wait_http "http://127.0.0.1:${PORT[$k]}/q/health/ready" "${PID[$k]}" \
        || { tail -40 "$WORK/cluster-i$k-${LIFE[$k]}.log" >&2; die "instance $k did not start"; }
}
# Instance 1 first: it runs the database migrations and creates the admin account.
launch 1; ready 1
launch 2; launch 3; ready 2; ready 3
log "instances on ports ${PORT[1]} ${PORT[2]} ${PORT[3]} (pids ${PID[1]} ${PID[2]} ${PID[3]})"

# ------------------------------------------------------------------ nginx

NGINX_PORT=$(free_port)
NGINX_DIR="$SCRATCH/nginx"
mkdir -p "$NGINX_DIR/tmp"
NGINX_ACCESS="$WORK/cluster-nginx-access.log"
NGINX_ERROR="$WORK/cluster-nginx-error.log"
: >"$NGINX_ACCESS"; : >"$NGINX_ERROR"
cat >"$NGINX_DIR/nginx.conf" <<EOF
# bench/cluster.sh: a private nginx in front of three instances (written at each run).
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_ERROR warn;
events { worker_connections 1024; }
http {
    log_format bench '\$msec \$status \$request_method \$uri up=\$upstream_addr ups=\$upstream_status t=\$request_time';
    access_log $NGINX_ACCESS bench;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    upstream registry {
        server 127.0.0.1:${PORT[1]};
        server 127.0.0.1:${PORT[2]};
        server 127.0.0.1:${PORT[3]};
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://registry;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            # set, not appended to: the service takes the first address of this header
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
        }
    }
}
EOF
"$NGINX" -t -q -e "$NGINX_ERROR" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" || die "nginx rejected its configuration"
"$NGINX" -e "$NGINX_ERROR" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' >>"$NGINX_ERROR" 2>&1 &
NGINX_PID=$!
_PIDS+=("$NGINX_PID")
BASE="http://127.0.0.1:$NGINX_PORT"
wait_http "$BASE/q/health/ready" "$NGINX_PID" 30 || die "nginx did not answer on $NGINX_PORT"
log "nginx on $NGINX_PORT (pid $NGINX_PID)"

# ------------------------------------------------------------------ 1. concurrent publishes

prepare_registry "$BASE"
seed_subscribers "$DB" "$N"
PUBLISH_BODY="$SCRATCH/publish.json"
printf '{"effectiveAt":"%s","summary":"Race round","emergencyReason":"Benchmark: the new provider replaces one that failed."}' \
    "$(date -u +%F)" >"$PUBLISH_BODY"

publish_call() {   # publish_call OUTFILE ETAG: one POST through nginx; prints "<status> <seconds>"
    curl -sS -o "$1" -w '%{http_code} %{time_total}\n' --max-time 120 -u "$LEGAL_USER:$LEGAL_PASSWORD" \
        -H 'Content-Type: application/json' -H "If-Match: $2" --data-binary "@$PUBLISH_BODY" \
        "$BASE/api/v1/draft/publish" || true
}

good_rounds=0
round_lines=()
INDEX0="$SCRATCH/index-rounds"
: >"$INDEX0"
VERSION=
for r in $(seq 1 "$ROUNDS"); do
    curl -fsS -o /dev/null -u "$LEGAL_USER:$LEGAL_PASSWORD" -H 'Content-Type: application/json' \
        -d "{\"section\":\"product\",\"name\":\"Race Vendor $r\",\"legalAddress\":\"1 Bench Street, Dublin, Ireland\",\"location\":\"EU\",\"processingActivity\":\"Benchmark processing of customer data\"}" \
        "$BASE/api/v1/draft/subprocessors" || die "could not add a sub-processor to the draft"
    if (( r == ROUNDS )); then   # the counters of the JVMs before the last version
        for k in 1 2 3; do METRIC0[$k]=$(metric_sent "http://127.0.0.1:${PORT[$k]}"); done
    fi
    before=$(sql "$DB" "select count(*) from version")
    lines_before=$(wc -l <"$NGINX_ACCESS")
    reviewed=$(draft_etag "$BASE" "$LEGAL_USER:$LEGAL_PASSWORD") || die "could not read the draft's diff"
    publish_call "$SCRATCH/pub-$r-a.json" "$reviewed" >"$SCRATCH/pub-$r-a.code" &
    pa=$!
    publish_call "$SCRATCH/pub-$r-b.json" "$reviewed" >"$SCRATCH/pub-$r-b.code" &
    pb=$!
    wait "$pa" "$pb" || true
    read -r code_a secs_a <"$SCRATCH/pub-$r-a.code"
    read -r code_b secs_b <"$SCRATCH/pub-$r-b.code"
    after=$(sql "$DB" "select count(*) from version")
    ups=$(tail -n +"$(( lines_before + 1 ))" "$NGINX_ACCESS" | awk '/POST \/api\/v1\/draft\/publish/ {print $2 "@" substr($5, 4)}' | paste -sd' ')
    codes=$(printf '%s\n%s\n' "$code_a" "$code_b" | sort | paste -sd' ')
    ok=$(( after - before == 1 ))
    [[ "$codes" == "201 409" ]] || ok=0
    good_rounds=$(( good_rounds + ok ))
    for f in "$SCRATCH/pub-$r-a.json" "$SCRATCH/pub-$r-b.json"; do
        v=$(jq -r '.number // empty' "$f" 2>/dev/null || true)
        [[ -n "$v" ]] && VERSION=$v
    done
    detail="round $r: statuses $code_a ($secs_a s), $code_b ($secs_b s); versions $before -> $after; nginx: $ups"
    if [[ "$codes" != "201 409" ]]; then
        detail+="; bodies: $(head -c 300 "$SCRATCH/pub-$r-a.json" | tr '\n' ' ') | $(head -c 300 "$SCRATCH/pub-$r-b.json" | tr '\n' ' ')"
    fi
    log "$detail"
    [[ -n "$VERSION" && "$after" -gt "$before" ]] || die "round $r published nothing ($detail)"
    if (( r < ROUNDS )); then
        t0=$(now_ms)
        wait_drained "$DB" "$VERSION" "$FANOUT_TIMEOUT" || log "version $VERSION not drained after ${FANOUT_TIMEOUT}s"
        read -r none one more rows < <(per_subscriber "$DB" "$VERSION")
        detail+="; fan-out of version $VERSION by 3 instances: $(seconds $(( DRAINED_MS - t0 ))) s, $rows SENT, $none subscribers without"
        # Its mails are counted, then cleared, so that the sink holds the last version's only.
        sink_index "$DUMP" >>"$INDEX0"
        find "$DUMP" -type f -delete
    fi
    round_lines+=("$detail")
done
# Rounds before the last: fan-outs without faults.
rounds_received=$(awk '$3 == 1' "$INDEX0" | wc -l)
rounds_dupes=$(duplicate_ids "$INDEX0" | wc -l)
rounds_senders=$(senders "$INDEX0")

echo "1. concurrent publishes through nginx ($ROUNDS rounds, two identical POST /api/v1/draft/publish at once each)"
printf '  %s\n' "${round_lines[@]}"
printf '  rounds with one 201, one 409 and exactly one new version: %s of %s\n' "$good_rounds" "$ROUNDS"
if (( ROUNDS > 1 )); then
    printf '  fan-outs of rounds 1-%s (no faults): %s mails received, %s notices received more than once; per sender: %s\n' \
        "$(( ROUNDS - 1 ))" "$rounds_received" "$rounds_dupes" "$rounds_senders"
fi
echo
check $(( good_rounds == ROUNDS )) "concurrent publish: $good_rounds of $ROUNDS rounds gave one 201, one 409 and exactly one version"
if (( ROUNDS > 1 )); then
    check $(( rounds_dupes == 0 )) "fan-outs without faults (rounds 1-$(( ROUNDS - 1 ))): $rounds_dupes duplicates"
fi

# ------------------------------------------------------------------ 2. fan-out with faults

PUBLISH_MS=$(now_ms)    # the last round's publish ended just before its wait (none for the last)
LOAD_STOP="$SCRATCH/load.stop"
load_client() {   # load_client K: public GETs through nginx until told to stop (bounded)
    local k=$1 i=0 deadline url
    deadline=$(( $(now_ms) + LOAD_MAX_S * 1000 ))
    while [[ ! -e "$LOAD_STOP" ]] && (( i < LOAD_MAX_REQUESTS && $(now_ms) < deadline )); do
        if (( i % 2 )); then url="$BASE/api/v1/subprocessors"; else url="$BASE/api/v1/versions"; fi
        printf '%s %s\n' "$(now_ms)" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)" >>"$SCRATCH/load-$k.txt"
        i=$(( i + 1 ))
        sleep "$LOAD_PAUSE"
    done
}
LOAD_PIDS=()
for k in $(seq 1 "$LOAD_CLIENTS"); do
    load_client "$k" &
    LOAD_PIDS+=("$!")
    _PIDS+=("$!")
done
load_lines_before=$(wc -l <"$NGINX_ACCESS")

sent_seen=$(wait_sent_percent "$DB" "$VERSION" "$N" "$KILL_AT" "$FANOUT_TIMEOUT") \
    || die "fewer than $KILL_AT % of version $VERSION sent after ${FANOUT_TIMEOUT}s"
catch_on_wire "$DB" "$VERSION" "$DUMP" i3. "${PID[3]}" "${PID[2]}"
mv "$SCRATCH/inflight" "$SCRATCH/inflight-kill"
sent_frozen=$CATCH_SENT
sent_signal=$(sent_count "$DB" "$VERSION")    # instance 1 went on while the snapshot was read
sending_ids "$DB" "$VERSION" "${PID[2]}" >"$SCRATCH/inflight-term"
sending_ids "$DB" "$VERSION" "${PID[1]}" >"$SCRATCH/inflight-1"
inflight_term=$(wc -l <"$SCRATCH/inflight-term")
inflight_kill=$(wc -l <"$SCRATCH/inflight-kill")
accepted_term=$(count_in "$SCRATCH/inflight-term" "$SCRATCH/received-at-signal")
accepted_kill=$CAUGHT
t_signal=$(now_ms)
kill -KILL "${PID[3]}"
kill -TERM "${PID[2]}"
kill -CONT "${PID[2]}"
killed_pid=${PID[3]}; termed_pid=${PID[2]}
log "signals at $sent_frozen SENT: SIGTERM to instance 2 ($inflight_term in flight), kill -9 to instance 3 ($inflight_kill in flight)"
# Instance 2 is watched first, so that the time it takes to stop is measured from the signal.
term_ms=
deadline=$(( t_signal + (GRACE_S + 40) * 1000 ))
while [[ -z "$term_ms" ]] && (( $(now_ms) < deadline )); do
    [[ -z "$term_ms" ]] && ! alive "$termed_pid" && term_ms=$(( $(now_ms) - t_signal ))
    sleep 0.05
done
wait_exit "$killed_pid" 30 || die "instance 3 outlived kill -9"
sleep 0.5
inflight_kill_after=$(sending_ids "$DB" "$VERSION" "$killed_pid" | wc -l)
if wait_exit "$termed_pid" 1; then
    term_exit_code=$EXIT_CODE
else
    term_ms=$(( $(now_ms) - t_signal ))
    log "instance 2 still alive $(( term_ms / 1000 ))s after SIGTERM"
    stop_service "$termed_pid"
    term_exit_code="killed after $(( STOP_MS / 1000 ))s more"
fi
left_term=$(sending_ids "$DB" "$VERSION" "$termed_pid" | wc -l)
log "instance 2 stopped after ${term_ms} ms; $left_term left in SENDING under its lease"

t_restart=$(now_ms)
launch 2; launch 3; ready 2; ready 3
restart_ms=$(( $(now_ms) - t_restart ))
log "instances 2 and 3 restarted in $(( restart_ms / 1000 ))s"
sleep 5      # the load keeps going a little while nginx takes them back
touch "$LOAD_STOP"
for p in "${LOAD_PIDS[@]}"; do stop_service "$p"; done
load_lines_after=$(wc -l <"$NGINX_ACCESS")

wait_drained "$DB" "$VERSION" "$FANOUT_TIMEOUT" || log "version $VERSION not drained after ${FANOUT_TIMEOUT}s"
total_ms=$(( DRAINED_MS - PUBLISH_MS ))

# ------------------------------------------------------------------ the figures

received_report "$DUMP" "$SCRATCH"
dup_kill=$(count_in "$SCRATCH/dups" "$SCRATCH/inflight-kill")
dup_term=$(count_in "$SCRATCH/dups" "$SCRATCH/inflight-term")
dup_other=$(wc -l <"$SCRATCH/dups"); dup_other=$(( dup_other - dup_kill - dup_term ))
# Who sent the notices the SIGTERM'd instance held: itself (finished on the wire during its
# shutdown, or before), or another instance (released to the queue, or taken over after the lease).
term_self=$(awk -v me="i2-life1.bench.test" 'NR == FNR {held[$1] = 1; next} $3 == 1 && ($1 in held) && $2 == me {print $1}' \
    "$SCRATCH/inflight-term" "$INDEX" | sort -u | wc -l)
term_others=$(awk -v me="i2-life1.bench.test" 'NR == FNR {held[$1] = 1; next} $3 == 1 && ($1 in held) && $2 != me {print $1}' \
    "$SCRATCH/inflight-term" "$INDEX" | sort -u | wc -l)
# Mails instance 2 sent after the signal that were not among the notices it held then: a batch
# claimed after SIGTERM (a batch claimed and given back without a mail sent is not seen here).
term_new=$(awk -v me="i2-life1.bench.test" 'FILENAME == ARGV[1] || FILENAME == ARGV[2] {old[$1] = 1; next}
                                             $3 == 1 && $2 == me && !($1 in old) {print $1}' \
    "$SCRATCH/inflight-term" "$SCRATCH/received-at-signal" "$INDEX" | sort -u | wc -l)
kill_others=$(awk -v me="i3-life1.bench.test" 'NR == FNR {held[$1] = 1; next} $3 == 1 && ($1 in held) && $2 != me {print $1}' \
    "$SCRATCH/inflight-kill" "$INDEX" | sort -u | wc -l)
read -r none one more rows < <(per_subscriber "$DB" "$VERSION")
metrics_line=""
for k in 1 2 3; do
    m=$(metric_sent "http://127.0.0.1:${PORT[$k]}")
    (( LIFE[$k] == 1 )) && m=$(( m - METRIC0[$k] ))
    metrics_line+="instance $k (life ${LIFE[$k]}): $m  "
done

cat "$SCRATCH"/load-*.txt >"$SCRATCH/load.txt" 2>/dev/null || true
load_total=$(wc -l <"$SCRATCH/load.txt")
load_bad=$(awk '$2 !~ /^2/' "$SCRATCH/load.txt" | wc -l)
load_codes=$(awk '{c[$2]++} END {for (k in c) printf "%s:%d ", k, c[k]}' "$SCRATCH/load.txt")
load_span=$(awk 'NR == 1 {a = $1} {b = $1} END {printf "%.0f", (b - a) / 1000}' "$SCRATCH/load.txt")
retried=$(sed -n "$(( load_lines_before + 1 )),${load_lines_after}p" "$NGINX_ACCESS" | grep ' GET ' | grep -c 'ups=[^ ]*,' || true)
bad_lines=$(sed -n "$(( load_lines_before + 1 )),${load_lines_after}p" "$NGINX_ACCESS" | awk '$2 !~ /^2/' | head -5)

echo "2. fan-out of version $VERSION ($N announcements) by 3 instances; at $KILL_AT % SENT: SIGTERM to instance 2, kill -9 to instance 3"
printf '  signals aimed at instance 3 having mails on the wire: caught at try %s\n' "$CATCH_TRY"
printf '  instances 2 and 3 frozen at %s of %s SENT (%s %%; the poll first saw %s), signalled at %s SENT; in flight (SENDING under its lease): instance 1 %s, instance 2 %s, instance 3 %s\n' \
    "$sent_frozen" "$N" "$(( sent_frozen * 100 / N ))" "$sent_seen" "$sent_signal" "$(wc -l <"$SCRATCH/inflight-1")" "$inflight_term" "$inflight_kill"
printf '  already accepted by the sink at the signals, of those in flight: instance 2 %s, instance 3 %s\n' "$accepted_term" "$accepted_kill"
printf '  instance 3 (kill -9): %s still SENDING under its dead lease after the kill (taken over after %s); %s of its %s sent again by another instance\n' \
    "$inflight_kill_after" "$LEASE" "$kill_others" "$inflight_kill"
printf '  instance 2 (SIGTERM): stopped after %s ms (exit status %s; grace %s); of its %s in flight: %s sent by itself, %s by another instance (released or taken over); %s left SENDING under its lease\n' \
    "$term_ms" "$term_exit_code" "$GRACE" "$inflight_term" "$term_self" "$term_others" "$left_term"
printf '  instance 2 (SIGTERM): mails it sent after the signal outside the notices it held then (a batch claimed after SIGTERM): %s\n' "$term_new"
grep -h 'grace period\|Could not record' "$WORK/cluster-i2-1.log" 2>/dev/null | tail -3 | sed 's/^/  log (instance 2): /' || true
printf '  restart of instances 2 and 3 -> both ready: %s s; publish -> all sent: %s s\n' "$(seconds "$restart_ms")" "$(seconds "$total_ms")"
printf '  final counts (sent queued sending retrying failed total): %s\n' "$(notice_counts "$DB" "$VERSION")"
printf '  sink: %s received, %s distinct, %s duplicates (in flight on the kill -9 one: %s, on the SIGTERM one: %s, other: %s); cut transfers: %s\n' \
    "$RECEIVED" "$DISTINCT" "$DUPES" "$dup_kill" "$dup_term" "$dup_other" "$INCOMPLETE"
if [[ -s "$SCRATCH/dups" ]]; then
    printf '  duplicates by sender: %s\n' "$(grep -F -f "$SCRATCH/dups" "$INDEX" | awk '$3 == 1' | senders /dev/stdin)"
fi
printf '  losses (subscribers without a SENT announcement): %s; with more than one: %s; SENT rows: %s\n' "$none" "$more" "$rows"
printf '  mails received per sender (instance/life): %s\n' "$(senders "$INDEX")"
printf '  SENT recorded by the JVMs running at the end (registry_notices_total; for version %s only): %s\n' "$VERSION" "$metrics_line"
printf '  public GETs through nginx during the faults: %s in %s s by %s clients; non-2xx: %s (%s); retried on another instance by nginx: %s\n' \
    "$load_total" "$load_span" "$LOAD_CLIENTS" "$load_bad" "$load_codes" "$retried"
if [[ -n "$bad_lines" ]]; then
    printf '%s\n' "$bad_lines" | sed 's/^/  nginx: /'
fi
grep -h '\[error\]\|\[warn\]' "$NGINX_ERROR" | tail -5 | sed 's/^/  nginx error log: /' || true
echo

check $(( none == 0 && more == 0 && rows == N )) "no losses: every subscriber has exactly one SENT announcement ($none without, $more with more)"
check $(( DISTINCT == N )) "every announcement received by the sink ($DISTINCT distinct of $N)"
check $(( DUPES <= inflight_kill && dup_term == 0 && dup_other == 0 )) \
    "duplicates $DUPES <= in flight on the kill -9'd instance $inflight_kill (of which accepted by the sink, unrecorded: $accepted_kill); from the SIGTERM'd one: $dup_term; other: $dup_other"
check $(( left_term == 0 )) "SIGTERM'd instance left nothing in SENDING under its lease ($left_term)"
check $(( term_new == 0 )) "SIGTERM'd instance sent nothing it claimed after the signal ($term_new mails)"
check $(( term_ms <= GRACE_S * 1000 + 15000 )) "SIGTERM'd instance stopped within grace $GRACE + 15 s (${term_ms} ms)"
check $(( load_bad == 0 )) "public GETs through nginx during the faults: $load_bad non-2xx of $load_total"

# ------------------------------------------------------------------ 3. subscription rate limit across instances

hammer_lines_before=$(wc -l <"$NGINX_ACCESS")
declare -A HAMMER_CODES
for i in $(seq 1 "$HAMMER"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
        -H "X-Forwarded-For: 198.51.100.$(( i % 250 + 1 ))" -d "{\"email\":\"hammer-$i@bench.test\"}" \
        "$BASE/api/v1/subscriptions" || true)
    HAMMER_CODES[$code]=$(( ${HAMMER_CODES[$code]:-0} + 1 ))
done
accepted=${HAMMER_CODES[202]:-0}
limited=${HAMMER_CODES[429]:-0}
hammer_codes=$(for c in "${!HAMMER_CODES[@]}"; do printf '%s:%s ' "$c" "${HAMMER_CODES[$c]}"; done)
hammer_upstreams=$(sed -n "$(( hammer_lines_before + 1 )),\$p" "$NGINX_ACCESS" | awk '/POST \/api\/v1\/subscriptions/ {print $5}' \
    | sort | uniq -c | awk '{printf "%s %s  ", $2, $1}')
echo "3. subscription rate limit: one client, $HAMMER POST /api/v1/subscriptions through nginx, each with another forged X-Forwarded-For"
printf '  answers: %s(limit %s per client and window, shared by 3 instances)\n' "$hammer_codes" "$SUBSCRIBE_LIMIT"
printf '  served by: %s\n' "$hammer_upstreams"
echo
check $(( accepted == SUBSCRIBE_LIMIT && limited == HAMMER - SUBSCRIBE_LIMIT )) \
    "subscription rate limit through nginx: $accepted accepted of $HAMMER (limit $SUBSCRIBE_LIMIT for all instances together, not per instance)"

stop_service "$NGINX_PID"
for k in 1 2 3; do stop_service "${PID[$k]}"; done
for k in 1 2 3; do stop_service "${SINK[$k]}"; done
drop_db "$DB"

echo "summary (bench/cluster.sh, N = $N, $ROUNDS rounds, batch $BATCH, lease $LEASE, grace $GRACE, $(seconds $(( $(now_ms) - t_start ))) s):"
printf '  %s\n' "${summary[@]}"
echo "  $(( ${#summary[@]} - failures )) PASS, $failures FAIL"
(( failures == 0 ))
