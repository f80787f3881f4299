#!/usr/bin/env bash
# Issue 16, item 4: the MCP face's CPU per stateless tools/call list-webhooks against the REST face's CPU per
# GET .../webhooks, measured side by side: both faces in sandbox mode seeded with the same 20 webhooks, the same JVM
# options, the same load (wrk, 16 connections), one face after the other, PAIRS times over so that the ratio of each
# pair is measured under the same background load. benchmarks/run.sh runs it; it also runs alone (jars built).
#
# Usage: benchmarks/side-by-side.sh <results dir> <pairs> <warm-up seconds> <measured seconds>
# Environment: FACE_JAVA_OPTS as in run.sh (set, possibly empty, by run.sh; the faces' recommended options if unset).
# Writes <results dir>/side-by-side.jsonl: one line per face and pair with its requests and CPU ticks.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[[ $# -eq 4 ]] || { echo "usage: benchmarks/side-by-side.sh <results dir> <pairs> <warm-up s> <measured s>" >&2; exit 2; }
OUT=$1 PAIRS=$2 WARMUP=$3 SECONDS_MEASURED=$4
FACE_JAVA_OPTS=${FACE_JAVA_OPTS--XX:+UseSerialGC -Xms16m -Xmx64m -XX:TrimNativeHeapInterval=5000}
REST_JAR=$ROOT/sdk-adapters-rest/target/sdk-adapters-rest-0.1.0-SNAPSHOT-runnable.jar
MCP_JAR=$ROOT/sdk-adapters-mcp/target/sdk-adapters-mcp-0.1.0-SNAPSHOT-runnable.jar
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
WEBHOOKS_PATH=/orgs/acme-corp/apps/billing-api/webhooks
CONNECTIONS=16
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$OUT"

FACE_PID=
trap '[[ -z $FACE_PID ]] || kill "$FACE_PID" 2>/dev/null || true' EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
REST_URL=http://127.0.0.1:$port/v1$WEBHOOKS_PATH
MCP_URL=http://127.0.0.1:$port/mcp
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

# face name, probe, seed, wrk arguments...: starts the face, seeds it, warms it up, then measures one wrk run.
measure() {
  local face=$1 probe=$2 seed=$3 pair=$4
  shift 4
  local jar=$REST_JAR flags=(--sandbox --port "$port")
  [[ $face == rest ]] || { jar=$MCP_JAR; flags+=(--stateless); }
  java ${FACE_JAVA_OPTS:-} -jar "$jar" "${flags[@]}" >"$OUT/side-by-side-$face.out" 2>"$OUT/side-by-side-$face.err" &
  FACE_PID=$!
  for _ in $(seq 1 3000); do
    [[ $($probe) == 200 ]] && break
    kill -0 "$FACE_PID" 2>/dev/null || { tail -20 "$OUT/side-by-side-$face.err" >&2; exit 1; }
    sleep 0.01
  done
  java -cp "$BENCH_JAR" org.openhumanitec.events.benchmarks.StubPayloads | while read -r body; do
    $seed "$body" || { echo "seeding the $face face failed" >&2; exit 1; }
  done
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$@" >/dev/null
  local before after
  before=$(awk '{print $14 + $15}' "/proc/$FACE_PID/stat")
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_MEASURED}s" --latency "$@" >"$OUT/side-by-side-$face-$pair.txt"
  after=$(awk '{print $14 + $15}' "/proc/$FACE_PID/stat")
  kill "$FACE_PID"
  wait "$FACE_PID" 2>/dev/null || true
  FACE_PID=
  printf '{"pair":%d,"face":"%s","cpu_ticks":%d,"clk_tck":%d,"wrk":%s}\n' "$pair" "$face" "$((after - before))" \
    "$CLK_TCK" "$(grep '^{"requests"' "$OUT/side-by-side-$face-$pair.txt")" >>"$OUT/side-by-side.jsonl"
}

: >"$OUT/side-by-side.jsonl"
for pair in $(seq 1 "$PAIRS"); do
  measure rest probe_rest seed_rest "$pair" -s "$ROOT/benchmarks/wrk-report.lua" "$REST_URL"
  measure mcp probe_mcp seed_mcp "$pair" -s "$ROOT/benchmarks/wrk-mcp-call.lua" "$MCP_URL"
  tail -2 "$OUT/side-by-side.jsonl" | python3 -c '
import json, sys
rest, mcp = (json.loads(line) for line in sys.stdin)
per = lambda r: r["cpu_ticks"] / r["clk_tck"] * 1000 / r["wrk"]["requests"]
print("pair %d: REST %.3f ms, MCP %.3f ms of CPU per call: %.2fx" % (rest["pair"], per(rest), per(mcp), per(mcp) / per(rest)),
      file=sys.stderr)'
done
