#!/usr/bin/env bash
# The cluster broadcast benchmark beside its anchor (socket.io 4.8 + @socket.io/redis-adapter 8.3), in one run, on
# one redis-server started here: three nodes, N socket.io-client websockets per node (one Node client process per
# node), node 1 broadcasting a 12-byte packet at each rate (0: as fast as it can). Per run: deliveries/s,
# publish-to-delivery p50/p99 (the three client processes' histograms merged), CPU of the three nodes and of Redis.
# Usage: bench/cluster-bench.sh [sockets-per-node=1000] [seconds=10] [rates="20 200 0"] [rounds=1] [warm-up=10]
# Node 1 broadcasts for warm-up seconds before the measured window (both sides: a JVM still compiling its hot paths
# spent a third of a node's CPU in C2 in the first seconds, measured with perf).
# Needs bench/target/benchmarks.jar (mvn -q -pl bench -am package -DskipTests), node 18+, redis-server.
set -euo pipefail
cd "$(dirname "$0")"
PER=${1:-1000}; S=${2:-10}; RATES=${3:-"20 200 0"}; ROUNDS=${4:-1}; WARM=${5:-10}
JAR=target/benchmarks.jar
(cd node/cluster && npm ci --silent --no-audit --no-fund)
TICKS=$(getconf CLK_TCK)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
sys_cpu() { awk '{print $15}' "/proc/$1/stat"; }
wait_for() { for _ in $(seq 600); do grep -q "$2" "$1" 2>/dev/null && return; sleep 0.1; done; echo "not $2: $1"; cat "$1"; exit 1; }
RPORT=$(free_port)
redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no > /dev/null & RPID=$!
OUT=$(mktemp -d)
trap 'kill $RPID 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true; rm -rf "$OUT"' EXIT
sleep 0.5

