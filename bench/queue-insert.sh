#!/usr/bin/env bash
# Benchmark (publish): the one statement that queues a version's announcements, in shapes that
# stay durable (logged table, one transaction), measured side by side in one database so that
# the machine's load hits every shape alike. The schema is the service's own (every Flyway
# migration applied in order); each insert runs in a transaction that is rolled back.
#
#   bench/queue-insert.sh                          # N = 50000 and 100000, 5 rounds
#   SUBSCRIBERS="100000" ROUNDS=7 bench/queue-insert.sh
#
# Shapes (the select is the service's, with every subscriber confirmed and following everything):
#   current   gen_random_uuid() ids, "on conflict do nothing"
#   plain     the same without "on conflict" (no conflict is possible in the publishing
#             transaction: the version is new and invisible to every other transaction)
#   ordered   plain, rows inserted in subscriber order (notice_once grows at its right edge)
#   timeids   ordered, with time-ordered ids (a UUIDv7 layout: 48 bits of milliseconds, then random)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_tools psql
require_postgres

SUBSCRIBERS="${SUBSCRIBERS:-50000 100000}"
ROUNDS="${ROUNDS:-5}"
SHAPES="${SHAPES:-current plain ordered timeids}"
PRIOR="${PRIOR:-2}"     # earlier versions' announcements already in the table, per subscriber

echo "== bench/queue-insert.sh"
machine_info
echo "command: SUBSCRIBERS=\"$SUBSCRIBERS\" ROUNDS=$ROUNDS PRIOR=$PRIOR bench/queue-insert.sh"
echo

psql_db() { PGOPTIONS="-c client_min_messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -qAt -v ON_ERROR_STOP=1 "${@:2}"; }

statement() {   # statement SHAPE VERSION
    local shape=$1 v=$2 id="gen_random_uuid()" conflict=" on conflict do nothing" order=""
    [[ $shape != current ]] && conflict=""
    [[ $shape == ordered || $shape == timeids ]] && order=" order by s.id"
    [[ $shape == timeids ]] && id="(lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid"
    cat <<SQL
insert into notice (id, subscriber_id, version_number, kind, status, recipient, queued_at, next_attempt_at)
select $id, s.id, $v, 'ANNOUNCEMENT', 'QUEUED', s.email, now(), now()
  from subscriber s
 where s.status = 'CONFIRMED'
   and (s.sections is null or exists (
        select 1 from change_event e
         where e.version_number = $v
           and (e.section_key = any (s.sections) or e.from_section_key = any (s.sections))))$order$conflict;
SQL
}

declare -A results
for n in $SUBSCRIBERS; do
    db="bench_queue_$$_$n"
    create_db "$db"
    # in Flyway's order: V8 before V8_1 before V9 (the version is what precedes "__")
    for f in $(for m in src/main/resources/db/migration/V*.sql; do v=${m##*/V}; echo "${v%%__*}" | tr _ . | tr '\n' ' '; echo "$m"; done \
               | sort -V | cut -d' ' -f2); do
        psql_db "$db" -f "$f" >/dev/null
    done
    psql_db "$db" -c "insert into subscriber (id, email, status, created_at, confirmed_at, manage_nonce, manage_token_hash)
                      select gen_random_uuid(), 'sub' || g || '@bench.test', 'CONFIRMED', now(), now(), gen_random_uuid(), 'seed-' || g
                        from generate_series(1, $n) g" >/dev/null
    for p in $(seq 1 "$PRIOR"); do
        psql_db "$db" -c "$(statement current "$p")" >/dev/null
        psql_db "$db" -c "update notice set status = 'SENT', sent_at = now(), message_id = id::text where version_number = $p" >/dev/null
    done
    psql_db "$db" -c "vacuum analyze" >/dev/null
    for round in $(seq 1 "$ROUNDS"); do
        shapes=$SHAPES; (( round % 2 == 0 )) && shapes=$(echo "$SHAPES" | tr ' ' '\n' | tac | xargs)
        for shape in $shapes; do
            ms=$( { echo '\timing on'; echo 'begin;'; statement "$shape" 1000; echo 'rollback;'; } \
                  | psql_db "$db" | awk '/^Time:/ {print $2}' | sed -n 2p)
            results[$n/$shape]+="$ms "
        done
    done
    drop_db "$db"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
echo "median of $ROUNDS rounds (ms for the insert statement; µs per subscriber; ratio to 'current'):"
for n in $SUBSCRIBERS; do
    base=$(echo "${results[$n/current]:-}" | median)
    for shape in $SHAPES; do
        m=$(echo "${results[$n/$shape]}" | median)
        printf '  N=%-7s %-8s %9.1f ms  %5.1f µs/subscriber  %5.2f   (rounds: %s)\n' "$n" "$shape" "$m" \
            "$(awk -v m="$m" -v n="$n" 'BEGIN {print m * 1000 / n}')" "$(awk -v m="$m" -v b="$base" 'BEGIN {print (b > 0) ? m / b : 0}')" \
            "${results[$n/$shape]}"
    done
done
