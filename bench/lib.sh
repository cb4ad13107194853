# shellcheck shell=bash
# Shared shell helpers for bench/relay.sh and tests/e2e/postfix_e2e.sh.
# Source it; do not execute it. Requires bash and python3.

# say MSG...: progress message on stderr.
# LIB_TAG (set by the caller) tags the messages.
say() { printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "${LIB_TAG:-lib}" "$*" >&2; }

# die MSG...: print and exit 1 (the caller's EXIT trap still runs).
die() { say "FATAL: $*"; exit 1; }

# now: seconds since the epoch, with nanoseconds.
now() { date +%s.%N; }

# free_port: print a TCP port on 127.0.0.1 that is free right now.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# port_open PORT: true if something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
	python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket(); s.settimeout(1)
try:
    s.connect(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
s.close()
EOF
}

# alive PID: true if PID exists and is not a zombie (kill -0 succeeds on an
# unreaped zombie child, so it cannot be used for our own children).
alive() {
	local st
	st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
	[[ -n $st && $st != Z && $st != X ]]
}

# wait_port PORT TIMEOUT_S [PID]: wait until 127.0.0.1:PORT accepts
# connections. If PID is given and that process dies first, fail at once.
wait_port() {
	local port=$1 timeout=$2 pid=${3:-} i
	for ((i = 0; i < timeout * 10; i++)); do
		if [[ -n $pid ]] && ! alive "$pid"; then
			say "process $pid exited before port $port opened"
			return 1
		fi
		port_open "$port" && return 0
		sleep 0.1
	done
	say "timeout waiting for port $port"
	return 1
}

# wait_port_closed PORT TIMEOUT_S
wait_port_closed() {
	local port=$1 timeout=$2 i
	for ((i = 0; i < timeout * 10; i++)); do
		port_open "$port" || return 0
		sleep 0.1
	done
	return 1
}

# stop_pid PID [TIMEOUT_S]: SIGTERM, wait up to TIMEOUT_S (default 10), then
# SIGKILL. Returns 0 if the process exited after SIGTERM (or was already
# gone), 2 if it had to be killed. If PID is a child of this shell, its exit
# status is left in STOP_STATUS (else STOP_STATUS is empty).
STOP_STATUS=
stop_pid() {
	local pid=$1 timeout=${2:-10} i ret=0
	STOP_STATUS=
	if alive "$pid"; then
		kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < timeout * 10; i++)); do
			alive "$pid" || break
			sleep 0.1
		done
		if alive "$pid"; then
			say "pid $pid ignored SIGTERM for ${timeout}s; sending SIGKILL"
			kill -KILL "$pid" 2>/dev/null || true
			ret=2
		fi
	fi
	if wait "$pid" 2>/dev/null; then STOP_STATUS=0; else STOP_STATUS=$?; fi
	[[ $STOP_STATUS == 127 ]] && STOP_STATUS= # not our child
	return $ret
}

# write_cg_config FILE LISTEN DOWNSTREAM DIR [HOLD_ALL [EXTRA_TOML]]: write a
# contactgate TOML config whose data_dir/rules_dir/admin_socket live under
# DIR. EXTRA_TOML (top-level key lines) is appended verbatim.
write_cg_config() {
	local file=$1 listen=$2 downstream=$3 dir=$4 hold=${5:-false} extra=${6:-}
	mkdir -p "$dir/data" "$dir/rules"
	cat >"$file" <<EOF
listen = "$listen"
downstream = "$downstream"
data_dir = "$dir/data"
rules_dir = "$dir/rules"
admin_socket = "$dir/data/admin.sock"
hold_all = $hold
EOF
	if [[ -n $extra ]]; then printf '%s\n' "$extra" >>"$file"; fi
}

# copy_rules SRC DST: copy rule files (if any) from the repo into a scratch dir.
copy_rules() {
	local src=$1 dst=$2
	mkdir -p "$dst"
	if [[ -d $src ]] && [[ -n $(ls -A "$src" 2>/dev/null) ]]; then
		cp -a "$src"/. "$dst"/
	fi
}

# median N...: print the median of the numbers given.
median() {
	python3 -c 'import sys,statistics; print("%.1f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"
}

# scratch_with_cleanup NAME: makes $SCRATCH (/tmp/cg-NAME.XXXXXX) and an empty PIDS array, and
# traps EXIT to stop every pid in PIDS, show the scratch logs' tails on failure and remove the
# scratch dir.
scratch_with_cleanup() {
	SCRATCH=$(mktemp -d "/tmp/cg-$1.XXXXXX")
	PIDS=()
	trap _scratch_cleanup EXIT
}

_scratch_cleanup() {
	local rc=$? p
	set +e
	for p in "${PIDS[@]}"; do stop_pid "$p" 10 >/dev/null; done
	if [[ $rc -ne 0 ]]; then tail -n 20 "$SCRATCH"/*.log >&2; fi
	rm -rf "$SCRATCH"
	exit "$rc"
}

# start_sink: an smtp-sink on a free loopback port ($SINK_PORT), logging to $SCRATCH/sink.log,
# its pid added to PIDS.
start_sink() {
	SINK_PORT=$(free_port)
	smtp-sink -u nobody 127.0.0.1:"$SINK_PORT" 1024 >"$SCRATCH/sink.log" 2>&1 &
	PIDS+=($!)
	wait_port "$SINK_PORT" 10 "${PIDS[-1]}" || die "smtp-sink did not start"
}
