#!/usr/bin/env bash
# Benchmark (webhooks): a version published to ENDPOINTS webhook endpoints on loopback.
#
#   bench/webhooks.sh                                  # 1,000 endpoints, 3 publishes
#   ENDPOINTS=1000 ROUNDS=3 PORT_MIN=29000 PORT_MAX=29999 bench/webhooks.sh
#
# ENDPOINTS endpoints are registered through the API (each its own path and secret) on one local
# receiver (bench/webhook-receiver.py: answers 200 at once, verifies every signature with the
# endpoint's secret). Each round publishes a version and times, from the publish's answer to the
# last delivery the receiver logged, how fast all endpoints got version.published; then counts
# deliveries per (endpoint, webhook-id): every endpoint exactly once, 0 duplicates, 0 bad signatures.
# The service runs with registry.webhooks.allow-private/allow-http (loopback, plain HTTP) and
# dispatches every 100 ms.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_tools java curl jq psql python3

ENDPOINTS="${ENDPOINTS:-1000}"
ROUNDS="${ROUNDS:-3}"
ensure_jar

echo "== bench/webhooks.sh"
machine_info
echo "command: ENDPOINTS=$ENDPOINTS ROUNDS=$ROUNDS bench/webhooks.sh"
echo

require_postgres
db="bench_webhooks_$$"
create_db "$db"
mapfile -t db_env < <(external_db_env "$db")

receiver_port=$(free_port)
secrets="$WORK/webhook-secrets.txt"; received="$WORK/webhook-received.log"
: >"$secrets"; : >"$received"
python3 "$ROOT/bench/webhook-receiver.py" "$receiver_port" "$secrets" "$received" &
receiver_pid=$!
at_exit "kill $receiver_pid 2>/dev/null || true"

port=$(free_port)
base="http://127.0.0.1:$port"
logfile="$WORK/webhooks.log"
start_service "$logfile" "$port" "${db_env[@]}" REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    REGISTRY_WEBHOOKS_ALLOW_PRIVATE=true REGISTRY_WEBHOOKS_ALLOW_HTTP=true REGISTRY_WEBHOOKS_DISPATCH_EVERY=100ms
pid=$SERVICE_PID
wait_http "$base/q/health/ready" "$pid" || { tail -50 "$logfile"; die "service did not start (log: $logfile)"; }
echo "service pid $pid on port $port, receiver on $receiver_port"

admin="admin:$ADMIN_PASSWORD"
legal="$LEGAL_USER:$LEGAL_PASSWORD"
json=(-H 'Content-Type: application/json')
curl -fsS -o /dev/null -u "$admin" "${json[@]}" "$base/api/v1/admin/users" \
    -d "{\"username\":\"$LEGAL_USER\",\"password\":\"$LEGAL_PASSWORD\",\"roles\":[\"legal\"]}"

started=$(now_ms)
# register ID: one endpoint, its own path; prints "<path> <secret>" (8 registrations run at once).
register() {
    local path="/hook/$1"
    printf '%s %s\n' "$path" "$(curl -fsS -u "$legal" -H 'Content-Type: application/json' "$base/api/v1/webhooks" \
        -d "{\"url\":\"http://127.0.0.1:$receiver_port$path\",\"events\":[\"version.published\"],\"description\":\"bench $1\"}" | jq -r .secret)"
}
export -f register; export legal base receiver_port
seq 1 "$ENDPOINTS" | xargs -P 8 -I{} bash -c 'register {}' >>"$secrets"
[ "$(grep -c ' whsec_' "$secrets")" -eq "$ENDPOINTS" ] || die "not every endpoint was registered"
echo "registered $ENDPOINTS endpoints in $(( $(now_ms) - started )) ms"

effective=$(date -u -d '+45 days' +%Y-%m-%d)
rates=(); spans=(); publish_ms=()
for round in $(seq 1 "$ROUNDS"); do
    curl -fsS -o /dev/null -u "$legal" "${json[@]}" "$base/api/v1/draft/subprocessors" -d "{\"section\":\"support\",\
\"name\":\"Webhook bench $round\",\"legalAddress\":\"$round Bench Street, Berlin\",\"location\":\"EU\",\"processingActivity\":\"Benchmarks\"}"
    reviewed=$(draft_etag "$base" "$legal")
    before=$(wc -l <"$received")
    t0=$(now_ms)
    t=$(curl -fsS -o /dev/null -w '%{time_total}' -u "$legal" "${json[@]}" -H "If-Match: $reviewed" \
        "$base/api/v1/draft/publish" -d "{\"effectiveAt\":\"$effective\",\"summary\":\"Webhook bench $round\"}")
    publish_ms+=("$(awk -v s="$t" 'BEGIN { printf "%.1f", s * 1000 }')")
    deadline=$(( $(date +%s) + 300 ))
    while [ "$(( $(wc -l <"$received") - before ))" -lt "$ENDPOINTS" ]; do
        [ "$(date +%s)" -lt "$deadline" ] || die "round $round: only $(( $(wc -l <"$received") - before )) of $ENDPOINTS deliveries within 300 s"
        sleep 0.05
    done
    last=$(tail -n +"$(( before + 1 ))" "$received" | awk '{print $1}' | sort -n | tail -1)
    span=$(( last - t0 ))
    spans+=("$span")
    rates+=("$(awk -v n="$ENDPOINTS" -v ms="$span" 'BEGIN { printf "%.0f", n * 1000 / ms }')")
    echo "round $round: publish ${publish_ms[-1]} ms; $ENDPOINTS deliveries within $span ms of the publish (${rates[-1]}/s)"
done
sleep 2   # anything sent twice would arrive now
total=$(wc -l <"$received")
distinct=$(awk '{print $2, $3}' "$received" | sort -u | wc -l)
invalid=$(awk '$4 != 1' "$received" | wc -l)
per_endpoint=$(awk '{print $2}' "$received" | sort | uniq -c | awk '{print $1}' | sort -u | tr '\n' ' ')
delivered=$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -qAt \
    -c "select count(*) from webhook_delivery where status = 'DELIVERED'")
read -r rate_med _ rate_min rate_max _ <<<"$(printf '%s\n' "${rates[@]}" | stats)"
read -r span_med _ <<<"$(printf '%s\n' "${spans[@]}" | stats)"
read -r pub_med _ <<<"$(printf '%s\n' "${publish_ms[@]}" | stats)"
echo
echo "endpoints: $ENDPOINTS, rounds: $ROUNDS"
printf 'deliveries/s (publish answered -> last delivery received): median %.0f (min %.0f, max %.0f); median span %.0f ms\n' \
    "$rate_med" "$rate_min" "$rate_max" "$span_med"
printf 'publish with %d endpoints (queueing the deliveries in its transaction): median %.1f ms\n' "$ENDPOINTS" "$pub_med"
echo "received: $total requests, distinct (endpoint, webhook-id): $distinct, duplicates: $(( total - distinct )), bad signatures: $invalid"
echo "requests per endpoint: $per_endpoint(expected: $ROUNDS); DELIVERED rows: $delivered"
fail=0
[ "$total" -eq "$distinct" ] || { echo "FAIL: duplicates"; fail=1; }
[ "$invalid" -eq 0 ] || { echo "FAIL: bad signatures"; fail=1; }
[ "$distinct" -eq "$(( ENDPOINTS * ROUNDS ))" ] || { echo "FAIL: expected $(( ENDPOINTS * ROUNDS )) deliveries"; fail=1; }
[ "$fail" -eq 0 ] && echo "PASS: every endpoint got each version once, signed"
exit "$fail"