run() { # name rate
  local name=$1 rate=$2 nodes=() clients=() ports=() event
  mkfifo "$OUT/cmd"
  for n in 1 2 3; do
    ports+=("$(free_port)")
    local role=""; [ "$n" = 1 ] && role=broadcast
    # JFR_DIR=/some/dir records each Java node with Flight Recorder (profiling, not for the figures)
    local jfr=(); [ -n "${JFR_DIR:-}" ] && jfr=("-XX:StartFlightRecording=settings=profile,filename=$JFR_DIR/$name-n$n.jfr")
    [ -n "${PERF_DIR:-}" ] && jfr=(-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit)
    if [ "$name" = packets ]; then
      if [ "$n" = 1 ]; then
        java "${jfr[@]}" -cp "$JAR" dev.packets.bench.cluster.ClusterNode "redis://127.0.0.1:$RPORT" "n$n" "${ports[-1]}" $role \
          < "$OUT/cmd" > "$OUT/node$n" 2>&1 & nodes+=($!)
      else
        java "${jfr[@]}" -cp "$JAR" dev.packets.bench.cluster.ClusterNode "redis://127.0.0.1:$RPORT" "n$n" "${ports[-1]}" \
          > "$OUT/node$n" 2>&1 & nodes+=($!)
      fi
    else
      if [ "$n" = 1 ]; then
        node node/cluster/anchor.js "$RPORT" "${ports[-1]}" $role < "$OUT/cmd" > "$OUT/node$n" 2>&1 & nodes+=($!)
      else
        node node/cluster/anchor.js "$RPORT" "${ports[-1]}" > "$OUT/node$n" 2>&1 & nodes+=($!)
      fi
    fi
  done
  exec 3> "$OUT/cmd"
  for n in 1 2 3; do wait_for "$OUT/node$n" ready; done
  if [ "$name" = packets ]; then event=$(sed -n 's/.*packet id \([0-9]*\).*/\1/p' "$OUT/node1"); else event=stamp; fi
  for n in 1 2 3; do
    mkfifo "$OUT/go$n"
    node node/cluster/clients.js "http://127.0.0.1:${ports[$((n-1))]}" "$PER" "$event" < "$OUT/go$n" \
      > "$OUT/clients$n" 2>&1 & clients+=($!)
    eval "exec $((3 + n))> \"\$OUT/go$n\""
  done
  for n in 1 2 3; do wait_for "$OUT/clients$n" ready; done
  # every socket is connected: node 1 broadcasts from 1 s from now, and the last S s are measured
  local start end; start=$(( $(date +%s%3N) + 1000 + WARM * 1000 )); end=$(( start + S * 1000 ))
  echo "$start $end $rate $((WARM * 1000))" >&3
  for n in 1 2 3; do echo "$start $end" >&$((3 + n)); eval "exec $((3 + n))>&-"; rm -f "$OUT/go$n"; done
  sleep "$(echo "($start - $(date +%s%3N)) / 1000" | bc -l)"
  local c0=0 r0 k0=0; for p in "${nodes[@]}"; do c0=$((c0 + $(cpu "$p"))); k0=$((k0 + $(sys_cpu "$p"))); done
  r0=$(cpu "$RPID")
  if [ -n "${PERF_DIR:-}" ]; then
    # PERF_DIR=/some/dir: perf records node 2 during the window (profiling, not for the figures)
    perf record -g -o "$PERF_DIR/$name-n2.data" -p "${nodes[1]}" -- sleep "$S" > /dev/null 2>&1
  else
    sleep "$S"
  fi
  local c1=0 r1 k1=0; for p in "${nodes[@]}"; do c1=$((c1 + $(cpu "$p"))); k1=$((k1 + $(sys_cpu "$p"))); done
  r1=$(cpu "$RPID")
  wait "${clients[@]}"
  wait_for "$OUT/node1" sent
  exec 3>&-
  kill "${nodes[@]}"; wait "${nodes[@]}" 2>/dev/null || true
  [ -z "${JFR_DIR:-}" ] || sleep 1
  rm -f "$OUT/cmd"
  node -e '
    const [name, rate, ticks, nodeCpu, nodeSys, redisCpu, sent, ...files] = process.argv.slice(1);
    const rs = files.map((f) => JSON.parse(require("fs").readFileSync(f, "utf8").trim().split("\n").pop()));
    const deliveries = rs.reduce((a, r) => a + r.deliveries, 0);
    // the three processes histograms merged: exact percentiles over every delivery
    const merged = new Map();
    for (const r of rs) for (const [i, n] of Object.entries(r.buckets)) merged.set(Number(i), (merged.get(Number(i)) || 0) + n);
    const order = [...merged.keys()].sort((a, b) => a - b);
    const pct = (p) => { let seen = 0; for (const i of order) { seen += merged.get(i); if (seen >= deliveries * p) return (i + 0.5) * rs[0].bucketUs; } return null; };
    const ms = (t) => Number(t) / Number(ticks) * 1000;
    const per = (t) => deliveries ? +(ms(t) / deliveries * 1000).toFixed(3) : null;
    console.log(JSON.stringify({ name, rate: Number(rate) || "max", deliveriesPerSec: Math.round(deliveries / rs[0].seconds),
      p50us: Math.round(pct(0.5)), p99us: Math.round(pct(0.99)),
      nodesCpuMsPer1000: per(nodeCpu), nodesKernelShare: +(Number(nodeSys) / Math.max(1, Number(nodeCpu))).toFixed(2),
      redisCpuMsPer1000: per(redisCpu),
      totalCpuMsPer1000: per(Number(nodeCpu) + Number(redisCpu)),
      disconnects: rs.reduce((a, r) => a + r.disconnects, 0), node1: JSON.parse(sent) }));
  ' "$name" "$rate" "$TICKS" "$((c1 - c0))" "$((k1 - k0))" "$((r1 - r0))" "$(grep '^{' "$OUT/node1")" \
    "$OUT/clients1" "$OUT/clients2" "$OUT/clients3"
}

for round in $(seq "$ROUNDS"); do
  for rate in $RATES; do
    run packets "$rate"
    run socket.io "$rate"
  done
done
