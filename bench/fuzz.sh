#!/usr/bin/env bash
# Long property-based fuzz run (issue 12): repeats the release build of tests/fuzz.rs, with
# fresh random seeds each round, until FUZZ_SECS of wall clock have passed, and reports the
# CPU time it got and whether any round failed.
#
#   usage: bench/fuzz.sh            (from the repo; builds in $CARGO_TARGET_DIR or target/)
#
# Environment knobs (defaults in brackets):
#   FUZZ_SECS [2100]          wall-clock bound of the whole run
#   FUZZ_ROUND_CASES [20000]  PROPTEST_CASES per property per round
#   FUZZ_MAX_DEPTH [1000]     nesting depth of generated HTML/MIME
#   FUZZ_MAX_SIZE [1000]      size knob of generated inputs
#   FUZZ_NICE [19]            nice level (a long run shares the machine)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${FUZZ_SECS:-2100}
log=$(mktemp /tmp/cg-fuzz.XXXXXX.log)
end=$(($(date +%s) + secs))
cargo test --release --test fuzz --no-run >/dev/null 2>&1
start_cpu=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
rounds=0 failed=0
t0=$(date +%s)
while (($(date +%s) < end)); do
	rounds=$((rounds + 1))
	left=$((end - $(date +%s)))
	if ! PROPTEST_CASES=${FUZZ_ROUND_CASES:-20000} FUZZ_MAX_DEPTH=${FUZZ_MAX_DEPTH:-1000} \
		FUZZ_MAX_SIZE=${FUZZ_MAX_SIZE:-1000} timeout "$left" nice -n "${FUZZ_NICE:-19}" \
		cargo test --release --test fuzz >>"$log" 2>&1; then
		# A round cut by the wall-clock bound is not a failure; a failing property is.
		if grep -q "panicked\|test result: FAILED" "$log"; then failed=$((failed + 1)); fi
	fi
done
ticks=$(getconf CLK_TCK)
cpu=$(awk -v t="$ticks" -v s="$start_cpu" '{printf "%.1f", ($14+$15+$16+$17-s)/t/60}' /proc/$$/stat)
echo "fuzz: $rounds rounds in $(($(date +%s) - t0)) s wall, ${cpu} CPU-minutes (children), failed rounds: $failed, log $log"
grep -E "test result" "$log" | sort | uniq -c
