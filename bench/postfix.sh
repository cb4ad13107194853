#!/usr/bin/env bash
# Full Postfix path benchmark (issue 13): what contactgate costs a real Postfix, measured
# against the same Postfix with a content filter that does nothing.
#
#   usage: bench/postfix.sh [PATH_TO_CONTACTGATE_BINARY]   (default target/release/contactgate)
#
# Must run as root (a private Postfix master, as in tests/e2e/postfix_e2e.sh: its own
# config_directory, queue_directory and data_directory under a scratch dir, loopback only,
# logging to a file through postlogd). One Postfix instance, three inbound smtpd ports that
# differ only in their content_filter, and one smtp-sink as the final destination:
#
#   alone: smtp-source -> :ALONE smtpd -> queue -> smtp -> smtp-sink
#   null:  smtp-source -> :NULL  smtpd -> queue -> nullfilter smtp -> null filter (Python)
#          -> :REINJECT smtpd -> queue -> smtp -> smtp-sink
#   cg:    smtp-source -> :CG    smtpd -> queue -> contactgate smtp -> contactgate
#          -> :REINJECT smtpd -> queue -> smtp -> smtp-sink
#
# The null filter (embedded below, Python standard library only) answers the end of DATA only
# after it has relayed the message unchanged to the reinjection smtpd over a connection kept
# for the whole inbound session, and passes on a failure as 451: the same double queue pass
# and the same "250 only after downstream 250" as contactgate, with no analysis and no store.
#
# A run sends BENCH_MSGS messages with smtp-source and ends when Postfix's queue directories
# (maildrop, incoming, active, deferred, hold) are empty; msgs/s = messages / that time. In
# the filter modes the original stays in the active queue until the filter has answered 250,
# and the filter answers only after the reinjection smtpd has queued the copy, so the queue is
# never empty while a message is in flight. Every run then checks in the maillog that exactly
# BENCH_MSGS deliveries to the sink (and, in the filter modes, to the filter) were logged and
# nothing bounced. The modes alternate,
# alone / null / cg, for BENCH_ROUNDS rounds, after one warm-up run of each (not counted).
# Ends with a markdown block to paste into bench/RESULTS.md.
#
# Process limits set here (Postfix's default_process_limit is 100):
#   - nullfilter and contactgate transports: maxproc = BENCH_SESSIONS, and their
#     *_destination_concurrency_limit = BENCH_SESSIONS (one destination each);
#   - delivery to the sink (smtp transport, maxproc default 100):
#     smtp_destination_concurrency_limit = BENCH_SESSIONS;
#   - reinjection smtpd: maxproc = 2 * BENCH_SESSIONS + 10;
#   - contactgate downstream_connections = BENCH_SESSIONS and the null filter keeps at most one
#     reinjection connection per inbound session (at most BENCH_SESSIONS): each pool alone, and
#     both together while contactgate's idle pool times out, stay below the reinjection limit;
#   - contactgate max_connections: its default, 200 (the filter transport's maxproc must not
#     exceed it; BENCH_SESSIONS > 200 is refused).
#
# Environment knobs (defaults in brackets):
#   BENCH_MSGS [5000]          messages per run (smtp-source -m)
#   BENCH_SESSIONS [20]        parallel sessions (smtp-source -s); also the limits above
#   BENCH_SIZE [10240]         payload bytes per message (smtp-source -l)
#   BENCH_ROUNDS [3]           alone/null/cg rounds
#   BENCH_WARMUP [200]         messages of the warm-up run of each mode (0 = none)
#   BENCH_RUN_TIMEOUT [600]    seconds a run may take before the benchmark gives up
#   BENCH_TMPDIR [/tmp]        where the scratch dir (Postfix queue, data_dir) goes
#   BENCH_KEEP [0]             1 = keep the scratch dir
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
# shellcheck disable=SC2034 # used by lib.sh
LIB_TAG=postfix-bench
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
PATH=$PATH:/usr/sbin:/sbin

