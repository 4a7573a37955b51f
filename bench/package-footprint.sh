#!/usr/bin/env bash
# Measures the INSTALLED Debian package: size on disk (du of /opt/vigil-agent and the .deb) and the resident
# memory of the installed service, started with its unit's ExecStart line, enrolled from a token file against a
# real console, with a session helper connected, after IDLE_SECONDS of idling (and the helper's own RSS).
# Installs and then PURGES vigil-agent on this machine: run as root, on a machine where it is not installed.
# Shares e2e PackageIT's lock, so the two never install at once.
# Usage: [IDLE_SECONDS=60] [DEB=path.deb] bench/package-footprint.sh   (builds the .deb when DEB is not given)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
IDLE_SECONDS="${IDLE_SECONDS:-60}"
[ "$(id -u)" = 0 ] || { echo "bench/package-footprint.sh: run as root (dpkg -i)" >&2; exit 2; }
! dpkg -s vigil-agent >/dev/null 2>&1 || { echo "vigil-agent is installed already; dpkg -P it first" >&2; exit 2; }
CONSOLE_JAR="$PWD/console/target/vigil-console.jar"
[ -f "$CONSOLE_JAR" ] || ./mvnw -B -q package -DskipTests -pl agent,console -am

work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
            dpkg -P vigil-agent >/dev/null 2>&1 || true; userdel vigil-bench-pupil 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
exec 9>/tmp/vigil-package-it.lock; flock 9
deb="${DEB:-$(packaging/linux/build-deb.sh "$work/deb" 2>"$work/build.log" | tail -1)}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { local i=0; until grep -q "$2" "$1" 2>/dev/null; do i=$((i+1)); [ $i -lt $(($3*10)) ] || { cat "$1"; exit 1; }; sleep 0.1; done; }
http_port=$(free_port); grpc_port=$(free_port)
"$JAVA" -XX:+UseSerialGC -jar "$CONSOLE_JAR" serve --data "$work/console" --bind 127.0.0.1 \
  --http-port "$http_port" --grpc-port "$grpc_port" >"$work/console.log" 2>&1 & pids+=($!)
wait_for "$work/console.log" "Vigil console ready" 120
"$JAVA" -jar "$CONSOLE_JAR" school add --data "$work/console" --name Bench >/dev/null 2>&1
token=$("$JAVA" -jar "$CONSOLE_JAR" token create --data "$work/console" --school Bench 2>/dev/null | tail -1)
pin=$("$JAVA" -jar "$CONSOLE_JAR" fingerprint --data "$work/console" | tail -1)

dpkg -i "$deb" >"$work/dpkg.log"
useradd --system --no-create-home --shell /usr/sbin/nologin vigil-bench-pupil
printf '%s\n' "$token" >/etc/vigil/enrol-token
printf 'console.address=127.0.0.1:%s\nconsole.pin=%s\nenrol.token_file=enrol-token\nspool.path=/var/lib/vigil/spool.mv.db\nstate.path=/var/lib/vigil/state\nuser=vigil-bench-pupil\n' \
  "$grpc_port" "$pin" >/etc/vigil/enrol.properties
exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/vigil-agent.service)
env MALLOC_ARENA_MAX=2 $exec_start >"$work/service.log" 2>&1 & service=$!; pids+=($service)
wait_for "$work/service.log" "service for device" 120
runuser -u vigil-bench-pupil -- env MALLOC_ARENA_MAX=2 /opt/vigil-agent/bin/vigil-agent session-helper \
  --socket /run/vigil/helper.sock >"$work/helper.log" 2>&1 & pids+=($!)
wait_for "$work/service.log" "session helper connected" 60
sleep "$IDLE_SECONDS"   # a measurement, not a test: idle means nothing happens for this long
rss() { awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$1/status"; }
helper=$(pgrep -u vigil-bench-pupil -f session-helper | head -1)
echo "deb: $(du -k "$deb" | awk '{printf "%.1f MB", $1/1024}')   installed /opt/vigil-agent: $(du -sk /opt/vigil-agent | awk '{printf "%.1f MB", $1/1024}')"
echo "service RSS after ${IDLE_SECONDS}s idle, helper connected: $(rss "$service")   helper RSS: $(rss "$helper")"
