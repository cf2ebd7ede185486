# Shared helpers for the notice fault runs (faults.sh, cluster.sh); sourced after lib.sh and
# smtp-lib.sh, never run on its own.
#
# Every instance says its own name in the SMTP greeting (quarkus.mailer.own-host-name), and
# smtp-sink writes the greeting into each dumped message (X-Helo-Args), so every received mail,
# duplicates included, can be attributed to the instance (and the life of it) that sent it.
# A notice's lease owner is "<host>/<pid>/<random>", so the notices a JVM holds are found by pid.

SESSIONS="${SESSIONS:-10}"               # mails on the wire per instance (registry.notices.send-concurrency)
POOL="${POOL:-$(( 2 * SESSIONS ))}"      # the mailer's connection pool, as in production twice that
BATCH="${BATCH:-100}"                    # notices claimed per round (small: kills land mid-batch)
LEASE="${LEASE:-20s}"                    # a dead instance's claims are taken over after this
SEND_TIMEOUT="${SEND_TIMEOUT:-5s}"       # below LEASE (the service refuses to start otherwise: a send
                                         # that might outlive its lease is never attempted)
RECORD_RETRY="${RECORD_RETRY:-10s}"      # below LEASE too (registry.notices.record-retry, default 90s)
GRACE="${GRACE:-20s}"                    # registry.notices.shutdown-grace
RETRY_BASE="${RETRY_BASE:-5s}"           # registry.notices.retry-base-delay
FANOUT_TIMEOUT="${FANOUT_TIMEOUT:-300}"  # seconds a fan-out may take before the run gives up
TOKEN_SECRET="${BENCH_TOKEN_SECRET:-bench-token-secret-shared-by-every-instance-0123}"

# Seconds in a duration such as 20s, 2m, 500ms (for the bounds of our own waits).
duration_s() {
    case $1 in
        *ms) echo $(( (${1%ms} + 999) / 1000 )) ;;
        *s) echo "${1%s}" ;;
        *m) echo $(( ${1%m} * 60 )) ;;
        *) echo "$1" ;;
    esac
}

# start_instance LOGFILE PORT DB SINK_PORT NAME [VAR=value ...] -> SERVICE_PID
# One service JVM against the machine PostgreSQL database DB, mailing into the sink on SINK_PORT
# and greeting it as NAME.
start_instance() {
    local logfile=$1 port=$2 db=$3 sink_port=$4 name=$5
    shift 5
    local db_env
    mapfile -t db_env < <(external_db_env "$db")
    start_service "$logfile" "$port" "${db_env[@]}" \
        REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD" REGISTRY_SAMPLE_DATA=false REGISTRY_TOKEN_SECRET="$TOKEN_SECRET" \
        QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$sink_port" QUARKUS_MAILER_START_TLS=DISABLED \
        QUARKUS_MAILER_OWN_HOST_NAME="$name" QUARKUS_MAILER_MAX_POOL_SIZE="$POOL" \
        REGISTRY_NOTICES_SEND_CONCURRENCY="$SESSIONS" REGISTRY_NOTICES_BATCH_SIZE="$BATCH" \
        REGISTRY_NOTICES_LEASE="$LEASE" REGISTRY_NOTICES_SEND_TIMEOUT="$SEND_TIMEOUT" \
        REGISTRY_NOTICES_RECORD_RETRY="$RECORD_RETRY" \
        REGISTRY_NOTICES_SHUTDOWN_GRACE="$GRACE" \
        REGISTRY_NOTICES_RETRY_BASE_DELAY="$RETRY_BASE" REGISTRY_NOTICES_DISPATCH_EVERY=1s "$@"
}

# announcement_where VERSION: the rows of one version's announcements.
announcement_where() { echo "version_number = $1 and kind = 'ANNOUNCEMENT'"; }

# sent_count DB VERSION
sent_count() { sql "$1" "select count(*) from notice where $(announcement_where "$2") and status = 'SENT'"; }

# wait_sent_percent DB VERSION N PERCENT TIMEOUT_S: polls every 50 ms until PERCENT % of N are
# SENT; prints the SENT count seen; returns 1 on timeout.
wait_sent_percent() {
    local db=$1 version=$2 n=$3 percent=$4 timeout=$5 sent deadline
    deadline=$(( $(now_ms) + timeout * 1000 ))
    while :; do
        sent=$(sent_count "$db" "$version")
        if (( sent * 100 >= n * percent )); then
            echo "$sent"
            return 0
        fi
        (( $(now_ms) < deadline )) || { echo "$sent"; return 1; }
        sleep 0.05
    done
}