ORIG_ARGS=("$@")
BIN=${1:-$REPO/target/release/contactgate}
[[ -x $BIN ]] || die "not an executable: $BIN (build with: cargo build --release)"
BIN=$(realpath "$BIN")
[[ $(id -u) -eq 0 ]] || die "must run as root (starts a private Postfix master)"
for tool in postfix postconf postqueue smtp-source smtp-sink python3; do
	command -v "$tool" >/dev/null || die "missing tool: $tool (Debian: apt-get install postfix python3)"
done

MSGS=${BENCH_MSGS:-5000}
SESSIONS=${BENCH_SESSIONS:-20}
SIZE=${BENCH_SIZE:-10240}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-200}
RUN_TIMEOUT=${BENCH_RUN_TIMEOUT:-600}
((SESSIONS >= 1 && SESSIONS <= 200)) || die "BENCH_SESSIONS must be 1..200 (contactgate max_connections is 200)"
REINJECT_MAXPROC=$((2 * SESSIONS + 10))
CG_DOWNSTREAM=$SESSIONS
FROM=bench-from@bench.example
TO=bench-to@bench.example

# ---------------------------------------------------------------- layout ---
SCRATCH=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/cg-pfbench.XXXXXX")
chmod 755 "$SCRATCH" # Postfix daemons run as user postfix and must traverse it
PF_CONF=$SCRATCH/postfix/etc
PF_QUEUE=$SCRATCH/postfix/spool
PF_DATA=$SCRATCH/postfix/data
MAILLOG=$SCRATCH/maillog
SINK_PID=
NULL_PID=
CG_PID=
PF_STARTED=0

pick_ports() {
	local p used=" " var
	for var in SINK_PORT ALONE_PORT NULL_PORT CG_PORT REINJECT_PORT NULLFILTER_PORT FILTER_PORT; do
		p=$(free_port)
		while [[ $used == *" $p "* ]]; do p=$(free_port); done
		used+="$p "
		printf -v "$var" '%s' "$p"
	done
}
pick_ports

stop_postfix() {
	[[ $PF_STARTED -eq 1 ]] || return 0
	PF_STARTED=0
	postfix -c "$PF_CONF" stop >/dev/null 2>&1 || true
	local pidfile=$PF_QUEUE/pid/master.pid i mpid
	mpid=$(tr -dc '0-9' <"$pidfile" 2>/dev/null || true)
	[[ -n $mpid ]] || return 0
	for ((i = 0; i < 100; i++)); do
		kill -0 "$mpid" 2>/dev/null || return 0
		sleep 0.1
	done
	say "postfix master $mpid still running; SIGKILL"
	kill -KILL "$mpid" 2>/dev/null || true
}

