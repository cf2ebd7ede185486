#!/usr/bin/env bash
# Backup and restore, exactly as the README's Operations section says: `pg_dump -Fc` of a running
# registry, `pg_restore` into a new, empty database, and a second instance on the restored
# database. Then: GET /api/v1/versions/verify is valid on the restored one, and both instances give
# the same versions, hashes, snapshots, change events, list and notice evidence; the restored
# database holds the same rows as the original, table by table (checksums of every table, read
# before the second instance starts). Also restored, into a third database: the same dump with
# `pg_restore --disable-triggers` as a superuser (what the README used to say; it changes nothing
# in a full restore, which creates the triggers after loading the rows).
#
#   bench/backup-restore.sh                   # ~2 min
#
# The original registry: the sample list (versions 1 and 2), two more versions published through
# the API (each adds a sub-processor as an emergency change, so its announcements go out at once),
# SUBSCRIBERS confirmed subscribers, every announcement sent to an smtp-sink, and a subscription
# made through the API (its confirmation mail sent). Both instances run with notice dispatch and
# planning off once the mails are out, so nothing changes the data while it is compared.
#
# Knobs: SUBSCRIBERS (200), PORT_MIN, PORT_MAX, DB_PREFIX (bench), PG_PORT, PG_USER (a superuser), SERVICE_JAVA_OPTS. Needs
# PostgreSQL on 127.0.0.1:$PG_PORT (user postgres, trust), pg_dump/pg_restore of the same or a
# newer major version, postfix (smtp-sink). Exit status 1 if any check printed FAIL.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=bench/smtp-lib.sh
source "$BENCH_DIR/smtp-lib.sh"
# shellcheck source=bench/fault-lib.sh
source "$BENCH_DIR/fault-lib.sh"
cd "$ROOT"
require_tools java curl jq psql pg_dump pg_restore ss gawk sha256sum
ensure_postfix_tools
require_postgres
ensure_jar

N="${SUBSCRIBERS:-200}"

echo "== bench/backup-restore.sh"
machine_info
jar_info
echo "postgres: server $(psql_admin -c 'show server_version'); $(pg_dump --version); $(pg_restore --version)"
echo "command: SUBSCRIBERS=$N bench/backup-restore.sh"
echo


ORIG="${DB_PREFIX:-bench}_backup_$$"
RESTORED="${DB_PREFIX:-bench}_restored_$$"
PLAIN="${DB_PREFIX:-bench}_restored_dt_$$"
create_db "$ORIG"
DUMP=$(mktemp -d /dev/shm/bench-backup.XXXXXX); _DIRS+=("$DUMP")
scratch_dir SCRATCH backup
SINK_PORT=$(free_port)
start_sink "$SINK_PORT" "$DUMP"

# ------------------------------------------------------------------ the original registry

PORT1=$(free_port); BASE1="http://127.0.0.1:$PORT1"
# No REGISTRY_TOKEN_SECRET: the service generates the key of the links in mails and keeps it in
# the database, so the restore must bring it back for those links to work.
start_instance "$WORK/backup-original.log" "$PORT1" "$ORIG" "$SINK_PORT" "original.bench.test" REGISTRY_SAMPLE_DATA=true \
    REGISTRY_TOKEN_SECRET=
PID1=$SERVICE_PID
wait_http "$BASE1/q/health/ready" "$PID1" || { tail -40 "$WORK/backup-original.log" >&2; die "the original instance did not start"; }
curl -fsS -o /dev/null -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$LEGAL_USER\",\"password\":\"$LEGAL_PASSWORD\",\"roles\":[\"legal\"]}" \
    "$BASE1/api/v1/admin/users" || die "could not create the legal account"
seed_subscribers "$ORIG" "$N"
curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"email":"new.subscriber@bench.test"}' \
    "$BASE1/api/v1/subscriptions" || die "could not subscribe"
read -r code _ v3 < <(publish_addition "$BASE1" "Backup Vendor Ltd")
[[ "$code" == 201 ]] || die "publish answered $code: $(cat "$WORK/publish-body.json")"
read -r code _ v4 < <(publish_addition "$BASE1" "Second Backup Vendor Ltd")
[[ "$code" == 201 ]] || die "publish answered $code: $(cat "$WORK/publish-body.json")"
wait_drained "$ORIG" "$v3" 120 || die "the announcements of version $v3 were not sent"
wait_drained "$ORIG" "$v4" 120 || die "the announcements of version $v4 were not sent"
deadline=$(( $(now_ms) + 60000 ))
until [[ "$(sql "$ORIG" "select count(*) from notice where kind = 'CONFIRMATION' and status = 'SENT'")" -ge 1 ]]; do
    (( $(now_ms) < deadline )) || die "the confirmation mail was not sent"
    sleep 0.5
