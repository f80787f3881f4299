# Sourced by run.sh and side-by-side.sh: what they measure of a face's process, and two faces measured in turns.
# Needs OUT (the results directory), WRK_CONNECTIONS, TURN_ROUNDS, TURN_SECONDS, SETTLED_JIT_PERCENT and a log
# function; wrk scripts are given per face (run from the project's root, as wrk-report.lua's users are).

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
peak_kb() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }
# The CPU ticks of a JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"; utime and stime are the 12th
# and 13th fields after the thread's name).
compiler_ticks() {
  local thread total=0
  for thread in /proc/"$1"/task/*; do
    [[ $(cat "$thread/comm" 2>/dev/null) == *CompilerThre* ]] || continue
    total=$((total + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "$thread/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
CLK_TCK=$(getconf CLK_TCK)

# Two running faces loaded in turns, a round each (the order swapped every round), so that both meet the same
# background load at the same time. Warm-up rounds first, not counted: at least the given seconds each, and then
# until the JIT has settled in both (their compiler threads below SETTLED_JIT_PERCENT of the process's CPU over a
# round of both; after a fixed warm-up of 20 s the compiler still took up to a third of a gateway's CPU on this
# host when other work ran), at most three times the given seconds. Then TURN_ROUNDS measured rounds each of
# TURN_SECONDS. Writes each face's $OUT/<name>.rounds.jsonl and $OUT/<name>.json as run.sh's load_face does, the CPU ticks
# being those of its own measured rounds only, and the warm-up it took.
take_turns() { # warm-up seconds, then name, pid, start-up ms, wrk script and URL of the first face and of the second
  local warmup=$1
  local names=("$2" "$7") pids=("$3" "$8") startups=("$4" "$9") scripts=("$5" "${10}") urls=("$6" "${11}")
  log "${names[0]} and ${names[1]} in turns: warm-up ${warmup}s or more each, then $TURN_ROUNDS x ${TURN_SECONDS}s each"
  local elapsed=0 face settled all_before jit_before
  while :; do
    for face in 0 1; do
      all_before[face]=$(cpu_ticks "${pids[$face]}")
      jit_before[face]=$(compiler_ticks "${pids[$face]}")
    done
    for face in 0 1; do
      wrk -t2 -c"$WRK_CONNECTIONS" -d"${TURN_SECONDS}s" -s "${scripts[$face]}" "${urls[$face]}" >/dev/null
    done
    elapsed=$((elapsed + TURN_SECONDS))
    settled=1
    for face in 0 1; do
      (( ($(compiler_ticks "${pids[$face]}") - jit_before[face]) * 100 <=
        ($(cpu_ticks "${pids[$face]}") - all_before[face]) * SETTLED_JIT_PERCENT )) || settled=0
    done
    ((elapsed < warmup || (settled == 0 && elapsed < 3 * warmup))) || break
  done
  log "warmed up for ${elapsed}s each$( ((settled)) || echo ', the JIT still busy')"
  local ticks=(0 0) round order before
  for face in 0 1; do : >"$OUT/${names[$face]}.rounds.jsonl"; done
  for round in $(seq 1 "$TURN_ROUNDS"); do
    if ((round % 2)); then order=(0 1); else order=(1 0); fi
    for face in "${order[@]}"; do
      before=$(cpu_ticks "${pids[$face]}")
      wrk -t2 -c"$WRK_CONNECTIONS" -d"${TURN_SECONDS}s" --latency -s "${scripts[$face]}" "${urls[$face]}" \
        >"$OUT/${names[$face]}.wrk$round.txt"
      ticks[face]=$((ticks[face] + $(cpu_ticks "${pids[$face]}") - before))
      grep '^{"requests"' "$OUT/${names[$face]}.wrk$round.txt" >>"$OUT/${names[$face]}.rounds.jsonl"
    done
  done
  for face in 0 1; do
    printf '{"face":"%s","startup_ms":%d,"cpu_ticks":%d,"clk_tck":%d,"rss_kb":%d,"peak_kb":%d,"warmup_s":%d}\n' \
      "${names[$face]}" "${startups[$face]}" "${ticks[$face]}" "$CLK_TCK" "$(rss_kb "${pids[$face]}")" \
      "$(peak_kb "${pids[$face]}")" "$elapsed" >"$OUT/${names[$face]}.json"
  done
}
