#!/usr/bin/env bash
# Benchmark (signing): what signing adds to a publish, and /.well-known/subprocessors.json under wrk.
#
#   bench/signing.sh                                   # machine PostgreSQL (fresh database, dropped after)
#   PUBLISHES=20 THREADS=2 CONNECTIONS=8 DURATION=15 ROUNDS=3 WARMUP=10 bench/signing.sh
#   PORT_MIN=27000 PORT_MAX=28999 bench/signing.sh     # ports in a range
#
# 1. PUBLISHES versions published through the API, one added entry each (sample data first). The
#    service times the signing step inside each publish transaction (the active key's lookup,
#    Ed25519, the signature's insert) as the registry.signing timer; this prints its mean and max
#    from /q/metrics next to the whole publish as curl saw it. Target: signing adds < 5 ms.
# 2. wrk on /.well-known/subprocessors.json versus GET /api/v1 (a constant answer of the same
#    service), with GET /api/v1/subprocessors alongside, alternating rounds after a warm-up.
#    Target: the document at >= 0.8x the trivial endpoint, as the list is.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss wrk

PUBLISHES="${PUBLISHES:-20}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-8}"
DURATION="${DURATION:-15}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-10}"
ensure_jar

echo "== bench/signing.sh (machine PostgreSQL)"
machine_info
echo "wrk:     $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "command: PUBLISHES=$PUBLISHES THREADS=$THREADS CONNECTIONS=$CONNECTIONS DURATION=$DURATION ROUNDS=$ROUNDS WARMUP=$WARMUP bench/signing.sh"
echo

require_postgres
db="bench_signing_$$"
create_db "$db"
mapfile -t db_env < <(external_db_env "$db")
port=$(free_port)
base="http://127.0.0.1:$port"
logfile="$WORK/signing.log"
start_service "$logfile" "$port" "${db_env[@]}" REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD"
pid=$SERVICE_PID
wait_http "$base/q/health/ready" "$pid" || { tail -50 "$logfile"; die "service did not start (log: $logfile)"; }
echo "service pid $pid on port $port"

# ------------------------------------------------------------------ 1. publishes
admin="admin:$ADMIN_PASSWORD"
legal="$LEGAL_USER:$LEGAL_PASSWORD"
json=(-H 'Content-Type: application/json')
curl -fsS -o /dev/null -u "$admin" "${json[@]}" "$base/api/v1/admin/users" \
    -d "{\"username\":\"$LEGAL_USER\",\"password\":\"$LEGAL_PASSWORD\",\"roles\":[\"legal\"]}"
effective=$(date -u -d '+45 days' +%Y-%m-%d)
# signing_seconds: the registry.signing timer's total so far, in seconds.
signing_seconds() { curl -fsS "$base/q/metrics" | awk '/^registry_signing_seconds_sum/ {print $2}'; }
publish_ms=(); sign_ms=()
for i in $(seq 1 "$PUBLISHES"); do
    curl -fsS -o /dev/null -u "$legal" "${json[@]}" "$base/api/v1/draft/subprocessors" -d "{\"section\":\"support\",\
\"name\":\"Bench processor $i\",\"legalAddress\":\"$i Bench Street, Berlin\",\"location\":\"EU\",\"processingActivity\":\"Benchmarks\"}"
    reviewed=$(draft_etag "$base" "$legal")
    before=$(signing_seconds)
    t=$(curl -fsS -o /dev/null -w '%{time_total}' -u "$legal" "${json[@]}" -H "If-Match: $reviewed" \
        "$base/api/v1/draft/publish" -d "{\"effectiveAt\":\"$effective\",\"summary\":\"Bench publish $i\"}")
    after=$(signing_seconds)
    publish_ms+=("$(awk -v s="$t" 'BEGIN { printf "%.3f", s * 1000 }')")
    sign_ms+=("$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.3f", (a - b) * 1000 }')")
