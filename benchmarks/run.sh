#!/usr/bin/env bash
# Runs every benchmark of issue 8 in one go and rewrites docs/benchmarks.md:
#   1. JMH: HumanitecClient (OkHttp, JDK, HC5 transports) against raw OkHttp + Jackson and against the Feign client
#      OpenAPI Generator makes from spec/humanitec, list/get/create webhooks, 1 thread pinned with taskset and
#      8 threads, time/op and alloc/op (-prof gc), several forks; then the client with an observation registry
#      against the client without, interleaved in one JVM (InterleavedCalls, issue 14);
#   2. wrk against the loopback stub, the REST face in gateway mode in front of it, the REST face in sandbox mode:
#      GET .../webhooks (20 items), 16 connections, several rounds; the gateway's CPU time per proxied request, and
#      with metrics on against --disable-metrics, both running and loaded in turns, in pairs (issue 14);
#   3. the MCP face (if its runnable jar is built): tools/call list-webhooks with 1 and 8 clients, then with 64
#      clients (each its own session) after filling the sandbox to 17,000 webhooks (issue 20, item 14);
#   4. start-up time to the first 200, RSS after the load and peak RSS, for each face;
#   5. the MCP face's start-up over stdio, to initialize and the first tools/list (issue 16; stdio-startup.py);
#   6. CPU per call, the stateless MCP face's tools/call list-webhooks against the REST face's GET, side by side
#      (issue 16, item 4; side-by-side.sh).
#
# Usage: benchmarks/run.sh [--smoke]
#   --smoke   a quick pass (1 fork, short rounds) to check the machinery; its figures mean nothing.
# Environment: SKIP_BUILD=1 reuses the jars in target/; BENCH_CORE (default 1) is the core of the pinned 1-thread
# JMH case; BENCH_OUT (default benchmarks/target/results) keeps the raw results; FACE_JAVA_OPTS is passed to the
# faces' JVMs: by default the options docs/configuration.md recommends for running a face
# (-XX:+UseSerialGC -Xms16m -Xmx64m -XX:TrimNativeHeapInterval=5000); FACE_JAVA_OPTS= (empty) runs them as the JVM sizes itself on this host.
# Either way the run ends by measuring the REST face's memory with no options at all, for comparison.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

MODE=full
if [[ ${1:-} == --smoke ]]; then
  MODE=smoke
