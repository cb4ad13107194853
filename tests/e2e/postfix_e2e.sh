#!/usr/bin/env bash
# End-to-end test: a private Postfix instance with contactgate as an
# after-queue content filter (Postfix FILTER_README "advanced content filter").
#
#   usage: tests/e2e/postfix_e2e.sh PATH_TO_CONTACTGATE_BINARY
#
# Must run as root (Postfix's master needs it). Touches nothing outside a
# temp dir: the Postfix instance has its own config_directory, queue_directory
# and data_directory, listens on 127.0.0.1 only, delivers to Maildirs under the
# temp dir via virtual(8) as uid/gid nobody, and logs to $TMP/maillog through
# postlogd (no syslog needed).
#
#   client --swaks--> 127.0.0.1:SMTPD (postfix smtpd, content_filter=contactgate:...)
#          --> queue --> "contactgate" smtp(8) transport --> 127.0.0.1:FILTER (contactgate)
#          --> 127.0.0.1:REINJECT (postfix smtpd, content_filter=) --> queue
#          --> virtual(8) --> $TMP/mail/alice/new/
#
# Environment knobs:
#   E2E_TIMEOUT=30         seconds to wait for a delivery / a deferral
#   E2E_KEEP=1             keep the temp dir (path is printed)
#   E2E_RULES_DIR=DIR      rules copied into the instance (default: repo rules/)
#   E2E_SMTPD_PORT, E2E_FILTER_PORT, E2E_REINJECT_PORT, E2E_DEAD_PORT
#                          fixed ports instead of free ones picked at start
#
# Last line of output: "e2e: N passed, M failed"; exit status 0 iff M == 0.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
# shellcheck disable=SC2034 # used by lib.sh
LIB_TAG=e2e
# shellcheck source=bench/lib.sh
source "$REPO/bench/lib.sh"

