# What the server load benchmarks share (sourced by server-bench.sh and broadcast-bench.sh, from bench/): the jar,
# the Node clients installed, the benchmark packet's id and payload, a scratch folder, and small helpers.
JAR=target/benchmarks.jar
(cd node/server-load && npm ci --silent --no-audit --no-fund)
read -r EVENT PAYLOAD < <(java -cp "$JAR" dev.packets.bench.server.EchoServer --payload)
TICKS=$(getconf CLK_TCK)
OUT=$(mktemp -d)

# user + system CPU ticks of process $1
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# waits up to 10 s for a server on port $1
wait_port() { for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.1; done; echo "no server on $1"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