# sql_open DB / sql_q QUERY / sql_close: one psql session kept open (a coproc) for polling in a
# tight loop (a new psql per query costs tens of ms here). sql_q sets REPLY to the first line.
sql_open() {
    coproc PSQL { PGOPTIONS="-c client_min_messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -qAtX 2>&1; }
    _PIDS+=("$PSQL_PID")
}
sql_q() {
    printf '%s;\n' "$1" >&"${PSQL[1]}"
    IFS= read -r -t 10 REPLY <&"${PSQL[0]}" || REPLY=""
}
sql_close() {
    local pid=$PSQL_PID fd=${PSQL[1]}
    eval "exec $fd>&-"
    stop_service "$pid"
}

# catch_on_wire DB VERSION DUMPDIR PREFIX TARGET_PID [PID...]: freezes TARGET_PID (and the other
# PIDs) at a moment when TARGET_PID has mails of its batch in hand accepted by the SMTP server but
# not yet recorded as SENT -- the worst moment for a crash. An instance records a whole batch at
# once, right after its last mail, and spends most of a batch building the mails, so a signal at
# a random moment mostly lands before anything of the batch is on the wire. PREFIX: the names of
# the dump files the target's mails go to (its own sink's prefix; m. with a single instance).
# This polls (one psql session; a round takes a few ms): whenever the set of notices the target
# holds in SENDING changes (a new batch), the number of its dump files is taken as the baseline;
# once WIRE_MIN more have arrived while it still holds that batch, the JVMs are frozen and the
# target's SENDING notices are looked for among its 200 newest dump files. If none is there (the
# batch was recorded meanwhile), the JVMs go on and it tries again (at most CATCH_TRIES times,
# each waiting at most 10 s; the last freeze stays). Leaves them frozen. Sets CAUGHT (the target's
# received, unrecorded notices at the freeze, complete transfers only), CATCH_TRY, CATCH_SENT (the
# SENT count right after the freeze), and the files
# $SCRATCH/inflight (the target's SENDING notices) and $SCRATCH/received-at-signal (every notice
# received so far).
WIRE_MIN="${WIRE_MIN:-5}"
CATCH_TRIES="${CATCH_TRIES:-10}"
catch_on_wire() {
    local db=$1 version=$2 dump=$3 prefix=$4
    shift 4
    local target=$1 hits deadline n held sig last_sig base=0
    local -a f
    sql_open "$db"
    sql_q "select 1"     # the session's connection is made now, not in the first round
    for CATCH_TRY in $(seq 1 "$CATCH_TRIES"); do
        deadline=$(( $(now_ms) + 10000 ))
        last_sig=
        while (( $(now_ms) < deadline )); do
            shopt -s nullglob; f=("$dump/$prefix"*); shopt -u nullglob
            n=${#f[@]}
            sql_q "select count(*) || ' ' || coalesce(min(id::text), '-') from notice
                    where $(announcement_where "$version") and status = 'SENDING' and lease_owner like '%/$target/%'"
            read -r held sig <<<"${REPLY:-0 -}"
            if [[ "$sig" != "$last_sig" ]]; then
                base=$n
                last_sig=$sig
            fi
            (( held > 0 && n - base >= WIRE_MIN )) && break
        done
        freeze "$db" "$@"
        sql_q "select count(*) from notice where $(announcement_where "$version") and status = 'SENT'"
        CATCH_SENT=${REPLY:-0}
        sending_ids "$db" "$version" "$target" >"$SCRATCH/inflight"
        sed 's/.*/<notice-&@/' "$SCRATCH/inflight" >"$SCRATCH/inflight.patterns"
        hits=0
        [[ -s "$SCRATCH/inflight" ]] && hits=$(newest_with "$dump" "$prefix" 200 "$SCRATCH/inflight.patterns")
        if (( hits > 0 || CATCH_TRY == CATCH_TRIES )); then
            sink_index "$dump" | awk '$3 == 1 {print $1}' >"$SCRATCH/received-at-signal"
            CAUGHT=$(count_in "$SCRATCH/inflight" "$SCRATCH/received-at-signal")
            break
        fi
        kill -CONT "$@"
    done
    sql_close
}

# newest_with DUMPDIR PREFIX K PATTERNS: how many of the K newest dump files named PREFIX*
# contain one of PATTERNS.
newest_with() {
    { ls -t "$1" | grep -F "$2" | head -n "$3" | sed "s|^|$1/|" | xargs -r grep -l -F -f "$4" 2>/dev/null | wc -l; } || true
}

# wait_drained DB VERSION TIMEOUT_S: polls every 200 ms until no announcement of VERSION is
# QUEUED, SENDING or RETRYING; returns 1 on timeout. Sets DRAINED_MS (when it saw it).
wait_drained() {
    local db=$1 version=$2 timeout=$3 deadline left
    deadline=$(( $(now_ms) + timeout * 1000 ))
    while :; do
        left=$(sql "$db" "select count(*) from notice where $(announcement_where "$version")
                            and status in ('QUEUED', 'SENDING', 'RETRYING')")
        if (( left == 0 )); then
            DRAINED_MS=$(now_ms)
            return 0
        fi
        (( $(now_ms) < deadline )) || { DRAINED_MS=$(now_ms); return 1; }
        sleep 0.2
    done
}

# sending_ids DB VERSION [PID]: the notices in SENDING (held under a lease), of the JVM with that
# pid if given; one id a line.
sending_ids() {
    local owner=""
    [[ -n "${3:-}" ]] && owner="and lease_owner like '%/$3/%'"
    sql "$1" "select id from notice where $(announcement_where "$2") and status = 'SENDING' $owner order by id"
}

# backend_ports PID...: the local ports of those processes' connections to PostgreSQL.
backend_ports() {
    local pattern
    pattern=$(printf 'pid=%s,|' "$@"); pattern=${pattern%|}
    ss -Htnp "( dport = :$PG_PORT )" 2>/dev/null | grep -E "$pattern" | awk '{n = split($4, a, ":"); print a[n]}' | paste -sd,
}

# freeze DB PID...: stops those JVMs (SIGSTOP) at a moment when none of them is inside a database
# transaction that has written (a claim or an outcome not yet committed would be invisible to the
# snapshot that follows): if one is, they get SIGCONT, run 30 ms more, and are stopped again (at
# most 50 tries). Sets FREEZE_TRIES. The caller sends SIGCONT (or SIGKILL).
freeze() {
    local db=$1 try ports open
    shift
    for try in $(seq 1 50); do
        kill -STOP "$@"
        sleep 0.1
        FREEZE_TRIES=$try
        ports=$(backend_ports "$@")
        [[ -n "$ports" ]] || return 0
        open=$(sql "$db" "select count(*) from pg_stat_activity
                           where datname = current_database() and backend_xid is not null
                             and client_port = any ('{$ports}'::int[])")
        (( open == 0 )) && return 0
        kill -CONT "$@"
        sleep 0.03
    done
    log "freeze: a write transaction was open at each of 50 tries; the snapshot may miss it"
}

# id_array FILE: the ids of FILE as a SQL uuid[] literal.
id_array() { echo "'{$(paste -sd, "$1")}'::uuid[]"; }

# status_of_ids DB FILE -> "sent queued retrying sending other" for the notices listed in FILE.
status_of_ids() {
    if [[ ! -s "$2" ]]; then echo "0 0 0 0 0"; return; fi
    sql "$1" "select count(*) filter (where status = 'SENT'), count(*) filter (where status = 'QUEUED'),
                     count(*) filter (where status = 'RETRYING'), count(*) filter (where status = 'SENDING'),
                     count(*) filter (where status not in ('SENT', 'QUEUED', 'RETRYING', 'SENDING'))
                from notice where id = any ($(id_array "$2"))"
}

# per_subscriber DB VERSION -> "subscribers without_sent with_one_sent with_more_sent sent_rows"
per_subscriber() {
    sql "$1" "select count(*) filter (where c = 0), count(*) filter (where c = 1), count(*) filter (where c > 1),
                     coalesce(sum(c), 0)
                from (select s.id, count(n.id) filter (where n.status = 'SENT') c
                        from subscriber s
                        left join notice n on n.subscriber_id = s.id and n.version_number = $2 and n.kind = 'ANNOUNCEMENT'
                       where s.status = 'CONFIRMED'
                       group by s.id) x"
}

# sink_index DUMPDIR: one line per dump file (any name) holding a notice, "<notice uuid> <sender greeting>
# <complete>": complete is 1 if the file ends with the closing MIME boundary, 0 if the transfer was
# cut (smtp-sink deletes a cut transaction when the client goes away, but not when it is itself
# stopped; a file may also still be being written).
sink_index() {
    find "$1" -type f -exec gawk '
        function flush() { if (id != "") print id, helo, (last ~ /^--.+--$/) ? 1 : 0 }
        FNR == 1 { if (NR > 1) flush(); helo = "?"; id = ""; last = "" }
        /^X-Helo-Args:/ && helo == "?" { helo = $2 }
        id == "" && tolower($0) ~ /^message-id: <notice-/ { id = $2; sub(/^<notice-/, "", id); sub(/@.*/, "", id) }
        /[^[:space:]]/ { last = $0 }
        END { flush() }' {} + 2>/dev/null || true
}

# duplicate_ids INDEXFILE: the notice ids received (complete) more than once, one a line.
duplicate_ids() { awk '$3 == 1 {print $1}' "$1" | sort | uniq -d; }

# received_report DUMPDIR SCRATCH: reads the sink's dump files; sets RECEIVED DISTINCT DUPES
# (complete messages), INCOMPLETE (cut transfers), and INDEX and DUPS (files in SCRATCH).
received_report() {
    local dump=$1 scratch=$2
    INDEX="$scratch/index"; DUPS="$scratch/dups"
    sink_index "$dump" >"$INDEX"
    duplicate_ids "$INDEX" >"$DUPS"
    RECEIVED=$(awk '$3 == 1' "$INDEX" | wc -l)
    DISTINCT=$(awk '$3 == 1 {print $1}' "$INDEX" | sort -u | wc -l)
    DUPES=$(( RECEIVED - DISTINCT ))
    INCOMPLETE=$(awk '$3 == 0' "$INDEX" | wc -l)
}

# senders INDEXFILE -> "name:count name:count ..." (mails received per sender greeting).
senders() { awk '$3 == 1 {c[$2]++} END {for (s in c) printf "%s:%d ", s, c[s]}' "$1" | tr ' ' '\n' | sort | paste -sd' '; }

# count_in IDS_FILE OTHER_FILE: how many lines of IDS_FILE are also in OTHER_FILE.
count_in() {
    if [[ ! -s "$1" || ! -s "$2" ]]; then echo 0; return; fi
    grep -cxF -f "$2" "$1" || true
}

# metric_sent BASE: announcements this JVM recorded as SENT (its registry_notices_total counter).
metric_sent() {
    curl -fsS --max-time 3 "$1/q/metrics" 2>/dev/null \
        | awk '/^registry_notices_total\{/ && /kind="announcement"/ && /outcome="sent"/ {s += $NF} END {printf "%d", s}'
}

# wait_exit PID TIMEOUT_S: waits (polling every 50 ms) for a process of ours to end; sets
# EXIT_MS (since the call) and EXIT_CODE (its status, or "alive" if it outlived the timeout).
wait_exit() {
    local pid=$1 timeout=$2 t0 deadline
    t0=$(now_ms)
    deadline=$(( t0 + timeout * 1000 ))
    while alive "$pid" && (( $(now_ms) < deadline )); do
        sleep 0.05
    done
    EXIT_MS=$(( $(now_ms) - t0 ))
    if alive "$pid"; then
        EXIT_CODE=alive
        return 1
    fi
    EXIT_CODE=0
    wait "$pid" 2>/dev/null || EXIT_CODE=$?
    stop_service "$pid"     # only takes it off the cleanup list: it has ended
}

# The service build under test (the jar may be rebuilt between two runs while the commit stays).
jar_info() {
    local app
    app=$(ls "$ROOT"/target/quarkus-app/app/*.jar 2>/dev/null | head -1)
    echo "build:   ${app#"$ROOT"/} of $(date -u -r "$app" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || echo '?')"
}

seconds() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }
verdict() { if [[ "$1" == 1 ]]; then echo PASS; else echo FAIL; fi; }

# check LABEL OK TEXT: records one PASS (OK = 1) or FAIL line for the summary.
# print_checks TITLE: prints them under "summary (TITLE):" and fails if any of them is a FAIL.
CHECKS=()
CHECK_FAILS=0
check() {
    CHECKS+=("$(printf '%-4s %-8s %s' "$(verdict "$2")" "$1" "$3")")
    [[ "$2" == 1 ]] || CHECK_FAILS=$(( CHECK_FAILS + 1 ))
}
print_checks() {
    echo "summary ($1):"
    printf '  %s\n' "${CHECKS[@]}"
    echo "  $(( ${#CHECKS[@]} - CHECK_FAILS )) PASS, $CHECK_FAILS FAIL"
    (( CHECK_FAILS == 0 ))
}
