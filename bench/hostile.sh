#!/usr/bin/env bash
# Ordinary mail latency under a hostile-HTML attack (issue 12).
#
#   usage: bench/hostile.sh [PATH_TO_CONTACTGATE_BINARY]   (default target/release/contactgate)
#
# Everything on 127.0.0.1: smtp-sink as the downstream, contactgate with a scratch data_dir
# and the shipped rules. Then:
#   1. the attack messages are written (Python), each a text/html single part:
#        ul   HOSTILE_UL nested <ul>, never closed (60,000: 240 KB)
#        div  HOSTILE_DIV nested <div>, closed (100,000: 1.1 MB)
#        css  HOSTILE_CSS CSS class rules and as many classed spans (20,000: 1.1 MB)
#        alt  the ul body as the HTML alternative of a multipart/alternative
#      (lines are broken between tags every 800 bytes or so, as a mail client would);
#   2. the CPU seconds (user+sys) of the offline `contactgate explain FILE` on each,
#      bounded by HOSTILE_EXPLAIN_TIMEOUT;
#   3. baseline: one Python smtplib client sends HOSTILE_N ordinary 1-3 KB messages one
#      after another on one connection, timing each from MAIL to the 250 after the data;
#   4. attack: HOSTILE_INFLIGHT smtplib clients each send the attack messages over and over
#      (one connection per message, so HOSTILE_INFLIGHT are always in flight) while the same
#      ordinary client runs again, and `contactgate held list` is timed once the attack has
#      run HOSTILE_HELD_AFTER seconds. The attack phase stops after HOSTILE_ATTACK_SECS
#      whatever is left; an ordinary message still unanswered then counts as "> its wait".
# Ends with a markdown block to paste into bench/RESULTS.md.
#
# Environment knobs (defaults in brackets):
#   HOSTILE_N [200]                ordinary messages per phase
#   HOSTILE_INFLIGHT [4]           attack messages in flight
#   HOSTILE_ATTACK_SECS [90]       length of the attack phase (the ordinary client stops too)
#   HOSTILE_BASELINE_SECS [60]     bound on the baseline phase
#   HOSTILE_EXPLAIN_TIMEOUT [120]  bound on each offline explain run, seconds
#   HOSTILE_HELD_AFTER [10]        when, into the attack, `held list` is timed
#   HOSTILE_UL [60000] HOSTILE_DIV [100000] HOSTILE_CSS [20000]   attack sizes
#   HOSTILE_SKIP [""]              space-separated subset of "explain baseline attack"
#   HOSTILE_TMPDIR [/tmp]          where the scratch dir goes
#   HOSTILE_KEEP [0]               1 = keep the scratch dir
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
# shellcheck disable=SC2034 # used by lib.sh
LIB_TAG=hostile
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
PATH=$PATH:/usr/sbin:/sbin

ORIG_ARGS=("$@")
BIN=${1:-$REPO/target/release/contactgate}
[[ -x $BIN ]] || die "not an executable: $BIN (build with: cargo build --release)"
BIN=$(realpath "$BIN")
for tool in smtp-sink python3 timeout; do
	command -v "$tool" >/dev/null || die "missing tool: $tool (Debian: apt-get install postfix coreutils)"
done

N=${HOSTILE_N:-200}
INFLIGHT=${HOSTILE_INFLIGHT:-4}
ATTACK_SECS=${HOSTILE_ATTACK_SECS:-90}
BASELINE_SECS=${HOSTILE_BASELINE_SECS:-60}
EXPLAIN_TIMEOUT=${HOSTILE_EXPLAIN_TIMEOUT:-120}
HELD_AFTER=${HOSTILE_HELD_AFTER:-10}
UL=${HOSTILE_UL:-60000}
DIV=${HOSTILE_DIV:-100000}
CSS=${HOSTILE_CSS:-20000}
SKIP=" ${HOSTILE_SKIP:-} "

SCRATCH=$(mktemp -d "${HOSTILE_TMPDIR:-/tmp}/cg-hostile.XXXXXX")
SINK_PID=
CG_PID=
ATTACK_PID=

