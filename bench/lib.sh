# What every script in bench/ shares, sourced first thing (not run on its own):
#
#   source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
#
# root (the checkout), the JDKs (jdk_tools, find_modern_jdk), one median, one clock, and one
# clean-up: the JVMs a script starts (started PID) are stopped and the directories it makes
# (make_work) removed when it exits: at its end, on an error, on Ctrl-C, TERM or HUP.

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
bench_name="${0##*/}"
bench_pids=()   # the JVMs this script started and has not stopped yet
bench_dirs=()   # the directories to remove at exit

die() {
  echo "$bench_name: $*" >&2
  exit 1
}

require_built() {
  local file
  for file in "$@"; do
    [ -e "$file" ] || die "$file is missing; build first: (cd $root && mvn -q -DskipTests package)"
  done
}

# --- JDKs

# The JDK bin/diag runs on (JAVA_HOME when it has a java, else the PATH's): sets java, jcmd and
# javac, and checks that the tools named are there, e.g. `jdk_tools java jcmd`.
jdk_tools() {
  local bin="" tool
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then bin="$JAVA_HOME/bin/"; fi
  java="${bin}java" jcmd="${bin}jcmd" javac="${bin}javac"
  for tool in "$@"; do
    command -v "$bin$tool" >/dev/null || die "$bin$tool not found; a full JDK (with $*) is needed"
  done
}

# The JDK 21+ found as it/src/test/java/dev/diag/it/Jdks.java finds it: DIAG_TEST_JDK21 (a JDK
# home) if set, else the home under /usr/lib/jvm whose release file says the highest
# JAVA_VERSION, if that is 21 or more. Sets modern_home, empty when there is none.
find_modern_jdk() {
  modern_home=""
  if [ -n "${DIAG_TEST_JDK21:-}" ]; then
    [ -x "$DIAG_TEST_JDK21/bin/java" ] || die "DIAG_TEST_JDK21=$DIAG_TEST_JDK21 has no bin/java"
    modern_home="$DIAG_TEST_JDK21"
    return
  fi
  local home version best=20
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [ -x "$home/bin/java" ] || continue
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)" || continue
    if [ -n "$version" ] && [ "$version" -gt "$best" ]; then modern_home="$home" best="$version"; fi
  done
}

# The feature release of a java executable: 17 from `openjdk version "17.0.15"`.
feature_version() {
  "$1" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p'
}

# --- the bench module's classes (bench/src/main/java), for the scripts that run diag's own classes
# in one JVM

# Sets classpath: bench/target/diag-bench.jar and the class path Maven resolved for it.
bench_classpath() {
  require_built "$root/bench/target/diag-bench.jar" "$root/bench/target/classpath"
  local deps
  deps="$(cat "$root/bench/target/classpath")"
  # Built with the rest of the tree, the agent comes from agent/target; built alone (-pl bench),
  # from ~/.m2, which may hold another checkout's build: measuring that would mislead.
  [[ "$deps" == *"$root/agent/target/"* ]] \
    || die "bench/target/classpath does not name $root/agent/target; build the whole tree: (cd $root && mvn -q -DskipTests package)"
  classpath="$root/bench/target/diag-bench.jar:$deps"
}

# --- statistics

# awk functions over a sorted array v[1..n]: the median (for an even n the mean of the middle two)
# and the p-quantile by nearest rank (0 < p <= 1). The one definition every script uses.
bench_awk_stats='
  function median(v, n) { return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
  function nearest_rank(v, n, p,   r) { r = int(p * n); if (r < p * n) r++; return v[r] }
'

# The median of the numbers on stdin (one a line) divided by SCALE (default 1), printed with
# FORMAT (default: the number as it is); nothing for no numbers.
median() {
  LC_ALL=C sort -n | awk -v scale="${1:-1}" -v format="${2:-%.15g}" "$bench_awk_stats"'
    { v[NR] = $1 }
    END { if (NR) printf format "\n", median(v, NR) / scale }'
}

# "median min p90" of the numbers on stdin divided by SCALE (default 1), to 0.1.
spread() {
  LC_ALL=C sort -n | awk -v scale="${1:-1}" "$bench_awk_stats"'
    { v[NR] = $1 / scale }
    END { if (NR) printf "%.1f %.1f %.1f\n", median(v, NR), v[1], nearest_rank(v, NR, 0.9) }'
}

# A over B to two decimals, "-" when B is 0: e.g. `ratio 282 232` prints 1.22.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b != 0) printf "%.2f", a / b; else printf "-" }'
}

# --- the clock

# Wall clock in nanoseconds. $EPOCHREALTIME (bash 5) is read without forking a date, so the clock
# costs nothing next to a JVM start; its resolution is a microsecond, ample for commands of 10 ms
# and more.
now_ns() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t="${EPOCHREALTIME//[!0-9]/}"   # drop the locale's decimal separator: microseconds
    echo "${t}000"
  else
    date +%s%N
  fi
}

# The wall time of a command in whole milliseconds, its output discarded; fails if it fails.
millis() {
  local start
  start="$(now_ns)"
  "$@" >/dev/null || return
  echo $((($(now_ns) - start) / 1000000))
}

# --- the target's safepoint log

# The -Xlog option that makes a target JVM log every safepoint to FILE: never rotated (filecount=0),
# so byte offsets into it stay valid; besides the target's uptime each line carries the wall clock
# in ms (timemillis), so a pause can be placed within the command that caused it.
safepoint_log_option() {
  echo "-Xlog:safepoint*=info:file=$1:uptime,timemillis,level,tags:filecount=0"
}

# The `Safepoint "` lines of LOG between two byte offsets (sizes of the log taken before and after).
safepoint_lines() {
  dd if="$1" iflag=skip_bytes,count_bytes skip="$2" count="$(($3 - $2))" status=none | grep 'Safepoint "' || true
}

