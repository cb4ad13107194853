#!/usr/bin/env bash
# Real-mail mix with distinct senders (issue 13): the project's own corpus of third-party test
# messages (tests/corpus/**/*.eml), each sent MIX_COPIES times from a different sender, by
# MIX_SESSIONS Python smtplib clients at once, to smtp-sink directly and through contactgate,
# alternating. Every message from a new sender is a new correspondence history: this is the
# load on the history's disk and memory that one synthetic sender never shows.
#
#   usage: bench/mix.sh [PATH_TO_CONTACTGATE_BINARY]   (default target/release/contactgate)
#
# Reports, per round: msgs/s direct and via contactgate, and for the daemon (fresh data_dir
# per round): data_dir growth per message, bytes written per message (/proc/PID/io
# write_bytes), and RSS at the end. Ends with a markdown block for bench/RESULTS.md.
#
# Environment knobs (defaults in brackets):
#   MIX_COPIES [6]      copies of each corpus message, each from its own sender
#   MIX_SESSIONS [16]   concurrent SMTP clients
#   MIX_ROUNDS [2]      direct/via pairs
#   MIX_KEEP_DATA []    a path: each round's data_dir is copied to PATH.roundN before the daemon stops
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
# shellcheck disable=SC2034 # used by lib.sh
LIB_TAG=mix
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
PATH=$PATH:/usr/sbin:/sbin

BIN=${1:-$REPO/target/release/contactgate}
[[ -x $BIN ]] || die "not an executable: $BIN (build with: cargo build --release)"
BIN=$(realpath "$BIN")
for tool in smtp-sink python3; do
	command -v "$tool" >/dev/null || die "missing tool: $tool (Debian: apt-get install postfix python3)"
done
COPIES=${MIX_COPIES:-6}
SESSIONS=${MIX_SESSIONS:-16}
ROUNDS=${MIX_ROUNDS:-2}

scratch_with_cleanup mix
start_sink

# send PORT: sends the mix; prints "messages seconds".
send() {
	python3 - "$1" "$REPO/tests/corpus" "$COPIES" "$SESSIONS" <<'PYEOF'
import pathlib, smtplib, sys, threading, time
port, corpus, copies, sessions = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
bodies = [p.read_bytes() for p in sorted(pathlib.Path(corpus).rglob("*.eml"))]
jobs = [(i, c, b) for c in range(copies) for i, b in enumerate(bodies)]
lock = threading.Lock()
errors = []
def worker():
    s = smtplib.SMTP("127.0.0.1", port, timeout=60)
    s.ehlo("mix.example")
    while True:
        with lock:
            if not jobs:
                break
            i, c, body = jobs.pop()
        try:
            s.sendmail(f"sender{i}.{c}@mix{c}.example", ["housing@council.example"], body)
        except smtplib.SMTPException as e:
            errors.append(str(e))
            s.close()
            s = smtplib.SMTP("127.0.0.1", port, timeout=60)
            s.ehlo("mix.example")
    s.quit()
n = len(jobs)
t0 = time.monotonic()
threads = [threading.Thread(target=worker) for _ in range(sessions)]
for t in threads: t.start()
for t in threads: t.join()
dt = time.monotonic() - t0
if errors:
    print(f"{len(errors)} errors, first: {errors[0]}", file=sys.stderr)
print(n - len(errors), f"{dt:.3f}")
PYEOF
}

rows=()
for round in $(seq 1 "$ROUNDS"); do
	read -r n_direct t_direct < <(send "$SINK_PORT")
	dir=$SCRATCH/cg$round
	port=$(free_port)
	write_cg_config "$dir/contactgate.toml" "127.0.0.1:$port" "127.0.0.1:$SINK_PORT" "$dir"
	copy_rules "$REPO/rules" "$dir/rules"
	"$BIN" serve --config "$dir/contactgate.toml" >"$SCRATCH/cg$round.log" 2>&1 &
	pid=$!
	PIDS+=("$pid")
	wait_port "$port" 30 "$pid" || die "contactgate did not start"
	du0=$(du -sb "$dir/data" | cut -f1)
	w0=$(awk '/^write_bytes/ {print $2}' "/proc/$pid/io")
	read -r n_via t_via < <(send "$port")
	sleep 2 # the history writer and sled's own flush
	du1=$(du -sb "$dir/data" | cut -f1)
	w1=$(awk '/^write_bytes/ {print $2}' "/proc/$pid/io")
	rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
	if [[ -n ${MIX_KEEP_DATA:-} ]]; then cp -a "$dir/data" "$MIX_KEEP_DATA.round$round"; fi
	stop_pid "$pid" 20 >/dev/null || true
	row=$(python3 -c "
nd,td,nv,tv=$n_direct,$t_direct,$n_via,$t_via
print(f'| $round | {nd/td:.0f} | {nv/tv:.0f} | {(nv/tv)/(nd/td):.2f} | {($du1-$du0)/nv/1024:.1f} | {($w1-$w0)/nv/1024:.1f} | {$rss/1024:.0f} |')")
	say "round $round: $row"
	rows+=("$row")
done

cat <<EOF

----- paste into bench/RESULTS.md -----
### real-mail mix $(date -u +%Y-%m-%dT%H:%MZ)

- command: \`bench/mix.sh ${1:-target/release/contactgate}\`
- binary: \`$BIN\` (sha256 $(sha256sum "$BIN" | cut -c1-12)…); repo HEAD at run time: $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src || echo " (uncommitted changes)")
- load: the $(find "$REPO/tests/corpus" -name '*.eml' | wc -l) corpus messages × $COPIES copies, each copy from its own sender, $SESSIONS smtplib sessions; fresh data_dir per round

| round | direct msgs/s | via msgs/s | ratio | data_dir growth KB/msg | written KB/msg | RSS at end MB |
|---|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")
----- end -----
EOF
