# shellcheck shell=bash
# Helpers shared by bench/run and the suites in bench/suites/. Sourced, never executed.
#
# Every process a suite starts is registered with `started <pid>` (or, for daemons that write a
# pid file, `started_pidfile <file>`); the EXIT trap set here stops exactly those, so a suite
# that fails or is timed out by bench/run leaves nothing running.

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
# shellcheck source=SCRIPTDIR/../../bin/lib/jdk.sh
source "$ROOT/bin/lib/jdk.sh"

OUT=${OUT:-$BENCH/results/$(date +%F)}
MDJ_JAR=${MDJ_JAR:-$ROOT/mdj-cli/target/mdj.jar}
BENCHMARKS_JAR=${BENCHMARKS_JAR:-$ROOT/bench/jmh/target/benchmarks.jar}
# QUICK=1: the short settings used while developing a suite (fewer rounds, shorter runs)
QUICK=${QUICK:-0}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
say() { echo "[$(date +%H:%M:%S)] $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# wait_until <timeout-s> <cmd...>: polls every 50 ms
wait_until() {
  local end; end=$(awk -v n="$(now)" -v t="$1" 'BEGIN { printf "%.3f", n + t }'); shift
  until "$@" >/dev/null 2>&1; do
    awk -v n="$(now)" -v e="$end" 'BEGIN { exit !(n > e) }' && return 1
    sleep 0.05
  done
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port: a TCP port on 127.0.0.1 that nothing listens on now
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# stop_pid <pid>: TERM, then KILL after 20 s
stop_pid() {
  kill "$1" 2>/dev/null || return 0
  wait_until 20 sh -c "! kill -0 $1" || kill -9 "$1" 2>/dev/null || true
}

_STARTED=()
_PIDFILES=()
started() { _STARTED+=("$1"); }
started_pidfile() { _PIDFILES+=("$1"); }
stop_started() {
  local p f
  for f in ${_PIDFILES[@]+"${_PIDFILES[@]}"}; do
    [[ -s $f ]] && stop_pid "$(cat "$f")"
  done
  for p in ${_STARTED[@]+"${_STARTED[@]}"}; do stop_pid "$p"; done
  _STARTED=() _PIDFILES=()
}
# suite_work <name>: sets WORK, the suite's scratch directory: as given (bench/run removes it), or
# a fresh one under /tmp that is removed at exit
_OWN_WORK=""
suite_work() {
  if [[ -z ${WORK:-} ]]; then
    WORK=$(mktemp -d "/tmp/mdj-bench-$1.XXXXXX")
    _OWN_WORK=$WORK
  fi
  mkdir -p "$WORK" && chmod 755 "$WORK"
}
_at_exit() {
  stop_started
  [[ -z $_OWN_WORK ]] || rm -rf "$_OWN_WORK"
}
trap _at_exit EXIT
trap 'exit 143' TERM INT

# tree_pids <pid>: pid and its live descendants
tree_pids() {
  awk '{ pid = $1; line = $0; sub(/^.*\) /, "", line); split(line, f, " "); print pid, f[2] }' \
    /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" '
    { ppid[$1] = $2 }
    END { inset[root] = 1; grown = 1
          while (grown) { grown = 0; for (p in ppid) if (!(p in inset) && (ppid[p] in inset)) { inset[p] = 1; grown = 1 } }
          for (p in inset) if (p in ppid) print p }'
}

# tree_cpu <pid>: user+sys seconds of pid and its live descendants, plus what they reaped
tree_cpu() {
  local p tck; tck=$(getconf CLK_TCK)
  for p in $(tree_pids "$1"); do cat "/proc/$p/stat" 2>/dev/null; done |
    awk -v tck="$tck" '{ line = $0; sub(/^.*\) /, "", line); split(line, f, " "); s += (f[12] + f[13] + f[14] + f[15]) / tck }
      END { printf "%.2f\n", s }'
}

# tree_rss_mib <pid>: resident memory of pid and its live descendants, MiB
tree_rss_mib() {
  local p
  for p in $(tree_pids "$1"); do awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null; done |
    awk '{ s += $1 } END { printf "%.1f\n", s / 1024 }'
}

# tree_peak_rss_mib <pid>: the largest peak resident memory (VmHWM) among pid and its live
# descendants, MiB (what /usr/bin/time's %M reports for the processes it waited for)
tree_peak_rss_mib() {
  local p
  for p in $(tree_pids "$1"); do awk '/^VmHWM:/ { print $2 }' "/proc/$p/status" 2>/dev/null; done |
    awk '$1 > m { m = $1 } END { printf "%.1f\n", m / 1024 }'
}

# httpd_head <server root> <user> <module...>: the start of a private httpd configuration: its
# own ServerRoot, run directory and pid file (run/httpd.pid), the event MPM and the modules
# (mod_<module>.so), switching to <user> (and its group)
httpd_head() {
  local root=$1 user=$2 m; shift 2
  printf 'ServerRoot "%s"\nDefaultRuntimeDir run\nPidFile run/httpd.pid\nMutex file:run default\n' "$root"
  for m in mpm_event "$@"; do
    printf 'LoadModule %s_module /usr/lib/apache2/modules/mod_%s.so\n' "$m" "$m"
  done
  printf 'User %s\nGroup %s\n' "$user" "$(id -gn "$user")"
}

java_bin() { echo "$(mdj_find_jdk)/bin/java"; }

# mdj_cmd: sets MDJ, the command line that runs mdj's jar (MDJ_JAVA_OPTS split on whitespace)
MDJ=()
mdj_cmd() {
  local -a opts=()
  read -r -a opts <<<"${MDJ_JAVA_OPTS:-}"
  # shellcheck disable=SC2034 # used by the suites that source this file
  MDJ=("$(java_bin)" --enable-native-access=ALL-UNNAMED ${opts[@]+"${opts[@]}"} -jar "$MDJ_JAR")
}

# versions: one line per tool this machine runs the suites with
versions() {
  echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "java: $("$(java_bin)" -version 2>&1 | head -1)"
  echo "apache2: $(apache2 -v 2>/dev/null | head -1 | sed 's/^Server version: //')"
  local p
  for p in pebble certbot lego nghttp2-client openssl; do
    echo "$p: $(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo missing)"
  done
}
