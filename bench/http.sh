#!/usr/bin/env bash
# Benchmark 3 (http): wrk on loopback against the packaged service with its sample data (17 entries
# in 3 sections): GET /api/v1/subprocessors and the public page GET / (Accept: text/html) versus
# GET /api/v1 (a constant answer of the same service), same wrk settings, rounds in the same run
# after a warm-up, the order rotating from round to round.
#
#   bench/http.sh                                   # machine PostgreSQL (fresh database, dropped after)
#   bench/http.sh --embedded                        # the service's embedded PostgreSQL (scratch data dir)
#   THREADS=2 CONNECTIONS=8 DURATION=15 ROUNDS=3 WARMUP=10 bench/http.sh
#   NMT=1 SERVICE_JAVA_OPTS=-XX:NativeMemoryTracking=summary bench/http.sh   # also: where the RSS after the load is
#
# wrk runs on the same 2 CPUs as the service, so the absolute figures are a lower bound; the ratio
# of the two endpoints measured side by side is the figure to read.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss

MODE=external
[[ "${1:-}" == --embedded ]] && MODE=embedded
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-8}"
DURATION="${DURATION:-15}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-10}"

if ! command -v wrk >/dev/null; then
    log "installing wrk"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
ensure_jar

echo "== bench/http.sh ($MODE PostgreSQL)"
machine_info
echo "wrk:     $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "command: THREADS=$THREADS CONNECTIONS=$CONNECTIONS DURATION=$DURATION ROUNDS=$ROUNDS WARMUP=$WARMUP bench/http.sh${1:+ $1}"
echo

port=$(free_port)
base="http://127.0.0.1:$port"
logfile="$WORK/http-$MODE.log"
if [[ "$MODE" == external ]]; then
    require_postgres
    db="bench_http_$$"
    create_db "$db"
    mapfile -t db_env < <(external_db_env "$db")
    start_service "$logfile" "$port" "${db_env[@]}" REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD"
else
    scratch_dir SERVICE_CWD embedded-http
    start_service "$logfile" "$port" REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    unset SERVICE_CWD
fi
pid=$SERVICE_PID
wait_http "$base/q/health/ready" "$pid" || { tail -50 "$logfile"; die "service did not start (log: $logfile)"; }

list_url="$base/api/v1/subprocessors"
index_url="$base/api/v1"
page_url="$base/"
entries=$(curl -fsS -H 'Accept: application/json' "$list_url" | jq '[.sections[].subprocessors[]] | length')
list_bytes=$(curl -fsS -H 'Accept: application/json' "$list_url" | wc -c)
index_bytes=$(curl -fsS -H 'Accept: application/json' "$index_url" | wc -c)
echo "service pid $pid on port $port; /api/v1/subprocessors: $entries entries, $list_bytes bytes; /api/v1: $index_bytes bytes"

echo
echo "warm-up: ${WARMUP}s on each endpoint"
run_wrk "$WARMUP" "$index_url" >/dev/null
run_wrk "$WARMUP" "$list_url" >/dev/null
run_wrk "$WARMUP" "$page_url" text/html >/dev/null

echo
printf '%-6s %-24s %12s %10s %10s %8s\n' round endpoint requests/s avg p99 non-2xx
list_rps=()
index_rps=()
page_rps=()
for r in $(seq 1 "$ROUNDS"); do
    # Rotate which endpoint goes first, so that drifting background load hits all alike.
    case $(( r % 3 )) in
        1) order=(index list page) ;;
        2) order=(list page index) ;;
        0) order=(page index list) ;;
    esac
    for which in "${order[@]}"; do
        accept=application/json
        case $which in
            list) url=$list_url; name=/api/v1/subprocessors ;;
            index) url=$index_url; name=/api/v1 ;;
            page) url=$page_url; name="/ (text/html)"; accept=text/html ;;
        esac
        read -r rps avg p99 bad <<<"$(run_wrk "$DURATION" "$url" "$accept")"
        [[ "$bad" == 0 ]] || log "$bad non-2xx answers from $name"
        printf '%-6s %-24s %12s %10s %10s %8s\n' "$r" "$name" "$rps" "$avg" "$p99" "$bad"
        case $which in
            list) list_rps+=("$rps") ;;
            index) index_rps+=("$rps") ;;
            page) page_rps+=("$rps") ;;
        esac
    done
done

list_med=$(printf '%s\n' "${list_rps[@]}" | stats | cut -d' ' -f1)
index_med=$(printf '%s\n' "${index_rps[@]}" | stats | cut -d' ' -f1)
page_med=$(printf '%s\n' "${page_rps[@]}" | stats | cut -d' ' -f1)
r=$(ratio "$list_med" "$index_med")
rp=$(ratio "$page_med" "$index_med")
echo
echo "summary ($MODE PostgreSQL; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds, medians):"
printf '  GET /api/v1/subprocessors  %10.0f req/s\n' "$list_med"
printf '  GET / (text/html)          %10.0f req/s\n' "$page_med"
printf '  GET /api/v1                %10.0f req/s\n' "$index_med"
printf '  ratio list/index           %10s   target >= 0.95: %s\n' "$r" \
    "$(awk -v x="$r" 'BEGIN { print (x >= 0.95) ? "MET" : "NOT MET" }')"
printf '  ratio page/index           %10s   target >= 0.95: %s\n' "$rp" \
    "$(awk -v x="$rp" 'BEGIN { print (x >= 0.95) ? "MET" : "NOT MET" }')"
echo "  service RSS after the load: $(rss_mib "$pid") MiB"
if [[ "${NMT:-0}" == 1 ]]; then
    # where the RSS is: the JVM's own accounting (SERVICE_JAVA_OPTS must hold -XX:NativeMemoryTracking=summary)
    echo "  JVM native memory (committed, MiB) after the load:"
    jcmd "$pid" VM.native_memory summary scale=MB 2>/dev/null \
        | awk '/^-/ && /committed=/ { name=$2; for (i=3; i<=NF; i++) if ($i !~ /^\(/) name=name" "$i; else break;
                                       match($0, /committed=[0-9]+MB/); printf "    %-28s %s\n", name, substr($0, RSTART+10, RLENGTH-12) }
               /^Total:/ { match($0, /committed=[0-9]+MB/); printf "    %-28s %s\n", "Total", substr($0, RSTART+10, RLENGTH-12) }' | head -14
    jcmd "$pid" GC.heap_info 2>/dev/null | sed -n '1,3p' | sed 's/^/    /'
fi

stop_service "$pid"
echo "service stopped (SIGTERM) in ${STOP_MS} ms"
