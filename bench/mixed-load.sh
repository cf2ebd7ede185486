#!/usr/bin/env bash
# Mixed load: public reads while notices fan out. For DURATION seconds two wrk processes hammer
# GET /api/v1/subprocessors and GET / (the public page) of one instance with its sample data, while
# a version is published to N confirmed subscribers and its announcements go out to Postfix's
# smtp-sink; each time a fan-out is done another version is published (FANOUTS=continuous), so the
# reads meet a fan-out the whole time (FANOUTS=once: a single publish at the start).
#
#   DURATION=300 bench/mixed-load.sh          # the full run, ~6 min; needs a quiet machine
#   DURATION=30 bench/mixed-load.sh           # a short check of the script
#
# Checks: p99 latency of both endpoints under P99_MS (50 ms), 0 non-2xx answers, 0 socket errors
# (wrk's own counts), and every fan-out delivered exactly once. Figures: p50/p90/p99 and request
# rates of both endpoints, each fan-out's rate (announcements / (publish -> all SENT)). wrk, the
# service, PostgreSQL and the sink share the machine's CPUs: the run prints the load (uptime, and
# `top` in the middle of the run); a latency miss on a busy machine says little, rerun it quietly.
#
# Knobs: DURATION (300 s), SUBSCRIBERS (10000), FANOUTS (continuous|once), CONNECTIONS (2 per
# endpoint, one wrk thread each), WARMUP (10 s per endpoint), P99_MS (50), SESSIONS (10),
# BATCH (500), PORT_MIN, PORT_MAX, DB_PREFIX (bench), PG_PORT, PG_USER, SERVICE_JAVA_OPTS. Needs PostgreSQL on
# 127.0.0.1:$PG_PORT (user postgres, trust), wrk, postfix (smtp-sink). Exit status 1 on a FAIL.
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
require_tools java curl jq psql ss gawk wrk
ensure_postfix_tools
require_postgres
ensure_jar

DURATION="${DURATION:-300}"
N="${SUBSCRIBERS:-10000}"
FANOUTS="${FANOUTS:-continuous}"
CONNECTIONS="${CONNECTIONS:-2}"
WARMUP="${WARMUP:-10}"
P99_MS="${P99_MS:-50}"

echo "== bench/mixed-load.sh"
machine_info
jar_info
echo "wrk:     $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "command: DURATION=$DURATION SUBSCRIBERS=$N FANOUTS=$FANOUTS CONNECTIONS=$CONNECTIONS WARMUP=$WARMUP P99_MS=$P99_MS BATCH=$BATCH SESSIONS=$SESSIONS POOL=$POOL bench/mixed-load.sh"
echo

DB="${DB_PREFIX:-bench}_mixed_$$"
create_db "$DB"
DUMP=$(mktemp -d /dev/shm/bench-mixed.XXXXXX); _DIRS+=("$DUMP")
scratch_dir SCRATCH mixed
SINK_PORT=$(free_port)
start_sink "$SINK_PORT" "$DUMP"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
LOGFILE="$WORK/mixed-load.log"
start_instance "$LOGFILE" "$PORT" "$DB" "$SINK_PORT" "mixed.bench.test" REGISTRY_SAMPLE_DATA=true
PID=$SERVICE_PID
wait_http "$BASE/q/health/ready" "$PID" || { tail -40 "$LOGFILE" >&2; die "service did not start"; }
curl -fsS -o /dev/null -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$LEGAL_USER\",\"password\":\"$LEGAL_PASSWORD\",\"roles\":[\"legal\"]}" \
    "$BASE/api/v1/admin/users" || die "could not create the legal account"
seed_subscribers "$DB" "$N"
LIST_URL="$BASE/api/v1/subprocessors"
PAGE_URL="$BASE/"
printf 'service pid %s; %s: %s bytes; %s: %s bytes; %s confirmed subscribers\n' "$PID" \
    "/api/v1/subprocessors" "$(curl -fsS "$LIST_URL" | wc -c)" "/" "$(curl -fsS "$PAGE_URL" | wc -c)" "$N"

