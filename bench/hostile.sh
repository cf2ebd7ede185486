#!/usr/bin/env bash
# Hostile requests: COUNT requests a careful client never sends, against one instance with its
# sample data, over raw sockets: every operation of /q/openapi (the API, the pages, the subscriber
# pages, every /console form) with no credentials, wrong ones (and a NUL in the Basic username) and
# each role (HTTP Basic and a console session), carrying random and deeply nested JSON (to 100,000
# levels), bodies over the size limit, wrong or missing Content-Type, invalid UTF-8, NUL bytes,
# CR/LF in every field that reaches a mail header, path traversal, 16 KB headers and paths, junk
# If-Match/If-None-Match/Accept/Accept-Language, bad %-escapes and >1,000 fields in forms, broken
# multipart boundaries, query and path parameters of the wrong type or out of range, requests
# without a Host header. The generator is src/test/java/io/subregistry/hostile/HostileSweep.java
# (JDK only, seeded; the test suite runs 1,000 of the same in HostileSweepTest).
#
#   bench/hostile.sh                      # 10,000 requests, seed 1, ~10 min on a busy 2-CPU machine
#   COUNT=2000 SEED=7 bench/hostile.sh
#
# Checks: 0 answers >= 500; no body with a stack trace, an exception or a Java class name; the
# service still ready; every published version byte-identical (GET /api/v1/versions/{n}) and the
# version tables and the audit events that existed before unchanged (hashed in the database);
# /api/v1/versions/verify valid; every mail the sink received has one recipient and none of the
# headers an injected CR/LF would add; no ERROR line in the service log.
#
# Knobs: COUNT (10000), SEED (1), THREADS (4, concurrent connections), PORT_MIN, PORT_MAX,
# DB_PREFIX (bench), PG_PORT, PG_USER, SERVICE_JAVA_OPTS. Needs PostgreSQL on 127.0.0.1:$PG_PORT
# (user postgres, trust) and postfix's smtp-sink. Exit status 1 on a FAIL.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=bench/smtp-lib.sh
source "$BENCH_DIR/smtp-lib.sh"
# shellcheck source=bench/fault-lib.sh
source "$BENCH_DIR/fault-lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss gawk sha256sum
ensure_postfix_tools
require_postgres
ensure_jar

COUNT="${COUNT:-10000}"
SEED="${SEED:-1}"
THREADS="${THREADS:-4}"
AUDITOR_USER=bench-auditor
AUDITOR_PASSWORD="${BENCH_AUDITOR_PASSWORD:-bench-Auditor-pw-2025}"
GENERATOR="$ROOT/src/test/java/io/subregistry/hostile/HostileSweep.java"

echo "== bench/hostile.sh"
machine_info
jar_info
echo "command: COUNT=$COUNT SEED=$SEED THREADS=$THREADS bench/hostile.sh"
echo

DB="${DB_PREFIX:-bench}_hostile_$$"
create_db "$DB"
DUMP=$(mktemp -d /dev/shm/bench-hostile.XXXXXX); _DIRS+=("$DUMP")
SINK_PORT=$(free_port)
start_sink "$SINK_PORT" "$DUMP"
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
LOGFILE="$WORK/hostile.log"
start_instance "$LOGFILE" "$PORT" "$DB" "$SINK_PORT" "hostile.bench.test" REGISTRY_SAMPLE_DATA=true
PID=$SERVICE_PID
wait_http "$BASE/q/health/ready" "$PID" || { tail -40 "$LOGFILE" >&2; die "service did not start"; }
for account in "$LEGAL_USER:$LEGAL_PASSWORD:legal" "$AUDITOR_USER:$AUDITOR_PASSWORD:auditor"; do
    IFS=: read -r user password role <<<"$account"
    curl -fsS -o /dev/null -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$user\",\"password\":\"$password\",\"roles\":[\"$role\"]}" \
        "$BASE/api/v1/admin/users" || die "could not create the $role account"
done

