#!/usr/bin/env bash
# Relay throughput against the size of a sender's correspondence history ("new information
# only", issue 7), using Postfix's smtp-source / smtp-sink.
#
#   usage: bench/history.sh [PATH_TO_CONTACTGATE_BINARY]   (default target/release/contactgate)
#
# Two daemons relay to one smtp-sink: E starts with an empty store; H first gets
# BENCH_HISTORY distinct messages (about 100 words each, written by Python smtplib) from the
# sender smtp-source then uses, so that sender has that much history. Then smtp-source runs
# alternate between E and H for BENCH_ROUNDS rounds; the script prints every run, the ratio of
# the medians (H / E), and each daemon's resident memory.
#
# Environment knobs (defaults in brackets):
#   BENCH_HISTORY [10000]  earlier messages written to H first
#   BENCH_MSGS [5000]      messages per smtp-source run
#   BENCH_SESSIONS [20]    parallel sessions
#   BENCH_SIZE [10240]     payload bytes per message
#   BENCH_ROUNDS [3]       E/H pairs
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
# shellcheck disable=SC2034 # used by lib.sh
LIB_TAG=history
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
PATH=$PATH:/usr/sbin:/sbin

BIN=${1:-$REPO/target/release/contactgate}
[[ -x $BIN ]] || die "not an executable: $BIN (build with: cargo build --release)"
BIN=$(realpath "$BIN")
for tool in smtp-source smtp-sink python3; do
	command -v "$tool" >/dev/null || die "missing tool: $tool (Debian: apt-get install postfix)"
done
HISTORY=${BENCH_HISTORY:-10000}
MSGS=${BENCH_MSGS:-5000}
SESSIONS=${BENCH_SESSIONS:-20}
SIZE=${BENCH_SIZE:-10240}
ROUNDS=${BENCH_ROUNDS:-3}
FROM=customer@bench.example
TO=housing@bench.example

scratch_with_cleanup history
start_sink

# start NAME: a daemon with the shipped rules; its port goes to PORT_<NAME>, pid to PID_<NAME>.
start() {
	local name=$1 port dir=$SCRATCH/$1
	port=$(free_port)
	write_cg_config "$dir/contactgate.toml" "127.0.0.1:$port" "127.0.0.1:$SINK_PORT" "$dir"
	copy_rules "$REPO/rules" "$dir/rules"
	"$BIN" serve --config "$dir/contactgate.toml" >"$SCRATCH/$name.log" 2>&1 &
	PIDS+=($!)
	wait_port "$port" 30 "${PIDS[-1]}" || die "contactgate $name did not start"
	printf -v "PORT_$name" '%s' "$port"
	printf -v "PID_$name" '%s' "${PIDS[-1]}"
}
start E
start H

say "writing $HISTORY distinct messages from $FROM to H (port $PORT_H)"
t0=$(now)
python3 - "$PORT_H" "$HISTORY" "$FROM" "$TO" <<'PYEOF'
import random, smtplib, sys, threading
port, n, sender, to = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
rng = random.Random(7)
def word():
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(5, 9)))
bodies = [".\r\n".join(" ".join(word() for _ in range(12)) for _ in range(8)) + ".\r\n" for _ in range(n)]
def work(k):
    s = smtplib.SMTP("127.0.0.1", port)
    for i in range(k, n, 4):
        msg = f"From: {sender}\r\nTo: {to}\r\nSubject: complaint {i}\r\nMessage-ID: <h{i}@bench.example>\r\n\r\n{bodies[i]}"
        s.sendmail(sender, [to], msg.encode())
    s.quit()
threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
PYEOF
say "history written in $(python3 -c "print('%.1f' % ($(now) - $t0))")s"

rate() {
	local port=$1 t0 t1
	t0=$(now)
	smtp-source -s "$SESSIONS" -l "$SIZE" -m "$MSGS" -f "$FROM" -t "$TO" "127.0.0.1:$port" >"$SCRATCH/source.log" 2>&1 ||
		{ cat "$SCRATCH/source.log" >&2; die "smtp-source failed"; }
	t1=$(now)
	python3 -c "print('%.1f' % ($MSGS / ($t1 - $t0)))"
}
rate "$PORT_E" >/dev/null # warm-up, both
rate "$PORT_H" >/dev/null
EMPTY=()
FULL=()
for ((r = 1; r <= ROUNDS; r++)); do
	e=$(rate "$PORT_E")
	h=$(rate "$PORT_H")
	say "round $r: empty history $e msgs/s; $HISTORY earlier messages $h msgs/s"
	EMPTY+=("$e")
	FULL+=("$h")
done
me=$(median "${EMPTY[@]}")
mh=$(median "${FULL[@]}")
rss() { awk '$1 == "VmRSS:" {print $2}' "/proc/$1/status"; }
cat <<EOF

command: bench/history.sh (BENCH_HISTORY=$HISTORY BENCH_MSGS=$MSGS BENCH_SESSIONS=$SESSIONS BENCH_SIZE=$SIZE BENCH_ROUNDS=$ROUNDS)
relay, empty history:            ${EMPTY[*]} msgs/s (median $me)
relay, $HISTORY earlier messages: ${FULL[*]} msgs/s (median $mh)
ratio (with history / empty): $(python3 -c "print('%.2f' % ($mh / $me))")
RSS: E $(rss "$PID_E") KiB, H $(rss "$PID_H") KiB; H's data_dir $(du -sh "$SCRATCH/H/data" | cut -f1)
EOF