# The safepoints of one window of the log, one summary line out:
#   count longest_ns sum_ns span_ms unparsed mismatched reaching_ns at_safepoint_ns other_ns lead_ms tail_ms
# The JVM writes one `Safepoint "NAME", ... Total: N ns` line per safepoint operation, when it
# ends. JDK 17: Reaching safepoint + Cleanup + At safepoint = Total; JDK 21+ dropped Cleanup and
# added Leaving safepoint (and a Threads: field after Total). Each line's Total is checked against
# the sum of the phases it lists (`mismatched` counts those that differ); a Safepoint line without
# a Total counts as `unparsed`. span_ms: from the first to the last such line, by the log's uptime
# stamps (millisecond resolution). reaching_ns, at_safepoint_ns, other_ns: the call's pauses split
# into their phases (other: Cleanup on JDK 17, Leaving safepoint on 21+). lead_ms: from the
# command's start ($1, epoch ms) to the first safepoint's line, by its timemillis stamp; tail_ms:
# from the last one's line to the command's exit ($2); both -1 if there was no safepoint.
summarize_window() {
  awk -v start_ms="$1" -v end_ms="$2" '
    function ns(key) {
      if (match($0, key ": [0-9]+ ns")) return substr($0, RSTART + length(key) + 2, RLENGTH - length(key) - 5) + 0
      return 0
    }
    function uptime_ms(   s) {
      s = $0; sub(/^\[/, "", s); sub(/s\].*/, "", s)
      return s * 1000
    }
    function wall_ms(   s) {
      if (!match($0, /\]\[[0-9]+ms\]/)) return -1
      return substr($0, RSTART + 2, RLENGTH - 5) + 0
    }
    /Safepoint "/ {
      if (!match($0, /Total: [0-9]+ ns/)) { unparsed++; next }
      total = ns("Total")
      phases = ns("Reaching safepoint") + ns("Cleanup") + ns("At safepoint") + ns("Leaving safepoint")
      if (phases != total) mismatched++
      count++; sum += total; if (total > longest) longest = total
      reach += ns("Reaching safepoint"); at += ns("At safepoint"); other += ns("Cleanup") + ns("Leaving safepoint")
      t = uptime_ms(); if (count == 1) first = t; last = t
      w = wall_ms(); if (count == 1) first_wall = w; last_wall = w
    }
    END {
      lead = count ? first_wall - start_ms : -1; tail = count ? end_ms - last_wall : -1
      printf "%d %d %d %d %d %d %d %d %d %d %d\n", count, longest, sum, last - first, unparsed, mismatched, reach, at, other, lead, tail
    }'
}

# --- what a script starts, and its clean-up

# A new temporary directory in work, removed at exit. Targets are started from inside it: the
# JDK attach mechanism may leave .attach_pid files in a target's working directory.
make_work() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/diag-$bench_name.XXXXXX")"
  bench_dirs+=("$work")
}

# A private diag state in DIR: cookie and node registry (the user's ~/.diag is untouched), no host
# directory port (another checkout's nodes on this machine are not ours to meet).
private_diag_home() {
  export DIAG_HOME="$1" DIAG_DIRECTORY_PORT=0
  unset DIAG_COOKIE_FILE
  mkdir -p "$DIAG_HOME"
}

# Records a JVM this script started (`... & started $!`), to be stopped at exit.
started() {
  bench_pids+=("$1")
}

# Stops JVMs this script started: TERM (the agent leaves its registry cleanly), up to 10 s for them
# all to go (10,000 threads take a while), then KILL. Other processes are never touched.
stop() {
  local pid i alive kept=()
  for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
  for ((i = 0; i < 100; i++)); do
    alive=no
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=yes && break; done
    [ "$alive" = yes ] || break
    sleep 0.1
  done
  for pid in "$@"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
  for pid in "${bench_pids[@]}"; do [[ " $* " == *" $pid "* ]] || kept+=("$pid"); done
  bench_pids=("${kept[@]}")
}

# Runs a JVM to its end as a started one, so an interrupted script stops it too; its status.
run_started() {
  local pid rc=0
  "$@" &
  pid=$!
  started "$pid"
  wait "$pid" || rc=$?
  stop "$pid"
  return "$rc"
}

# Arthas from the local Maven repository (com.taobao.arthas:arthas-packaging, the newest -bin.zip
# there; never downloaded), unpacked into $work/arthas: sets arthas_zip and arthas_home, or leaves
# arthas_home empty and says why in arthas_note, so a script runs on without it. Needs make_work.
unpack_arthas() {
  arthas_home="" arthas_note=""
  arthas_zip="$(ls "$HOME"/.m2/repository/com/taobao/arthas/arthas-packaging/*/arthas-packaging-*-bin.zip 2>/dev/null \
    | sort -V | tail -1 || true)"
  if [ -z "$arthas_zip" ]; then
    arthas_note="Arthas: not in the local Maven repository (com/taobao/arthas/arthas-packaging), left out"
  elif ! command -v unzip >/dev/null; then
    arthas_note="Arthas: unzip not found, left out"
  else
    unzip -q -d "$work/arthas" "$arthas_zip"
    if [ -f "$work/arthas/arthas-boot.jar" ]; then
      arthas_home="$work/arthas"
    else
      arthas_note="Arthas: $(basename "$arthas_zip") holds no arthas-boot.jar, left out"
    fi
  fi
}

cleanup() {
  stop "${bench_pids[@]}"
  local dir
  for dir in "${bench_dirs[@]}"; do rm -rf "$dir"; done
}
trap cleanup EXIT
trap 'exit 130' INT    # a signal becomes an exit, so cleanup runs
trap 'exit 143' TERM
trap 'exit 129' HUP
