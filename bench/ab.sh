#!/usr/bin/env bash
# A/B: the same benchmarks against two builds of the service, alternating in one run, so that a
# change (a refactoring, say) is judged against its base on the same machine at the same time.
#
#   bench/ab.sh <base-ref> [<new-ref>]        # new-ref defaults to the working tree's build
#   AB_ROUNDS=2 BENCHES="http publish" bench/ab.sh e8fca58
#   JAR_A=/tmp/base/target/quarkus-app/quarkus-run.jar BENCHES="http fanout" bench/ab.sh main   # a jar built already
#
# Each ref other than the working tree is checked out (detached) under target/ab/ and packaged once.
# This tree's bench scripts drive both jars (JAR=...), so both are measured the same way. Rounds
# alternate A, B, B, A, ... to spread drift; the summary gives each figure's median per build.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

BASE_REF=${1:?usage: bench/ab.sh <base-ref> [<new-ref>]}
NEW_REF=${2:-}
AB_ROUNDS="${AB_ROUNDS:-2}"
BENCHES="${BENCHES:-http publish}"

build_ref() {   # build_ref REF -> prints the jar path
    local ref=$1 sha dir
    sha=$(git rev-parse --short=10 "$ref^{commit}")
    dir="$ROOT/target/ab/$sha"
    if [[ ! -f "$dir/target/quarkus-app/quarkus-run.jar" ]]; then
        [[ -d "$dir" ]] || git worktree add -q --detach "$dir" "$sha" >&2
        log "packaging $ref ($sha)"
        (cd "$dir" && ./mvnw -B -q package -DskipTests >&2)
    fi
    echo "$dir/target/quarkus-app/quarkus-run.jar"
}

if [[ -n "${JAR_A:-}" ]]; then jar_a=$JAR_A; else jar_a=$(build_ref "$BASE_REF"); fi
if [[ -n "$NEW_REF" ]]; then
    jar_b=$(build_ref "$NEW_REF"); label_b=$(git rev-parse --short "$NEW_REF")
else
    ensure_jar; jar_b="$JAR"; label_b="working tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'))"
fi
label_a=$(git rev-parse --short "$BASE_REF")

out="$WORK/ab"; rm -rf "$out"; mkdir -p "$out"   # a run summarises only its own files
echo "== bench/ab.sh  A=$label_a  B=$label_b  rounds=$AB_ROUNDS  benches: $BENCHES"
machine_info
echo

# The figures read from each benchmark's summary (label|regex for the line|field number).
figures() {
    case $1 in
        http) printf '%s\n' \
            "http: GET /api/v1/subprocessors req/s|GET /api/v1/subprocessors +[0-9.]+ req/s|3" \
            "http: GET / (text/html) req/s|^  GET / \\(text/html\\) +[0-9.]+ req/s|4" \
            "http: GET /api/v1 req/s|^  GET /api/v1 +[0-9.]+ req/s|3" \
            "http: ratio list/index|ratio list/index|3" \
            "http: ratio page/index|ratio page/index|3" ;;
        fanout) printf '%s\n' \
            "fanout: publish s|publish +[0-9.]+ s +fan-out|3" \
            "fanout: fan-out msg/s|publish +[0-9.]+ s +fan-out|6" \
            "fanout: smtp-source msg/s|publish +[0-9.]+ s +fan-out|9" \
            "fanout: ratio|publish +[0-9.]+ s +fan-out|12" ;;
        publish) printf '%s\n' \
            "publish: first publish (10k added) s|first publish \\(version 1|7" \
            "publish: later publishes median s|later publishes +median|4" \
            "publish: later draft diffs median s|later draft diffs|6" ;;
    esac
}

for round in $(seq 1 "$AB_ROUNDS"); do
    order="a b"; (( round % 2 == 0 )) && order="b a"
    for bench in $BENCHES; do
        for side in $order; do
            jar=$jar_a; [[ $side == b ]] && jar=$jar_b
            log "round $round: $bench on $side"
            JAR="$jar" bash "$ROOT/bench/$bench.sh" >"$out/$bench-$side-$round.txt" 2>&1 \
                || { tail -30 "$out/$bench-$side-$round.txt"; die "$bench on $side failed"; }
        done
    done
done

echo "figure                                         A median     B median     B/A"
for bench in $BENCHES; do
    while IFS='|' read -r label pattern field; do
        med() { for f in "$out/$bench-$1-"*.txt; do grep -E "$pattern" "$f" | head -1 | awk -v f="$field" '{print $f}'; done \
                  | sort -g | awk '{v[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
        a=$(med a); b=$(med b)
        printf '%-46s %10s  %10s  %6s\n' "$label" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN{ if (a+0>0) printf "%.2f", b/a; else print "-" }')"
    done < <(figures "$bench")
done
echo
echo "per-run outputs: $out"
