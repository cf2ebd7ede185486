# Shared helpers for the notice benchmarks and fault runs (fanout.sh, faults.sh, cluster.sh);
# sourced after lib.sh, never run on its own.
#
# A Postfix smtp-sink on loopback that keeps every message it receives (one file per message,
# in RAM under /dev/shm), so that a run can count what was actually received and spot duplicates
# by Message-ID (a notice keeps its Message-ID across attempts); subscribers seeded straight into
# the database (confirmed, as if they had clicked their link); and a publish through the API that
# queues one announcement per subscriber.

SMTP_SINK=/usr/sbin/smtp-sink
SMTP_SOURCE=/usr/sbin/smtp-source

# Installs Postfix's test tools (and stops the Postfix daemon the package starts: the benchmarks
# bring their own sink on a free port) unless they are already there.
ensure_postfix_tools() {
    if [[ ! -x "$SMTP_SINK" || ! -x "$SMTP_SOURCE" ]]; then
        log "installing postfix for smtp-sink / smtp-source (apt-get)"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
        (service postfix stop || true) >/dev/null 2>&1
    fi
}

# start_sink PORT DUMPDIR [PREFIX [OPTION...]] -> SINK_PID. Every message received becomes a file in
# DUMPDIR, named PREFIX<hex> (default "m."; distinct prefixes let several sinks share one
# directory). OPTIONs go to smtp-sink, e.g. -r RCPT -b '451 4.3.0 Try again later' (a soft error to
# every recipient).
start_sink() {
    local port=$1 dir=$2 prefix=${3:-m.}
    shift $(( $# < 3 ? $# : 3 ))
    mkdir -p "$dir"
    chmod 0777 "$dir"
    # -u: it runs as root here and must drop privileges; 1000: the listen backlog.
    "$SMTP_SINK" -u nobody "$@" -d "$dir/$prefix" "127.0.0.1:$port" 1000 >>"$WORK/smtp-sink-$port.log" 2>&1 &
    SINK_PID=$!
    _PIDS+=("$SINK_PID")
    local deadline=$(( $(now_ms) + 10000 ))
    until ss -Htln "sport = :$port" | grep -q .; do
        (( $(now_ms) < deadline )) || die "smtp-sink did not listen on $port"
        sleep 0.05
    done
}

# sink_report DUMPDIR -> "received distinct duplicates": notices received, distinct Message-IDs,
# and the surplus (messages received more than once).
sink_report() {
    local dir=$1 received distinct
    received=$(grep -rhi -m1 '^Message-ID: <notice-' "$dir" 2>/dev/null | wc -l)
    distinct=$(grep -rhi -m1 '^Message-ID: <notice-' "$dir" 2>/dev/null | sort -u | wc -l)
    echo "$received $distinct $(( received - distinct ))"
}

# seed_subscribers DB N: N confirmed subscribers of every section (addresses sub<i>@bench.test).
seed_subscribers() {
    local db=$1 n=$2
    PGOPTIONS="-c client_min_messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -qAt -v ON_ERROR_STOP=1 -c "
        insert into subscriber (id, email, status, created_at, confirmed_at, manage_nonce, manage_token_hash)
        select gen_random_uuid(), 'sub' || g || '@bench.test', 'CONFIRMED', now(), now(), gen_random_uuid(),
               'bench-seed-' || g
          from generate_series(1, $n) g" >/dev/null
}

# sql DB QUERY: one query against a bench database, unaligned output.
sql() { PGOPTIONS="-c client_min_messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -qAt -v ON_ERROR_STOP=1 -F ' ' -c "$2"; }

# notice_counts DB VERSION -> "sent queued sending retrying failed total" for that version's announcements.
notice_counts() {
    sql "$1" "select count(*) filter (where status = 'SENT'),
                     count(*) filter (where status = 'QUEUED'),
                     count(*) filter (where status = 'SENDING'),
                     count(*) filter (where status = 'RETRYING'),
                     count(*) filter (where status in ('FAILED', 'CANCELLED')),
                     count(*)
                from notice where version_number = $2 and kind = 'ANNOUNCEMENT'"
}

# prepare_registry BASE: creates the legal account and one section; the service must run with
# REGISTRY_ADMIN_PASSWORD=$ADMIN_PASSWORD and REGISTRY_SAMPLE_DATA=false.
prepare_registry() {
    local base=$1
    curl -fsS -o /dev/null -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$LEGAL_USER\",\"password\":\"$LEGAL_PASSWORD\",\"roles\":[\"legal\"]}" \
        "$base/api/v1/admin/users" || die "could not create the legal account"
    curl -fsS -o /dev/null -u "$LEGAL_USER:$LEGAL_PASSWORD" -H 'Content-Type: application/json' \
        -d '{"key":"product","title":"Product-related sub-processors"}' \
        "$base/api/v1/draft/sections" || die "could not create a section"
}

# publish_addition BASE NAME [EXTRA_CURL_ARGS...] -> prints "<http status> <seconds> <version number>".
# Adds one sub-processor to the draft and publishes it as an emergency change (effective today,
# so the run needs no clock tricks); the version's announcement goes to every subscriber.
publish_addition() {
    local base=$1 name=$2
    shift 2
    curl -fsS -o /dev/null -u "$LEGAL_USER:$LEGAL_PASSWORD" -H 'Content-Type: application/json' \
        -d "{\"section\":\"product\",\"name\":\"$name\",\"legalAddress\":\"1 Bench Street, Dublin, Ireland\",\"location\":\"EU\",\"processingActivity\":\"Benchmark processing of customer data\"}" \
        "$base/api/v1/draft/subprocessors" || die "could not add $name to the draft"
    local out etag
    etag=$(draft_etag "$base" "$LEGAL_USER:$LEGAL_PASSWORD") || die "could not read the draft's diff"
    out=$(curl -sS -o "$WORK/publish-body.json" -w '%{http_code} %{time_total}' --max-time 120 \
        -u "$LEGAL_USER:$LEGAL_PASSWORD" -H 'Content-Type: application/json' -H "If-Match: $etag" "$@" \
        -d "{\"effectiveAt\":\"$(date -u +%F)\",\"summary\":\"Adds $name\",\"emergencyReason\":\"Benchmark: the new provider replaces one that failed.\"}" \
        "$base/api/v1/draft/publish")
    echo "$out $(jq -r '.number // .version // "?"' "$WORK/publish-body.json" 2>/dev/null || echo '?')"
}

# heap_used_mib BASE: the JVM's heap in use, from the Prometheus metrics.
# slowest_send_s BASE: the service's registry_notice_send_seconds_max (the slowest send of the last
# few minutes, Micrometer's decaying max), or 0
slowest_send_s() {
    { curl -fsS --max-time 2 "$1/q/metrics" 2>/dev/null || true; } \
        | awk 'index($0, "registry_notice_send_seconds_max") == 1 { if ($NF > m) m = $NF } END {printf "%.3f", m + 0}'
}

heap_used_mib() {
    curl -fsS --max-time 2 "$1/q/metrics" 2>/dev/null \
        | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}'
}