if [[ $# -ne 1 ]]; then
	echo "usage: $0 PATH_TO_CONTACTGATE_BINARY" >&2
	exit 2
fi
[[ -f $1 && -x $1 ]] || die "not an executable file: $1"
BIN=$(realpath "$1")
[[ $(id -u) -eq 0 ]] || die "must run as root (starts a private Postfix master)"
for tool in postfix postconf postqueue swaks python3 realpath; do
	command -v "$tool" >/dev/null || die "missing tool: $tool"
done
PATH=$PATH:/usr/sbin:/sbin

TIMEOUT=${E2E_TIMEOUT:-30}
RULES_SRC=${E2E_RULES_DIR:-$REPO/rules}
DOMAIN=council.example
RCPT=alice@$DOMAIN
SENDER=bob@$DOMAIN

# ---------------------------------------------------------------- layout ---
TMP=$(mktemp -d /tmp/cg-e2e.XXXXXX)
chmod 755 "$TMP" # Postfix daemons run as user postfix and must traverse it
PF_CONF=$TMP/postfix/etc
PF_QUEUE=$TMP/postfix/spool
PF_DATA=$TMP/postfix/data
MAILBASE=$TMP/mail
MAILLOG=$TMP/maillog
CG_DIR=$TMP/cg
CG_CONF=$CG_DIR/contactgate.toml
CG_LOG=$TMP/contactgate.log
CG_PID=
CG2_PID=
PF_STARTED=0
PASSED=0
FAILED=0
FAILED_NAMES=()
SUMMARY_DONE=0
LAST_STEP=

pick_ports() {
	local p used=" "
	for var in SMTPD_PORT FILTER_PORT REINJECT_PORT DEAD_PORT; do
		local env=E2E_$var
		if [[ -n ${!env:-} ]]; then
			p=${!env}
		else
			p=$(free_port)
			while [[ $used == *" $p "* ]]; do p=$(free_port); done
		fi
		used+="$p "
		printf -v "$var" '%s' "$p"
	done
}
pick_ports

# --------------------------------------------------------------- cleanup ---
dump_logs() {
	echo "----- contactgate log (tail -n 60 $CG_LOG) -----" >&2
	tail -n 60 "$CG_LOG" >&2 2>/dev/null || true
	if [[ -f $CG_DIR/second.log ]]; then
		echo "----- contactgate #2 log (tail -n 20) -----" >&2
		tail -n 20 "$CG_DIR/second.log" >&2 || true
	fi
	echo "----- postfix maillog (tail -n 80 $MAILLOG) -----" >&2
	tail -n 80 "$MAILLOG" >&2 2>/dev/null || true
	echo "----- postqueue -p -----" >&2
	postqueue -c "$PF_CONF" -p >&2 2>/dev/null || true
	echo "------------------------------------------------" >&2
}

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
	[[ -n $CG_PID ]] && stop_pid "$CG_PID" 10 >/dev/null
	[[ -n $CG2_PID ]] && stop_pid "$CG2_PID" 10 >/dev/null
	stop_postfix
	if [[ $rc -ne 0 || $FAILED -ne 0 ]]; then
		dump_logs
	fi
	if [[ $SUMMARY_DONE -eq 0 ]]; then
		echo "aborted (exit status $rc) after: ${LAST_STEP:-setup}" >&2
		echo "e2e: $PASSED passed, $((FAILED + 1)) failed"
		[[ $rc -ne 0 ]] || rc=1
	fi
	if [[ ${E2E_KEEP:-0} == 1 ]]; then
		say "keeping $TMP"
	else
		rm -rf "$TMP"
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------- test helpers ---
pass() { PASSED=$((PASSED + 1)); LAST_STEP=$*; echo "ok   - $*"; }
fail() { FAILED=$((FAILED + 1)); LAST_STEP=$*; FAILED_NAMES+=("$*"); echo "FAIL - $*"; }
# check NAME CMD...: run CMD; pass/fail NAME on its status (never aborts).
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

# wait_for TIMEOUT CMD...: poll CMD every 0.2 s until it succeeds.
wait_for() {
	local t=$1 i
	shift
	for ((i = 0; i < t * 5; i++)); do
		"$@" && return 0
		sleep 0.2
	done
	return 1
}

# maildir_find USER TOKEN: print the Maildir file of USER containing TOKEN.
maildir_find() {
	local d=$MAILBASE/$1
	[[ -d $d ]] || return 1
	local f
	f=$(grep -rlF -- "$2" "$d/new" "$d/cur" 2>/dev/null | head -n 1)
	[[ -n $f ]] || return 1
	echo "$f"
}
have_mail() { maildir_find "$1" "$2" >/dev/null; }
maildir_count() {
	local d=$MAILBASE/$1
	{ find "$d/new" "$d/cur" -type f 2>/dev/null || true; } | wc -l
}

# make_message FILE TOKEN: a test message with awkward body lines.
make_message() {
	local file=$1 token=$2 long
	long=$(printf 'x%.0s' $(seq 1 900))
	{
		printf 'From: Bob Sender <%s>\n' "$SENDER"
		printf 'To: Alice Recipient <%s>\n' "$RCPT"
		printf 'Subject: contactgate e2e %s\n' "$token"
		printf 'Date: %s\n' "$(LC_ALL=C date -R)"
		printf 'Message-ID: <%s@%s>\n' "$token" "$DOMAIN"
		printf 'MIME-Version: 1.0\n'
		printf 'Content-Type: text/plain; charset=utf-8\n'
		printf 'Content-Transfer-Encoding: 8bit\n'
		printf 'X-Folded-Test: first part\n'
		printf '\tfolded continuation\n'
		printf '\n'
		printf 'Hello Alice, token %s.\n' "$token"
		printf '.a line that starts with a dot\n'
		printf '..a line that starts with two dots\n'
		printf '.\n'
		printf '(the line above is a lone dot)\n'
		printf 'From the start of a line (mbox From_ trap)\n'
		printf 'trailing spaces   \n'
		printf '\tleading tab\n'
		printf '\n'
		printf 'UTF-8: Gr\xc3\xbc\xc3\x9fe aus dem Rathaus \xe2\x80\x93 \xe2\x9c\x93\n'
		printf 'X-Contactgate: this is body text, not a header\n'
		printf '%s\n' "$long"
		printf '\n'
		printf 'last line\n'
	} >"$file"
}

# send_swaks OUTFILE MSGFILE PORT: submit MSGFILE; swaks transcript to OUTFILE.
send_swaks() {
	local out=$1 msg=$2 port=$3
	# swaks always sends CRLF before its "." terminator, so strip the file's
	# final newline or the message would grow an empty last line.
	head -c -1 "$msg" | swaks --server 127.0.0.1 --port "$port" --helo client.example \
		--from "$SENDER" --to "$RCPT" --data - >"$out" 2>&1
}
# queue_id_of SWAKS_OUTPUT: the Postfix queue id from "250 ... queued as ID".
queue_id_of() { sed -n 's/.*queued as \([0-9A-Za-z]*\).*/\1/p' "$1" | tail -n 1; }

# split a message into header block / body (both LF-terminated lines)
headers_of() { awk '/^\r?$/{exit} {print}' "$1"; }
body_of() { awk 'f{print} /^\r?$/&&!f{f=1}' "$1"; }

# strip_trace FILE: header block minus the fields Postfix and contactgate
# add (Return-Path, X-Original-To, Delivered-To, Received, X-Contactgate,
# including folded continuation lines), plus the body, unchanged.
strip_trace() {
	awk '
		BEGIN { inhdr = 1 }
		inhdr && /^$/ { inhdr = 0; print; next }
		inhdr && /^[ \t]/ { if (!skip) print; next }
		inhdr {
			skip = ($0 ~ /^(Return-Path|X-Original-To|Delivered-To|Received|X-Contactgate):/)
			if (!skip) print
			next
		}
		{ print }
	' "$1"
}

# ------------------------------------------------------- postfix instance ---
setup_postfix() {
	mkdir -p "$PF_CONF" "$PF_QUEUE" "$MAILBASE"
	# data_directory must be owned by mail_owner (master.lock lives there);
	# "postfix check" only warns, then master dies with EACCES.
	install -d -o postfix -g postfix -m 700 "$PF_DATA"
	chown nobody:nogroup "$MAILBASE"
	touch "$MAILLOG"
	cat >"$PF_CONF/main.cf" <<EOF
# private contactgate e2e instance (generated by tests/e2e/postfix_e2e.sh)
compatibility_level = 3.6
queue_directory = $PF_QUEUE
data_directory = $PF_DATA
mail_owner = postfix
myhostname = mx.$DOMAIN
mydomain = $DOMAIN
myorigin = \$myhostname
mydestination = localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost =
alias_maps =
alias_database =
biff = no
smtpd_banner = \$myhostname ESMTP contactgate-e2e
smtp_dns_support_level = disabled
smtpd_tls_security_level = none
smtp_tls_security_level = none

# Mail for $DOMAIN goes to Maildirs under $MAILBASE, owned by nobody.
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_base = $MAILBASE
virtual_mailbox_maps = inline:{ {$RCPT = alice/}, {$SENDER = bob/} }
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534

smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions =

# After-queue content filter (FILTER_README, advanced example).
content_filter = contactgate:[127.0.0.1]:$FILTER_PORT
receive_override_options = no_address_mappings

# Retry deferred mail within seconds, never bounce during the test.
queue_run_delay = 1s
minimal_backoff_time = 2s
maximal_backoff_time = 4s
delay_warning_time = 0

# Log to a file through postlogd (no syslog in containers).
maillog_file = $MAILLOG
maillog_file_prefixes = $TMP
EOF
	# chroot is off everywhere ("n"): a chroot would need copies of
	# /etc/services, /etc/resolv.conf etc. inside the queue directory.
	cat >"$PF_CONF/master.cf" <<EOF
# service type  private unpriv  chroot  wakeup  maxproc command + args
127.0.0.1:$SMTPD_PORT inet n - n - - smtpd
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
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
#
# Postfix -> contactgate
contactgate unix -      -       n       -       10      smtp
  -o syslog_name=postfix/contactgate
  -o smtp_send_xforward_command=yes
  -o disable_mime_output_conversion=yes
  -o smtp_generic_maps=
  -o smtp_data_done_timeout=1200s
#
# contactgate -> Postfix (reinjection, no second filter pass)
127.0.0.1:$REINJECT_PORT inet n - n - 10 smtpd
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
	if ! postfix -c "$PF_CONF" check >"$TMP/postfix-check.log" 2>&1; then
		cat "$TMP/postfix-check.log" >&2
		die "postfix check failed"
	fi
	postfix -c "$PF_CONF" start >"$TMP/postfix-start.log" 2>&1 ||
		{ cat "$TMP/postfix-start.log" >&2; die "postfix start failed"; }
	PF_STARTED=1
	wait_port "$SMTPD_PORT" 15 || die "postfix smtpd did not open 127.0.0.1:$SMTPD_PORT"
	wait_port "$REINJECT_PORT" 15 || die "postfix reinjection smtpd did not open 127.0.0.1:$REINJECT_PORT"
}

# ------------------------------------------------------------ contactgate ---
setup_contactgate() {
	mkdir -p "$CG_DIR"
	# Safety alerts to bob's mailbox, through the reinjection port like replies.
	write_cg_config "$CG_CONF" "127.0.0.1:$FILTER_PORT" "127.0.0.1:$REINJECT_PORT" "$CG_DIR" false \
		"$(printf '[alerts]\nto = "%s"\ninternal_domains = ["%s"]' "$SENDER" "$DOMAIN")"
	copy_rules "$RULES_SRC" "$CG_DIR/rules"
}

start_contactgate() {
	echo "=== start $(date +%T) ===" >>"$CG_LOG"
	(cd "$CG_DIR" && exec "$BIN" serve --config "$CG_CONF") >>"$CG_LOG" 2>&1 &
	CG_PID=$!
	wait_port "$FILTER_PORT" 20 "$CG_PID" || die "contactgate did not listen on 127.0.0.1:$FILTER_PORT"
}

# --------------------------------------------------------------------- go ---
say "temp dir $TMP; postfix smtpd :$SMTPD_PORT, contactgate :$FILTER_PORT, reinject :$REINJECT_PORT"
say "binary $BIN"
setup_contactgate
start_contactgate
setup_postfix
say "postfix $(postconf -c "$PF_CONF" -h mail_version) running"

# ------------------------------------------------------------------------
echo "# Test 1: delivery through contactgate"
TOKEN1=t1-$$-$RANDOM$RANDOM
MSG1=$TMP/msg1.eml
make_message "$MSG1" "$TOKEN1"
if send_swaks "$TMP/swaks1.out" "$MSG1" "$SMTPD_PORT"; then
	pass "T1 postfix accepted the message (queued as $(queue_id_of "$TMP/swaks1.out"))"
else
	fail "T1 postfix accepted the message"
	cat "$TMP/swaks1.out"
fi
if wait_for "$TIMEOUT" have_mail alice "$TOKEN1"; then
	pass "T1 message delivered to Maildir within ${TIMEOUT}s"
	GOT1=$(maildir_find alice "$TOKEN1")
	check "T1 delivered message has an X-Contactgate: header field" \
		grep -qE '^X-Contactgate:' <(headers_of "$GOT1")
	check "T1 body is byte-identical" cmp -s <(body_of "$MSG1") <(body_of "$GOT1")
	if ! cmp -s <(strip_trace "$GOT1") "$MSG1"; then
		fail "T1 message otherwise byte-identical (minus Received/X-Contactgate/delivery headers)"
		diff -u "$MSG1" <(strip_trace "$GOT1") | head -n 40 || true
	else
		pass "T1 message otherwise byte-identical (minus Received/X-Contactgate/delivery headers)"
	fi
	check "T1 maillog shows delivery via the contactgate transport" \
		grep -qE "postfix/contactgate/smtp\[[0-9]+\]: .*relay=127\.0\.0\.1\[127\.0\.0\.1\]:$FILTER_PORT,.*status=sent" "$MAILLOG"
	echo "  delivered header block:"
	headers_of "$GOT1" | sed 's/^/    | /'
else
	fail "T1 message delivered to Maildir within ${TIMEOUT}s"
fi

# ------------------------------------------------------------------------
echo "# Test 1b: a threat is held and raises an urgent safety alert through Postfix"
TOKENA=ta-$$-$RANDOM$RANDOM
MSGA=$TMP/msga.eml
{
	printf 'From: A Customer <%s>\n' "$SENDER"
	printf 'To: Alice Recipient <%s>\n' "$RCPT"
	printf 'Subject: boiler %s\n' "$TOKENA"
	printf 'Date: %s\n' "$(LC_ALL=C date -R)"
	printf 'Message-ID: <%s@%s>\n' "$TOKENA" "$DOMAIN"
	printf '\n'
	printf 'Fix my boiler by Friday or I will stab you. Ref %s\n' "$TOKENA"
} >"$MSGA"
# alert_count: alerts in bob's Maildir so far (none before the first delivery makes it).
alert_count() { { grep -rlF 'URGENT: possible threat to staff' "$MAILBASE/bob" 2>/dev/null || true; } | wc -l; }
ALERTS_BEFORE=$(alert_count)
if send_swaks "$TMP/swaksa.out" "$MSGA" "$SMTPD_PORT"; then
	pass "T1b postfix accepted the threat"
else
	fail "T1b postfix accepted the threat"
fi
alert_arrived() { [[ $(alert_count) -gt $ALERTS_BEFORE ]]; }
if wait_for "$TIMEOUT" alert_arrived; then
	pass "T1b the alert reached the safety contact's Maildir through Postfix"
	ALERT=$(grep -rlF 'URGENT: possible threat to staff' "$MAILBASE/bob" | xargs ls -t | head -n 1)
	check "T1b the alert quotes the flagged words" grep -qF "stab you" "$ALERT"
	check "T1b the alert names the command to open the message" grep -qF "contactgate held show" "$ALERT"
	check "T1b the alert came from the null sender" grep -qiE '^Return-Path: <>' "$ALERT"
else
	fail "T1b the alert reached the safety contact's Maildir through Postfix"
fi
check "T1b the threat itself was held, not delivered" bash -c "! grep -rqF 'Ref $TOKENA' '$MAILBASE/alice'"
check "T1b the contactgate log says the alert was sent" grep -qF "alert sent" "$CG_LOG"

# ------------------------------------------------------------------------
echo "# Test 2: contactgate down -> Postfix defers (no bounce) -> flush delivers"
stop_rc=0
stop_pid "$CG_PID" 15 || stop_rc=$?
if [[ $stop_rc -eq 0 ]]; then
	pass "T2 contactgate exited within 15s of SIGTERM"
else
	fail "T2 contactgate exited within 15s of SIGTERM (needed SIGKILL)"
fi
# exit status 143 = killed by the default SIGTERM action, i.e. no handler
check "T2 contactgate exit status after SIGTERM is 0 (got ${STOP_STATUS:-?})" test "${STOP_STATUS:-x}" = 0
CG_PID=
check "T2 filter port $FILTER_PORT closed" wait_port_closed "$FILTER_PORT" 5

BOB_BEFORE=$(maildir_count bob)
ALICE_BEFORE=$(maildir_count alice)
TOKEN2=t2-$$-$RANDOM$RANDOM
MSG2=$TMP/msg2.eml
make_message "$MSG2" "$TOKEN2"
QID2=
if send_swaks "$TMP/swaks2.out" "$MSG2" "$SMTPD_PORT"; then
	QID2=$(queue_id_of "$TMP/swaks2.out")
	pass "T2 postfix accepted the message while the filter is down (queued as $QID2)"
else
	fail "T2 postfix accepted the message while the filter is down"
	cat "$TMP/swaks2.out"
fi
deferred_in_log() { grep -qE "postfix/contactgate/smtp\[[0-9]+\]: $QID2: .*status=deferred" "$MAILLOG"; }
in_queue() { postqueue -c "$PF_CONF" -p 2>/dev/null | grep -qE "^${QID2}[*!]?[[:space:]]"; }
if [[ -n $QID2 ]]; then
	check "T2 maillog shows $QID2 status=deferred" wait_for "$TIMEOUT" deferred_in_log
	grep -E "$QID2: .*status=deferred" "$MAILLOG" | head -n 1 | sed 's/^/    | /' || true
	check "T2 postqueue -p lists $QID2" in_queue
else
	fail "T2 maillog shows status=deferred (no queue id)"
	fail "T2 postqueue -p lists the message (no queue id)"
fi
sleep 3 # give qmgr a retry cycle (minimal_backoff_time=2s) to misbehave
check "T2 nothing bounced (no status=bounced in maillog)" \
	bash -c "! grep -q 'status=bounced' '$MAILLOG'"
check "T2 no bounce in sender's Maildir" test "$(maildir_count bob)" -eq "$BOB_BEFORE"
check "T2 not delivered while contactgate is down" test "$(maildir_count alice)" -eq "$ALICE_BEFORE"

start_contactgate
postqueue -c "$PF_CONF" -f
if wait_for "$TIMEOUT" have_mail alice "$TOKEN2"; then
	pass "T2 after restart + postqueue -f the message is delivered within ${TIMEOUT}s"
	GOT2=$(maildir_find alice "$TOKEN2")
	check "T2 delivered message has an X-Contactgate: header field" \
		grep -qE '^X-Contactgate:' <(headers_of "$GOT2")
	check "T2 body is byte-identical" cmp -s <(body_of "$MSG2") <(body_of "$GOT2")
else
	fail "T2 after restart + postqueue -f the message is delivered within ${TIMEOUT}s"
fi
queue_empty() { postqueue -c "$PF_CONF" -p 2>/dev/null | grep -q 'Mail queue is empty'; }
check "T2 Postfix queue is empty afterwards" wait_for 10 queue_empty

# ------------------------------------------------------------------------
echo "# Test 3: downstream down -> contactgate answers 4xx (never 250, never 5xx)"
CG2_DIR=$CG_DIR/second
mkdir -p "$CG2_DIR"
CG2_PORT=$(free_port)
write_cg_config "$CG2_DIR/contactgate.toml" "127.0.0.1:$CG2_PORT" "127.0.0.1:$DEAD_PORT" "$CG2_DIR"
copy_rules "$RULES_SRC" "$CG2_DIR/rules"
(cd "$CG2_DIR" && exec "$BIN" serve --config "$CG2_DIR/contactgate.toml") >"$CG_DIR/second.log" 2>&1 &
CG2_PID=$!
if wait_port "$CG2_PORT" 20 "$CG2_PID"; then
	pass "T3 second contactgate (downstream 127.0.0.1:$DEAD_PORT, nothing listening) started"
	TOKEN3=t3-$$-$RANDOM
	MSG3=$TMP/msg3.eml
	make_message "$MSG3" "$TOKEN3"
	send_swaks "$TMP/swaks3.out" "$MSG3" "$CG2_PORT" || true
	# swaks marks server replies with "<-" (ok) or "<**" (error); the reply
	# to the end of DATA is the one after the " ." line.
	final=$(awk '/^ -> \.$/{f=1; next} f && /^<(-|\*\*) /{print; exit}' "$TMP/swaks3.out")
	echo "    | reply to end-of-data: ${final:-<none>}"
	if [[ $final =~ ^\<\*\*\ 4[0-9][0-9] ]]; then
		pass "T3 end-of-data answered with 4xx"
	else
		fail "T3 end-of-data answered with 4xx"
		sed 's/^/    | /' "$TMP/swaks3.out" | tail -n 20
	fi
else
	fail "T3 second contactgate (downstream down) started"
fi
[[ -n $CG2_PID ]] && { stop_pid "$CG2_PID" 10 || true; CG2_PID=; }

# ------------------------------------------------------------------------
check "final: no status=bounced anywhere in maillog" bash -c "! grep -q 'status=bounced' '$MAILLOG'"
check "final: contactgate still running" alive "$CG_PID"

echo
if [[ $FAILED -ne 0 ]]; then
	echo "failed checks:"
	printf '  - %s\n' "${FAILED_NAMES[@]}"
fi
SUMMARY_DONE=1
echo "e2e: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