# wrk_run SECONDS URL OUTFILE [extra wrk args]: one wrk thread, CONNECTIONS connections, latency percentiles.
wrk_run() {
    local seconds=$1 url=$2 out=$3
    shift 3
    timeout $(( seconds + 60 )) wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency "$@" "$url" >"$out" 2>&1
}
log "warm-up: ${WARMUP}s on each endpoint"
wrk_run "$WARMUP" "$LIST_URL" "$SCRATCH/warm-list" -H 'Accept: application/json'
wrk_run "$WARMUP" "$PAGE_URL" "$SCRATCH/warm-page" -H 'Accept: text/html'

echo "load before: $(uptime | sed 's/.*load average/load average/')"
t0=$(now_ms)
wrk_run "$DURATION" "$LIST_URL" "$SCRATCH/wrk-list" -H 'Accept: application/json' &
WRK_LIST=$!; _PIDS+=("$WRK_LIST")
wrk_run "$DURATION" "$PAGE_URL" "$SCRATCH/wrk-page" -H 'Accept: text/html' &
WRK_PAGE=$!; _PIDS+=("$WRK_PAGE")

# The fan-outs, one after the other, while wrk runs.
fanout_lines=()
rates=()
versions=()
top_taken=0
k=0
end=$(( t0 + DURATION * 1000 ))
while (( $(now_ms) < end - 5000 )); do
    k=$(( k + 1 ))
    t_pub=$(now_ms)
    read -r code secs version < <(publish_addition "$BASE" "Mixed Load $k Ltd")
    [[ "$code" == 201 ]] || die "publish $k answered $code: $(cat "$WORK/publish-body.json")"
    versions+=("$version")
    drained=0
    while (( $(now_ms) < end + 600000 )); do
        if (( !top_taken && $(now_ms) >= t0 + DURATION * 500 )); then
            top -bn1 | head -15 >"$SCRATCH/top"; top_taken=1
        fi
        read -r sent _ _ _ failed total < <(notice_counts "$DB" "$version")
        if (( sent + failed >= total )); then drained=1; break; fi
        sleep 0.5
    done
    t_done=$(now_ms)
    read -r first_ms last_ms < <(sql "$DB" "select (extract(epoch from min(sent_at)) * 1000)::bigint, (extract(epoch from max(sent_at)) * 1000)::bigint
                                             from notice where $(announcement_where "$version")")
    rate=$(awk -v n="$sent" -v ms="$(( last_ms - t_pub ))" 'BEGIN {printf "%.0f", (ms > 0) ? n * 1000 / ms : 0}')
    rates+=("$rate")
    fanout_lines+=("$(printf 'fan-out %s (version %s): publish %s s, publish -> all %s SENT %s s -> %s msg/s; first -> last mail %s s; FAILED %s%s' \
        "$k" "$version" "$secs" "$sent" "$(seconds $(( last_ms - t_pub )))" "$rate" "$(seconds $(( last_ms - first_ms )))" "$failed" \
        "$( (( $(now_ms) > end )) && echo ' (finished after wrk)')")")
    log "${fanout_lines[-1]}"
    (( drained )) || die "fan-out $k not done 600 s after the end of the load"
    [[ "$FANOUTS" == continuous ]] || break
done
(( top_taken )) || top -bn1 | head -15 >"$SCRATCH/top"
wait "$WRK_LIST" || true
wait "$WRK_PAGE" || true
stop_service "$WRK_LIST"; stop_service "$WRK_PAGE"   # (ended: only taken off the cleanup list)
echo "load after:  $(uptime | sed 's/.*load average/load average/')"

# wrk_figures FILE -> "req/s p50 p90 p99 non2xx socketerrors requests" (latencies in ms)
to_ms() { awk '{v = $1; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.2f", v}'; }
wrk_figures() {
    local f=$1 rps p50 p90 p99 bad sock reqs
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$f")
    p50=$(awk '$1 == "50%" {print $2}' "$f" | to_ms)
    p90=$(awk '$1 == "90%" {print $2}' "$f" | to_ms)
    p99=$(awk '$1 == "99%" {print $2}' "$f" | to_ms)
    bad=$(awk -F: '/Non-2xx/ {gsub(/ /, "", $2); print $2}' "$f")
    sock=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$f")
    reqs=$(awk '/requests in/ {print $1}' "$f")
    echo "${rps:-0} ${p50:-?} ${p90:-?} ${p99:-?} ${bad:-0} ${sock:-0} ${reqs:-0}"
}
read -r l_rps l_p50 l_p90 l_p99 l_bad l_sock l_reqs < <(wrk_figures "$SCRATCH/wrk-list")
read -r p_rps p_p50 p_p90 p_p99 p_bad p_sock p_reqs < <(wrk_figures "$SCRATCH/wrk-page")

received_report "$DUMP" "$SCRATCH"
expected=$(( ${#versions[@]} * N ))
rate_stats=$(printf '%s\n' "${rates[@]}" | stats | awk '{printf "%.0f %.0f %.0f %.0f %d", $1, $2, $3, $4, $5}')

echo
echo "the reads (wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency, each endpoint at once):"
printf '  %-24s %10s %9s %9s %9s %8s %8s %10s\n' endpoint requests/s p50_ms p90_ms p99_ms non-2xx sock-err requests
printf '  %-24s %10s %9s %9s %9s %8s %8s %10s\n' "GET /api/v1/subprocessors" "$l_rps" "$l_p50" "$l_p90" "$l_p99" "$l_bad" "$l_sock" "$l_reqs"
printf '  %-24s %10s %9s %9s %9s %8s %8s %10s\n' "GET /" "$p_rps" "$p_p50" "$p_p90" "$p_p99" "$p_bad" "$p_sock" "$p_reqs"
echo "the fan-outs meanwhile ($N subscribers each, batches of $BATCH, $SESSIONS SMTP sessions):"
printf '  %s\n' "${fanout_lines[@]}"
printf '  rate under load, msg/s: median %s, min %s, max %s (n = %s)\n' \
    "$(cut -d' ' -f1 <<<"$rate_stats")" "$(cut -d' ' -f3 <<<"$rate_stats")" "$(cut -d' ' -f4 <<<"$rate_stats")" "$(cut -d' ' -f5 <<<"$rate_stats")"
printf '  sink: %s received, %s distinct, %s duplicates (expected %s)\n' "$RECEIVED" "$DISTINCT" "$DUPES" "$expected"
echo "top in the middle of the run:"
sed 's/^/  /' "$SCRATCH/top"
echo

below() { awk -v a="$1" -v b="$2" 'BEGIN {print (a != "?" && a + 0 < b + 0) ? 1 : 0}'; }
check reads "$(below "$l_p99" "$P99_MS")" "GET /api/v1/subprocessors p99 $l_p99 ms < $P99_MS ms (p50 $l_p50 ms, $l_rps req/s)"
check reads "$(below "$p_p99" "$P99_MS")" "GET / p99 $p_p99 ms < $P99_MS ms (p50 $p_p50 ms, $p_rps req/s)"
check reads $(( l_bad == 0 && p_bad == 0 )) "0 non-2xx answers ($l_bad + $p_bad of $(( l_reqs + p_reqs )))"
check reads $(( l_sock == 0 && p_sock == 0 )) "0 socket errors ($l_sock + $p_sock)"
check fan-out $(( DISTINCT == expected && DUPES == 0 )) "every fan-out delivered exactly once (${#versions[@]} x $N: $DISTINCT distinct, $DUPES duplicates)"

stop_service "$PID"
stop_service "$SINK_PID"
drop_db "$DB"
print_checks "bench/mixed-load.sh, ${DURATION} s, $N subscribers, ${#versions[@]} fan-outs at a median $(cut -d' ' -f1 <<<"$rate_stats") msg/s"
