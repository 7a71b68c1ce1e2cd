#!/usr/bin/env bash
# The broadcast benchmark, side by side in one run: one packet pushed to every one of N idle connections, hz times a
# second, by packets on its lane, packets on Socket.IO, and Node's socket.io 4.8 (io.emit). The servers broadcast
# only while all N are connected.
# Usage: bench/broadcast-bench.sh [connections=5000] [hz=20] [seconds=10]
# Needs: mvn -q -pl bench -am package -DskipTests (bench/target/benchmarks.jar), node 18+.
# Prints, per contender, deliveries/s counted by the receivers (and what hz × connections would be) and the server's
# CPU per 1,000 deliveries.
set -euo pipefail
cd "$(dirname "$0")"
N=${1:-5000}; HZ=${2:-20}; SECONDS_=${3:-10}
# shellcheck source=server-load.sh
source server-load.sh
count() { local total=0; for f in "$OUT/$1".*.count; do total=$((total + $(cat "$f"))); done; echo "$total"; }

run() { # name pid port way
  local name=$1 pid=$2 port=$3 way=$4 pids=()
  for i in 1 2; do
    node node/server-load/broadcast-clients.js "http://127.0.0.1:$port" $((N / 2)) "$way" "$OUT/$name.$i.count" \
      > "$OUT/$name.$i.log" & pids+=($!)
  done
  for _ in $(seq 1200); do [ "$(cat "$OUT/$name".*.log 2>/dev/null | grep -c open || true)" -ge 2 ] && break; sleep 0.5; done
  sleep 2
  local c0 d0 c1 d1
  c0=$(cpu "$pid"); d0=$(count "$name")
  sleep "$SECONDS_"
  c1=$(cpu "$pid"); d1=$(count "$name")
  kill "${pids[@]}" 2>/dev/null || true
  node -e '
    const [name, ticks, cpu, deliveries, secs, n, hz, opened] = process.argv.slice(1);
    const cpuMs = Number(cpu) / Number(ticks) * 1000;
    console.log(JSON.stringify({ name, connections: Number(n), hz: Number(hz), open: opened,
      deliveriesPerSec: Math.round(deliveries / secs), offeredPerSec: Number(n) * Number(hz),
      serverCpuMsPer1000Deliveries: +(cpuMs / deliveries * 1000).toFixed(3) }));
  ' "$name" "$TICKS" "$((c1 - c0))" "$((d1 - d0))" "$SECONDS_" "$N" "$HZ" "$(cat "$OUT/$name".*.log | tr '\n' ' ')"
}

for way in lane socket.io; do # a fresh server per way
  JPORT=$(free_port)
  java -Xms512m -Xmx2g -cp "$JAR" dev.packets.bench.server.BroadcastServer "$JPORT" "$HZ" "$N" > "$OUT/java.log" 2>&1 &
  JPID=$!
  wait_port "$JPORT"
  run "packets-$way" "$JPID" "$JPORT" "$way"
  # sockets the server closed because they did not read what it pushed (receivers that could not keep up)
  curl -s "http://127.0.0.1:$JPORT/health" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
    const h=JSON.parse(s); console.log(JSON.stringify({name:"packets-'"$way"'",connectionsAtEnd:h.connections,
    outboundOverflows:h.outboundOverflows}));})'
  kill "$JPID"; wait "$JPID" 2>/dev/null || true
done

NPORT=$(free_port)
node node/server-load/broadcast-node.js "$NPORT" "$HZ" "$N" "$EVENT" "$PAYLOAD" > "$OUT/node.log" 2>&1 & NPID=$!
wait_port "$NPORT"
run node-socket.io "$NPID" "$NPORT" socket.io
kill "$NPID"; wait "$NPID" 2>/dev/null || true
rm -rf "$OUT"
