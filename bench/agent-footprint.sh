#!/usr/bin/env bash
# Measures the agent's footprint on a real X desktop (Xvfb + openbox + an xterm), keyboard hook and window
# watching running, connected to a real console: RSS and CPU after IDLE_SECONDS of idling, then while
# xdotool types TYPING_CPS characters per second for TYPE_SECONDS. Each JVM configuration runs in turn on
# the same desktop, so the figures are side by side; the first (JVM defaults) is the baseline.
#
# Not a test: the numbers depend on the machine. About 2.5 minutes per configuration and run.
# Usage: [IDLE_SECONDS=60] [TYPE_SECONDS=60] [TYPING_CPS=8] [RUNS=1] [ONLY=regex] [BEFORE_JAR=old.jar]
#        [NMT=1] [KEEP=dir] bench/agent-footprint.sh
#   RUNS     rounds over the configurations (interleaved, so machine load hits all alike); with more than
#            one, a summary gives the median and the range of each figure.
#   ONLY     measure only configurations whose name matches this regex.
#   BEFORE_JAR  also measure an older agent jar (its lib/ beside it) with the previous recommended flags
#            (heap raised to 96 MB: the old keyword automaton no longer starts in 48).
#   NMT      add -XX:NativeMemoryTracking=summary and keep `jcmd VM.native_memory summary` and smaps_rollup
#            taken at the end of the idle minute (NMT itself costs a little memory).
#   TRY      "flags": also measure the recommended flags followed by these (later flags win).
#   KEEP     copy the logs, NMT reports and results to this directory.
# Needs: xvfb openbox xdotool x11-utils xterm python3 (for free ports). CPU counts the agent and the
# helper processes it runs (OSHI's xprop/xwininfo), from /proc/PID/stat utime+stime+cutime+cstime.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/java" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
JAVA="$JAVA_HOME/bin/java"
IDLE_SECONDS="${IDLE_SECONDS:-60}"
TYPE_SECONDS="${TYPE_SECONDS:-60}"
TYPING_CPS="${TYPING_CPS:-8}"

for tool in Xvfb openbox xdotool xprop xterm python3; do
  command -v "$tool" >/dev/null || { echo "bench/agent-footprint.sh: $tool is not installed" >&2; exit 2; }
done

if [ ! -f agent/target/vigil-agent.jar ] || [ ! -f console/target/vigil-console.jar ]; then
  ./mvnw -B -q package -DskipTests -pl agent,console -am
fi
AGENT_JAR="$PWD/agent/target/vigil-agent.jar"
RUNS="${RUNS:-1}"
ONLY="${ONLY:-.}"
CONSOLE_JAR="$PWD/console/target/vigil-console.jar"

work="$(mktemp -d /tmp/vigil-footprint.XXXXXX)"
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap 'if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; cp "$work"/*.log "$work"/*.txt "$work"/*.md "$KEEP"/ 2>/dev/null || true; fi; cleanup' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # wait_for FILE TEXT SECONDS
  local deadline=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for '$2' in $1" >&2; cat "$1" >&2; exit 1; }
    sleep 0.2
  done
}

# The desktop: Xvfb picks a free display number itself.
exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x1024x24 -nolisten tcp 2>"$work/xvfb.log")
pids+=($!)
read -r display_number <&3
export DISPLAY=":$display_number"
openbox >"$work/openbox.log" 2>&1 & wm=$!; pids+=($wm)
until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id"; do
  # On a loaded machine openbox can give up on a display that is not answering yet: start it again.
  kill -0 "$wm" 2>/dev/null || { openbox >>"$work/openbox.log" 2>&1 & wm=$!; pids+=($wm); }
  sleep 0.1
done
xterm -T "Notes - footprint" >/dev/null 2>&1 & pids+=($!)
until window=$(xdotool search --onlyvisible --name "^Notes - footprint$" 2>/dev/null | head -1) && [ -n "$window" ]; do
  sleep 0.1
done
until [ "$(xdotool getwindowfocus 2>/dev/null)" = "$window" ]; do
  xdotool windowactivate --sync "$window" >/dev/null 2>&1 || true
  xdotool windowfocus --sync "$window" >/dev/null 2>&1 || true
  sleep 0.1
done

# The console, and one enrolled device.
http_port=$(free_port); grpc_port=$(free_port)
"$JAVA" -XX:+UseSerialGC -jar "$CONSOLE_JAR" serve --data "$work/console" --bind 127.0.0.1 \
  --http-port "$http_port" --grpc-port "$grpc_port" >"$work/console.log" 2>&1 & pids+=($!)
