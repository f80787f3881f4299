#!/usr/bin/env bash
# Issue 16, item 4: the MCP face's CPU per stateless tools/call list-webhooks against the REST face's CPU per
# GET .../webhooks, measured side by side: both faces in sandbox mode seeded with the same 20 webhooks, the same JVM
# options, the same load (wrk, 16 connections), both running at once and loaded in turns (turns.sh: rounds of a
# few seconds, the order swapped every round, after a warm-up that lasts until both JITs have settled), PAIRS pairs
# of processes. benchmarks/run.sh runs it; it also runs alone (jars built).
#
# Usage: benchmarks/side-by-side.sh <results dir> <pairs> <warm-up seconds>
# Environment: FACE_JAVA_OPTS as in run.sh (set, possibly empty, by run.sh; the faces' recommended options if unset);
# TURN_ROUNDS, TURN_SECONDS and SETTLED_JIT_PERCENT as run.sh sets them (8, 3 and 2 if unset).
# Writes <results dir>/side-by-side-{rest,mcp}-<pair>.json and .rounds.jsonl, as run.sh does for the faces it loads.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[[ $# -eq 3 ]] || { echo "usage: benchmarks/side-by-side.sh <results dir> <pairs> <warm-up s>" >&2; exit 2; }
OUT=$1 PAIRS=$2 WARMUP=$3
FACE_JAVA_OPTS=${FACE_JAVA_OPTS--XX:+UseSerialGC -Xms16m -Xmx64m -XX:TrimNativeHeapInterval=5000}
TURN_ROUNDS=${TURN_ROUNDS:-8} TURN_SECONDS=${TURN_SECONDS:-3} SETTLED_JIT_PERCENT=${SETTLED_JIT_PERCENT:-2}
REST_JAR=$ROOT/sdk-adapters-rest/target/sdk-adapters-rest-0.1.0-SNAPSHOT-runnable.jar
MCP_JAR=$ROOT/sdk-adapters-mcp/target/sdk-adapters-mcp-0.1.0-SNAPSHOT-runnable.jar
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
WEBHOOKS_PATH=/orgs/acme-corp/apps/billing-api/webhooks
WRK_CONNECTIONS=16
STARTED=$(date +%s)
log() { printf '[side by side %4ss] %s\n' "$(($(date +%s) - STARTED))" "$*" >&2; }
source "$ROOT/benchmarks/turns.sh"
mkdir -p "$OUT"

PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
REST_PORT=$(free_port)
REST_URL=http://127.0.0.1:$REST_PORT/v1$WEBHOOKS_PATH
MCP_PORT=$(free_port)
MCP_URL=http://127.0.0.1:$MCP_PORT/mcp
mcp_post() { # JSON-RPC body; prints the HTTP status
  curl -s -o /dev/null -w '%{http_code}' -X POST "$MCP_URL" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -d "$1" || true
}
probe_rest() { curl -s -o /dev/null -w '%{http_code}' "$REST_URL" || true; }
probe_mcp() { mcp_post '{"jsonrpc":"2.0","id":1,"method":"ping"}'; }
seed_rest() { curl -s -f -o /dev/null -X POST -H 'Content-Type: application/json' -d "$1" "$REST_URL"; }
seed_mcp() {
  local status
  status=$(mcp_post '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"create-new-webhook","arguments":{"orgId":"acme-corp","appId":"billing-api","body":'"$1"'}}}')
  [[ $status == 200 ]]
}

# face (rest or mcp), pair: starts the face in sandbox mode and seeds it; sets FACE_PID and STARTUP_MS.
start() {
  local face=$1 pair=$2 jar=$REST_JAR flags=(--sandbox --port "$REST_PORT") probe=probe_rest seed=seed_rest t0
  [[ $face == rest ]] || { jar=$MCP_JAR; flags=(--sandbox --port "$MCP_PORT" --stateless); probe=probe_mcp; seed=seed_mcp; }
  t0=$(($(date +%s%N) / 1000000))
  java ${FACE_JAVA_OPTS:-} -jar "$jar" "${flags[@]}" >"$OUT/side-by-side-$face-$pair.out" \
    2>"$OUT/side-by-side-$face-$pair.err" &
  FACE_PID=$!
  PIDS+=("$FACE_PID")
  for _ in $(seq 1 3000); do
    [[ $($probe) == 200 ]] && break
    kill -0 "$FACE_PID" 2>/dev/null || { tail -20 "$OUT/side-by-side-$face-$pair.err" >&2; exit 1; }
    sleep 0.01
  done
  STARTUP_MS=$(($(date +%s%N) / 1000000 - t0))
  java -cp "$BENCH_JAR" org.openhumanitec.events.benchmarks.StubPayloads | while read -r body; do
    $seed "$body" || { echo "seeding the $face face failed" >&2; exit 1; }
  done
}

for pair in $(seq 1 "$PAIRS"); do
  start rest "$pair"
  REST_PID=$FACE_PID REST_STARTUP_MS=$STARTUP_MS
  start mcp "$pair"
  take_turns "$WARMUP" \
    "side-by-side-rest-$pair" "$REST_PID" "$REST_STARTUP_MS" "$ROOT/benchmarks/wrk-report.lua" "$REST_URL" \
    "side-by-side-mcp-$pair" "$FACE_PID" "$STARTUP_MS" "$ROOT/benchmarks/wrk-mcp-call.lua" "$MCP_URL"
  for pid in "$REST_PID" "$FACE_PID"; do
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done
  python3 - "$OUT" "$pair" <<'PY'
import json, pathlib, sys
out, pair = pathlib.Path(sys.argv[1]), sys.argv[2]
def per_call(face):
    summary = json.loads((out / f"side-by-side-{face}-{pair}.json").read_text())
    rounds = [json.loads(line) for line in (out / f"side-by-side-{face}-{pair}.rounds.jsonl").read_text().splitlines()]
    return summary["cpu_ticks"] / summary["clk_tck"] * 1000 / sum(r["requests"] for r in rounds)
rest, mcp = per_call("rest"), per_call("mcp")
print(f"pair {pair}: REST {rest:.3f} ms, MCP {mcp:.3f} ms of CPU per call: {mcp / rest:.2f}x", file=sys.stderr)
PY
done
