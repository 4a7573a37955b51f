#!/usr/bin/env bash
# Throughput and latency of the agent's DNS filter against dnsmasq alone, side by side, with the same 100,000
# blocked domains. dnsperf sends the same query file to each for DURATION seconds:
#   baseline  dnsmasq with 100,000 address=/blocked/ lines and the allowed names, answering everything itself
#   filter    java -jar vigil-agent.jar filter with a policy blocking the same 100,000 domains, forwarding the
#             allowed names to a second dnsmasq (answers cached after the first look-up)
# Queries: BLOCKED_SHARE % blocked names, the rest allowed, over 20,000 distinct names, A records.
#
# Not a test: the numbers depend on the machine and what else runs on it. About 1 minute with the defaults.
# Usage: [DURATION=20] [CLIENTS=4] [BLOCKED_SHARE=50] bench/dns-filter.sh
# Needs: dnsmasq dnsperf python3.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/java" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
JAVA="$JAVA_HOME/bin/java"
DURATION="${DURATION:-20}"
CLIENTS="${CLIENTS:-4}"
BLOCKED_SHARE="${BLOCKED_SHARE:-50}"
DOMAINS=100000

for tool in dnsmasq dnsperf python3; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "bench/dns-filter.sh: $tool is not installed" >&2; exit 2; }
done
DNSMASQ="$(command -v dnsmasq || echo /usr/sbin/dnsmasq)"
if [ ! -f agent/target/vigil-agent.jar ]; then
  ./mvnw -B -q package -DskipTests -pl agent -am
fi

work="$(mktemp -d /tmp/vigil-dnsbench.XXXXXX)"
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -9 "${pids[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for_dns() { # wait_for_dns PORT SECONDS: until the server answers (a deadline, not a fixed sleep)
  local end=$((SECONDS + $2))
  until dig @127.0.0.1 -p "$1" +short +tries=1 +time=1 a1.allowed.bench A | grep -q .; do
    [ $SECONDS -lt $end ] || { echo "server on port $1 did not answer within $2 s" >&2; exit 1; }
  done
}

python3 - "$work" "$DOMAINS" "$BLOCKED_SHARE" <<'PY'
import random, sys
work, n, share = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(42)
words = ["casino", "game", "chat", "proxy", "vpn", "adult", "bet", "stream", "free", "hack", "tube", "play"]
blocked = [f"{rnd.choice(words)}{i}-{rnd.randrange(1 << 30):x}.{rnd.choice(['com', 'net', 'org', 'io', 'co.uk'])}"
           for i in range(n)]
with open(f"{work}/blocked.txt", "w") as f:
    f.write("\n".join(blocked) + "\n")
with open(f"{work}/dnsmasq-blocked.conf", "w") as f:
    f.writelines(f"address=/{d}/127.0.0.1\n" for d in blocked)
with open(f"{work}/policy.vfp", "w") as f:
    f.write("vigil-filter-policy 1\ncategory bench\nlist bench domains blocked.txt\n"
            "group everyone\n  block bench\ndevice-group everyone\n")
distinct = 20000
with open(f"{work}/queries.txt", "w") as f:
    for i in range(distinct):
        if rnd.randrange(100) < share:
            f.write(f"{rnd.choice(blocked)} A\n")
        else:
            f.write(f"a{i}.allowed.bench A\n")
PY

common=(--no-daemon --listen-address=127.0.0.1 --bind-interfaces --no-resolv --no-hosts --pid-file
        "--user=$(id -un)" --cache-size=10000 --local-ttl=300 --address=/allowed.bench/1.2.3.4)

# Baseline: dnsmasq alone, blocking the same domains itself.
base_port="$(free_port)"
"$DNSMASQ" "${common[@]}" --port="$base_port" --conf-file="$work/dnsmasq-blocked.conf" >"$work/base.log" 2>&1 &
pids+=($!)
wait_for_dns "$base_port" 60

# The filter, with a plain dnsmasq upstream for the allowed names.
up_port="$(free_port)"
"$DNSMASQ" "${common[@]}" --port="$up_port" --conf-file=/dev/null >"$work/up.log" 2>&1 &
pids+=($!)
wait_for_dns "$up_port" 30
filter_port="$(free_port)"
"$JAVA" -Xmx512m -jar agent/target/vigil-agent.jar filter --listen "127.0.0.1:$filter_port" \
  --upstream "127.0.0.1:$up_port" --policy "$work/policy.vfp" >"$work/filter.log" 2>&1 &
pids+=($!)
wait_for_dns "$filter_port" 120

run() { # run NAME PORT
  # Warm-up pass: fills both caches and lets the JIT compile the hot path; not measured.
  dnsperf -s 127.0.0.1 -p "$2" -d "$work/queries.txt" -n 1 -c "$CLIENTS" >/dev/null 2>&1 || true
  dnsperf -s 127.0.0.1 -p "$2" -d "$work/queries.txt" -l "$DURATION" -c "$CLIENTS" >"$work/$1.perf" 2>&1
  local qps lat lost
  qps="$(awk '/Queries per second:/ {print $4}' "$work/$1.perf")"
  lat="$(awk '/Average Latency/ {print $4}' "$work/$1.perf")"
  lost="$(awk '/Queries lost:/ {print $3}' "$work/$1.perf")"
  printf '%-28s %12.0f q/s   avg latency %8.3f ms   lost %s\n' "$1" "$qps" "$(python3 -c "print($lat*1000)")" "$lost"
  echo "$qps" >"$work/$1.qps"
}

echo "dns-filter benchmark: $DOMAINS blocked domains, ${BLOCKED_SHARE}% blocked queries, $CLIENTS clients, ${DURATION}s each, $(nproc) cores"
run "dnsmasq alone (baseline)" "$base_port"
run "vigil filter" "$filter_port"
python3 -c "
b=float(open('$work/dnsmasq alone (baseline).qps').read()); f=float(open('$work/vigil filter.qps').read())
print(f'vigil filter / dnsmasq: {f/b*100:.0f} % of the baseline queries/s (target >= 50 %)')"