done
read -r pub_med pub_p90 pub_min pub_max _ <<<"$(printf '%s\n' "${publish_ms[@]}" | stats)"
read -r sign_med sign_p90 sign_min sign_max _ <<<"$(printf '%s\n' "${sign_ms[@]}" | stats)"
# The first publishes meet a cold JVM (class loading, JIT): the second half is the steady state.
read -r warm_med warm_p90 _ warm_max _ <<<"$(printf '%s\n' "${sign_ms[@]:$(( PUBLISHES / 2 ))}" | stats)"
read -r warm_pub_med _ <<<"$(printf '%s\n' "${publish_ms[@]:$(( PUBLISHES / 2 ))}" | stats)"
verified=$(curl -fsS -u "$legal" "$base/api/v1/versions/verify" | jq -r '"\(.valid) (\(.versionsChecked) versions)"')
echo
echo "publishes: $PUBLISHES (versions 3..$(( PUBLISHES + 2 )), one added entry each), chain and signatures valid: $verified"
echo "per publish, ms:                      median      p90      min      max"
printf '  whole publish (curl time_total)  %8.2f %8.2f %8.2f %8.2f\n' "$pub_med" "$pub_p90" "$pub_min" "$pub_max"
printf '  signing inside it                %8.3f %8.3f %8.3f %8.3f\n' "$sign_med" "$sign_p90" "$sign_min" "$sign_max"
printf '  signing, second half (warm JVM)  %8.3f %8.3f %8s %8.3f   of a publish of %.2f ms\n' "$warm_med" "$warm_p90" \
    "" "$warm_max" "$warm_pub_med"
printf '  target: signing adds < 5 ms (warm median): %s\n' "$(awk -v x="$warm_med" 'BEGIN { print (x < 5) ? "MET" : "NOT MET" }')"
echo "  per-publish values (signing ms): ${sign_ms[*]}"

# ------------------------------------------------------------------ 2. wrk
doc_url="$base/.well-known/subprocessors.json"
list_url="$base/api/v1/subprocessors"
index_url="$base/api/v1"
echo
echo "/.well-known/subprocessors.json: $(curl -fsS "$doc_url" | wc -c) bytes; /api/v1/subprocessors: $(curl -fsS -H 'Accept: application/json' "$list_url" | wc -c) bytes; /api/v1: $(curl -fsS -H 'Accept: application/json' "$index_url" | wc -c) bytes"

echo "warm-up: ${WARMUP}s on each endpoint"
for url in "$index_url" "$doc_url" "$list_url"; do run_wrk "$WARMUP" "$url" >/dev/null; done
echo
printf '%-6s %-34s %12s %10s %10s %8s\n' round endpoint requests/s avg p99 non-2xx
doc_rps=(); list_rps=(); index_rps=()
for r in $(seq 1 "$ROUNDS"); do
    # Rotate the order, so that drifting background load hits every endpoint alike.
    case $(( r % 3 )) in
        1) order=(index doc list) ;;
        2) order=(doc list index) ;;
        0) order=(list index doc) ;;
    esac
    for which in "${order[@]}"; do
        case $which in
            doc) url=$doc_url; name=/.well-known/subprocessors.json ;;
            list) url=$list_url; name=/api/v1/subprocessors ;;
            index) url=$index_url; name=/api/v1 ;;
        esac
        read -r rps avg p99 bad <<<"$(run_wrk "$DURATION" "$url")"
        [[ "$bad" == 0 ]] || log "$bad non-2xx answers from $name"
        printf '%-6s %-34s %12s %10s %10s %8s\n' "$r" "$name" "$rps" "$avg" "$p99" "$bad"
        case $which in
            doc) doc_rps+=("$rps") ;;
            list) list_rps+=("$rps") ;;
            index) index_rps+=("$rps") ;;
        esac
    done
done
doc_med=$(printf '%s\n' "${doc_rps[@]}" | stats | cut -d' ' -f1)
list_med=$(printf '%s\n' "${list_rps[@]}" | stats | cut -d' ' -f1)
index_med=$(printf '%s\n' "${index_rps[@]}" | stats | cut -d' ' -f1)
echo
echo "summary (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds, medians):"
printf '  GET /.well-known/subprocessors.json  %10.0f req/s\n' "$doc_med"
printf '  GET /api/v1/subprocessors            %10.0f req/s\n' "$list_med"
printf '  GET /api/v1                          %10.0f req/s\n' "$index_med"
r=$(ratio "$doc_med" "$index_med")
printf '  ratio document/index                 %10s   target >= 0.8: %s\n' "$r" \
    "$(awk -v x="$r" 'BEGIN { print (x >= 0.8) ? "MET" : "NOT MET" }')"
printf '  ratio list/index                     %10s\n' "$(ratio "$list_med" "$index_med")"

stop_service "$pid"
echo "service stopped (SIGTERM) in ${STOP_MS} ms"