elif [[ $# -gt 0 ]]; then
  echo "usage: benchmarks/run.sh [--smoke]" >&2
  exit 2
fi

OUT=${BENCH_OUT:-$ROOT/benchmarks/target/results}
CORE=${BENCH_CORE:-1}
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
REST_JAR=$ROOT/sdk-adapters-rest/target/sdk-adapters-rest-0.1.0-SNAPSHOT-runnable.jar
MCP_JAR=$ROOT/sdk-adapters-mcp/target/sdk-adapters-mcp-0.1.0-SNAPSHOT-runnable.jar
WEBHOOKS_PATH=/orgs/acme-corp/apps/billing-api/webhooks

if [[ $MODE == smoke ]]; then
  CORE_FORKS=1; OTHER_FORKS=1; WI_1T=1; WI_8T=1; WI_OTHER=1; I_CORE=2; I_OTHER=2; JMH_TIME=1s
  WRK_WARMUP=2; GATEWAY_WARMUP=2; WRK_ROUNDS=2; WRK_SECONDS=2; MCP_WARMUP=1; MCP_SECONDS=2; MCP_FILL=980
  TURN_ROUNDS=2; TURN_SECONDS=1; SETTLED_JIT_PERCENT=100
  IL_WARMUP=3; IL_ROUNDS=2; IL_BLOCK_MS=50
else
  # Raw OkHttp, the SDK over OkHttp and the OpenAPI Generator client (the ratios of the targets): 2 forks each,
  # 1 and 8 threads. The JDK and HC5 transports: 1 fork, 1 thread, shorter. The warm-up is what the slowest
  # contender needs to reach its steady state: the JIT shares the pinned core with the benchmark, and on the stock
  # Feign pipeline a profile (async-profiler) still found C2 using 48% of that core after 10 one-second warm-up
  # iterations, with the SDK's time per call still falling at the 15th; hence 20. With 8 threads on 2 cores, 15.
  # Measured before that, the ratios compare the JIT's progress on the code bases rather than their cost per call.
  CORE_FORKS=2; OTHER_FORKS=1; WI_1T=20; WI_8T=15; WI_OTHER=6; I_CORE=3; I_OTHER=2; JMH_TIME=1s
  # A JVM face needs load before its JIT settles (the gateway's CPU per request still falls 15% between its 20th
  # and 25th second): the warm-up round is not counted, and the gateway's is the longest.
  WRK_WARMUP=12; GATEWAY_WARMUP=20; WRK_ROUNDS=3; WRK_SECONDS=4; MCP_WARMUP=5; MCP_SECONDS=6
  # Two faces compared in turns (take_turns): short rounds, so that both meet the same background load.
  TURN_ROUNDS=8; TURN_SECONDS=3; SETTLED_JIT_PERCENT=2
  # The observed client against the plain one, interleaved: four copies in one JVM on one core take about 65 s
  # before a round spends under 1 % of its time in the JIT; then 25 rounds of 200 ms per copy and operation.
  IL_WARMUP=60; IL_ROUNDS=25; IL_BLOCK_MS=200
  # The 64-client round's sandbox: the 20 seeded webhooks and 16,980 more, the 17,000 issue 20 saw.
  MCP_FILL=16980
fi
MCP_MEMORY_CLIENTS=64
if [[ $MODE == smoke ]]; then STDIO_RUNS=2; else STDIO_RUNS=10; fi
# Side by side: pairs of processes (REST and MCP), loaded in turns as the metrics pairs are.
if [[ $MODE == smoke ]]; then SIDE_PAIRS=1; else SIDE_PAIRS=3; fi
if [[ $MODE == smoke ]]; then METRICS_PAIRS=1; else METRICS_PAIRS=3; fi
MCP_SANDBOX_WEBHOOKS=$((20 + MCP_FILL))
WRK_CONNECTIONS=16
FACE_JAVA_OPTS=${FACE_JAVA_OPTS--XX:+UseSerialGC -Xms16m -Xmx64m -XX:TrimNativeHeapInterval=5000}

STARTED=$(date +%s)
log() { printf '[%4ss] %s\n' "$(($(date +%s) - STARTED))" "$*" >&2; }

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# --- tools -------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk >/dev/null
fi
for tool in java curl taskset python3; do
  command -v "$tool" >/dev/null || { echo "run.sh needs $tool" >&2; exit 1; }
done

# --- build -------------------------------------------------------------------------------------------------------
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  log "building benchmarks, sdk-adapters-rest and sdk-adapters-mcp"
  build=(package -q -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip
    -pl benchmarks,sdk-adapters-rest,sdk-adapters-mcp -am)
  rm -rf benchmarks/target # the shade plugin can otherwise pick up classes from its previous jar
  ./mvnw -o "${build[@]}" || ./mvnw "${build[@]}"
fi
[[ -f $BENCH_JAR ]] || { echo "missing $BENCH_JAR" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT"

# --- the machine -------------------------------------------------------------------------------------------------
{
  echo "mode=$MODE"
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cores=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory_gib=$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
  echo "kernel=$(uname -r)"
  echo "java=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
  echo "java_vendor=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vendor = //p')"
  echo "wrk=$(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "core_forks=$CORE_FORKS"
  echo "other_forks=$OTHER_FORKS"
  echo "jmh_1t=${WI_1T}x$JMH_TIME warm-up, ${I_CORE}x$JMH_TIME measured"
  echo "jmh_8t=${WI_8T}x$JMH_TIME warm-up, ${I_CORE}x$JMH_TIME measured"
  echo "jmh_other=${WI_OTHER}x$JMH_TIME warm-up, ${I_OTHER}x$JMH_TIME measured"
  echo "wrk_warmup=$WRK_WARMUP"
  echo "gateway_warmup=$GATEWAY_WARMUP"
  echo "turns=${TURN_ROUNDS}x${TURN_SECONDS}s"
  echo "mcp_warmup=$MCP_WARMUP"
  echo "mcp_seconds=$MCP_SECONDS"
  echo "mcp_sandbox_webhooks=$MCP_SANDBOX_WEBHOOKS"
  echo "wrk_rounds=$WRK_ROUNDS"
  echo "wrk_seconds=$WRK_SECONDS"
  echo "wrk_connections=$WRK_CONNECTIONS"
  echo "pinned_core=$CORE"
  echo "interleaved=${IL_WARMUP}s+ warm-up, ${IL_ROUNDS} rounds of ${IL_BLOCK_MS} ms blocks"
  echo "face_java_opts=${FACE_JAVA_OPTS:-}"
} >"$OUT/machine.properties"

# --- 1. JMH ------------------------------------------------------------------------------------------------------
jmh() { # name, fork count, threads, warm-up iterations, measured iterations, contenders, [taskset prefix...]
  local name=$1 forks=$2 threads=$3 wi=$4 i=$5 clients=$6
  shift 6
  log "JMH $name: $clients, $threads thread(s), $forks fork(s), $wi + $i iterations"
  "$@" java -jar "$BENCH_JAR" ClientBenchmark -p client="$clients" -t "$threads" -f "$forks" \
    -wi "$wi" -w "$JMH_TIME" -i "$i" -r "$JMH_TIME" -prof gc \
    -rf json -rff "$OUT/jmh-$name.json" >"$OUT/jmh-$name.log" 2>&1 ||
    { tail -30 "$OUT/jmh-$name.log" >&2; exit 1; }
}
# One thread: the JMH worker and the in-process stub share one core, so no figure swings with cross-core wake-ups.
CORE_CONTENDERS=raw-okhttp,sdk-okhttp,openapi-generator
jmh 1t-core "$CORE_FORKS" 1 "$WI_1T" "$I_CORE" "$CORE_CONTENDERS" taskset -c "$CORE"
jmh 1t-other "$OTHER_FORKS" 1 "$WI_OTHER" "$I_OTHER" sdk-jdk,sdk-hc5 taskset -c "$CORE"
jmh 8t-core "$CORE_FORKS" 8 "$WI_8T" "$I_CORE" "$CORE_CONTENDERS"
# The SDK with an observation registry (timers, no tracing) against the SDK without: target ≤ 1.05× its time. Not
# as JMH forks: on this host two forks of the same client differ by up to 10 %, more than what is measured, and
# forks measured one after the other meet different loads. InterleavedCalls holds two copies of each in one JVM, each
# loaded by its own class loader (so the JIT compiles each on its own), and runs them in alternating blocks, 1 thread
# pinned with the stub to one core as in 1t-core.
log "interleaved: sdk-okhttp and sdk-okhttp-observed, two copies each, ${IL_WARMUP}s+ warm-up, $IL_ROUNDS rounds"
taskset -c "$CORE" java -Xms512m -Xmx512m -cp "$BENCH_JAR" org.openhumanitec.events.benchmarks.InterleavedCalls \
  --contenders sdk-okhttp,sdk-okhttp-observed,sdk-okhttp,sdk-okhttp-observed --warmup-s "$IL_WARMUP" \
  --rounds "$IL_ROUNDS" --block-ms "$IL_BLOCK_MS" --out "$OUT/interleaved-observed.json" \
  >"$OUT/interleaved-observed.log" 2>&1 || { tail -30 "$OUT/interleaved-observed.log" >&2; exit 1; }

# --- 2-4. the faces ----------------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# cpu_ticks, compiler_ticks, rss_kb, peak_kb, CLK_TCK and take_turns
source "$ROOT/benchmarks/turns.sh"

# Starts a process in the background, waits for the first 200 from a probe command; sets FACE_PID and STARTUP_MS.
# Returns 1 if the process exits or gives no 200 within 30 s.
start_face() { # name, probe command (a function), command...
  local name=$1 probe=$2
  shift 2
  local t0
  t0=$(now_ms)
  "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" &
  FACE_PID=$!
  PIDS+=("$FACE_PID")
  for _ in $(seq 1 3000); do
    if [[ $($probe) == 200 ]]; then
      STARTUP_MS=$(($(now_ms) - t0))
      log "$name up (pid $FACE_PID) after $STARTUP_MS ms"
      return 0
    fi
    if ! kill -0 "$FACE_PID" 2>/dev/null; then
      echo "$name exited during start-up:" >&2
      tail -20 "$OUT/$name.err" >&2
      return 1
    fi
    sleep 0.01
  done
  echo "$name gave no 200 within 30 s" >&2
  return 1
}

stop_face() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# wrk rounds against a URL; the warm-up round is not counted. Writes $OUT/<name>.rounds.jsonl, and
# $OUT/<name>.json with the process's CPU over the measured rounds, its start-up time and RSS.
load_face() { # name, pid, url, startup ms, warm-up seconds
  local name=$1 pid=$2 url=$3 startup=$4 warmup=$5
  log "$name: wrk warm-up ${warmup}s, then $WRK_ROUNDS x ${WRK_SECONDS}s, $WRK_CONNECTIONS connections"
  wrk -t2 -c"$WRK_CONNECTIONS" -d"${warmup}s" "$url" >/dev/null
  local before after
  before=$(cpu_ticks "$pid")
  : >"$OUT/$name.rounds.jsonl"
  for round in $(seq 1 "$WRK_ROUNDS"); do
    wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --latency -s "$ROOT/benchmarks/wrk-report.lua" "$url" \
      >"$OUT/$name.wrk$round.txt"
    grep '^{"requests"' "$OUT/$name.wrk$round.txt" >>"$OUT/$name.rounds.jsonl"
  done
  after=$(cpu_ticks "$pid")
  printf '{"face":"%s","startup_ms":%d,"cpu_ticks":%d,"clk_tck":%d,"rss_kb":%d,"peak_kb":%d}\n' \
    "$name" "$startup" "$((after - before))" "$CLK_TCK" "$(rss_kb "$pid")" "$(peak_kb "$pid")" >"$OUT/$name.json"
}

# The stub, served directly.
STUB_PORT=$(free_port)
STUB_URL=http://127.0.0.1:$STUB_PORT
probe_stub() { curl -s -o /dev/null -w '%{http_code}' "$STUB_URL$WEBHOOKS_PATH" || true; }
start_face stub probe_stub java -cp "$BENCH_JAR" org.openhumanitec.events.benchmarks.LoopbackStub --port "$STUB_PORT" ||
  exit 1
STUB_PID=$FACE_PID
load_face stub "$STUB_PID" "$STUB_URL$WEBHOOKS_PATH" "$STARTUP_MS" "$WRK_WARMUP"

if [[ -f $REST_JAR ]]; then
  # The REST face in gateway mode in front of the stub (its default logging: one access-log line per request).
  GATEWAY_PORT=$(free_port)
  GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT/v1$WEBHOOKS_PATH
  probe_gateway() { curl -s -o /dev/null -w '%{http_code}' "$GATEWAY_URL" || true; }
  HUMANITEC_API_KEY=benchmark-token start_face rest-gateway probe_gateway \
    java ${FACE_JAVA_OPTS:-} -jar "$REST_JAR" --port "$GATEWAY_PORT" --humanitec-url "$STUB_URL" || exit 1
  load_face rest-gateway "$FACE_PID" "$GATEWAY_URL" "$STARTUP_MS" "$GATEWAY_WARMUP"
  stop_face "$FACE_PID"

  # Start-up with an AppCDS archive of the classes a start and a first proxied call load (docs/configuration.md,
  # "Start-up"): a first run writes the archive as it exits, the next maps it.
  CDS_ARCHIVE=$OUT/rest-gateway.jsa
  HUMANITEC_API_KEY=benchmark-token start_face rest-gateway-cds-training probe_gateway \
    java ${FACE_JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$CDS_ARCHIVE" -jar "$REST_JAR" --port "$GATEWAY_PORT" \
    --humanitec-url "$STUB_URL" || exit 1
  stop_face "$FACE_PID"
  HUMANITEC_API_KEY=benchmark-token start_face rest-gateway-cds probe_gateway \
    java ${FACE_JAVA_OPTS:-} -XX:SharedArchiveFile="$CDS_ARCHIVE" -jar "$REST_JAR" --port "$GATEWAY_PORT" \
    --humanitec-url "$STUB_URL" || exit 1
  printf '{"face":"rest-gateway-cds","startup_ms":%d}\n' "$STARTUP_MS" >"$OUT/rest-gateway-cds.json"
  stop_face "$FACE_PID"

  # What /metrics (on by default) costs: the gateway with metrics on and with --disable-metrics, both running at
  # once and loaded in turns (take_turns), METRICS_PAIRS pairs of processes. Measured one after the other, 32 s
  # each, the same process's CPU per request moved by a third between its rounds with the machine's background
  # load, far more than the 5 % the target allows; in turns of a few seconds both meet the same load.
  for pair in $(seq 1 "$METRICS_PAIRS"); do
    ON_PORT=$(free_port)
    ON_URL=http://127.0.0.1:$ON_PORT/v1$WEBHOOKS_PATH
    probe_on() { curl -s -o /dev/null -w '%{http_code}' "$ON_URL" || true; }
    HUMANITEC_API_KEY=benchmark-token start_face "rest-gateway-metrics-on-$pair" probe_on \
      java ${FACE_JAVA_OPTS:-} -jar "$REST_JAR" --port "$ON_PORT" --humanitec-url "$STUB_URL" || exit 1
    ON_PID=$FACE_PID ON_STARTUP_MS=$STARTUP_MS
    OFF_PORT=$(free_port)
    OFF_URL=http://127.0.0.1:$OFF_PORT/v1$WEBHOOKS_PATH
    probe_off() { curl -s -o /dev/null -w '%{http_code}' "$OFF_URL" || true; }
    HUMANITEC_API_KEY=benchmark-token start_face "rest-gateway-metrics-off-$pair" probe_off \
      java ${FACE_JAVA_OPTS:-} -jar "$REST_JAR" --port "$OFF_PORT" --humanitec-url "$STUB_URL" --disable-metrics ||
      exit 1
    take_turns "$GATEWAY_WARMUP" \
      "rest-gateway-metrics-on-$pair" "$ON_PID" "$ON_STARTUP_MS" "$ROOT/benchmarks/wrk-report.lua" "$ON_URL" \
      "rest-gateway-metrics-off-$pair" "$FACE_PID" "$STARTUP_MS" "$ROOT/benchmarks/wrk-report.lua" "$OFF_URL"
    stop_face "$ON_PID"
    stop_face "$FACE_PID"
  done

  # The REST face in sandbox mode, seeded with the same 20 webhooks.
  SANDBOX_PORT=$(free_port)
  SANDBOX_URL=http://127.0.0.1:$SANDBOX_PORT/v1$WEBHOOKS_PATH
  probe_sandbox() { curl -s -o /dev/null -w '%{http_code}' "$SANDBOX_URL" || true; }
  start_face rest-sandbox probe_sandbox java ${FACE_JAVA_OPTS:-} -jar "$REST_JAR" --sandbox --port "$SANDBOX_PORT" ||
    exit 1
  java -cp "$BENCH_JAR" org.openhumanitec.events.benchmarks.StubPayloads | while read -r body; do
    curl -s -f -o /dev/null -X POST -H 'Content-Type: application/json' -d "$body" "$SANDBOX_URL"
  done
  items=$(curl -s "$SANDBOX_URL" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
  [[ $items == 20 ]] || { echo "the sandbox holds $items webhooks, not 20" >&2; exit 1; }
  load_face rest-sandbox "$FACE_PID" "$SANDBOX_URL" "$STARTUP_MS" "$WRK_WARMUP"
  stop_face "$FACE_PID"

  # For comparison: the same face with no JVM options on this host, where the JVM sizes its heap from all of the
  # machine's memory; RSS after the warm-up load only.
  start_face rest-sandbox-unlimited probe_sandbox java -jar "$REST_JAR" --sandbox --port "$SANDBOX_PORT" || exit 1
  wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_WARMUP}s" "$SANDBOX_URL" >/dev/null
  printf '{"face":"rest-sandbox-unlimited","startup_ms":%d,"rss_kb":%d}\n' "$STARTUP_MS" "$(rss_kb "$FACE_PID")" \
    >"$OUT/rest-sandbox-unlimited.json"
  stop_face "$FACE_PID"
else
  log "SKIPPED the REST face: $REST_JAR is not built"
fi
stop_face "$STUB_PID"

if [[ -f $MCP_JAR ]]; then
  MCP_PORT=$(free_port)
  MCP_URL=http://127.0.0.1:$MCP_PORT/mcp
  probe_mcp() {
    curl -s -o /dev/null -w '%{http_code}' -X POST "$MCP_URL" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' \
      -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}' ||
      true
  }
  # The MCP face is the newest: its failure is reported in docs/benchmarks.md rather than losing the whole run.
  if start_face mcp-sandbox probe_mcp java ${FACE_JAVA_OPTS:-} -jar "$MCP_JAR" --sandbox --port "$MCP_PORT"; then
    MCP_PID=$FACE_PID
    MCP_STARTUP_MS=$STARTUP_MS
    # mcp_load clients, seed, fill: one McpLoadClient run; a failure is reported rather than ending the run.
    mcp_load() {
      log "MCP: list-webhooks, $1 client(s), ${MCP_SECONDS}s${3:+, after filling the sandbox with $3 more webhooks}"
      if ! java -cp "$BENCH_JAR" org.openhumanitec.events.benchmarks.McpLoadClient --url "$MCP_URL" \
        --clients "$1" --warmup "$MCP_WARMUP" --duration "$MCP_SECONDS" --seed "$2" --fill "${3:-0}" \
        >"$OUT/mcp-$1.jsonl" 2>"$OUT/mcp-$1.err"; then
        tail -20 "$OUT/mcp-$1.err" >&2
        echo "the MCP load client failed with $1 client(s): see mcp-$1.err" >>"$OUT/mcp-failed.txt"
        rm -f "$OUT/mcp-$1.jsonl"
        return 1
      fi
    }
    mcp_load 1 20 || true
    mcp_load 8 0 || true
    printf '{"face":"mcp-sandbox","startup_ms":%d,"rss_kb":%d,"peak_kb":%d}\n' "$MCP_STARTUP_MS" \
      "$(rss_kb "$MCP_PID")" "$(peak_kb "$MCP_PID")" >"$OUT/mcp-sandbox.json"
    # Issue 20, item 14: memory with 64 sessions (the earlier rounds' are closed) and a large sandbox.
    if mcp_load "$MCP_MEMORY_CLIENTS" 0 "$MCP_FILL"; then
      filled=$(python3 -c 'import json, sys; print(json.loads(sys.stdin.read().splitlines()[-1])["filled"])' \
        <"$OUT/mcp-$MCP_MEMORY_CLIENTS.jsonl")
      printf '{"face":"mcp-sandbox","clients":%d,"sandbox_webhooks":%d,"rss_kb":%d,"peak_kb":%d}\n' \
        "$MCP_MEMORY_CLIENTS" "$((20 + filled))" "$(rss_kb "$MCP_PID")" "$(peak_kb "$MCP_PID")" \
        >"$OUT/mcp-sandbox-$MCP_MEMORY_CLIENTS.json"
    fi
    stop_face "$MCP_PID"
  else
    echo "the MCP face did not start: see mcp-sandbox.err" >"$OUT/mcp-failed.txt"
  fi
  # Issue 16, item 3: start-up over stdio, to initialize and the first tools/list, as a desktop client waits for it:
  # with the faces' options and C1 only (a short-lived process), then with an AppCDS archive added.
  log "MCP over stdio: start-up to initialize and to the first tools/list"
  python3 "$ROOT/benchmarks/stdio-startup.py" "$MCP_JAR" "$OUT" "$STDIO_RUNS" ${FACE_JAVA_OPTS:-} \
    -XX:TieredStopAtLevel=1 >&2 || echo "the stdio start-up measurement failed" >>"$OUT/mcp-failed.txt"
  if [[ -f $REST_JAR ]]; then
    log "side by side: REST GET against stateless MCP tools/call, $SIDE_PAIRS pair(s)"
    FACE_JAVA_OPTS=${FACE_JAVA_OPTS:-} TURN_ROUNDS=$TURN_ROUNDS TURN_SECONDS=$TURN_SECONDS \
      SETTLED_JIT_PERCENT=$SETTLED_JIT_PERCENT "$ROOT/benchmarks/side-by-side.sh" "$OUT" "$SIDE_PAIRS" \
      "$GATEWAY_WARMUP" || echo "the side-by-side CPU measurement failed" >>"$OUT/mcp-failed.txt"
  fi
else
  log "SKIPPED the MCP face: $MCP_JAR is not built yet (build sdk-adapters-mcp's runnable jar, then rerun)"
  echo "$MCP_JAR" >"$OUT/mcp-skipped.txt"
fi

echo "seconds=$(($(date +%s) - STARTED))" >>"$OUT/machine.properties"
echo "command=benchmarks/run.sh${1:+ $1}" >>"$OUT/machine.properties"
python3 "$ROOT/benchmarks/report.py" "$OUT" "$ROOT/docs/benchmarks.md"
log "done: docs/benchmarks.md (raw results in $OUT)"