# state: what must not change. Every published version as the API serves it, the version tables
# and the audit events present now (the sweep may append events: draft edits are allowed).
versions_digest() {
    local n out=""
    for n in $(curl -fsS "$BASE/api/v1/versions" | jq -r '.[].number'); do
        out+="$n $(curl -fsS -H 'Accept: application/json' "$BASE/api/v1/versions/$n" | sha256sum | cut -c1-16) "
    done
    echo "$out"
}
MAX_AUDIT=$(sql "$DB" "select coalesce(max(id), 0) from audit_event")
tables_digest() {
    sql "$DB" "select md5(string_agg(t, '|' order by t)) from (
                 select 'v' || v::text as t from version v
                 union all select 's' || s::text from version_section s
                 union all select 'e' || e::text from version_entry e
                 union all select 'c' || c::text from change_event c
                 union all select 'a' || a::text from audit_event a where a.id <= $MAX_AUDIT) rows"
}
verify_valid() { curl -fsS -u "$AUDITOR_USER:$AUDITOR_PASSWORD" "$BASE/api/v1/versions/verify" | jq -r '.valid'; }

BEFORE_VERSIONS=$(versions_digest)
BEFORE_TABLES=$(tables_digest)
log "before: versions $BEFORE_VERSIONS; tables $BEFORE_TABLES; audit events up to id $MAX_AUDIT"

log "sending $COUNT hostile requests (seed $SEED, $THREADS connections)"
OUT="$WORK/hostile-sweep.out"
t0=$(now_ms)
java -Dhostile.threads="$THREADS" "$GENERATOR" 127.0.0.1 "$PORT" "$COUNT" "$SEED" \
    "legal:$LEGAL_USER:$LEGAL_PASSWORD" "auditor:$AUDITOR_USER:$AUDITOR_PASSWORD" "admin:admin:$ADMIN_PASSWORD" >"$OUT"
elapsed=$(( $(now_ms) - t0 ))
cat "$OUT"
echo

field() { awk -v k="$1:" '$1 == k { $1 = ""; sub(/^ /, ""); print; exit }' "$OUT"; }
sent=$(field requests)
errors=$(field status_5xx)
leaks=$(field leaks)
ready=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/q/health/ready" || true)
AFTER_VERSIONS=$(versions_digest)
AFTER_TABLES=$(tables_digest)
valid=$(verify_valid)
error_lines=$(grep -c ' ERROR ' "$LOGFILE" || true)
# Mail the sweep caused (confirmation mails of subscriptions it made): what an injected CR/LF would
# have added is a second recipient or a header of its own.
mails=$(find "$DUMP" -type f | wc -l)
injected=$( (grep -lisE '^(bcc|x-injected|content-type: text/evil|subject: forged)' -r "$DUMP" 2>/dev/null || true) | wc -l)
multi=$(for f in "$DUMP"/*; do [[ -f "$f" ]] || continue; grep -ci '^X-Rcpt-Args:' "$f" | awk '$1 > 1' ; done | wc -l)

check requests  "$(( sent == COUNT ))" "$sent hostile requests in $(seconds "$elapsed") s ($(awk -v n="$sent" -v ms="$elapsed" 'BEGIN {printf "%.0f", n * 1000 / ms}')/s); statuses $(field statuses)"
check 5xx       "$(( errors == 0 ))" "$errors answers >= 500"
check leaks     "$(( leaks == 0 ))" "$leaks bodies with a stack trace, exception or class name"
check ready     "$([[ "$ready" == 200 ]] && echo 1 || echo 0)" "GET /q/health/ready after the sweep: $ready"
check versions  "$([[ "$BEFORE_VERSIONS" == "$AFTER_VERSIONS" ]] && echo 1 || echo 0)" "published versions byte-identical (number sha256/16): $AFTER_VERSIONS"
check tables    "$([[ "$BEFORE_TABLES" == "$AFTER_TABLES" ]] && echo 1 || echo 0)" "version, entry, section, change and prior audit rows unchanged (md5 $AFTER_TABLES)"
check chain     "$([[ "$valid" == true ]] && echo 1 || echo 0)" "/api/v1/versions/verify valid: $valid"
check mail      "$(( injected == 0 && multi == 0 ))" "$mails mails received; $injected with an injected header, $multi with more than one recipient"
check quiet     "$(( error_lines == 0 ))" "$error_lines ERROR lines in the service log ($LOGFILE)"
echo "no answer (connection closed without a status line): $(field no_answer)"
print_checks "hostile requests"