cleanup() {
	local rc=$?
	set +e
	trap - EXIT INT TERM
	[[ -n $ATTACK_PID ]] && stop_pid "$ATTACK_PID" 5 >/dev/null
	[[ -n $CG_PID ]] && stop_pid "$CG_PID" 15 >/dev/null
	[[ -n $SINK_PID ]] && stop_pid "$SINK_PID" 5 >/dev/null
	if [[ $rc -ne 0 ]]; then
		for f in "$SCRATCH"/*.log; do
			[[ -f $f ]] || continue
			echo "----- tail $f -----" >&2
			tail -n 30 "$f" >&2
		done
	fi
	if [[ ${HOSTILE_KEEP:-0} == 1 ]]; then say "keeping $SCRATCH"; else rm -rf "$SCRATCH"; fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------ the messages ---
GEN_PY='
import os, sys
out, ul, div, css = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

def wrap(pieces, width=800):
    """Joins pieces into CRLF lines of about `width` bytes, breaking only between pieces."""
    lines, cur, n = [], [], 0
    for p in pieces:
        cur.append(p); n += len(p)
        if n >= width:
            lines.append("".join(cur)); cur, n = [], 0
    lines.append("".join(cur))
    return "\r\n".join(lines)

HEAD = ("From: Attacker <attacker@evil.example>\r\nTo: services@council.example\r\n"
        "Subject: {s}\r\nMessage-ID: <{s}@evil.example>\r\nMIME-Version: 1.0\r\n")

def single(name, body):
    return (HEAD.format(s=name) + "Content-Type: text/html; charset=utf-8\r\n\r\n" + body + "\r\n")

def alternative(name, body):
    return (HEAD.format(s=name) + "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n"
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello.\r\n"
            "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body + "\r\n--b--\r\n")

ul_body = wrap(["<ul>"] * ul + ["x"])
div_body = wrap(["<div>"] * div + ["x"] + ["</div>"] * div)
css_body = wrap(["<html><head><style>"] + [".c%d { color: red; } " % i for i in range(css)]
                + ["</style></head><body>"] + ["<span class=\"c%d\">w</span>" % i for i in range(css)]
                + ["</body></html>"])
msgs = {
    "ul": single("ul", ul_body),
    "div": single("div", div_body),
    "css": single("css", css_body),
    "alt": alternative("alt", ul_body),
}
for name, text in msgs.items():
    with open(os.path.join(out, name + ".eml"), "w") as f:
        f.write(text)
    body = {"ul": ul_body, "div": div_body, "css": css_body, "alt": ul_body}[name]
    print("%s %d %d" % (name, len(text), len(body)))
'

# The ordinary client: N messages of 1-3 KB from resident<i>@TAG.ordinary.example, one after
# another on one connection, each timed from MAIL to the 250 after the data. Stops at the
# deadline; a message unanswered then is written as ">SECONDS". One line per message to
# argv[4]; a summary line on stdout.
ORDINARY_PY='
import random, smtplib, socket, sys, time
port, n, secs, out, tag = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
rng = random.Random(12)
WORDS = ("bin collection street light pothole council tax parking permit library housing "
         "repair please thank you regards the a on for about since last week again").split()
deadline = time.time() + secs
ok = failed = censored = 0
conn = None
with open(out, "w") as f:
    for i in range(n):
        left = deadline - time.time()
        if left <= 0:
            break
        size = rng.randint(1000, 3000)
        words = []
        while sum(len(w) + 1 for w in words) < size:
            words.append(rng.choice(WORDS))
        body = "\r\n".join(" ".join(words[j:j + 12]) for j in range(0, len(words), 12))
        sender = "resident%d@%s.ordinary.example" % (i, tag)
        msg = ("From: Resident %d <%s>\r\nTo: services@council.example\r\n"
               "Subject: Request %d\r\nMessage-ID: <ord%d.%f@ordinary.example>\r\n\r\n%s\r\n"
               % (i, sender, i, i, time.time(), body))
        t0 = time.time()
        try:
            if conn is None:
                conn = smtplib.SMTP("127.0.0.1", port, timeout=max(1.0, left))
                conn.ehlo("ordinary.example")
            conn.sock.settimeout(max(1.0, deadline - time.time()))
            t0 = time.time()
            conn.sendmail(sender, ["services@council.example"], msg)
            f.write("%.6f\n" % (time.time() - t0))
            ok += 1
        except Exception as e:
            # smtplib turns a read timeout into SMTPServerDisconnected: at the deadline it is
            # the bound, not a failure.
            if isinstance(e, (socket.timeout, TimeoutError)) or time.time() >= deadline - 0.5:
                f.write(">%.6f\n" % (time.time() - t0))
                censored += 1
                try:
                    conn.close()
                except Exception:
                    pass
                conn = None
                continue
            kind = type(e).__name__
            if isinstance(e, smtplib.SMTPResponseException):
                kind = "%s:%d" % (kind, e.smtp_code)
            f.write("!%.6f %s\n" % (time.time() - t0, kind))
            failed += 1
            try:
                conn.close()
            except Exception:
                pass
            conn = None
        f.flush()
    if conn is not None:
        try:
            conn.quit()
        except Exception:
            pass
print("%d %d %d" % (ok, censored, failed))
'

# The attack: K threads, each sending its attack message over and over, one connection per
# message, until the deadline. Writes "sent answered-250 answered-other errors" on exit.
ATTACK_PY='
import os, smtplib, sys, threading, time
port, secs, out, files = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4:]
deadline = time.time() + secs
counts = {"sent": 0, "250": 0, "other": 0, "error": 0}
lock = threading.Lock()
def run(path):
    data = open(path, "rb").read()
    while time.time() < deadline:
        left = deadline - time.time()
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=max(1.0, left)) as c:
                with lock:
                    counts["sent"] += 1
                c.sendmail("attacker@evil.example", ["services@council.example"], data)
                with lock:
                    counts["250"] += 1
        except smtplib.SMTPResponseException:
            with lock:
                counts["other"] += 1
        except Exception:
            with lock:
                counts["error"] += 1
            time.sleep(0.2)
threads = [threading.Thread(target=run, args=(p,), daemon=True) for p in files]
for t in threads:
    t.start()
for t in threads:
    t.join(max(0.1, deadline + 5 - time.time()))
with open(out + ".tmp", "w") as f:
    f.write("%(sent)d %(250)d %(other)d %(error)d\n" % counts)
os.rename(out + ".tmp", out)
os._exit(0)
'

# latency_stats FILE: "ok unanswered failed failure-kinds not-sent p50 p99 max" from the
# ordinary client's lines. A failed message counts with the time it took to fail; a percentile
# that falls on a message unanswered at the bound is printed as ">S".
latency_stats() {
	python3 - "$1" "$N" <<'EOF'
import sys
vals = []   # (seconds, censored): failed messages count with the time they took
failed = {}
for line in open(sys.argv[1]):
    line = line.strip()
    if not line:
        continue
    if line.startswith("!"):
        t, kind = line[1:].split(" ", 1)
        failed[kind] = failed.get(kind, 0) + 1
        vals.append((float(t), False))
        continue
    vals.append((float(line.lstrip(">")), line.startswith(">")))
vals.sort()
def fmt(v):
    s, c = v
    return (">%.1fs" % s) if c else ("%.1fms" % (s * 1000) if s < 1 else "%.2fs" % s)
def pct(p):
    if not vals:
        return "-"
    i = min(len(vals) - 1, max(0, int(round(p / 100.0 * len(vals) + 0.5)) - 1))
    return fmt(vals[i])
censored = sum(1 for v in vals if v[1])
nfailed = sum(failed.values())
kinds = ",".join("%s=%d" % kv for kv in sorted(failed.items())) or "-"
print(len(vals) - censored - nfailed, censored, nfailed, kinds, int(sys.argv[2]) - len(vals),
      pct(50), pct(99), fmt(vals[-1]) if vals else "-")
EOF
}

# handler_ms TAG: p50 and max of the daemon's own "ms=" for the ordinary messages of phase
# TAG (from its log): the time inside the pipeline, against the client's wait.
handler_ms() {
	python3 - "$SCRATCH/cg.log" "$1" <<'EOF'
import re, statistics, sys
tag = "@%s.ordinary.example" % sys.argv[2]
ms = sorted(int(m.group(1)) for line in open(sys.argv[1], errors="replace")
            if tag in line for m in [re.search(r" ms=(\d+)", line)] if m)
print("%d %d %d" % (len(ms), statistics.median_low(ms), ms[-1]) if ms else "0 - -")
EOF
}

SINK_PORT=$(free_port)
CG_PORT=$(free_port)
while [[ $CG_PORT == "$SINK_PORT" ]]; do CG_PORT=$(free_port); done
SINK_CMD=(smtp-sink -u nobody 127.0.0.1:"$SINK_PORT" 1024)
"${SINK_CMD[@]}" >"$SCRATCH/sink.log" 2>&1 &
SINK_PID=$!
wait_port "$SINK_PORT" 10 "$SINK_PID" || die "smtp-sink did not start"

CG_DIR=$SCRATCH/cg
write_cg_config "$CG_DIR/contactgate.toml" "127.0.0.1:$CG_PORT" "127.0.0.1:$SINK_PORT" "$CG_DIR" false
copy_rules "$REPO/rules" "$CG_DIR/rules"
CONFIG=$CG_DIR/contactgate.toml
(cd "$CG_DIR" && exec "$BIN" serve --config "$CONFIG") >"$SCRATCH/cg.log" 2>&1 &
CG_PID=$!
wait_port "$CG_PORT" 30 "$CG_PID" || die "contactgate did not listen on 127.0.0.1:$CG_PORT"
say "scratch $SCRATCH; sink :$SINK_PORT; contactgate :$CG_PORT (pid $CG_PID); binary $BIN"

mkdir -p "$SCRATCH/attack"
declare -A SIZE BODY_SIZE
while read -r name total body; do
	SIZE[$name]=$total
	BODY_SIZE[$name]=$body
done < <(python3 -c "$GEN_PY" "$SCRATCH/attack" "$UL" "$DIV" "$CSS")
KINDS=(ul div css alt)
for k in "${KINDS[@]}"; do say "attack $k: ${SIZE[$k]} bytes (html ${BODY_SIZE[$k]})"; done

# ------------------------------------------------------ 1. offline explain ---
declare -A EXPLAIN_CPU EXPLAIN_WALL EXPLAIN_NOTE
if [[ $SKIP != *" explain "* ]]; then
	for k in "${KINDS[@]}"; do
		rc=0
		/usr/bin/time -f "%U %S %e" -o "$SCRATCH/explain-$k.time" \
			timeout -s KILL "$EXPLAIN_TIMEOUT" "$BIN" explain --config "$CONFIG" "$SCRATCH/attack/$k.eml" \
			>"$SCRATCH/explain-$k.log" 2>&1 || rc=$?
		read -r u s e < <(tail -n 1 "$SCRATCH/explain-$k.time")
		EXPLAIN_CPU[$k]=$(python3 -c "print('%.2f' % ($u + $s))")
		EXPLAIN_WALL[$k]=$e
		EXPLAIN_NOTE[$k]=
		if [[ $rc -ne 0 ]]; then
			# Killed at the bound: what it used until then is a lower bound.
			EXPLAIN_CPU[$k]=">${EXPLAIN_CPU[$k]}"
			EXPLAIN_NOTE[$k]="killed at the ${EXPLAIN_TIMEOUT}s bound (exit $rc)"
		else
			EXPLAIN_NOTE[$k]=$(head -n 1 "$SCRATCH/explain-$k.log" | sed 's/^.*: //' | cut -c1-40)
		fi
		say "explain $k: CPU ${EXPLAIN_CPU[$k]}s, wall ${e}s ${EXPLAIN_NOTE[$k]}"
	done
fi

# ------------------------------------------------------------ 2. baseline ---
BASE_STATS=
BASE_HANDLER=
if [[ $SKIP != *" baseline "* ]]; then
	say "baseline: $N ordinary messages (bound ${BASELINE_SECS}s)"
	python3 -c "$ORDINARY_PY" "$CG_PORT" "$N" "$BASELINE_SECS" "$SCRATCH/baseline.lat" base >"$SCRATCH/baseline.log" 2>&1 ||
		die "ordinary client failed (baseline)"
	BASE_STATS=$(latency_stats "$SCRATCH/baseline.lat")
	BASE_HANDLER=$(handler_ms base)
	say "baseline: ok unanswered failed kinds not-sent p50 p99 max = $BASE_STATS; daemon n p50 max ms = $BASE_HANDLER"
fi

# -------------------------------------------------------------- 3. attack ---
ATTACK_STATS=
ATTACK_HANDLER=
ATTACK_COUNTS=
HELD_TIME=
HELD_NOTE=
CG_CPU=
if [[ $SKIP != *" attack "* ]]; then
	files=()
	for ((i = 0; i < INFLIGHT; i++)); do files+=("$SCRATCH/attack/${KINDS[i % ${#KINDS[@]}]}.eml"); done
	c0=$(awk '{print $14 + $15}' "/proc/$CG_PID/stat")
	t0=$(now)
	python3 -c "$ATTACK_PY" "$CG_PORT" "$ATTACK_SECS" "$SCRATCH/attack.counts" "${files[@]}" >"$SCRATCH/attack.log" 2>&1 &
	ATTACK_PID=$!
	sleep 2 # let the attack messages arrive first
	say "attack: $INFLIGHT in flight for ${ATTACK_SECS}s; $N ordinary messages alongside"
	python3 -c "$ORDINARY_PY" "$CG_PORT" "$N" "$((ATTACK_SECS - 2))" "$SCRATCH/attack.lat" attack >"$SCRATCH/ordinary-attack.log" 2>&1 &
	ord_pid=$!
	sleep "$HELD_AFTER"
	h0=$(now)
	rc=0
	timeout -s KILL 60 "$BIN" held list --config "$CONFIG" >"$SCRATCH/held.log" 2>&1 || rc=$?
	h1=$(now)
	HELD_TIME=$(python3 -c "print('%.2f' % ($h1 - $h0))")
	[[ $rc -ne 0 ]] && HELD_NOTE=" (exit $rc$([[ $rc == 137 ]] && echo ", killed at 60 s"))"
	say "held list during the attack: ${HELD_TIME}s$HELD_NOTE"
	wait "$ord_pid" || die "ordinary client failed (attack)"
	for ((i = 0; i < ATTACK_SECS + 30; i++)); do
		[[ -f $SCRATCH/attack.counts ]] && break
		sleep 1
	done
	t1=$(now)
	c1=$(awk '{print $14 + $15}' "/proc/$CG_PID/stat")
	CG_CPU=$(python3 -c "print('%.0f' % (100.0 * ($c1 - $c0) / $(getconf CLK_TCK) / ($t1 - $t0)))")
	stop_pid "$ATTACK_PID" 5 >/dev/null || true
	ATTACK_PID=
	ATTACK_COUNTS=$(cat "$SCRATCH/attack.counts" 2>/dev/null || echo "? ? ? ?")
	ATTACK_STATS=$(latency_stats "$SCRATCH/attack.lat")
	ATTACK_HANDLER=$(handler_ms attack)
	say "attack: ok unanswered failed kinds not-sent p50 p99 max = $ATTACK_STATS; attack sent 250 other errors = $ATTACK_COUNTS; contactgate CPU $CG_CPU%; daemon n p50 max ms = $ATTACK_HANDLER"
	alive "$CG_PID" || die "contactgate died during the attack"
fi

# -------------------------------------------------------------- summary ---
cmdline="$(for v in HOSTILE_N HOSTILE_INFLIGHT HOSTILE_ATTACK_SECS HOSTILE_BASELINE_SECS HOSTILE_EXPLAIN_TIMEOUT HOSTILE_HELD_AFTER HOSTILE_UL HOSTILE_DIV HOSTILE_CSS HOSTILE_SKIP; do
	if [[ -n ${!v:-} ]]; then printf '%s=%q ' "$v" "${!v}"; fi
done)bench/hostile.sh${ORIG_ARGS[*]:+ ${ORIG_ARGS[*]}}"
git_rev=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "no commits")
git_dirty=
if git -C "$REPO" status --porcelain 2>/dev/null | grep -q .; then git_dirty=" (uncommitted changes)"; fi
cpu_model=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
bin_sum=$(sha256sum "$BIN" | cut -c1-12)
kib() { python3 -c "print('%.0f KB' % ($1 / 1000.0))"; }

echo
echo "----- paste into bench/RESULTS.md -----"
echo "### hostile HTML benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- command: \`$cmdline\`"
echo "- binary: \`$BIN\` (sha256 $bin_sum…); repo HEAD at run time: $git_rev$git_dirty"
echo "- host: $(nproc) CPU ($cpu_model), Linux $(uname -r)"
echo "- attack messages: ul = $UL nested \`<ul>\` unclosed ($(kib "${SIZE[ul]}")), div = $DIV nested \`<div>\` closed ($(kib "${SIZE[div]}")), css = $CSS CSS rules × $CSS classed spans ($(kib "${SIZE[css]}")), alt = the ul body as the HTML alternative of multipart/alternative ($(kib "${SIZE[alt]}"))"
if [[ $SKIP != *" explain "* ]]; then
	echo
	echo "| attack | \`contactgate explain\` CPU s (user+sys) | wall s | result |"
	echo "|---|---:|---:|---|"
	for k in "${KINDS[@]}"; do
		echo "| $k | ${EXPLAIN_CPU[$k]} | ${EXPLAIN_WALL[$k]} | ${EXPLAIN_NOTE[$k]} |"
	done
	echo
	echo "(each run bounded by \`timeout -s KILL $EXPLAIN_TIMEOUT\`; \">\" marks a run killed at the bound: CPU until then)"
fi
if [[ -n $BASE_STATS || -n $ATTACK_STATS ]]; then
	echo
	echo "Ordinary mail ($N messages of 1–3 KB, one after another on one connection, MAIL → 250):"
	echo
	echo "| phase | answered 250 | unanswered at the bound | failed (how) | not sent by the bound | p50 | p99 | max |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
	# shellcheck disable=SC2086 # word-split on purpose
	[[ -n $BASE_STATS ]] && printf '| baseline (no attack, bound %ss) | %s | %s | %s (%s) | %s | %s | %s | %s |\n' "$BASELINE_SECS" $BASE_STATS
	# shellcheck disable=SC2086
	[[ -n $ATTACK_STATS ]] && printf '| %s attack messages in flight (bound %ss) | %s | %s | %s (%s) | %s | %s | %s | %s |\n' "$INFLIGHT" "$ATTACK_SECS" $ATTACK_STATS
fi
if [[ -n $ATTACK_STATS ]]; then
	read -r a_sent a_ok a_other a_err <<<"$ATTACK_COUNTS"
	echo
	echo "- attack messages: $a_sent sent, $a_ok answered 250, $a_other other replies, $a_err errors or unanswered at the bound"
	echo "- the daemon's own time for the ordinary messages (\`ms=\` in its log: parse → decide → reinject), p50 / max: baseline $(awk '{print $2 " / " $3}' <<<"${BASE_HANDLER:-0 - -}") ms, under attack $(awk '{print $2 " / " $3}' <<<"$ATTACK_HANDLER") ms ($(awk '{print $1}' <<<"$ATTACK_HANDLER") logged)"
	echo "- \`contactgate held list\` during the attack (${HELD_AFTER}s in): **${HELD_TIME}s**$HELD_NOTE"
	echo "- contactgate CPU during the attack phase: $CG_CPU% of one core"
fi
echo "----- end -----"