cleanup() {
	local rc=$?
	set +e
	trap - EXIT INT TERM
	stop_postfix
	[[ -n $CG_PID ]] && stop_pid "$CG_PID" 15 >/dev/null
	[[ -n $NULL_PID ]] && stop_pid "$NULL_PID" 5 >/dev/null
	[[ -n $SINK_PID ]] && stop_pid "$SINK_PID" 5 >/dev/null
	if [[ $rc -ne 0 ]]; then
		for f in "$SCRATCH"/*.log "$MAILLOG"; do
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

# ------------------------------------------------------------ null filter ---
# A do-nothing after-queue filter: accepts a message, relays it unchanged to the reinjection
# smtpd (one smtplib connection per inbound session, reused for its messages, retried once on
# a fresh connection if the pooled one was closed), and answers with 250 only if that smtpd
# accepted it. Bounded: sessions (421 beyond), line length, message size, socket timeouts.
NULL_FILTER_PY='
import smtplib, socket, socketserver, sys, threading
port, reinject, max_sessions = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
MAX_LINE, MAX_MESSAGE, TIMEOUT = 65536, 64 << 20, 300
slots = threading.BoundedSemaphore(max_sessions)

def reinject_connection():
    out = smtplib.SMTP("127.0.0.1", reinject, local_hostname="nullfilter.bench.example", timeout=60)
    out.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    out.ehlo()
    return out

def address(arg):
    lt, gt = arg.find(b"<"), arg.find(b">")
    if lt < 0 or gt < lt:
        return None
    return arg[lt + 1:gt].decode("utf-8", "surrogateescape")

class Session(socketserver.StreamRequestHandler):
    def handle(self):
        if not slots.acquire(blocking=False):
            self.wfile.write(b"421 4.3.2 too many sessions\r\n")
            return
        out = None
        try:
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.request.settimeout(TIMEOUT)
            out = self.session()
        except (OSError, smtplib.SMTPException):
            pass
        finally:
            if out is not None:
                try:
                    out.quit()
                except (OSError, smtplib.SMTPException):
                    out.close()
            slots.release()

    def reply(self, text):
        self.wfile.write(text)

    def session(self):
        out, sender, rcpts = None, None, []
        self.reply(b"220 nullfilter.bench.example ESMTP\r\n")
        while True:
            line = self.rfile.readline(MAX_LINE)
            if not line:
                return out
            if not line.endswith(b"\n"):
                self.reply(b"500 5.5.2 line too long\r\n")
                return out
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.reply(b"250-nullfilter.bench.example\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE %d\r\n" % MAX_MESSAGE)
            elif verb == b"HELO":
                self.reply(b"250 nullfilter.bench.example\r\n")
            elif verb == b"MAIL":
                sender, rcpts = address(line), []
                self.reply(b"250 2.1.0 Ok\r\n" if sender is not None else b"501 5.5.4 syntax\r\n")
            elif verb == b"RCPT":
                rcpt = address(line)
                if sender is None or not rcpt:
                    self.reply(b"503 5.5.1 need MAIL and an address\r\n")
                else:
                    rcpts.append(rcpt)
                    self.reply(b"250 2.1.5 Ok\r\n")
            elif verb == b"DATA":
                if sender is None or not rcpts:
                    self.reply(b"503 5.5.1 need RCPT\r\n")
                    continue
                self.reply(b"354 go ahead\r\n")
                lines, size = [], 0
                while True:
                    l = self.rfile.readline(MAX_LINE)
                    if not l:
                        return out
                    if l == b".\r\n" or l == b".\n":
                        break
                    size += len(l)
                    if size <= MAX_MESSAGE:
                        lines.append(l[1:] if l[:1] == b"." else l)
                if size > MAX_MESSAGE:
                    self.reply(b"552 5.3.4 too big\r\n")
                else:
                    out, answer = self.relay(out, sender, rcpts, b"".join(lines))
                    self.reply(answer)
                sender, rcpts = None, []
            elif verb == b"RSET":
                sender, rcpts = None, []
                self.reply(b"250 2.0.0 Ok\r\n")
            elif verb == b"NOOP":
                self.reply(b"250 2.0.0 Ok\r\n")
            elif verb == b"QUIT":
                self.reply(b"221 2.0.0 Bye\r\n")
                return out
            else:
                self.reply(b"502 5.5.2 not implemented\r\n")

    def relay(self, out, sender, rcpts, data):
        for attempt in (1, 2):
            try:
                if out is None:
                    out = reinject_connection()
                refused = out.sendmail(sender, rcpts, data)
                if refused:
                    return out, b"451 4.3.0 some recipients refused downstream\r\n"
                return out, b"250 2.0.0 Ok: relayed\r\n"
            except smtplib.SMTPServerDisconnected:
                out = None  # the pooled connection was closed: once more on a fresh one
            except (OSError, smtplib.SMTPException) as e:
                if out is not None:
                    out.close()
                return None, ("451 4.4.1 downstream: %s\r\n" % type(e).__name__).encode()
        return None, b"451 4.4.1 downstream disconnected\r\n"

class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 128

Server(("127.0.0.1", port), Session).serve_forever()
'

# ------------------------------------------------------- postfix instance ---
setup_postfix() {
	mkdir -p "$PF_CONF" "$PF_QUEUE"
	# data_directory must be owned by mail_owner (master.lock lives there).
	install -d -o postfix -g postfix -m 700 "$PF_DATA"
	touch "$MAILLOG"
	cat >"$PF_CONF/main.cf" <<EOF
# private contactgate benchmark instance (generated by bench/postfix.sh)
compatibility_level = 3.6
queue_directory = $PF_QUEUE
data_directory = $PF_DATA
mail_owner = postfix
myhostname = mx.bench.example
mydomain = bench.example
myorigin = \$myhostname
mydestination = localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
biff = no
smtp_dns_support_level = disabled
smtpd_tls_security_level = none
smtp_tls_security_level = none
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions =

# Everything ends in smtp-sink.
relayhost = [127.0.0.1]:$SINK_PORT
smtp_destination_concurrency_limit = $SESSIONS

# No content filter by default; the inbound ports set their own in master.cf.
content_filter =
nullfilter_destination_concurrency_limit = $SESSIONS
contactgate_destination_concurrency_limit = $SESSIONS

# A deferral is retried within seconds (and counted), never bounced during the benchmark.
queue_run_delay = 1s
minimal_backoff_time = 2s
maximal_backoff_time = 4s
delay_warning_time = 0

maillog_file = $MAILLOG
maillog_file_prefixes = $SCRATCH
EOF
	# chroot is off everywhere ("n"), as in tests/e2e/postfix_e2e.sh.
	cat >"$PF_CONF/master.cf" <<EOF
# service type  private unpriv  chroot  wakeup  maxproc command + args
# Three inbound ports that differ only in their content filter.
127.0.0.1:$ALONE_PORT inet n - n - - smtpd
  -o syslog_name=postfix/alone
127.0.0.1:$NULL_PORT inet n - n - - smtpd
  -o syslog_name=postfix/null
  -o content_filter=nullfilter:[127.0.0.1]:$NULLFILTER_PORT
  -o receive_override_options=no_address_mappings
127.0.0.1:$CG_PORT inet n - n - - smtpd
  -o syslog_name=postfix/cg
  -o content_filter=contactgate:[127.0.0.1]:$FILTER_PORT
  -o receive_override_options=no_address_mappings
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
#
# Postfix -> the null filter / contactgate (the same client settings for both)
nullfilter unix -       -       n       -       $SESSIONS      smtp
  -o syslog_name=postfix/nullfilter
  -o smtp_send_xforward_command=yes
  -o disable_mime_output_conversion=yes
  -o smtp_generic_maps=
  -o smtp_data_done_timeout=1200s
contactgate unix -      -       n       -       $SESSIONS      smtp
  -o syslog_name=postfix/contactgate
  -o smtp_send_xforward_command=yes
  -o disable_mime_output_conversion=yes
  -o smtp_generic_maps=
  -o smtp_data_done_timeout=1200s
#
# filter -> Postfix (reinjection, no second filter pass)
127.0.0.1:$REINJECT_PORT inet n - n - $REINJECT_MAXPROC smtpd
  -o syslog_name=postfix/reinject
  -o content_filter=
  -o receive_override_options=no_unknown_recipient_checks,no_header_body_checks,no_milters
  -o smtpd_helo_restrictions=
  -o smtpd_client_restrictions=
  -o smtpd_sender_restrictions=
  -o smtpd_relay_restrictions=
  -o smtpd_recipient_restrictions=permit_mynetworks,reject
  -o smtpd_data_restrictions=
  -o mynetworks=127.0.0.0/8
  -o smtpd_authorized_xforward_hosts=127.0.0.0/8
EOF
	if ! postfix -c "$PF_CONF" check >"$SCRATCH/postfix-check.log" 2>&1; then
		cat "$SCRATCH/postfix-check.log" >&2
		die "postfix check failed"
	fi
	postfix -c "$PF_CONF" start >"$SCRATCH/postfix-start.log" 2>&1 ||
		{ cat "$SCRATCH/postfix-start.log" >&2; die "postfix start failed"; }
	PF_STARTED=1
	local p
	for p in "$ALONE_PORT" "$NULL_PORT" "$CG_PORT" "$REINJECT_PORT"; do
		wait_port "$p" 15 || die "postfix smtpd did not open 127.0.0.1:$p"
	done
}

# queue_files: messages in Postfix's queue (files under the queues mail passes through).
queue_files() {
	find "$PF_QUEUE/maildrop" "$PF_QUEUE/incoming" "$PF_QUEUE/active" \
		"$PF_QUEUE/deferred" "$PF_QUEUE/hold" -type f 2>/dev/null | wc -l
}

# maillog_count PATTERN: lines of the maillog matching PATTERN (extended regex).
maillog_count() { grep -cE -- "$1" "$MAILLOG" || true; }
SENT_RE="postfix/smtp\[[0-9]+\]: .*relay=127\.0\.0\.1\[127\.0\.0\.1\]:$SINK_PORT,.*status=sent"

# cpu_ticks PID: utime+stime in clock ticks (0 if no PID).
cpu_ticks() { if [[ -n ${1:-} ]]; then awk '{print $14 + $15}' "/proc/$1/stat"; else echo 0; fi; }
CLK_TCK=$(getconf CLK_TCK)
# host_ticks: "busy total" jiffies of all CPUs from /proc/stat.
host_ticks() { awk '$1 == "cpu" {t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t}' /proc/stat; }

# run_mode LABEL PORT COUNT [FILTER_PID FILTER_TRANSPORT]: send COUNT messages to PORT and
# wait until the queue is empty; with FILTER_TRANSPORT, also check that COUNT messages were
# handed to that filter. Results in globals (a $(...) subshell would lose them): LAST_RATE
# (msgs/s to empty queue), LAST_ACCEPT (msgs/s until smtp-source finished), LAST_FCPU (CPU
# of FILTER_PID, % of one core), LAST_HOST (busy % of all CPUs), LAST_DEFER (deferrals).
LAST_RATE= LAST_ACCEPT= LAST_FCPU= LAST_HOST= LAST_DEFER=
run_mode() {
	local label=$1 port=$2 count=$3 pid=${4:-} transport=${5:-} t0 t1 t2 c0 c1 h0 h1 i left
	local sent0 sent defer0 filtered0 filtered filter_re="postfix/${5:-none}/smtp\[[0-9]+\]: .*status=sent"
	[[ $(queue_files) -eq 0 ]] || die "queue not empty before $label"
	sent0=$(maillog_count "$SENT_RE")
	defer0=$(maillog_count 'status=deferred')
	filtered0=$(maillog_count "$filter_re")
	SRC_CMD=(smtp-source -s "$SESSIONS" -l "$SIZE" -m "$count" -f "$FROM" -t "$TO" "127.0.0.1:$port")
	c0=$(cpu_ticks "$pid")
	h0=$(host_ticks)
	t0=$(now)
	if ! timeout "$RUN_TIMEOUT" "${SRC_CMD[@]}" >"$SCRATCH/source-$label.log" 2>&1; then
		cat "$SCRATCH/source-$label.log" >&2
		die "smtp-source failed ($label): ${SRC_CMD[*]}"
	fi
	t1=$(now)
	left=1
	for ((i = 0; i < RUN_TIMEOUT * 20; i++)); do
		left=$(queue_files)
		[[ $left -eq 0 ]] && break
		sleep 0.05
	done
	t2=$(now)
	[[ $left -eq 0 ]] || die "$label: $left messages still queued after ${RUN_TIMEOUT}s"
	c1=$(cpu_ticks "$pid")
	h1=$(host_ticks)
	# postlogd writes asynchronously: give the last lines a moment to arrive.
	for ((i = 0; i < 100; i++)); do
		sent=$(($(maillog_count "$SENT_RE") - sent0))
		((sent >= count)) && break
		sleep 0.1
	done
	((sent == count)) || die "$label: $sent deliveries to the sink logged, expected $count"
	if [[ -n $transport ]]; then
		filtered=$(($(maillog_count "$filter_re") - filtered0))
		((filtered == count)) || die "$label: $filtered messages through $transport logged, expected $count"
	fi
	[[ $(maillog_count 'status=bounced') -eq 0 ]] || die "$label: something bounced (see $MAILLOG)"
	LAST_DEFER=$(($(maillog_count 'status=deferred') - defer0))
	read -r LAST_RATE LAST_ACCEPT LAST_FCPU LAST_HOST < <(python3 -c "
n, t0, t1, t2, c0, c1, tck = $count, $t0, $t1, $t2, $c0, $c1, $CLK_TCK
hb0, ht0, hb1, ht1 = $(echo "$h0 $h1" | tr ' ' ',')
print('%.1f %.1f %.0f %.0f' % (n / (t2 - t0), n / (t1 - t0), 100.0 * (c1 - c0) / tck / (t2 - t0),
                               100.0 * (hb1 - hb0) / max(1, ht1 - ht0)))")
	say "$label: $count msgs queued in $(python3 -c "print('%.2f' % ($t1 - $t0))")s, delivered in $(python3 -c "print('%.2f' % ($t2 - $t0))")s = $LAST_RATE msgs/s (accept $LAST_ACCEPT msgs/s; filter CPU ${LAST_FCPU}%; host busy ${LAST_HOST}%; deferrals $LAST_DEFER)"
}

# --------------------------------------------------------------------- go ---
SINK_CMD=(smtp-sink -u nobody 127.0.0.1:"$SINK_PORT" 1024)
"${SINK_CMD[@]}" >"$SCRATCH/sink.log" 2>&1 &
SINK_PID=$!
wait_port "$SINK_PORT" 10 "$SINK_PID" || die "smtp-sink did not start"

python3 -c "$NULL_FILTER_PY" "$NULLFILTER_PORT" "$REINJECT_PORT" "$((SESSIONS + 10))" >"$SCRATCH/nullfilter.log" 2>&1 &
NULL_PID=$!
wait_port "$NULLFILTER_PORT" 10 "$NULL_PID" || die "null filter did not start"

CG_DIR=$SCRATCH/cg
mkdir -p "$CG_DIR"
write_cg_config "$CG_DIR/contactgate.toml" "127.0.0.1:$FILTER_PORT" "127.0.0.1:$REINJECT_PORT" "$CG_DIR" false \
	"downstream_connections = $CG_DOWNSTREAM"
copy_rules "$REPO/rules" "$CG_DIR/rules"
(cd "$CG_DIR" && exec "$BIN" serve --config "$CG_DIR/contactgate.toml") >"$SCRATCH/contactgate.log" 2>&1 &
CG_PID=$!
wait_port "$FILTER_PORT" 30 "$CG_PID" || die "contactgate did not listen on 127.0.0.1:$FILTER_PORT"

setup_postfix
say "scratch $SCRATCH; postfix $(postconf -c "$PF_CONF" -h mail_version); inbound alone :$ALONE_PORT null :$NULL_PORT cg :$CG_PORT; reinject :$REINJECT_PORT; null filter :$NULLFILTER_PORT; contactgate :$FILTER_PORT; sink :$SINK_PORT"
say "binary $BIN"

if ((WARMUP > 0)); then
	run_mode warmup-alone "$ALONE_PORT" "$WARMUP"
	run_mode warmup-null "$NULL_PORT" "$WARMUP" "$NULL_PID" nullfilter
	run_mode warmup-cg "$CG_PORT" "$WARMUP" "$CG_PID" contactgate
fi
ALONE=() NULLF=() CG=() ALONE_ACC=() NULL_ACC=() CG_ACC=() NULL_CPU=() CG_CPU=()
ALONE_HOST=() NULL_HOST=() CG_HOST=() DEFERS=0
for ((r = 1; r <= ROUNDS; r++)); do
	run_mode "alone-$r" "$ALONE_PORT" "$MSGS"
	ALONE+=("$LAST_RATE") ALONE_ACC+=("$LAST_ACCEPT") ALONE_HOST+=("$LAST_HOST")
	DEFERS=$((DEFERS + LAST_DEFER))
	run_mode "null-$r" "$NULL_PORT" "$MSGS" "$NULL_PID" nullfilter
	NULLF+=("$LAST_RATE") NULL_ACC+=("$LAST_ACCEPT") NULL_CPU+=("$LAST_FCPU") NULL_HOST+=("$LAST_HOST")
	DEFERS=$((DEFERS + LAST_DEFER))
	run_mode "cg-$r" "$CG_PORT" "$MSGS" "$CG_PID" contactgate
	CG+=("$LAST_RATE") CG_ACC+=("$LAST_ACCEPT") CG_CPU+=("$LAST_FCPU") CG_HOST+=("$LAST_HOST")
	DEFERS=$((DEFERS + LAST_DEFER))
done
alive "$CG_PID" || die "contactgate died during the runs"
alive "$NULL_PID" || die "the null filter died during the runs"
CG_RSS=$(awk '$1 == "VmRSS:" {print $2}' "/proc/$CG_PID/status")
CG_DU=$(du -sh "$CG_DIR/data" | cut -f1)

# --------------------------------------------------------------- summary ---
cmdline="$(for v in BENCH_MSGS BENCH_SESSIONS BENCH_SIZE BENCH_ROUNDS BENCH_WARMUP BENCH_RUN_TIMEOUT BENCH_TMPDIR; do
	if [[ -n ${!v:-} ]]; then printf '%s=%q ' "$v" "${!v}"; fi
done)bench/postfix.sh${ORIG_ARGS[*]:+ ${ORIG_ARGS[*]}}"
git_rev=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "no commits")
git_dirty=
if git -C "$REPO" status --porcelain 2>/dev/null | grep -q .; then git_dirty=" (uncommitted changes)"; fi
cpu_model=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
bin_sum=$(sha256sum "$BIN" | cut -c1-12)
bin_ver=$("$BIN" --version 2>/dev/null | head -n 1 || true)
ma=$(median "${ALONE[@]}")
mn=$(median "${NULLF[@]}")
mc=$(median "${CG[@]}")
r_cg_null=$(python3 -c "print('%.2f' % ($mc / $mn))")
r_cg_alone=$(python3 -c "print('%.2f' % ($mc / $ma))")
r_null_alone=$(python3 -c "print('%.2f' % ($mn / $ma))")

echo
echo "----- paste into bench/RESULTS.md -----"
echo "### Full Postfix path $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- command: \`$cmdline\`"
echo "- binary: \`$BIN\` (${bin_ver:+$bin_ver, }sha256 $bin_sum…); repo HEAD at run time: $git_rev$git_dirty"
echo "- host: $(nproc) CPU ($cpu_model), Linux $(uname -r), Postfix $(postconf -c "$PF_CONF" -h mail_version), Python $(python3 -c 'import platform; print(platform.python_version())')"
echo "- load: \`smtp-source -s $SESSIONS -l $SIZE -m $MSGS\` per run into the private Postfix, final delivery to \`${SINK_CMD[*]/$SINK_PORT/\$PORT}\`; warm-up of $WARMUP per mode not counted; msgs/s = messages / time until the queue is empty"
echo "- limits: filter transports maxproc $SESSIONS, reinjection smtpd maxproc $REINJECT_MAXPROC, contactgate downstream_connections $CG_DOWNSTREAM"
echo
echo "| round | Postfix alone msgs/s | + null filter msgs/s | + contactgate msgs/s | null filter CPU | contactgate CPU | host busy (alone / null / cg) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for ((r = 0; r < ROUNDS; r++)); do
	echo "| $((r + 1)) | ${ALONE[r]} | ${NULLF[r]} | ${CG[r]} | ${NULL_CPU[r]}% | ${CG_CPU[r]}% | ${ALONE_HOST[r]}% / ${NULL_HOST[r]}% / ${CG_HOST[r]}% |"
done
echo "| **median** | **$ma** | **$mn** | **$mc** | | | |"
echo
echo "- **contactgate / null filter: $r_cg_null** (target ≥ 0.9); contactgate / Postfix alone: **$r_cg_alone**; null filter / Postfix alone: $r_null_alone"
echo "- accept rate (until smtp-source finished), medians: alone $(median "${ALONE_ACC[@]}"), null $(median "${NULL_ACC[@]}"), contactgate $(median "${CG_ACC[@]}") msgs/s"
echo "- deferrals during the counted runs: $DEFERS; contactgate at the end: VmRSS $(python3 -c "print('%.1f' % ($CG_RSS / 1024.0))") MiB, data_dir $CG_DU"
echo "----- end -----"
