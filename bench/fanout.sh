#!/usr/bin/env bash
# Benchmark (notices): fan-out of one announcement to N confirmed subscribers into Postfix's
# smtp-sink on loopback, against smtp-source -> the same smtp-sink with the same number of SMTP
# sessions, in the same run. Also: the publish time with N subscribers (the announcements are
# queued in the publish transaction) and the heap while the fan-out runs.
#
#   bench/fanout.sh                       # N = 10000 then 50000
#   SUBSCRIBERS="10000" SESSIONS=10 bench/fanout.sh
#   CEILING=0 bench/fanout.sh             # without the three mail-client-alone runs
#   WARMUP=10000 bench/fanout.sh          # after an unmeasured fan-out of 10,000 (a JIT-warm service)
#
# Between the service's fan-out and smtp-source, the same notice (as the sink received it) goes
# N times through a mail client alone, with nothing else in the process (bench/java/mail/):
# - MailerCeiling: the Vert.x mail client that quarkus-mailer wraps, configured and driven as the
#   service drives it: the ceiling of any fan-out built on quarkus-mailer;
# - AngusCeiling: Jakarta Mail's SMTP transport (already on the test classpath via GreenMail);
# - RawCeiling: a prototype on Vert.x's NetClient that writes each message in one go with the
#   next envelope pipelined (one round trip per message).
# Each phase reports the CPU time per mail of the sender, smtp-sink and PostgreSQL, so that the
# ratio can be read against what the 2 cores had to do.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); installs postfix for
# smtp-sink/smtp-source if missing. Every message received is kept in /dev/shm while the run
# lasts, so duplicates are counted by Message-ID.
#
# The service sends with registry.notices.send-concurrency = SESSIONS over a mailer pool of
# SESSIONS connections; smtp-source runs SESSIONS sessions with messages of the same mean size.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=bench/smtp-lib.sh
source "$BENCH_DIR/smtp-lib.sh"
cd "$ROOT"
require_tools java curl jq psql ss
ensure_postfix_tools
require_postgres
ensure_jar
CEILING="${CEILING:-1}"
if [[ "$CEILING" == 1 ]]; then
    ensure_classpath
    CP="$(cat "$ROOT/target/classpath.txt")"
    MAIL_CLASSES="$WORK/mail-classes"
    mkdir -p "$MAIL_CLASSES"
    javac -nowarn -d "$MAIL_CLASSES" -cp "$CP" "$BENCH_DIR"/java/mail/*.java
fi

SUBSCRIBERS="${SUBSCRIBERS:-10000 50000}"
SESSIONS="${SESSIONS:-10}"
BATCH="${BATCH:-500}"
# Mails of the unmeasured warm-up fan-out. 20 pays for class loading and template compilation;
# the JIT keeps compiling the send path for the first ~10,000 mails (bench/README, section 16):
# WARMUP=10000 measures a service that has already sent a large fan-out.
WARMUP="${WARMUP:-20}"
FANOUT_TIMEOUT="${FANOUT_TIMEOUT:-900}"     # seconds a fan-out may take before the run gives up

echo "== bench/fanout.sh"
machine_info
echo "command: SUBSCRIBERS=\"$SUBSCRIBERS\" SESSIONS=$SESSIONS BATCH=$BATCH WARMUP=$WARMUP CEILING=$CEILING bench/fanout.sh"
echo

summary=()
for n in $SUBSCRIBERS; do
    db="bench_fanout_$$_$n"
    create_db "$db"
    mapfile -t service_env < <(external_db_env "$db")
    sink_port=$(free_port)
    port=$(free_port)
    base="http://127.0.0.1:$port"
    ours=$(mktemp -d /dev/shm/bench-fanout.XXXXXX); _DIRS+=("$ours")
    start_sink "$sink_port" "$ours"
    sink_pid=$SINK_PID

    logfile="$WORK/fanout-$n.log"
    start_service "$logfile" "$port" ${service_env[@]+"${service_env[@]}"} \
        REGISTRY_ADMIN_PASSWORD="$ADMIN_PASSWORD" REGISTRY_SAMPLE_DATA=false \
        QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$sink_port" QUARKUS_MAILER_START_TLS=DISABLED \
        QUARKUS_MAILER_MAX_POOL_SIZE="$SESSIONS" REGISTRY_NOTICES_SEND_CONCURRENCY="$SESSIONS" \
        REGISTRY_NOTICES_BATCH_SIZE="$BATCH" REGISTRY_NOTICES_DISPATCH_EVERY=1s
    pid=$SERVICE_PID
    wait_http "$base/q/health/ready" "$pid" || { tail -50 "$logfile"; die "service did not start"; }
    prepare_registry "$base"
    # A warm-up publish to $WARMUP subscribers (see WARMUP above): the first mails pay for class
    # loading and template compilation, which is start-up, not fan-out.
    seed_subscribers "$db" "$WARMUP"
    read -r code secs version < <(publish_addition "$base" "Warmup Ltd")
    [[ "$code" == 201 ]] || die "warm-up publish answered $code: $(cat "$WORK/publish-body.json")"
    deadline=$(( $(now_ms) + 60000 + WARMUP * 10 ))
    until [[ "$(notice_counts "$db" "$version" | awk '{print $1}')" == "$WARMUP" ]]; do
        (( $(now_ms) < deadline )) || die "warm-up notices not sent in time"
        sleep 0.2
    done
    sql "$db" "delete from notice; delete from subscriber" >/dev/null
    find "$ours" -mindepth 1 -delete

    seed_subscribers "$db" "$n"
    heap_before=$(heap_used_mib "$base")
    read -r svc_c0 sink_c0 pg_c0 < <(echo "$(cpu_ticks "$pid") $(cpu_ticks "$sink_pid") $(postgres_cpu_ticks)")
    thread_ticks "$pid" >"$WORK/threads-$n-before"
    t0=$(now_ms)
    read -r code secs version < <(publish_addition "$base" "Gong.io")
    [[ "$code" == 201 ]] || die "publish answered $code: $(cat "$WORK/publish-body.json")"
    heap_peak=0
    slowest=0
    deadline=$(( t0 + FANOUT_TIMEOUT * 1000 ))
    while :; do
        read -r sent queued sending retrying failed total < <(notice_counts "$db" "$version")
        h=$(heap_used_mib "$base"); (( h > heap_peak )) && heap_peak=$h
        slowest=$(awk -v a="$slowest" -v b="$(slowest_send_s "$base")" 'BEGIN {print (b > a) ? b : a}')
        (( sent + failed >= n )) && break
        (( $(now_ms) < deadline )) || { log "fan-out incomplete after ${FANOUT_TIMEOUT}s"; break; }
        sleep 0.2
    done
    t1=$(now_ms)
    read -r svc_c1 sink_c1 pg_c1 < <(echo "$(cpu_ticks "$pid") $(cpu_ticks "$sink_pid") $(postgres_cpu_ticks)")
    thread_ticks "$pid" >"$WORK/threads-$n-after"
    ours_cpu="service $(ticks_us_per $(( svc_c1 - svc_c0 )) "$n") µs, smtp-sink $(ticks_us_per $(( sink_c1 - sink_c0 )) "$n") µs, PostgreSQL $(ticks_us_per $(( pg_c1 - pg_c0 )) "$n") µs"
    # The fan-out proper: from the moment the first mail was accepted to the last one (the
    # dispatcher's first tick after the publish is not SMTP throughput).
    read -r first_sent last_sent < <(sql "$db" "select extract(epoch from min(sent_at)) * 1000, extract(epoch from max(sent_at)) * 1000
                                                 from notice where version_number = $version")
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    sleep 1
    heap_after_gc=$(heap_used_mib "$base")
    read -r received distinct dupes < <(sink_report "$ours")
    sample=$(find "$ours" -type f -print -quit)
    [[ -n "$sample" ]] && cp "$sample" "$WORK/fanout-sample-$n.eml"
    mean_size=$(find "$ours" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.0f", (NR ? s / NR : 0)}')
    wall_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1000}')
    ours_rate=$(awk -v n="$n" -v s="$wall_s" 'BEGIN {printf "%.0f", n / s}')
    stop_service "$pid"

    # The mail client alone: the same notice, N copies, the same sessions, into the same sink.
    ceiling_lines=()
    if [[ "$CEILING" == 1 && -n "$sample" ]]; then
        client_warmup=$(( WARMUP > 200 ? WARMUP : 200 ))   # each client's own unmeasured warm-up (smtp-sink's CPU counts it)
        python3 "$BENCH_DIR/mail-parts.py" "$WORK/fanout-sample-$n.eml" >"$WORK/fanout-mail-$n.json"
        for client in MailerCeiling AngusCeiling RawCeiling; do
            find "$ours" -mindepth 1 -delete
            sink_c0=$(cpu_ticks "$sink_pid"); pg_c0=$(postgres_cpu_ticks)
            out=$(java -cp "$MAIL_CLASSES:$CP" "$client" 127.0.0.1 "$sink_port" "$SESSIONS" "$n" "$WORK/fanout-mail-$n.json" "$client_warmup")
            sink_c1=$(cpu_ticks "$sink_pid"); pg_c1=$(postgres_cpu_ticks)
            read -r c_received _ c_dupes < <(sink_report "$ours")
            # the sink also counts the 200 warm-up mails
            c_rate=$(sed -E 's/.* rate=([0-9]+).*/\1/' <<<"$out")
            ceiling_lines+=("$(printf '%-13s %s (sink received %s, duplicates %s; CPU per mail: smtp-sink %s µs, PostgreSQL %s µs)' \
                "$client" "$out" "$c_received" "$c_dupes" "$(ticks_us_per $(( sink_c1 - sink_c0 )) $(( n + client_warmup )))" "$(ticks_us_per $(( pg_c1 - pg_c0 )) "$n")")")
            case $client in
                MailerCeiling) vertx_rate=$c_rate ;;
                AngusCeiling) angus_rate=$c_rate ;;
                RawCeiling) raw_rate=$c_rate ;;
            esac
        done
    fi

    # The reference: smtp-source into the same sink, same sessions, same message count and size
    # (-l is the body length; the headers add ~200 bytes).
    find "$ours" -mindepth 1 -delete
    sink_c0=$(cpu_ticks "$sink_pid")
    r0=$(now_ms)
    "$SMTP_SOURCE" -s "$SESSIONS" -m "$n" -l $(( mean_size > 300 ? mean_size - 200 : 100 )) \
        -f bench@bench.test -t sink@bench.test "127.0.0.1:$sink_port"
    r1=$(now_ms)
    sink_c1=$(cpu_ticks "$sink_pid")
    ref_received=$(find "$ours" -type f | wc -l)
    ref_s=$(awk -v a="$r0" -v b="$r1" 'BEGIN {printf "%.2f", (b - a) / 1000}')
    ref_rate=$(awk -v n="$ref_received" -v s="$ref_s" 'BEGIN {printf "%.0f", n / s}')
    stop_service "$sink_pid"
    drop_db "$db"

    echo "N = $n subscribers ($SESSIONS SMTP sessions, batches of $BATCH):"
    printf '  publish (queues %s announcements in its transaction)   %6.3f s\n' "$n" "$secs"
    printf '  fan-out: publish -> all %s sent: %s s  -> %s msg/s   (status: sent %s, failed %s)\n' "$total" "$wall_s" "$ours_rate" "$sent" "$failed"
    printf '          first -> last accepted mail: %.2f s\n' "$(awk -v a="$first_sent" -v b="$last_sent" 'BEGIN {print (b - a) / 1000}')"
    printf '  sink received %s notices, %s distinct, %s duplicates; mean size %s bytes\n' "$received" "$distinct" "$dupes" "$mean_size"
    printf '  smtp-source -> smtp-sink: %s messages in %s s -> %s msg/s\n' "$ref_received" "$ref_s" "$ref_rate"
    printf '  ratio ours / smtp-source: %s (target >= 0.5)\n' "$(ratio "$ours_rate" "$ref_rate")"
    printf '  CPU per mail during the fan-out: %s\n' "$ours_cpu"
    printf '    the service by thread: %s\n' "$(thread_cpu_per "$WORK/threads-$n-before" "$WORK/threads-$n-after" "$n")"
    printf '  CPU per mail of smtp-sink under smtp-source: %s µs\n' "$(ticks_us_per $(( sink_c1 - sink_c0 )) "$ref_received")"
    if (( ${#ceiling_lines[@]} )); then
        echo "  the mail client alone (same notice, $n copies, $SESSIONS sessions):"
        printf '    %s\n' "${ceiling_lines[@]}"
        printf '    ratios to smtp-source: Vert.x mail client (quarkus-mailer) %s, Jakarta Mail %s, pipelined one-write prototype %s; ours / Vert.x client alone %s\n' \
            "$(ratio "$vertx_rate" "$ref_rate")" "$(ratio "$angus_rate" "$ref_rate")" "$(ratio "$raw_rate" "$ref_rate")" "$(ratio "$ours_rate" "$vertx_rate")"
    fi
    printf '  one of the mails as received: %s (%s lines)\n' "$WORK/fanout-sample-$n.eml" "$(wc -l <"$WORK/fanout-sample-$n.eml")"
    printf '  heap used (MiB): before %s, peak while sending %s, after a full GC %s\n' "$heap_before" "$heap_peak" "$heap_after_gc"
    printf '  slowest send: %s s (registry_notice_send_seconds_max, polled every 0.2 s; stall check: < 5 s)\n' "$slowest"
    echo
    summary+=("$(printf '%6s  publish %6.3f s  fan-out %6s msg/s  smtp-source %6s msg/s  ratio %s  dupes %s  heap peak %s MiB, after GC %s MiB  slowest send %s s  Vert.x client alone %s msg/s (ratio %s)  Jakarta Mail %s msg/s (ratio %s)  pipelined prototype %s msg/s (ratio %s)' \
        "$n" "$secs" "$ours_rate" "$ref_rate" "$(ratio "$ours_rate" "$ref_rate")" "$dupes" "$heap_peak" "$heap_after_gc" "$slowest" \
        "${vertx_rate:--}" "$(ratio "${vertx_rate:-0}" "$ref_rate")" "${angus_rate:--}" "$(ratio "${angus_rate:-0}" "$ref_rate")" "${raw_rate:--}" "$(ratio "${raw_rate:-0}" "$ref_rate")")")
done
echo "summary:"
printf '  %s\n' "${summary[@]}"
