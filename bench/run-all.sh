#!/usr/bin/env bash
# Runs every benchmark in turn and keeps the whole output in target/bench/run-all-<UTC time>.log.
#
#   bench/run-all.sh            # about 15 minutes on 2 CPUs
#
# The benchmarks run one after the other (never in parallel: they would measure each other).
# A failing benchmark is reported and the others still run; the exit status says whether all passed.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

out="$WORK/run-all-$(date -u +%Y%m%dT%H%M%SZ).log"
failed=()
run() {
    local name=$1
    shift
    echo
    echo "################################################################ $name"
    if ! timeout 3600 "$@"; then
        failed+=("$name")
        echo "!! $name failed"
    fi
}
{
    echo "== bench/run-all.sh"
    machine_info
    ensure_jar
    run diff bench/diff.sh
    run publish bench/publish.sh
    run publish-embedded bench/publish.sh --embedded
    run http bench/http.sh
    run startup bench/startup.sh
    echo
    echo "finished $(date -u +%Y-%m-%dT%H:%M:%SZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
    if (( ${#failed[@]} )); then echo "FAILED: ${failed[*]}"; else echo "all benchmarks ran"; fi
} 2>&1 | tee "$out"
echo "log: $out"
grep -q '^all benchmarks ran$' "$out"
