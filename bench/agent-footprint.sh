#!/usr/bin/env bash
# Measures the agent's footprint on a real X desktop (Xvfb + openbox + an xterm), keyboard hook and window
# watching running, connected to a real console: RSS and CPU after IDLE_SECONDS of idling, then while
# xdotool types TYPING_CPS characters per second for TYPE_SECONDS. Each JVM configuration runs in turn on
# the same desktop, so the figures are side by side; the first (JVM defaults) is the baseline.
#
# Not a test: the numbers depend on the machine. About 2.5 minutes per configuration with the defaults.
# Usage: [IDLE_SECONDS=60] [TYPE_SECONDS=60] [TYPING_CPS=8] bench/agent-footprint.sh
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
CONSOLE_JAR="$PWD/console/target/vigil-console.jar"

work="$(mktemp -d /tmp/vigil-footprint.XXXXXX)"
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

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
openbox >"$work/openbox.log" 2>&1 & pids+=($!)
until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id"; do sleep 0.1; done
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
token=$("$JAVA" -jar "$CONSOLE_JAR" token create --data "$work/console" --school Bench 2>/dev/null | tail -1)
pin=$("$JAVA" -jar "$CONSOLE_JAR" fingerprint --data "$work/console" | tail -1)
"$JAVA" -jar "$AGENT_JAR" enrol --console "127.0.0.1:$grpc_port" --token "$token" --pin "$pin" \
  --config "$work/agent/agent.properties" >/dev/null

clk=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
# Harmless text, so matching runs on every pause but nothing is spooled.
text="the quick brown fox jumps over the lazy dog while we revise for the history test on friday "

measure() { # measure NAME JVM_FLAGS...
  local name="$1"; shift
  local log="$work/agent-$name.log"
  rm -f "$work/agent/spool.mv.db"*
  "$JAVA" "$@" -jar "$AGENT_JAR" run --config "$work/agent/agent.properties" >"$log" 2>&1 &
  local pid=$!
  wait_for "$log" "keyboard hook registered" 120
  wait_for "$log" "connected to console" 120
  sleep 5 # start-up work (class loading, JIT of the first paths) is not idling

  local t0; t0=$(ticks "$pid")
  sleep "$IDLE_SECONDS"
  local t1; t1=$(ticks "$pid")
  local idle_rss; idle_rss=$(rss_mb "$pid")

  local chars=$((TYPING_CPS * TYPE_SECONDS)) typed=""
  while [ ${#typed} -lt "$chars" ]; do typed+="$text"; done
  typed="${typed:0:$chars}"
  local t2; t2=$(ticks "$pid")
  xdotool type --delay $((1000 / TYPING_CPS)) "$typed"
  local t3; t3=$(ticks "$pid")
  local typing_rss; typing_rss=$(rss_mb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true

  awk -v n="$name" -v f="$*" -v ir="$idle_rss" -v tr="$typing_rss" -v i0="$t0" -v i1="$t1" -v y0="$t2" \
      -v y1="$t3" -v clk="$clk" -v is="$IDLE_SECONDS" -v ts="$TYPE_SECONDS" 'BEGIN {
    printf "| %s | %s MB | %.2f %% | %s MB | %.2f %% | `%s` |\n", n, ir, 100 * (i1 - i0) / clk / is, tr,
      100 * (y1 - y0) / clk / ts, f }' | tee -a "$work/results.md"
}

echo "| configuration | RSS idle | CPU idle (% of one core) | RSS typing | CPU typing | JVM flags |"
echo "|---|---|---|---|---|---|"
measure "JVM defaults (baseline)" --enable-native-access=ALL-UNNAMED
measure "serial GC, small heap" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms4m -Xmx48m
measure "tuned" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms4m -Xmx48m -Xss512k \
  -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -XX:+UseCompactObjectHeaders
# AppCDS: one short run writes the archive of the classes the agent loads; the measured run maps it.
cds=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms4m -Xmx48m -Xss512k -XX:TieredStopAtLevel=1
  -XX:ReservedCodeCacheSize=16m -XX:+UseCompactObjectHeaders -XX:+AutoCreateSharedArchive
  -XX:SharedArchiveFile="$work/agent.jsa")
"$JAVA" "${cds[@]}" -jar "$AGENT_JAR" run --config "$work/agent/agent.properties" >"$work/cds-warmup.log" 2>&1 &
warm=$!; wait_for "$work/cds-warmup.log" "connected to console" 120; kill "$warm"; wait "$warm" 2>/dev/null || true
measure "tuned + AppCDS" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms4m -Xmx48m -Xss512k \
  -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -XX:+UseCompactObjectHeaders \
  -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/agent.jsa"
echo
echo "Typing: $((TYPING_CPS * TYPE_SECONDS)) characters at $TYPING_CPS/s by xdotool; idle: $IDLE_SECONDS s;" \
  "window poll 1 s (default); $(nproc) CPUs; $("$JAVA" -version 2>&1 | head -1)"