wait_for "$work/console.log" "Vigil console ready" 120
"$JAVA" -jar "$CONSOLE_JAR" school add --data "$work/console" --name Bench >/dev/null 2>&1
token=$("$JAVA" -jar "$CONSOLE_JAR" token create --data "$work/console" --school Bench 2>/dev/null | tail -1)
pin=$("$JAVA" -jar "$CONSOLE_JAR" fingerprint --data "$work/console" | tail -1)
"$JAVA" -jar "$AGENT_JAR" enrol --console "127.0.0.1:$grpc_port" --token "$token" --pin "$pin" \
  --config "$work/agent/agent.properties" >/dev/null

clk=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
# Harmless text, so matching runs on every pause but nothing is spooled.
text="the quick brown fox jumps over the lazy dog while we revise for the history test on friday "

measure() { # measure NAME JAR ENV(VAR=value or -) JVM_FLAGS...
  local name="$1" jar="$2" env_assign="$3"; shift 3
  local slug; slug=$(echo "$name" | tr -c 'a-zA-Z0-9' '_')
  local log="$work/agent-$slug.log"
  local flags=("$@")
  [ "${NMT:-0}" = 1 ] && flags+=(-XX:NativeMemoryTracking=summary)
  local launch=("$JAVA" "${flags[@]}" -jar "$jar" run --config "$work/agent/agent.properties")
  [ "$env_assign" != - ] && launch=(env "$env_assign" "${launch[@]}")
  rm -f "$work/agent/spool.mv.db"*
  "${launch[@]}" >"$log" 2>&1 &
  local pid=$!
  wait_for "$log" "keyboard hook registered" 120
  wait_for "$log" "connected to console" 120
  sleep 5 # start-up work (class loading, JIT of the first paths) is not idling

  local t0; t0=$(ticks "$pid")
  sleep "$IDLE_SECONDS"
  local t1; t1=$(ticks "$pid")
  local idle_rss; idle_rss=$(rss_mb "$pid")
  if [ "${NMT:-0}" = 1 ]; then
    "$JAVA_HOME/bin/jcmd" "$pid" VM.native_memory summary >"$work/nmt-$slug.txt" 2>&1 || true
    { "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info; "$JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram | head -25
      "$JAVA_HOME/bin/jcmd" "$pid" VM.classloader_stats; } >"$work/heap-$slug.txt" 2>&1 || true
    cat "/proc/$pid/smaps_rollup" >"$work/smaps-$slug.txt" 2>/dev/null || true
    cat "/proc/$pid/smaps" >"$work/smaps-full-$slug.txt" 2>/dev/null || true
    grep -E '^(Threads|VmRSS|RssAnon|RssFile)' "/proc/$pid/status" >>"$work/smaps-$slug.txt" || true
  fi

  local chars=$((TYPING_CPS * TYPE_SECONDS)) typed=""
  while [ ${#typed} -lt "$chars" ]; do typed+="$text"; done
  typed="${typed:0:$chars}"
  local t2; t2=$(ticks "$pid")
  xdotool type --delay $((1000 / TYPING_CPS)) "$typed"
  local t3; t3=$(ticks "$pid")
  local typing_rss; typing_rss=$(rss_mb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  grep -q "OutOfMemoryError" "$log" && echo "WARNING: $name ran out of memory (see $log)" >&2

  local shown="$*"; [ "$env_assign" != - ] && shown="$env_assign $shown"
  awk -v n="$name" -v f="$shown" -v ir="$idle_rss" -v tr="$typing_rss" -v i0="$t0" -v i1="$t1" -v y0="$t2" \
      -v y1="$t3" -v clk="$clk" -v is="$IDLE_SECONDS" -v ts="$TYPE_SECONDS" 'BEGIN {
    printf "| %s | %s MB | %.2f %% | %s MB | %.2f %% | `%s` |\n", n, ir, 100 * (i1 - i0) / clk / is, tr,
      100 * (y1 - y0) / clk / ts, f }' | tee -a "$work/results.md"
}

# AppCDS: one short run writes the archive of the classes the agent loads; measured runs map it.
with_cds() { # with_cds NAME JAR ENV FLAGS... : makes the archive once, then measures
  local name="$1" jar="$2" env_assign="$3"; shift 3
  local jsa; jsa="$work/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').jsa"
  local flags=("$@" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$jsa")
  if [ ! -f "$jsa" ]; then
    local warm_cmd=("$JAVA" "${flags[@]}" -jar "$jar" run --config "$work/agent/agent.properties")
    [ "$env_assign" != - ] && warm_cmd=(env "$env_assign" "${warm_cmd[@]}")
    "${warm_cmd[@]}" >"$work/cds-warmup.log" 2>&1 &
    local warm=$!; wait_for "$work/cds-warmup.log" "connected to console" 120; kill "$warm"; wait "$warm" 2>/dev/null || true
  fi
  measure "$name" "$jar" "$env_assign" "${flags[@]}"
}

native=(--enable-native-access=ALL-UNNAMED)
previous=("${native[@]}" -XX:+UseSerialGC -Xms4m -Xmx48m -Xss512k -XX:TieredStopAtLevel=1
  -XX:ReservedCodeCacheSize=16m -XX:+UseCompactObjectHeaders)
recommended=()
while IFS= read -r line; do # the same file bin/agent reads
  line="${line%%#*}"; line="${line//[[:space:]]/}"
  [ -n "$line" ] && recommended+=("$line")
done <agent/jvm.options

with_share=() # the recommended flags with class-data sharing left on, to show what -Xshare:off saves
for flag in "${recommended[@]}"; do [ "$flag" = -Xshare:off ] || with_share+=("$flag"); done
configs=("JVM defaults (baseline)" "previous: tuned + AppCDS, -Xmx48m" "recommended flags but AppCDS instead of -Xshare:off"
  "recommended: agent/jvm.options + MALLOC_ARENA_MAX=2 (bin/agent)")
# The jar before the compact keyword automaton no longer starts with -Xmx48m (its start-up peak is two 22 MB
# tables and a build table of maxStates x width), so it is measured with -Xmx96m, about the smallest that starts it.
before=("${previous[@]}" -Xmx96m)
[ -n "${BEFORE_JAR:-}" ] && configs=("before (BEFORE_JAR): tuned + AppCDS, -Xmx96m" "${configs[@]}")
# TRY="flags": one more row, the recommended flags followed by these (later flags win), to try a lever.
[ -n "${TRY:-}" ] && configs+=("try: recommended + $TRY")
run_config() {
  case "$1" in
    "JVM defaults (baseline)") measure "$1" "$AGENT_JAR" - "${native[@]}" ;;
    before*) with_cds "$1" "$BEFORE_JAR" - "${before[@]}" ;;
    previous*) with_cds "$1" "$AGENT_JAR" - "${previous[@]}" ;;
    "recommended flags but AppCDS"*) with_cds "$1" "$AGENT_JAR" MALLOC_ARENA_MAX=2 "${with_share[@]}" ;;
    recommended*) measure "$1" "$AGENT_JAR" MALLOC_ARENA_MAX=2 "${recommended[@]}" ;;
    try:*) read -r -a extra <<<"$TRY"; measure "$1" "$AGENT_JAR" MALLOC_ARENA_MAX=2 "${recommended[@]}" "${extra[@]}" ;;
  esac
}