done
# From now on nothing may change the data: restart the original with the notice jobs off.
stop_service "$PID1"
start_instance "$WORK/backup-original-2.log" "$PORT1" "$ORIG" "$SINK_PORT" "original.bench.test" REGISTRY_TOKEN_SECRET= \
    REGISTRY_NOTICES_DISPATCH_EVERY=off REGISTRY_NOTICES_PLAN_EVERY=off
PID1=$SERVICE_PID
wait_http "$BASE1/q/health/ready" "$PID1" || die "the original instance did not restart"
echo "original: $(sql "$ORIG" "select count(*) from version") versions, $(sql "$ORIG" "select count(*) from version_entry") version entries, \
$(sql "$ORIG" "select count(*) from change_event") change events, $(sql "$ORIG" "select count(*) from subscriber") subscribers, \
$(sql "$ORIG" "select count(*) from notice") notices ($(sql "$ORIG" "select string_agg(status || ':' || c, ' ') from (select status, count(*) c from notice group by status order by status) x")), \
$(sql "$ORIG" "select count(*) from audit_event") audit events"

# ------------------------------------------------------------------ backup and restore (README)

pg_conn=(-h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
t0=$(now_ms)
pg_dump "${pg_conn[@]}" -Fc -d "$ORIG" -f "$SCRATCH/registry.dump"
dump_ms=$(( $(now_ms) - t0 ))
psql_admin -c "create database \"$RESTORED\"" >/dev/null; _DBS+=("$RESTORED")
t0=$(now_ms)
restore_rc=0
pg_restore "${pg_conn[@]}" -d "$RESTORED" "$SCRATCH/registry.dump" 2>"$SCRATCH/restore.err" || restore_rc=$?
restore_ms=$(( $(now_ms) - t0 ))
# The same with --disable-triggers, as a superuser.
psql_admin -c "create database \"$PLAIN\"" >/dev/null; _DBS+=("$PLAIN")
plain_rc=0
pg_restore "${pg_conn[@]}" --disable-triggers -d "$PLAIN" "$SCRATCH/registry.dump" 2>"$SCRATCH/plain.err" || plain_rc=$?

# Every table, row by row (sorted by the row's text), original against restored.
tables=$(sql "$ORIG" "select tablename from pg_tables where schemaname = 'public' order by tablename")
table_sum() { sql "$1" "select count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '-') from $2 t"; }
differ=()
table_lines=()
for t in $tables; do
    a=$(table_sum "$ORIG" "$t"); b=$(table_sum "$RESTORED" "$t"); c=$(table_sum "$PLAIN" "$t")
    [[ "$a" == "$b" ]] || differ+=("$t")
    [[ "$a" == "$c" ]] || differ+=("$t(plain)")
    table_lines+=("$(printf '%-24s %7s rows  %s  %s' "$t" "${a%% *}" "$([[ "$a" == "$b" ]] && echo same || echo DIFFERENT)" "$([[ "$a" == "$c" ]] && echo same || echo DIFFERENT)")")
done

# ------------------------------------------------------------------ a second instance on the restored database

PORT2=$(free_port); BASE2="http://127.0.0.1:$PORT2"
start_instance "$WORK/backup-restored.log" "$PORT2" "$RESTORED" "$SINK_PORT" "restored.bench.test" REGISTRY_TOKEN_SECRET= \
    REGISTRY_NOTICES_DISPATCH_EVERY=off REGISTRY_NOTICES_PLAN_EVERY=off
PID2=$SERVICE_PID
wait_http "$BASE2/q/health/ready" "$PID2" || { tail -40 "$WORK/backup-restored.log" >&2; die "the instance on the restored database did not start"; }

auth=(-u "$LEGAL_USER:$LEGAL_PASSWORD")
verify=$(curl -fsS "${auth[@]}" "$BASE2/api/v1/versions/verify")
verify_orig=$(curl -fsS "${auth[@]}" "$BASE1/api/v1/versions/verify")
valid=$(jq -r '.valid' <<<"$verify")
numbers=$(curl -fsS "$BASE1/api/v1/versions" | jq -r '.. | objects | select(has("number")) | .number' | sort -n | uniq)
paths=(/api/v1/versions /api/v1/subprocessors /api/v1/upcoming "/api/v1/changes?since=2000-01-01")
for n in $numbers; do
    paths+=("/api/v1/versions/$n" "/api/v1/versions/$n/changes" "/api/v1/versions/$n/notices" "/api/v1/versions/$n/objections")
done
same=0; different=()
for p in "${paths[@]}"; do
    a=$(curl -sS "${auth[@]}" -H 'Accept: application/json' "$BASE1$p" | sha256sum | cut -c1-16)
    b=$(curl -sS "${auth[@]}" -H 'Accept: application/json' "$BASE2$p" | sha256sum | cut -c1-16)
    if [[ "$a" == "$b" ]]; then same=$(( same + 1 )); else different+=("$p"); fi
done
# A link from a mail sent before the backup (the manage link in the List-Unsubscribe header of the
# confirmation mail): it must work the same on the restored database.
mail=$(grep -rl '^To: new.subscriber@bench.test' "$DUMP" | head -1)
token=$(grep -m1 '^List-Unsubscribe:' "$mail" | grep -o '/unsubscribe/[A-Za-z0-9_-]*' | head -1 | cut -d/ -f3)
link1=$(curl -s -o "$SCRATCH/link1" -w '%{http_code}' "$BASE1/api/v1/subscriptions/$token")
link2=$(curl -s -o "$SCRATCH/link2" -w '%{http_code}' "$BASE2/api/v1/subscriptions/$token")
link_same=0; cmp -s "$SCRATCH/link1" "$SCRATCH/link2" && link_same=1
hashes1=$(curl -fsS "$BASE1/api/v1/versions" | jq -c '[.. | objects | select(has("hash")) | {number, hash}]')
hashes2=$(curl -fsS "$BASE2/api/v1/versions" | jq -c '[.. | objects | select(has("hash")) | {number, hash}]')

echo
echo "backup: pg_dump -Fc -d $ORIG -f registry.dump ($(seconds "$dump_ms") s, $(du -k "$SCRATCH/registry.dump" | cut -f1) KiB), while the original instance ran"
echo "restore (README): createdb $RESTORED; pg_restore -d $RESTORED registry.dump: exit $restore_rc, $(seconds "$restore_ms") s"
sed 's/^/  stderr: /' "$SCRATCH/restore.err" | head -5
echo "restore with --disable-triggers (as $PG_USER, a superuser) into $PLAIN: exit $plain_rc"
sed 's/^/  stderr: /' "$SCRATCH/plain.err" | head -5
echo "tables, original against the restored database and the one restored with --disable-triggers:"
printf '  %s\n' "${table_lines[@]}"
echo "the second instance on the restored database: verify $(jq -c '{valid, versionsChecked, latestHash}' <<<"$verify") (the original: $(jq -c '{valid, versionsChecked, latestHash}' <<<"$verify_orig"))"
echo "  version hashes: original $hashes1"
echo "                  restored $hashes2"
echo "  API answers compared: $same of ${#paths[@]} identical${different[*]:+; different: ${different[*]}}"
echo "  the manage link of a mail sent before the backup (GET /api/v1/subscriptions/{token}): original $link1, restored $link2, answers $([[ $link_same == 1 ]] && echo identical || echo different); the link key in the database: $(sql "$ORIG" "select count(*) from app_secret") row(s)"
echo

check restore $(( restore_rc == 0 && plain_rc == 0 )) "the README's restore (pg_restore into a new, empty database) ran without an error, and so did the one with --disable-triggers"
check restore $(( ${#differ[@]} == 0 )) "every table of the restored databases equals the original, row by row (${#differ[@]} different: ${differ[*]:-none})"
check restored "$([[ "$valid" == true ]] && echo 1 || echo 0)" "GET /api/v1/versions/verify on the restored database: valid = $valid ($(jq -r '.versionsChecked' <<<"$verify") versions)"
check restored "$([[ "$hashes1" == "$hashes2" && "$hashes1" != "[]" ]] && echo 1 || echo 0)" "the same versions and hashes ($(jq length <<<"$hashes1") versions)"
check restored $(( ${#different[@]} == 0 )) "the same answers from both instances: versions, snapshots, change events, list, notices, objections ($same of ${#paths[@]})"

check restored $(( link1 == 200 && link2 == 200 && link_same == 1 )) "a link from a mail sent before the backup works on the restored database ($link2)"

stop_service "$PID2"
stop_service "$PID1"
stop_service "$SINK_PID"
drop_db "$PLAIN"; drop_db "$RESTORED"; drop_db "$ORIG"
print_checks "bench/backup-restore.sh"
