# Shared by the test scripts: a private LTTng session daemon per test, and
# a way to run a program under the shim while a session records it.
#
# Set by make check: NUMASHIM_LIB (the built libnumashim.so),
# NUMASHIM_PROVIDER (the built tracepoint provider), srcdir, builddir. Scripts exit 0 (pass), 1 (fail) or 77 (skip).

set -u

ns_fail() {
	echo "FAIL: $*" >&2
	exit 1
}

ns_skip() {
	echo "SKIP: $*" >&2
	exit 77
}

# A root session daemon listens under /run/lttng, shared by the whole
# machine: give each test its own mount namespace with a fresh /run/lttng
# so that tests neither see nor disturb a system daemon or each other.
# Other users get a daemon of their own under $LTTNG_HOME already.
ns_isolate() {
	if [ "$(id -u)" = 0 ] && [ -z "${NS_ISOLATED:-}" ]; then
		mkdir -p /run/lttng
		NS_ISOLATED=1 exec unshare --mount --propagation private \
			sh -c 'mount -t tmpfs numashim-test /run/lttng && exec "$@"' \
			sh "$0" "$@"
	fi
}

# A folder for the test, and the user's LTTng home in it: the session
# daemon that runs there, whoever started it, stops when the test exits.
ns_tmp() {
	command -v lttng-sessiond >/dev/null ||
		ns_skip "lttng-sessiond not found (Debian package lttng-tools)"
	NS_TMP=$(mktemp -d "${TMPDIR:-/tmp}/numashim-test.XXXXXX")
	export LTTNG_HOME="$NS_TMP/home"
	mkdir -p "$LTTNG_HOME"
	trap ns_cleanup EXIT
}

# Start a session daemon of our own.
ns_sessiond_start() {
	ns_tmp
	lttng-sessiond --no-kernel --daemonize ||
		ns_fail "lttng-sessiond did not start"
}

ns_rundir() {
	if [ "$(id -u)" = 0 ]; then
		echo /run/lttng
	else
		echo "$LTTNG_HOME/.lttng"
	fi
}

# The daemons of the test's root and of the user in $LTTNG_HOME.
ns_cleanup() {
	local pidfile pid

	for pidfile in "$(ns_rundir)/lttng-sessiond.pid" \
			"$LTTNG_HOME/.lttng/lttng-sessiond.pid"; do
		pid=$(cat "$pidfile" 2>/dev/null) && kill "$pid" 2>/dev/null
	done
	[ -n "${NS_KEEP:-}" ] || rm -rf "$NS_TMP"
}

# ns_session NAME: create and start a session that records every numashim
# event, and what an analysis needs to name call sites, into $NS_TRACE.
# The channel blocks rather than discards, so a test can demand that no
# event was lost.
ns_session() {
	NS_SESSION="$1-$$"
	NS_TRACE="$NS_TMP/trace"
	lttng -q create "$NS_SESSION" --output="$NS_TRACE" &&
	lttng -q enable-channel -u -s "$NS_SESSION" --subbuf-size=1M \
		--num-subbuf=8 --blocking-timeout=inf chan &&
	lttng -q enable-event -u -s "$NS_SESSION" -c chan \
		'numashim:*,lttng_ust_statedump:*,lttng_ust_dl:*,lttng_ust_lib:*' &&
	lttng -q add-context -u -s "$NS_SESSION" -c chan \
		-t vpid -t vtid -t procname -t ip &&
	lttng -q start "$NS_SESSION" ||
		ns_fail "could not set up the LTTng session $NS_SESSION"
}

ns_session_end() {
	lttng -q destroy "$NS_SESSION" ||
		ns_fail "could not destroy the LTTng session $NS_SESSION"
}

# ns_preload CMD...: run CMD with the shim, recording (for the test's
# own session, if any), allowed to block on a full ring buffer.
ns_preload() {
	LD_PRELOAD="$NUMASHIM_LIB${LD_PRELOAD:+:$LD_PRELOAD}" \
		NUMASHIM_RECORD=1 LTTNG_UST_ALLOW_BLOCKING=1 "$@"
}

# ns_check_trace TRACE: the calls recorded in TRACE are the ones the
# programs wrote down in $NUMASHIM_EXPECT.
ns_check_trace() {
	"${NS_PYTHON:-python3}" "$srcdir/tracecheck.py" "$1" "$NUMASHIM_EXPECT"
}

ns_need_bt2() {
	"${NS_PYTHON:-python3}" -c 'import bt2' 2>/dev/null ||
		ns_skip "python3 with babeltrace2's bindings not found (Debian package python3-bt2)"
}

# Where the test programs write down what they saw, emptied.
ns_expect() {
	export NUMASHIM_EXPECT="$NS_TMP/expect.jsonl"
	: > "$NUMASHIM_EXPECT"
}

# ns_record [OPTION]... -- CMD...: numashim record, with the expectations
# of the test programs it runs in a fresh $NUMASHIM_EXPECT.
ns_record() {
	ns_expect
	"$NS_NUMASHIM" record "$@"
}
