#!/usr/bin/env bash
# Benchmark (customers): 10,000 customers with 2 contacts each, against the packaged service.
#
#   bench/customers.sh              # against the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust
#                                   # auth); creates and drops a database a_bench_<pid>
#   CUSTOMERS=10000 ROUNDS=5 bench/customers.sh
#
# Each round adds one sub-processor to the draft and times, with curl's time_total on loopback:
# GET /api/v1/draft/earliest-effective-date, POST /api/v1/draft/publish on that date (one transaction:
# the version, one obligation per customer, two announcements per customer) and GET
# /api/v1/versions/{n}/obligations of the new version (JSON, 10,000 obligations with their contacts).
# The status job runs every second in the service (registry.customers.status-every=1s) over every
# obligation not yet notified (no SMTP server: none is); its own timer registry_obligations_refresh_seconds
# gives its median. Customers and contacts are inserted with SQL (their API path is per customer).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss
export PORT_MIN="${PORT_MIN:-21000}" PORT_MAX="${PORT_MAX:-22999}"

CUSTOMERS="${CUSTOMERS:-10000}"
ROUNDS="${ROUNDS:-5}"

ensure_jar
require_postgres
echo "== bench/customers.sh"
machine_info
echo "command: CUSTOMERS=$CUSTOMERS ROUNDS=$ROUNDS bench/customers.sh"
echo

db="a_bench_$$"
create_db "$db"
mapfile -t service_env < <(external_db_env "$db")
port=$(free_port)
base="http://127.0.0.1:$port"
logfile="$WORK/customers.log"
start_service "$logfile" "$port" "${service_env[@]}" REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD" REGISTRY_SAMPLE_DATA=false \
    REGISTRY_NOTICES_DISPATCH_EVERY=off REGISTRY_CUSTOMERS_STATUS_EVERY=1s
pid=$SERVICE_PID
wait_http "$base/q/health/ready" "$pid" || { tail -50 "$logfile"; die "service did not start (log: $logfile)"; }
echo "service pid $pid on port $port (log: $logfile)"

api() {
    local method=$1 path=$2
    shift 2
    curl -sS -o "$WORK/last-body.json" -w '%{http_code} %{time_total}' --max-time 300 -X "$method" "$@" "$base$path"
}
expect() {
    if [[ "${2%% *}" != "$1" ]]; then
        log "$3 answered ${2%% *}, expected $1:"; head -c 2000 "$WORK/last-body.json" >&2 || true; echo >&2; exit 1
    fi
}
admin=(-u "admin:$ADMIN_PASSWORD")
legal=(-u "$LEGAL_USER:$LEGAL_PASSWORD")
json=(-H 'Content-Type: application/json')

expect 201 "$(api POST /api/v1/admin/users "${admin[@]}" "${json[@]}" \
    -d "{\"username\":\"$LEGAL_USER\",\"password\":\"$LEGAL_PASSWORD\",\"roles\":[\"legal\",\"auditor\"]}")" "creating the legal account"
for key in product support; do
    expect 201 "$(api POST /api/v1/draft/sections "${legal[@]}" "${json[@]}" -d "{\"key\":\"$key\",\"title\":\"$key\"}")" "section $key"
done
entry() {  # entry NAME: adds a sub-processor to the support section
    expect 201 "$(api POST /api/v1/draft/subprocessors "${legal[@]}" "${json[@]}" -d "{\"section\":\"support\",\"name\":\"$1\",\
\"legalAddress\":\"1 Example Street, Berlin\",\"location\":\"EU\",\"processingActivity\":\"Bench\"}")" "adding $1"
}
publish() {  # publish DATE: prints "<status> <seconds>"
    local etag
    etag=$(draft_etag "$base" "$LEGAL_USER:$LEGAL_PASSWORD")
    api POST /api/v1/draft/publish "${legal[@]}" "${json[@]}" -H "If-Match: $etag" \
        -d "{\"effectiveAt\":\"$1\",\"summary\":\"bench\"}"
}
entry "Initial"
expect 201 "$(publish "$(date -u +%F)")" "publishing version 1"

t0=$(now_ms)
PGOPTIONS="-c client_min_messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -v ON_ERROR_STOP=1 -q <<SQL
insert into customer (id, name, reference, notice_period_days, sections, created_at)
select gen_random_uuid(), 'Customer ' || i, 'BENCH-' || i, (array[30, 60, 90])[1 + i % 3],
       case when i % 2 = 0 then null else array['support'] end, now()
  from generate_series(1, $CUSTOMERS) as i;
insert into subscriber (id, email, organisation, sections, status, created_at, confirmed_at, manage_nonce,
                        manage_token_hash, customer_id)
select gen_random_uuid(), 'contact' || n || '-' || c.reference || '@example.test', c.name, c.sections, 'CONFIRMED',
       now(), now(), gen_random_uuid(), md5(random()::text || c.id || n), c.id
  from customer c cross join generate_series(1, 2) as n;
analyze;
SQL
echo "inserted $CUSTOMERS customers with 2 contacts each in $(( $(now_ms) - t0 )) ms"
echo

earliest_times=(); publish_times=(); report_times=()
printf '%-6s %12s %10s %10s  %s\n' round earliest_s publish_s report_s "date / obligations"
for round in $(seq 1 "$ROUNDS"); do
    entry "Newcomer $round"
    r=$(api GET /api/v1/draft/earliest-effective-date "${legal[@]}")
    expect 200 "$r" "earliest-effective-date"
    date=$(jq -r .date "$WORK/last-body.json")
    earliest_times+=("${r#* }")
    r=$(publish "$date")
    expect 201 "$r" "publish of round $round"
    publish_times+=("${r#* }")
    number=$(jq -r .number "$WORK/last-body.json")
    r=$(api GET "/api/v1/versions/$number/obligations" "${legal[@]}")
    expect 200 "$r" "obligations report of version $number"
    report_times+=("${r#* }")
    printf '%-6s %12s %10s %10s  %s / %s\n' "$round" "${earliest_times[-1]}" "${publish_times[-1]}" "${r#* }" "$date" \
        "$(jq -c '.totals' "$WORK/last-body.json")"
    if (( round == 1 )); then
        # the status job over the first version's obligations alone
        sleep 12
        job_first=$(curl -fsS "$base/q/metrics" | awk '/^registry_obligations_refresh_seconds\{quantile="0.5"/ {printf "%.3f", $2}')
        echo "status job over $CUSTOMERS obligations: median ${job_first} s (registry_obligations_refresh_seconds, last minute)"
    fi
done
sleep 5
job_all=$(curl -fsS "$base/q/metrics" | awk '/^registry_obligations_refresh_seconds\{quantile="0.5"/ {printf "%.3f", $2}')
job_count=$(curl -fsS "$base/q/metrics" | awk '/^registry_obligations_refresh_seconds_count/ {print $2}')
echo
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "medians over $ROUNDS rounds ($CUSTOMERS customers, $(( CUSTOMERS * 2 )) contacts):"
echo "  earliest-effective-date  $(median "${earliest_times[@]}") s   (target < 1 s)"
echo "  publish                  $(median "${publish_times[@]}") s   (target < 1 s)"
echo "  obligations report       $(median "${report_times[@]}") s   (target < 0.5 s)"
echo "  status job               ${job_first} s over $CUSTOMERS obligations; ${job_all} s over up to $(( CUSTOMERS * ROUNDS )) at the end ($job_count runs)   (target < 1 s)"
stop_service "$pid"
