#!/usr/bin/env bash
# Relay benchmark for contactgate, using Postfix's smtp-source / smtp-sink.
#
#   usage: bench/relay.sh [PATH_TO_CONTACTGATE_BINARY]   (default target/release/contactgate)
#
# Measures, all on 127.0.0.1:
#   1. msgs/s  smtp-source -> smtp-sink                       ("direct")
#      msgs/s  smtp-source -> contactgate -> smtp-sink        ("via contactgate")
#      alternating direct / via runs for BENCH_ROUNDS rounds; prints every run
#      and the ratio of the medians (via / direct).
#   2. holds/s smtp-source -> contactgate with hold_all = true (fresh data_dir,
#      every message stored durably, nothing relayed).
#   3. RSS of contactgate (VmRSS from /proc/PID/status) before and while
#      BENCH_IDLE_CONNS idle TCP connections are held open after the banner.
# Ends with a markdown block to paste into bench/RESULTS.md.
#
# Environment knobs (defaults in brackets):
#   BENCH_MSGS [20000]        messages per relay run (smtp-source -m)
#   BENCH_SESSIONS [20]       parallel sessions (smtp-source -s)
#   BENCH_SIZE [10240]        payload bytes per message (smtp-source -l)
#   BENCH_ROUNDS [3]          direct/via pairs
#   BENCH_HOLD_MSGS [=BENCH_MSGS] messages for the holds/s run
#   BENCH_IDLE_CONNS [1000]   idle connections for the RSS measurement (that
#                             run's config sets max_connections = N + 50)
#   BENCH_SOURCE_OPTS []      extra smtp-source options, e.g. "-d" to reuse
#                             one connection per session (default: one
#                             connection per message)
#   BENCH_TMPDIR [/tmp]       where the scratch dir (data_dir etc.) goes
#   BENCH_KEEP [0]            1 = keep the scratch dir
#   BENCH_SKIP [""]           space-separated subset of "relay hold rss" to skip
#   BENCH_EXTRA_TOML [""]     top-level config lines for the relay runs' daemon, e.g.
#                             'history_scope = "restricted"'
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
# shellcheck disable=SC2034 # used by lib.sh
LIB_TAG=bench
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
PATH=$PATH:/usr/sbin:/sbin

ORIG_ARGS=("$@")
BIN=${1:-$REPO/target/release/contactgate}
[[ -x $BIN ]] || die "not an executable: $BIN (build with: cargo build --release)"
BIN=$(realpath "$BIN")
for tool in smtp-source smtp-sink python3; do
	command -v "$tool" >/dev/null || die "missing tool: $tool (Debian: apt-get install postfix)"
done

MSGS=${BENCH_MSGS:-20000}
SESSIONS=${BENCH_SESSIONS:-20}
SIZE=${BENCH_SIZE:-10240}
ROUNDS=${BENCH_ROUNDS:-3}
HOLD_MSGS=${BENCH_HOLD_MSGS:-$MSGS}
IDLE_CONNS=${BENCH_IDLE_CONNS:-1000}
SOURCE_OPTS=${BENCH_SOURCE_OPTS:-}
SKIP=" ${BENCH_SKIP:-} "
RSS_MAXCONN=$((IDLE_CONNS + 50))
FROM=bench-from@bench.example
TO=bench-to@bench.example

# Enough descriptors for 1,000 idle connections (+ the daemon's own).
want_fds=$((IDLE_CONNS * 2 + 1024))
hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=$want_fds
((want_fds > hard)) && want_fds=$hard
ulimit -n "$want_fds" 2>/dev/null || say "could not raise ulimit -n to $want_fds (now $(ulimit -n))"

SCRATCH=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/cg-bench.XXXXXX")
SINK_PID=
CG_PID=
IDLE_PID=

