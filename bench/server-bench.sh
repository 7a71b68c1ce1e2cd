#!/usr/bin/env bash
# The socket-server load benchmark, side by side in one run: packets on its lane and on Socket.IO, Node's socket.io
# 4.8, and a bare Node `ws` 8 server (the floor of a JavaScript stack).
# Usage: bench/server-bench.sh [clients=50] [client-processes=2] [seconds=10] [idle-connections=5000]
# Needs: mvn -q -pl bench -am package -DskipTests (bench/target/benchmarks.jar), node 18+.
set -euo pipefail
cd "$(dirname "$0")"
CLIENTS=${1:-50}; PROCS=${2:-2}; SECONDS_=${3:-10}; IDLE=${4:-5000}
# shellcheck source=server-load.sh
source server-load.sh

load() { # name pid port client(node|lane|java|java-socket.io)
  local name=$1 pid=$2 port=$3 client=$4 pids=()
  for i in $(seq "$PROCS"); do
    if [ "$client" = java ] || [ "$client" = java-socket.io ]; then
      java -cp "$JAR" dev.packets.bench.server.JavaLoad "http://127.0.0.1:$port" $((CLIENTS / PROCS)) "$SECONDS_" \
        "$([ "$client" = java ] && echo lane || echo socket.io)" \
        2> "$OUT/$name.$i.log" | grep '^{' > "$OUT/$name.$i.json" & pids+=($!)
    elif [ "$client" = lane ]; then
      node node/server-load/lane-load.js "http://127.0.0.1:$port" $((CLIENTS / PROCS)) "$SECONDS_" "$EVENT" "$PAYLOAD" \
        > "$OUT/$name.$i.json" & pids+=($!)
    else
      node node/server-load/load.js "http://127.0.0.1:$port" $((CLIENTS / PROCS)) "$SECONDS_" "$EVENT" "$PAYLOAD" \
        > "$OUT/$name.$i.json" & pids+=($!)
    fi
  done
  # the Java clients need longer to start (JVM, JIT): wait until every process has connected and warmed up
  case "$client" in java*) sleep 3.5 ;; *) sleep 2.2 ;; esac
  local c0; c0=$(cpu "$pid")
  sleep "$SECONDS_"
  local c1; c1=$(cpu "$pid")
  wait "${pids[@]}"
  node -e '
    const [name, ticks, cpu, ...files] = process.argv.slice(1);
    const rs = files.map((f) => JSON.parse(require("fs").readFileSync(f)));
    const acks = rs.reduce((a, r) => a + r.acks, 0);
    const secs = Math.max(...rs.map((r) => r.elapsed));
    const mean = (k) => rs.reduce((a, r) => a + r[k] * r.sample, 0) / rs.reduce((a, r) => a + r.sample, 0);
    const cpuMs = Number(cpu) / Number(ticks) * 1000;
    const errors = rs.reduce((a, r) => a + (r.errors || 0), 0);
    console.log(JSON.stringify({ name, acksPerSec: Math.round(acks / secs), errors, p50us: Math.round(mean("p50")),
      p99us: Math.round(mean("p99")), p999us: Math.round(mean("p999")), serverCpuMsPer1000Acks: +(cpuMs / acks * 1000).toFixed(2) }));
  ' "$name" "$TICKS" "$((c1 - c0))" "$OUT/$name".*.json
}

idle() { # name port heap-command [lane]
  local name=$1 port=$2 before after pids=() per=$((IDLE / 2))
  before=$($3)
  for i in 1 2; do
    node node/server-load/idle.js "http://127.0.0.1:$port" "$per" "${4:-}" > "$OUT/idle-$name.$i.log" & pids+=($!)
  done
  for _ in $(seq 600); do [ "$(cat "$OUT/idle-$name".*.log 2>/dev/null | grep -c open || true)" -ge 2 ] && break; sleep 0.5; done
  sleep 5
  after=$($3)
  kill "${pids[@]}" 2>/dev/null || true
  sleep 3 # the closed connections are released before the next phase measures
  echo "{\"name\":\"$name\",\"idleConnections\":$IDLE,\"heapBytesPerConnection\":$(( (after - before) / IDLE ))}"
}

# --- packets (Java)
JPORT=$(free_port)
java -Xms512m -Xmx2g -cp "$JAR" dev.packets.bench.server.EchoServer "$JPORT" > "$OUT/java.log" 2>&1 & JPID=$!
wait_port "$JPORT"
load packets-lane "$JPID" "$JPORT" lane
load packets-socket.io "$JPID" "$JPORT" node
load packets-lane-java-client "$JPID" "$JPORT" java
load packets-socket.io-java-client "$JPID" "$JPORT" java-socket.io
javaheap() { jcmd "$JPID" GC.run > /dev/null; sleep 1; jcmd "$JPID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K", "", v); print v * 1024; exit } }'; }
[ "$IDLE" -gt 0 ] && idle packets-lane "$JPORT" javaheap lane
[ "$IDLE" -gt 0 ] && idle packets-socket.io "$JPORT" javaheap
kill "$JPID"; wait "$JPID" 2>/dev/null || true

# --- Node socket.io 4.8 (reference)
NPORT=$(free_port)
node --expose-gc node/server-load/node-server.js "$NPORT" > "$OUT/node.log" 2>&1 & NPID=$!
wait_port "$NPORT"
load node-socket.io "$NPID" "$NPORT" node
load node-socket.io-java-client "$NPID" "$NPORT" java-socket.io
nodeheap() { curl -s "http://127.0.0.1:$NPORT/heap" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).heapUsed))'; }
[ "$IDLE" -gt 0 ] && idle node-socket.io "$NPORT" nodeheap
kill "$NPID"; wait "$NPID" 2>/dev/null || true
# --- Node ws 8 (the floor: acks each binary message with a binary message)
WPORT=$(free_port)
node --expose-gc node/server-load/ws-server.js "$WPORT" > "$OUT/ws.log" 2>&1 & WPID=$!
wait_port "$WPORT"
load node-ws "$WPID" "$WPORT" lane
wsheap() { curl -s "http://127.0.0.1:$WPORT/heap" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).heapUsed))'; }
[ "$IDLE" -gt 0 ] && idle node-ws "$WPORT" wsheap lane
kill "$WPID"; wait "$WPID" 2>/dev/null || true
rm -rf "$OUT"