echo "| configuration | RSS idle | CPU idle (% of one core) | RSS typing | CPU typing | JVM flags |"
echo "|---|---|---|---|---|---|"
for ((run = 1; run <= RUNS; run++)); do
  for config in "${configs[@]}"; do
    [[ "$config" =~ $ONLY ]] && run_config "$config"
  done
done
if [ "$RUNS" -gt 1 ]; then
  echo
  echo "Median (min-max) over $RUNS runs:"
  echo "| configuration | RSS idle | CPU idle | RSS typing | CPU typing |"
  echo "|---|---|---|---|---|"
  for config in "${configs[@]}"; do
    { grep -F "| $config |" "$work/results.md" || true; } | awk -F'|' -v n="$config" '
      function med(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
      function cell(a, k, unit) { m = med(a, k); return sprintf("%.2f%s (%.2f-%.2f)", m, unit, a[1], a[k]) }
      { k++; ir[k] = $3 + 0; ic[k] = $4 + 0; tr[k] = $5 + 0; tc[k] = $6 + 0 }
      END { if (k) printf "| %s | %s | %s | %s | %s |\n", n, cell(ir, k, " MB"), cell(ic, k, " %"), cell(tr, k, " MB"), cell(tc, k, " %") }'
  done | tee -a "$work/summary.md"
fi
echo
echo "Typing: $((TYPING_CPS * TYPE_SECONDS)) characters at $TYPING_CPS/s by xdotool; idle: $IDLE_SECONDS s;" \
  "window poll 1 s (default); $(nproc) CPUs; $("$JAVA" -version 2>&1 | head -1)"