cleanup() {
	local rc=$?
	set +e
	trap - EXIT INT TERM
	[[ -n $IDLE_PID ]] && stop_pid "$IDLE_PID" 5 >/dev/null
	[[ -n $CG_PID ]] && stop_pid "$CG_PID" 15 >/dev/null
	[[ -n $SINK_PID ]] && stop_pid "$SINK_PID" 5 >/dev/null
	if [[ $rc -ne 0 ]]; then
		for f in "$SCRATCH"/*.log; do
			[[ -f $f ]] || continue
			echo "----- tail $f -----" >&2
			tail -n 30 "$f" >&2
		done
	fi
	if [[ ${BENCH_KEEP:-0} == 1 ]]; then say "keeping $SCRATCH"; else rm -rf "$SCRATCH"; fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


# cpu_ticks PID: utime+stime in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
CLK_TCK=$(getconf CLK_TCK)

# status_kib PID FIELD: a "kB" field of /proc/PID/status (VmRSS, VmHWM).
status_kib() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status"; }

# start_cg NAME LISTEN_PORT DOWNSTREAM_PORT HOLD_ALL [EXTRA_TOML]: fresh dir + config.
start_cg() {
	local name=$1 port=$2 down=$3 hold=$4 extra=${5:-} dir=$SCRATCH/$1
	rm -rf "$dir"
	mkdir -p "$dir"
	write_cg_config "$dir/contactgate.toml" "127.0.0.1:$port" "127.0.0.1:$down" "$dir" "$hold" "$extra"
	copy_rules "$REPO/rules" "$dir/rules"
	(cd "$dir" && exec "$BIN" serve --config "$dir/contactgate.toml") >"$SCRATCH/$name.log" 2>&1 &
	CG_PID=$!
	wait_port "$port" 30 "$CG_PID" || die "contactgate ($name) did not listen on 127.0.0.1:$port"
}

stop_cg() {
	[[ -n $CG_PID ]] || return 0
	stop_pid "$CG_PID" 15 || say "contactgate needed SIGKILL"
	CG_PID=
}

# source_cmd PORT COUNT: the smtp-source command line (as words).
source_cmd() {
	# shellcheck disable=SC2206
	local extra=($SOURCE_OPTS)
	SRC_CMD=(smtp-source -s "$SESSIONS" -l "$SIZE" -m "$2" -f "$FROM" -t "$TO" "${extra[@]}" "127.0.0.1:$1")
}

# run_source LABEL PORT COUNT [CG_PID]: run smtp-source; msgs/s goes to
# LAST_RATE, CPU use of CG_PID (if given, % of one core) to LAST_CPU.
# (Globals, not stdout: a $(...) subshell would lose LAST_CPU.)
LAST_CPU=
LAST_RATE=
run_source() {
	local label=$1 port=$2 count=$3 pid=${4:-} t0 t1 c0 c1 rate
	source_cmd "$port" "$count"
	[[ -n $pid ]] && c0=$(cpu_ticks "$pid")
	t0=$(now)
	if ! "${SRC_CMD[@]}" >"$SCRATCH/source-$label.log" 2>&1; then
		cat "$SCRATCH/source-$label.log" >&2
		die "smtp-source failed ($label): ${SRC_CMD[*]}"
	fi
	t1=$(now)
	LAST_CPU=
	if [[ -n $pid ]]; then
		c1=$(cpu_ticks "$pid")
		LAST_CPU=$(python3 -c "print('%.0f' % (100.0 * ($c1 - $c0) / $CLK_TCK / ($t1 - $t0)))")
	fi
	rate=$(python3 -c "print('%.1f' % ($count / ($t1 - $t0)))")
	say "$label: $count msgs in $(python3 -c "print('%.2f' % ($t1 - $t0))")s = $rate msgs/s${LAST_CPU:+ (contactgate CPU ${LAST_CPU}%)}"
	LAST_RATE=$rate
}

IDLE_PY='
import asyncio, sys, time
port, n, ready = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
conns, errors = [], {}
async def one(i):
    try:
        r, w = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 20)
        line = await asyncio.wait_for(r.readline(), 20)
        if line[:3] != b"220":
            raise RuntimeError("banner %r" % line[:40])
        conns.append((r, w))
    except Exception as e:
        k = type(e).__name__
        errors[k] = errors.get(k, 0) + 1
async def main():
    sem = asyncio.Semaphore(200)   # do not flood the SYN backlog all at once
    async def guarded(i):
        async with sem:
            await one(i)
    t0 = time.time()
    await asyncio.gather(*(guarded(i) for i in range(n)))
    with open(ready + ".tmp", "w") as f:
        f.write("%d %s %.2f\n" % (len(conns), ",".join("%s=%d" % kv for kv in errors.items()) or "-", time.time() - t0))
    import os; os.rename(ready + ".tmp", ready)
    await asyncio.sleep(3600)
asyncio.run(main())
'

# ------------------------------------------------------------------ setup ---
SINK_PORT=$(free_port)
CG_PORT=$(free_port)
while [[ $CG_PORT == "$SINK_PORT" ]]; do CG_PORT=$(free_port); done
SINK_CMD=(smtp-sink -u nobody 127.0.0.1:"$SINK_PORT" 1024)
"${SINK_CMD[@]}" >"$SCRATCH/sink.log" 2>&1 &
SINK_PID=$!
wait_port "$SINK_PORT" 10 "$SINK_PID" || die "smtp-sink did not start"
say "scratch $SCRATCH; sink :$SINK_PORT; contactgate :$CG_PORT; binary $BIN; ulimit -n $(ulimit -n)"

DIRECT=()
VIA=()
VIA_CPU=()
HOLD_RATE=
HOLD_CPU=
HOLD_DU=
RSS0=
RSS1=
HWM1=
FDS1=
THREADS1=
IDLE_OK=
IDLE_ERR=
IDLE_SECS=

# ------------------------------------------------------------ 1. relaying ---
if [[ $SKIP != *" relay "* ]]; then
	start_cg relay "$CG_PORT" "$SINK_PORT" false "${BENCH_EXTRA_TOML:-}"
	# warm-up (not counted): page cache, JIT-free but lazy allocations etc.
	run_source warmup-direct "$SINK_PORT" 500
	run_source warmup-via "$CG_PORT" 500 "$CG_PID"
	for ((r = 1; r <= ROUNDS; r++)); do
		run_source "direct-$r" "$SINK_PORT" "$MSGS"
		DIRECT+=("$LAST_RATE")
		run_source "via-$r" "$CG_PORT" "$MSGS" "$CG_PID"
		VIA+=("$LAST_RATE")
		VIA_CPU+=("$LAST_CPU")
	done
	alive "$CG_PID" || die "contactgate died during the relay runs"
	stop_cg
fi

# ---------------------------------------------------------------- 2. holds ---
if [[ $SKIP != *" hold "* ]]; then
	start_cg hold "$CG_PORT" "$SINK_PORT" true
	run_source hold "$CG_PORT" "$HOLD_MSGS" "$CG_PID"
	HOLD_RATE=$LAST_RATE
	HOLD_CPU=$LAST_CPU
	HOLD_DU=$(du -sh "$SCRATCH/hold/data" | cut -f1)
	stop_cg
fi

# ------------------------------------------------- 3. RSS, idle connections ---
if [[ $SKIP != *" rss "* ]]; then
	# the shipped default max_connections (200) would leave the rest of the
	# idle connections unserved in the listen backlog
	start_cg rss "$CG_PORT" "$SINK_PORT" false "max_connections = $RSS_MAXCONN"
	sleep 1
	RSS0=$(status_kib "$CG_PID" VmRSS)
	ready=$SCRATCH/idle.ready
	python3 -c "$IDLE_PY" "$CG_PORT" "$IDLE_CONNS" "$ready" >"$SCRATCH/idle.log" 2>&1 &
	IDLE_PID=$!
	for ((i = 0; i < 1800; i++)); do
		[[ -f $ready ]] && break
		alive "$IDLE_PID" || { cat "$SCRATCH/idle.log" >&2; die "idle-connection script died"; }
		sleep 0.1
	done
	[[ -f $ready ]] || die "idle connections not established within 180s"
	read -r IDLE_OK IDLE_ERR IDLE_SECS <"$ready"
	sleep 2 # let the daemon settle (per-connection buffers, timers)
	RSS1=$(status_kib "$CG_PID" VmRSS)
	HWM1=$(status_kib "$CG_PID" VmHWM)
	THREADS1=$(status_kib "$CG_PID" Threads)
	FDS1=$(find "/proc/$CG_PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
	say "idle: $IDLE_OK/$IDLE_CONNS banners (errors: $IDLE_ERR) in ${IDLE_SECS}s; VmRSS $RSS0 -> $RSS1 KiB (VmHWM $HWM1), fds $FDS1, threads $THREADS1"
	alive "$CG_PID" || die "contactgate died while holding idle connections"
	stop_pid "$IDLE_PID" 5 || true
	IDLE_PID=
	stop_cg
fi

# --------------------------------------------------------------- summary ---
mib() { python3 -c "print('%.1f MiB' % ($1 / 1024.0))"; }
cmdline="$(for v in BENCH_MSGS BENCH_SESSIONS BENCH_SIZE BENCH_ROUNDS BENCH_HOLD_MSGS BENCH_IDLE_CONNS BENCH_SOURCE_OPTS BENCH_SKIP BENCH_EXTRA_TOML; do
	if [[ -n ${!v:-} ]]; then printf '%s=%q ' "$v" "${!v}"; fi
done)bench/relay.sh${ORIG_ARGS[*]:+ ${ORIG_ARGS[*]}}"
git_rev=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "no commits")
git_dirty=
if git -C "$REPO" status --porcelain 2>/dev/null | grep -q .; then git_dirty=" (uncommitted changes)"; fi
pf_version=$(postconf -h mail_version 2>/dev/null || echo "?")
cpu_model=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
bin_sum=$(sha256sum "$BIN" | cut -c1-12)
bin_ver=$("$BIN" --version 2>/dev/null | head -n 1 || true)
# shellcheck disable=SC2016 # literal placeholders for the summary
source_cmd '$PORT' '$N'

echo
echo "----- paste into bench/RESULTS.md -----"
echo "### relay benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- command: \`$cmdline\`"
echo "- binary: \`$BIN\` (${bin_ver:+$bin_ver, }sha256 $bin_sum…); repo HEAD at run time: $git_rev$git_dirty"
echo "- host: $(nproc) CPU ($cpu_model), Linux $(uname -r), smtp-source/smtp-sink from Postfix $pf_version"
echo "- load: \`${SRC_CMD[*]}\` (N = $MSGS per run, warm-up of 500 not counted)"
echo "- sink: \`${SINK_CMD[*]/$SINK_PORT/\$PORT}\`"
if ((${#DIRECT[@]})); then
	md=$(median "${DIRECT[@]}")
	mv=$(median "${VIA[@]}")
	ratio=$(python3 -c "print('%.2f' % ($mv / $md))")
	echo
	echo "| run | direct msgs/s | via contactgate msgs/s | contactgate CPU (% of 1 core) |"
	echo "|---|---:|---:|---:|"
	for ((r = 0; r < ${#DIRECT[@]}; r++)); do
		echo "| $((r + 1)) | ${DIRECT[r]} | ${VIA[r]} | ${VIA_CPU[r]}% |"
	done
	echo "| **median** | **$md** | **$mv** | |"
	echo
	echo "- ratio of medians (via / direct): **$ratio**"
fi
if [[ -n $HOLD_RATE ]]; then
	echo "- holds/s (hold_all = true, $SESSIONS sessions, $HOLD_MSGS msgs of $SIZE B, fresh data_dir): **$HOLD_RATE** (contactgate CPU ${HOLD_CPU}%, data_dir $HOLD_DU afterwards)"
fi
if [[ -n $RSS1 ]]; then
	per=$(python3 -c "print('%.1f' % (($RSS1 - $RSS0) / max(1, $IDLE_OK)))")
	echo "- RSS with $IDLE_OK/$IDLE_CONNS idle connections (after banner; max_connections = $RSS_MAXCONN): **$(mib "$RSS1")** (idle baseline $(mib "$RSS0"), +$per KiB/conn, VmHWM $(mib "$HWM1"), $FDS1 fds, $THREADS1 threads; connect errors: $IDLE_ERR)"
fi
echo "----- end -----"
