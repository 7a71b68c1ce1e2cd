#!/usr/bin/env bash
# The intercom benchmark beside its anchor (socket.io 4.8 + @socket.io/redis-adapter 8.3), in one run, on one
# redis-server started here on a free loopback port. Three nodes; 1 and 64 asks in flight.
# Usage: bench/intercom-bench.sh [seconds=10]   (needs bench/target/benchmarks.jar, node, redis-server)
set -euo pipefail
cd "$(dirname "$0")"
S=${1:-10}
JAR=target/benchmarks.jar
(cd node/intercom && npm ci --silent --no-audit --no-fund)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no > /dev/null & RPID=$!
trap 'kill $RPID 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true' EXIT
sleep 0.5
URI="redis://127.0.0.1:$PORT"
JAVA=(java -cp "$JAR")
wait_ready() { for _ in $(seq 200); do [ "$(grep -c ready "$1" 2>/dev/null || true)" -ge 1 ] && return; sleep 0.1; done; echo "not ready: $1"; exit 1; }
OUT=$(mktemp -d)

for inflight in 1 64; do
  "${JAVA[@]}" dev.packets.bench.intercom.IntercomBench local "$inflight" "$S" | grep '^{'
done

"${JAVA[@]}" dev.packets.bench.intercom.IntercomBench answer "$URI" two > "$OUT/two" 2>&1 & A=$!
"${JAVA[@]}" dev.packets.bench.intercom.IntercomBench answer "$URI" three > "$OUT/three" 2>&1 & B=$!
wait_ready "$OUT/two"; wait_ready "$OUT/three"
# warm-up, not measured: JVMs compile their hot paths in their first seconds (a measured run straight after start
# had a p99 of ~3.5 ms at one in flight, C2 at work; warm, ~0.5 ms); the anchor gets the same warm-up below
"${JAVA[@]}" dev.packets.bench.intercom.IntercomBench redis "$URI" 64 "$S" > /dev/null 2>&1
for inflight in 1 64; do
  "${JAVA[@]}" dev.packets.bench.intercom.IntercomBench redis "$URI" "$inflight" "$S" 2>/dev/null | grep '^{'
done
kill $A $B; wait $A $B 2>/dev/null || true

node node/intercom/anchor.js "$PORT" answer > "$OUT/n2" & C=$!
node node/intercom/anchor.js "$PORT" answer > "$OUT/n3" & D=$!
wait_ready "$OUT/n2"; wait_ready "$OUT/n3"
node node/intercom/anchor.js "$PORT" ask 64 "$S" > /dev/null
for inflight in 1 64; do
  node node/intercom/anchor.js "$PORT" ask "$inflight" "$S"
done
kill $C $D; wait $C $D 2>/dev/null || true
rm -rf "$OUT"
