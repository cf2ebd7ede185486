#!/usr/bin/env bash
# Benchmark 1 (diff): SnapshotDiff.between and JsonPatchGenerator.diff on two versions of N
# sub-processors with 10% of them changed (edits incl. renames, additions, removals, moves between
# sections), N = 1,000 / 10,000 / 100,000. In-process, no service, no database.
#
#   bench/diff.sh                                  # the full run (about 3 minutes)
#   SIZES=1000,10000 RUNS=50 bench/diff.sh         # other sizes / more timed runs
#   DIFF_JAVA_OPTS="-Xms2g -Xmx2g" bench/diff.sh   # JVM options for the harness
#
# Prints median / p90 / min / max per N and operation, and the 10k/1k and 100k/10k ratios of the
# medians. Then a diagnostic: the JSON Patch again on a workload without renames.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
require_tools java javac

SIZES="${SIZES:-1000,10000,100000}"
RUNS="${RUNS:-30}"
DIAGNOSE="${DIAGNOSE:-1}"

ensure_jar
ensure_classpath
CP="$(cat "$ROOT/target/classpath.txt"):$ROOT/target/classes"
compile_harness "$CP"

echo "== bench/diff.sh"
machine_info
echo "command: SIZES=$SIZES RUNS=$RUNS bench/diff.sh"
echo

# shellcheck disable=SC2086
timeout 1800 java ${DIFF_JAVA_OPTS:-} -cp "$CLASSES:$CP" -Dsizes="$SIZES" -Druns="$RUNS" DiffBench

if [[ "$DIAGNOSE" == 1 ]]; then
    echo
    echo "== diagnostic: the same JSON Patch workload without renames (renames move entries within"
    echo "   their section's page order; without them the patch needs no 'move' operations)"
    # shellcheck disable=SC2086
    timeout 900 java ${DIFF_JAVA_OPTS:-} -cp "$CLASSES:$CP" -Dsizes="$SIZES" -Druns="$RUNS" -Drenames=false \
        -Dops=patch -Dverify.max=0 DiffBench | grep -E '^## N|JSON Patch operations|^JsonPatch|^ratio'
fi
