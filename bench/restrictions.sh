#!/usr/bin/env bash
# Relay throughput against the size of the rules file: 10 restricted customers against 100,000,
# alternating in one run, with smtp-source -> contactgate -> smtp-sink on 127.0.0.1. The
# benchmark sender is itself a restricted (named_staff) customer in both files, so every message
# takes the full matching and rerouting path. Also times the daemon's start with each file.
#
#   usage: bench/restrictions.sh [PATH_TO_CONTACTGATE_BINARY]   (default target/release/contactgate)
#   knobs: BENCH_MSGS [20000], BENCH_SESSIONS [20], BENCH_SIZE [10240], BENCH_ROUNDS [3],
#          BENCH_CUSTOMERS [100000]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
# shellcheck disable=SC2034 # used by lib.sh
LIB_TAG=bench-rules
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
PATH=$PATH:/usr/sbin:/sbin

BIN=$(realpath "${1:-$REPO/target/release/contactgate}")
[[ -x $BIN ]] || die "not an executable: $BIN (build with: cargo build --release)"
MSGS=${BENCH_MSGS:-20000}
SESSIONS=${BENCH_SESSIONS:-20}
SIZE=${BENCH_SIZE:-10240}
ROUNDS=${BENCH_ROUNDS:-3}
CUSTOMERS=${BENCH_CUSTOMERS:-100000}
SCRATCH=$(mktemp -d /tmp/cg-bench-rules.XXXXXX)
CG_PID=
SINK_PID=
cleanup() {
	[[ -n $CG_PID ]] && stop_pid "$CG_PID" 15 || true
	[[ -n $SINK_PID ]] && stop_pid "$SINK_PID" 15 || true
	rm -rf "$SCRATCH"
}
trap cleanup EXIT

# gen_rules DIR N: a restrictions.toml with N customers (every kind), the first of them being
# the benchmark sender under named_staff.
gen_rules() {
	mkdir -p "$1"
	python3 - "$1/restrictions.toml" "$2" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
kinds = [
    'kind = "letter_only"\npostal_address = "County Hall"',
    'kind = "named_staff"\nstaff = ["officer@council.example"]',
    'kind = "new_information_only"',
    'kind = "third_party_only"\nrepresentatives = ["rep{i}@cab.example"]',
    'kind = "time_window"\ndays = ["mon", "wed"]\nfrom = "10:00"\nuntil = "12:00"',
    'kind = "topics"\nclosed = ["CASE-{i}"]',
]
with open(path, "w") as f:
    f.write('[[customer]]\nid = "CR-BENCH"\nname = "Bench Sender"\naddresses = ["bench-from@bench.example"]\n'
            '[[customer.restriction]]\nkind = "named_staff"\ndecided_by = "Bench"\ndecided_on = 2026-03-01\n'
            'reasons = "Benchmark"\nstaff = ["bench-to@bench.example"]\n\n')
    for i in range(1, n):
        f.write('[[customer]]\nid = "CR-%06d"\nname = "Customer %d"\naddresses = ["c%d@mail.example", "alt%d@other.example"]\n'
                '[[customer.restriction]]\ndecided_by = "Head"\ndecided_on = 2026-03-01\nreasons = "Benchmark"\n%s\n\n'
                % (i, i, i, i, kinds[i % 6].replace("{i}", str(i))))
PY
}

# wait_banner PORT: until the daemon greets (it binds first, then loads the rules).
wait_banner() {
	python3 - "$1" <<'PY'
import socket, sys, time
deadline = time.time() + 120
while time.time() < deadline:
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=60)
        if s.makefile("rb").readline().startswith(b"220"):
            sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
}

gen_rules "$SCRATCH/small/rules" 10
gen_rules "$SCRATCH/large/rules" "$CUSTOMERS"
say "rules: 10 customers $(du -h "$SCRATCH/small/rules/restrictions.toml" | cut -f1), $CUSTOMERS customers $(du -h "$SCRATCH/large/rules/restrictions.toml" | cut -f1)"

SINK_PORT=$(free_port)
smtp-sink -u nobody 127.0.0.1:"$SINK_PORT" 1024 >"$SCRATCH/sink.log" 2>&1 &
SINK_PID=$!
wait_port "$SINK_PORT" 10 "$SINK_PID" || die "smtp-sink did not start"

declare -A RATES STARTS
run() { # run NAME
	local name=$1 dir=$SCRATCH/$1 port t0 t1 t2
	port=$(free_port)
	rm -rf "$dir/data"
	write_cg_config "$dir/contactgate.toml" "127.0.0.1:$port" "127.0.0.1:$SINK_PORT" "$dir"
	t0=$(now)
	"$BIN" serve --config "$dir/contactgate.toml" >"$SCRATCH/$name.log" 2>&1 &
	CG_PID=$!
	wait_banner "$port" || die "contactgate ($name) did not greet"
	t1=$(now)
	smtp-source -s "$SESSIONS" -l "$SIZE" -m "$MSGS" -f bench-from@bench.example -t someone@bench.example "127.0.0.1:$port" \
		>"$SCRATCH/source-$name.log" 2>&1 || die "smtp-source failed ($name)"
	t2=$(now)
	stop_pid "$CG_PID" 15 || true
	CG_PID=
	grep -q "action=reroute" "$SCRATCH/$name.log" || { tail -5 "$SCRATCH/$name.log" >&2; die "$name: messages were not rerouted"; }
	local rate start
	rate=$(python3 -c "print('%.1f' % ($MSGS / ($t2 - $t1)))")
	start=$(python3 -c "print('%.2f' % ($t1 - $t0))")
	RATES[$name]+="$rate "
	STARTS[$name]+="$start "
	say "$name: $rate msgs/s (daemon start with its rules: ${start}s)"
}
for _ in $(seq "$ROUNDS"); do
	run small
	run large
done
small=$(median ${RATES[small]})
large=$(median ${RATES[large]})
cat <<EOF
----- paste into bench/RESULTS.md -----
- command: \`bench/restrictions.sh $*\` ($(date -u +%Y-%m-%dT%H:%MZ); $MSGS msgs of $SIZE B per run, $SESSIONS sessions)
- 10 customers: ${RATES[small]}msgs/s (median $small); daemon start ${STARTS[small]}s
- $CUSTOMERS customers: ${RATES[large]}msgs/s (median $large); daemon start ${STARTS[large]}s
- ratio of medians ($CUSTOMERS / 10): **$(python3 -c "print('%.3f' % ($large / $small))")**
----- end -----
EOF
