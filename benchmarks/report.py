#!/usr/bin/env python3
"""Writes docs/benchmarks.md from the raw results of benchmarks/run.sh.

Usage: benchmarks/report.py <results dir> <markdown file>

Medians: JMH's per-fork means, then the median over forks (the error column is JMH's 99.9% interval over all
measured iterations); wrk's rounds, then the median over rounds. Ratios compare contenders of the same run.
"""
import itertools
import json
import statistics
import sys
from pathlib import Path

OPERATIONS = [("listWebhooks", "list webhooks (20)"), ("getWebhook", "get webhook"), ("createWebhook", "create webhook")]
CONTENDERS = [("raw-okhttp", "raw OkHttp + Jackson"), ("sdk-okhttp", "SDK, OkHttp"),
              ("sdk-okhttp-observed", "SDK, OkHttp, observation registry"), ("sdk-jdk", "SDK, JDK HttpClient"),
              ("sdk-hc5", "SDK, Apache HC5"), ("openapi-generator", "OpenAPI Generator client")]
SDK, GENERATED, RAW = "sdk-okhttp", "openapi-generator", "raw-okhttp"
GATEWAY_CPU_TARGET_MS = 0.15
OBSERVABILITY_OVERHEAD_TARGET = 1.05  # metrics on / off, observation registry / none
STARTUP_TARGET_MS = 1500
RSS_TARGET_MB = 150
MCP_P50_TARGET_MS = 1.0
MCP_CPU_RATIO_TARGET = 2.5  # MCP CPU per stateless tools/call list-webhooks / REST CPU per GET …/webhooks
MCP_LOADS = (1, 8, 64)
MCP_MEMORY_CLIENTS = 64
SEEDED_WEBHOOKS = 20  # every sandbox face is seeded with the stub's list (StubPayloads.LIST_SIZE)
JMH_HEADING = "## The client against the generated client and raw OkHttp (JMH)"


def read_properties(path):
    values = {}
    for line in path.read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return values


def fork_median(raw_data):
    """The median over forks of each fork's mean, and the fork means' range."""
    means = [statistics.fmean(iterations) for iterations in raw_data if iterations]
    return statistics.median(means), min(means), max(means), len(means)


def read_jmh(results):
    """{(operation, threads, client): {time, time_err, time_lo, time_hi, forks, alloc, alloc_err}}"""
    cases = {}
    for path in sorted(results.glob("jmh-*.json")):
        for entry in json.loads(path.read_text()):
            operation = entry["benchmark"].rsplit(".", 1)[1]
            client = entry["params"]["client"]
            primary = entry["primaryMetric"]
            time, low, high, forks = fork_median(primary["rawData"])
            alloc = entry["secondaryMetrics"].get("gc.alloc.rate.norm")
            cases[(operation, entry["threads"], client)] = {
                "time": time, "time_err": primary["scoreError"], "time_lo": low, "time_hi": high, "forks": forks,
                "unit": primary["scoreUnit"],
                "alloc": fork_median(alloc["rawData"])[0] if alloc else None,
                "alloc_err": alloc["scoreError"] if alloc else None,
            }
    return cases


def number(value, digits=1):
    value = None if value is None else float(value)  # JMH writes "NaN" as a string
    if value is None or value != value:
        return "n/a"
    return f"{value:,.{digits}f}"


def verdict(ok):
    return "**met**" if ok else "**missed**"


def ratio(case, other, key):
    if not case or not other or not case.get(key) or not other.get(key):
        return None
    return case[key] / other[key]


def plural(count, noun):
    return f"{count} {noun}{'' if count == 1 else 's'}"


def times(value):
    return "n/a" if value is None else f"{value:.2f}×"


def throughput(case, threads):
    """Calls per second of all threads together: JMH's average time is per call and per thread."""
    return threads * 1e6 / case["time"] if case and case["time"] else None


def jmh_section(cases, lines, targets):
    threads_run = sorted({threads for (_, threads, _) in cases})
    for threads in threads_run:
        many = threads > 1
        lines += [f"### {threads} thread{'s' if many else ''}"
                  + (" (JMH worker and stub pinned to one core with taskset)" if not many else ""), "",
                  "| operation | client | time/op (µs) | ± error | fork range | alloc/op (B) | time vs raw | alloc vs raw |"
                  + (" throughput (calls/s) |" if many else ""),
                  "|---|---|---:|---:|---|---:|---:|---:|" + ("---:|" if many else "")]
        for operation, label in OPERATIONS:
            raw = cases.get((operation, threads, RAW))
            for client, client_label in CONTENDERS:
                case = cases.get((operation, threads, client))
                if case is None:
                    continue
                lines.append(
                    f"| {label} | {client_label} | {number(case['time'])} | {number(case['time_err'])} | "
                    f"{number(case['time_lo'])}–{number(case['time_hi'])} ({plural(case['forks'], 'fork')}) | "
                    f"{number(case['alloc'], 0)} | "
                    f"{'1' if client == RAW else times(ratio(case, raw, 'time'))} | "
                    f"{'1' if client == RAW else times(ratio(case, raw, 'alloc'))} |"
                    + (f" {number(throughput(case, threads), 0)} |" if many else ""))
        lines.append("")

    lines += ["### The SDK (OkHttp) against the generated client and raw OkHttp", "",
              "Ratios of this run's figures above: below 1 the SDK takes less time or allocates less.", "",
              "| operation | threads | time: SDK / generated | alloc: SDK / generated | time: SDK / raw | alloc: SDK / raw "
              "| throughput: SDK / generated |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for threads in threads_run:
        for operation, label in OPERATIONS:
            sdk = cases.get((operation, threads, SDK))
            generated = cases.get((operation, threads, GENERATED))
            raw = cases.get((operation, threads, RAW))
            if sdk is None:
                continue
            time_vs_generated = ratio(sdk, generated, "time")
            alloc_vs_generated = ratio(sdk, generated, "alloc")
            rate_vs_generated = throughput(sdk, threads) / throughput(generated, threads) if generated else None
            lines.append(f"| {label} | {threads} | {times(time_vs_generated)} | {times(alloc_vs_generated)} | "
                         f"{times(ratio(sdk, raw, 'time'))} | {times(ratio(sdk, raw, 'alloc'))} | "
                         f"{times(rate_vs_generated) if threads > 1 else '—'} |")
            if generated is None:
                continue
            if threads == 1:
                targets.append((f"SDK (OkHttp) time/op < the generated client's, {label}, 1 thread",
                                f"{time_vs_generated:.2f}×", time_vs_generated < 1))
            if alloc_vs_generated is not None:
                targets.append((f"SDK (OkHttp) alloc/op < the generated client's, {label}, {plural(threads, 'thread')}",
                                f"{alloc_vs_generated:.2f}×", alloc_vs_generated < 1))
            if threads > 1:
                targets.append((f"SDK (OkHttp) throughput ≥ the generated client's, {label}, {plural(threads, 'thread')}",
                                f"{rate_vs_generated:.2f}×", rate_vs_generated >= 1))
    lines.append("")


OBSERVED = "sdk-okhttp-observed"


def observed_section(results, lines, targets):
    """The client with an observation registry against the client without, from InterleavedCalls' rounds."""
    path = results / "interleaved-observed.json"
    if not path.exists():
        return
    run = json.loads(path.read_text())
    names = run["contenders"]
    copies = {name: [index for index, other in enumerate(names) if other == name] for name in (SDK, OBSERVED)}
    lines += ["### The SDK with an observation registry", "",
              "Micrometer's `DefaultMeterObservationHandler` (with its long-task timer, as Spring Boot sets it up) over a "
              "`SimpleMeterRegistry` (timers, no tracing), against the SDK without: 1 thread pinned with the stub to one "
              f"core, in one JVM holding {len(copies[SDK])} copies of each, every copy loaded by its own class loader "
              "so that the JIT compiles each on its own (`InterleavedCalls`). After "
              f"{run['warmup_ms'] / 1000:.0f} s of warm-up, {run['rounds']} rounds, each running a block of "
              f"{run['block_ms']} ms per copy and operation, the copies' order rotated every round; figures are the "
              "medians of the blocks' time per call over the rounds and the copies, and of the calling thread's "
              "allocation. It is not measured as JMH forks: two forks of the same client differ by up to 10 % on this "
              "host, more than the difference measured here (benchmarks/profiles.md); the two copies of one contender "
              "show what this method cannot tell apart.", "",
              "| operation | without (µs) | with (µs) | with / without | copy to copy, without | copy to copy, with "
              "| alloc/op without (B) | alloc/op with (B) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for operation, label in OPERATIONS:
        figures = run["operations"].get(operation)
        if not figures:
            continue
        rounds, allocations = figures["us_per_call"], figures["bytes_per_call"]

        def median(values, indices):
            return statistics.median(row[index] for row in values for index in indices)

        plain, observed = median(rounds, copies[SDK]), median(rounds, copies[OBSERVED])
        copy_to_copy = {name: median(rounds, indices[1:]) / median(rounds, indices[:1]) if len(indices) > 1 else None
                        for name, indices in copies.items()}
        overhead = observed / plain
        lines.append(f"| {label} | {number(plain)} | {number(observed)} | {times(overhead)} | "
                     f"{times(copy_to_copy[SDK])} | {times(copy_to_copy[OBSERVED])} | "
                     f"{number(median(allocations, copies[SDK]), 0)} | {number(median(allocations, copies[OBSERVED]), 0)} |")
        targets.append((f"SDK (OkHttp) with an observation registry: time/op ≤ {OBSERVABILITY_OVERHEAD_TARGET}× "
                        f"without, {label}, 1 thread", f"{overhead:.2f}×", overhead <= OBSERVABILITY_OVERHEAD_TARGET))
    lines.append("")


def read_face(results, name):
    summary_path = results / f"{name}.json"
    if not summary_path.exists():
        return None
    face = json.loads(summary_path.read_text())
    rounds_path = results / f"{name}.rounds.jsonl"
    rounds = [json.loads(line) for line in rounds_path.read_text().splitlines()] if rounds_path.exists() else []
    face["rounds"] = rounds
    if rounds:
        face["rps"] = statistics.median(r["requests"] / (r["duration_us"] / 1e6) for r in rounds)
        face["rps_lo"] = min(r["requests"] / (r["duration_us"] / 1e6) for r in rounds)
        face["rps_hi"] = max(r["requests"] / (r["duration_us"] / 1e6) for r in rounds)
        face["p50_ms"] = statistics.median(r["p50_us"] for r in rounds) / 1000
        face["p99_ms"] = statistics.median(r["p99_us"] for r in rounds) / 1000
        face["requests"] = sum(r["requests"] for r in rounds)
        face["failures"] = sum(r["socket_errors"] + r["non_2xx"] for r in rounds)
        face["cpu_ms_per_request"] = face["cpu_ticks"] / face["clk_tck"] * 1000 / face["requests"]
    return face


def face_options(options):
    if not options:
        return "none: the JVM sizes itself from all of this host's memory"
    if options == "-XX:+UseSerialGC -Xms16m -Xmx64m -XX:TrimNativeHeapInterval=5000":
        return f"`{options}`, as [configuration](configuration.md#running-a-face) recommends"
    return f"`{options}`"


STDIO_STARTUP_TARGET_MS = 500


def stdio_section(results, lines, targets):
    """Issue 16, item 3: the MCP face's start-up over stdio, to the answers a desktop client waits for."""
    path = results / "mcp-stdio-startup.json"
    if not path.exists():
        return
    variants = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    lines += ["## Start-up of the MCP face over stdio", "",
              "From process start to the answer of `initialize` and of the first `tools/list`, over stdio on the sandbox",
              "(`benchmarks/stdio-startup.py`: medians of the runs); the AppCDS archive is made by a first run with",
              "`-XX:ArchiveClassesAtExit`.", "",
              "| JVM options | initialize | first tools/list | runs |", "|---|---:|---:|---:|"]
    for variant in variants:
        lines.append(f"| `{variant['jvm_options']}` | {variant['median_initialize_ms']:.0f} ms | "
                     f"{variant['median_tools_list_ms']:.0f} ms | {len(variant['tools_list_ms'])} |")
        if variant["variant"] == "options + AppCDS":
            targets.append((f"MCP face over stdio: first tools/list ≤ {STDIO_STARTUP_TARGET_MS / 1000:.1f} s",
                            f"{variant['median_tools_list_ms'] / 1000:.2f} s",
                            variant["median_tools_list_ms"] <= STDIO_STARTUP_TARGET_MS))
    lines.append("")


def read_pairs(results, first, second):
    """The faces measured in turns (turns.sh), pair by pair: [(<first>-1, <second>-1), ...] while both were measured."""
    pairs = []
    for pair in itertools.count(1):
        faces = read_face(results, f"{first}-{pair}"), read_face(results, f"{second}-{pair}")
        if not all(face and face["rounds"] for face in faces):
            return pairs
        pairs.append(faces)


def metrics_target(results, lines, targets):
    """Issue 14: the gateway's CPU per proxied GET with metrics on against --disable-metrics, pair by pair."""
    target = f"gateway CPU per proxied GET with metrics on ≤ {OBSERVABILITY_OVERHEAD_TARGET}× off"
    pairs = [(on["cpu_ms_per_request"], off["cpu_ms_per_request"])
             for on, off in read_pairs(results, "rest-gateway-metrics-on", "rest-gateway-metrics-off")]
    if not pairs:
        targets.append((target, "not measured", None))
        return
    lines += ["Metrics on against `--disable-metrics`: a pair is two gateways running at once, loaded in turns "
              "(a few seconds each, the order swapped every round) so that both meet the same background load; "
              "each pair two new processes:", "",
              "| pair | CPU per request, metrics on | metrics off | on / off |", "|---:|---:|---:|---:|"]
    for number_, (on, off) in enumerate(pairs, 1):
        lines.append(f"| {number_} | {on:.3f} ms | {off:.3f} ms | {on / off:.2f}× |")
    lines.append("")
    ratios = [on / off for on, off in pairs]
    median = statistics.median(ratios)
    targets.append((target, f"{median:.2f}× (pairs {min(ratios):.2f}–{max(ratios):.2f}×)",
                    median <= OBSERVABILITY_OVERHEAD_TARGET))


def side_by_side_section(results, lines, targets):
    """Issue 16, item 4: the MCP face's CPU per stateless tools/call against the REST face's per GET, pair by pair."""
    target = (f"MCP CPU per call ≤ {MCP_CPU_RATIO_TARGET}× REST (stateless tools/call list-webhooks against "
              f"GET …/webhooks, sandbox, 20 webhooks)")
    pairs = read_pairs(results, "side-by-side-rest", "side-by-side-mcp")
    if not pairs:
        targets.append((target, "not measured", None))
        return
    lines += ["## The MCP face's CPU per call against the REST face's", "",
              "`benchmarks/side-by-side.sh`: the REST face's `GET …/webhooks` and the stateless MCP face's",
              "`tools/call list-webhooks` (`--stateless`), both in sandbox mode with the same 20 webhooks, the same JVM",
              "options and the same load (wrk, 16 connections); both running at once and loaded in turns (a few",
              "seconds each, the order swapped every round, after a warm-up until both JITs settled), each pair two new",
              "processes. CPU is the face process's (user + system) over its own measured rounds.", "",
              "| pair | REST CPU per GET | REST req/s | MCP CPU per tools/call | MCP req/s | MCP / REST |",
              "|---:|---:|---:|---:|---:|---:|"]
    ratios = []
    for number_, (rest, mcp) in enumerate(pairs, 1):
        ratios.append(mcp["cpu_ms_per_request"] / rest["cpu_ms_per_request"])
        lines.append(f"| {number_} | {rest['cpu_ms_per_request']:.3f} ms | {rest['rps']:,.0f} | "
                     f"{mcp['cpu_ms_per_request']:.3f} ms | {mcp['rps']:,.0f} | {ratios[-1]:.2f}× |")
    lines.append("")
    median = statistics.median(ratios)
    targets.append((target, f"{median:.2f}× (pairs {min(ratios):.2f}–{max(ratios):.2f}×)", median <= MCP_CPU_RATIO_TARGET))


def main():
    results, output = Path(sys.argv[1]), Path(sys.argv[2])
    machine = read_properties(results / "machine.properties")
    smoke = machine.get("mode") == "smoke"
    cases = read_jmh(results)
    targets = []
    lines = ["# Benchmarks", ""]
    if smoke:
        lines += ["> **SMOKE RUN — these figures mean nothing.** This page was written by `benchmarks/run.sh --smoke`",
                  "> (1 fork, 1-second iterations, 2-second load rounds) on a machine shared with builds, only to check",
                  "> the report. Rerun `benchmarks/run.sh` on a quiet machine for real figures.", ""]
    lines += [
        "Written by `benchmarks/report.py` from one run of `benchmarks/run.sh`; see `benchmarks/README.md` for what each",
        "benchmark measures. Single figures move 10–20% between runs on a shared 2-core machine: compare the ratios",
        "within this run, not figures across runs.", "",
        "## Machine and method", "",
        "| | |", "|---|---|",
        f"| date (UTC) | {machine.get('date')} |",
        f"| cores | {machine.get('cores')} ({machine.get('cpu')}), {machine.get('memory_gib')} GiB |",
        f"| JDK | {machine.get('java')} ({machine.get('java_vendor')}) |",
        f"| kernel | {machine.get('kernel')} |",
        f"| load average before | {machine.get('load_before')} |",
        f"| commit | {machine.get('commit')} |",
        f"| JMH | 1.37, average time, `-prof gc`; raw OkHttp, the SDK over OkHttp and the OpenAPI Generator client: "
        f"{machine.get('core_forks')} forks each, 1 thread {machine.get('jmh_1t')}, 8 threads {machine.get('jmh_8t')}; "
        f"the SDK's JDK and HC5 transports: {machine.get('other_forks')} fork, 1 thread, {machine.get('jmh_other')} |",
        f"| load | wrk, {machine.get('wrk_connections')} connections, 2 threads, a warm-up round "
        f"({machine.get('wrk_warmup')} s; {machine.get('gateway_warmup')} s for the gateway) then "
        f"{machine.get('wrk_rounds')} rounds of {machine.get('wrk_seconds')} s |",
        f"| MCP load | {machine.get('mcp_warmup')} s warm-up, then {machine.get('mcp_seconds')} s with 1, 8 and "
        f"{MCP_MEMORY_CLIENTS} clients; before the {MCP_MEMORY_CLIENTS}-client round the sandbox is filled to "
        f"{machine.get('mcp_sandbox_webhooks')} webhooks |",
        f"| faces' JVM options | {face_options(machine.get('face_java_opts'))} |",
        f"| whole run | {machine.get('seconds')} s |", "",
        "To reproduce:", "", "```bash", machine.get("command", "benchmarks/run.sh"), "```", "",
        JMH_HEADING, "",
        "Each contender calls the same in-process loopback stub (canned bytes, HTTP/1.1 keep-alive) with the same",
        "requests: raw OkHttp + Jackson and the SDK decode into the `sdk-api` records with `sdk-jackson`; the client",
        "OpenAPI Generator 7.x makes from `spec/humanitec` (Feign, its defaults) decodes into its generated models.",
        "Time/op is the median of the forks' means; the error is JMH's 99.9% interval; alloc/op is",
        "`gc.alloc.rate.norm` (bytes allocated per call by the whole JVM, stub included: it allocates nothing per",
        "request); throughput at 8 threads is 8 / time/op, all threads sharing one client.", ""]
    jmh_section(cases, lines, targets)
    observed_section(results, lines, targets)

    faces = {name: read_face(results, name) for name in ["stub", "rest-gateway", "rest-sandbox", "mcp-sandbox"]}
    lines += ["## The faces under load (wrk)", "",
              "`GET /v1/orgs/acme-corp/apps/billing-api/webhooks` (20 webhooks; the stub itself serves it without `/v1`).",
              "Medians over the rounds; CPU per request is the process's user + system CPU time over the measured rounds",
              "divided by the requests they served.", "",
              "| server | throughput (req/s) | round range | p50 (ms) | p99 (ms) | CPU per request (ms) | failed requests |",
              "|---|---:|---|---:|---:|---:|---:|"]
    labels = {"stub": "the stub, directly", "rest-gateway": "REST face, gateway mode → stub",
              "rest-sandbox": "REST face, sandbox mode", "mcp-sandbox": "MCP face, sandbox mode"}
    for name in ["stub", "rest-gateway", "rest-sandbox"]:
        face = faces[name]
        if face is None or not face["rounds"]:
            lines.append(f"| {labels[name]} | not run | | | | | |")
            continue
        lines.append(f"| {labels[name]} | {number(face['rps'], 0)} | {number(face['rps_lo'], 0)}–{number(face['rps_hi'], 0)} | "
                     f"{number(face['p50_ms'], 2)} | {number(face['p99_ms'], 2)} | {number(face['cpu_ms_per_request'], 3)} | "
                     f"{face['failures']} |")
    lines.append("")
    gateway = faces["rest-gateway"]
    if gateway and gateway["rounds"]:
        targets.append((f"gateway CPU per proxied GET …/webhooks: ≤ {GATEWAY_CPU_TARGET_MS} ms",
                        f"{gateway['cpu_ms_per_request']:.3f} ms", gateway["cpu_ms_per_request"] <= GATEWAY_CPU_TARGET_MS))
        metrics_target(results, lines, targets)
        stub = faces["stub"]
        if stub and stub["rounds"]:
            lines += [f"Gateway throughput is {gateway['rps'] / stub['rps']:.2f}× the stub's served directly "
                      f"(p50 {gateway['p50_ms']:.2f} ms against {stub['p50_ms']:.2f} ms).", ""]

    lines += ["## The MCP face", ""]
    mcp_runs = {}
    for clients in MCP_LOADS:
        path = results / f"mcp-{clients}.jsonl"
        if path.exists():
            mcp_runs[clients] = json.loads(path.read_text().strip().splitlines()[-1])
    failed = results / "mcp-failed.txt"
    if failed.exists():
        lines += ["**The MCP face failed in this run:** " + "; ".join(failed.read_text().split("\n")).strip("; ")
                  + " (in the results directory).", ""]
    if (results / "mcp-skipped.txt").exists() or not mcp_runs:
        if not failed.exists():
            lines += ["**Not measured in this run:** the MCP face's runnable jar "
                      "(`sdk-adapters-mcp/target/sdk-adapters-mcp-0.1.0-SNAPSHOT-runnable.jar`) was not built. Its "
                      "targets are listed below as not measured.", ""]
    else:
        lines += ["`tools/call list-webhooks` on the sandbox (seeded with the same 20 webhooks), each client with its own",
                  "session, calls back to back (`McpLoadClient`, JDK HttpClient). Before the "
                  f"{MCP_MEMORY_CLIENTS}-client round the sandbox is",
                  "filled with more webhooks in other apps of the org (20 to an app), through all its sessions at once;",
                  "the list under load stays the same 20.", "",
                  "| clients | webhooks in the sandbox | calls | items per answer | throughput (calls/s) | p50 (ms) "
                  "| p99 (ms) | errors |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for clients, run in sorted(mcp_runs.items()):
            held = SEEDED_WEBHOOKS + run.get("filled", 0)
            lines.append(f"| {clients} | {held:,} | {run['calls']} | {run['items']} | {number(run['throughput'], 0)} | "
                         f"{number(run['p50_ms'], 2)} | {number(run['p99_ms'], 2)} | {run['errors']} |")
        lines.append("")
        memory_run = mcp_runs.get(MCP_MEMORY_CLIENTS)
        if memory_run:
            lines += [f"The fill stored {memory_run['filled']:,} webhooks in {memory_run['fill_seconds']:.0f} s"
                      + (f" and stopped early: {memory_run['fill_stopped']}" if memory_run.get("fill_stopped") else "")
                      + ".", ""]
    p50 = mcp_runs[1]["p50_ms"] if 1 in mcp_runs else None
    targets.append((f"MCP tools/call list-webhooks p50, 1 client: ≤ {MCP_P50_TARGET_MS} ms",
                    "not measured" if p50 is None else f"{p50:.2f} ms", None if p50 is None else p50 <= MCP_P50_TARGET_MS))

    lines += ["## Start-up and memory", "",
              "Start-up: from launching `java -jar` to the first 200 on the endpoint under test (curl every 10 ms).",
              "RSS: the process's resident set (`VmRSS`) after its load; peak: the most it ever held (`VmHWM`).",
              f"The MCP face's memory target is read at its peak over the whole run, {MCP_MEMORY_CLIENTS}-client round "
              "included.", "",
              "| process | start-up to first 200 (ms) | RSS after load (MB) | peak RSS (MB) |", "|---|---:|---:|---:|"]
    mcp_memory = results / f"mcp-sandbox-{MCP_MEMORY_CLIENTS}.json"
    mcp_memory = json.loads(mcp_memory.read_text()) if mcp_memory.exists() else None
    for name in ["stub", "rest-gateway", "rest-sandbox", "mcp-sandbox"]:
        face = faces[name]
        if face is None:
            lines.append(f"| {labels[name]} | not run | not run | not run |")
            if name != "stub":
                targets.append((f"{labels[name]}: start-up ≤ {STARTUP_TARGET_MS / 1000:.1f} s, RSS ≤ {RSS_TARGET_MB} MB",
                                "not measured", None))
            continue
        rss_mb = face["rss_kb"] / 1024
        peak = f"{face['peak_kb'] / 1024:.0f}" if face.get("peak_kb") else "n/a"
        label = labels[name] + (", after 1 and 8 clients (20 webhooks)" if name == "mcp-sandbox" else "")
        lines.append(f"| {label} | {face['startup_ms']} | {rss_mb:.0f} | {peak} |")
        if name == "stub":
            continue
        targets.append((f"{labels[name]}: start-up ≤ {STARTUP_TARGET_MS / 1000:.1f} s",
                        f"{face['startup_ms'] / 1000:.2f} s", face["startup_ms"] <= STARTUP_TARGET_MS))
        cds = results / f"{name}-cds.json"
        if cds.exists():
            cds_ms = json.loads(cds.read_text())["startup_ms"]
            lines.append(f"| {labels[name]}, with an AppCDS archive | {cds_ms} | | |")
            targets.append((f"{labels[name]}, with an AppCDS archive: start-up ≤ {STARTUP_TARGET_MS / 1000:.1f} s",
                            f"{cds_ms / 1000:.2f} s", cds_ms <= STARTUP_TARGET_MS))
        if name != "mcp-sandbox":
            targets.append((f"{labels[name]}: RSS after load ≤ {RSS_TARGET_MB} MB", f"{rss_mb:.0f} MB",
                            rss_mb <= RSS_TARGET_MB))
        elif mcp_memory:
            held = mcp_memory["sandbox_webhooks"]
            peak_mb = mcp_memory["peak_kb"] / 1024
            lines.append(f"| {labels[name]}, after {MCP_MEMORY_CLIENTS} clients ({held:,} webhooks) | | "
                         f"{mcp_memory['rss_kb'] / 1024:.0f} | {peak_mb:.0f} |")
            targets.append((f"{labels[name]}: peak RSS with {MCP_MEMORY_CLIENTS} clients and {held:,} webhooks "
                            f"≤ {RSS_TARGET_MB} MB", f"{peak_mb:.0f} MB", peak_mb <= RSS_TARGET_MB))
        else:
            targets.append((f"{labels[name]}: peak RSS with {MCP_MEMORY_CLIENTS} clients ≤ {RSS_TARGET_MB} MB",
                            "not measured", None))
    lines.append("")
    unlimited = results / "rest-sandbox-unlimited.json"
    if unlimited.exists():
        rss = json.loads(unlimited.read_text())["rss_kb"] / 1024
        lines += [f"For comparison, the REST face in sandbox mode with no JVM option at all on this {machine.get('memory_gib')} GiB",
                  f"host, after the warm-up load: {rss:.0f} MB. Without a limit the JVM takes 1/64 of the machine's memory",
                  "as its initial heap and lets the garbage collector use it, so RSS follows the host, not the face; in a",
                  "container, or with `-Xmx`, it follows the limit: see [running a face](configuration.md#running-a-face).", ""]

    stdio_section(results, lines, targets)
    side_by_side_section(results, lines, targets)
    profiles = Path(__file__).with_name("profiles.md")
    if profiles.exists():
        lines += profiles.read_text().rstrip("\n").split("\n") + [""]

    met = sum(1 for _, _, ok in targets if ok)
    missed = sum(1 for _, _, ok in targets if ok is False)
    unmeasured = sum(1 for _, _, ok in targets if ok is None)
    summary = [f"## Targets: {met} met, {missed} missed" + (f", {unmeasured} not measured" if unmeasured else ""), ""]
    if smoke:
        summary += ["(A smoke run: these verdicts only show that the report works.)", ""]
    summary += ["| target | this run | verdict |", "|---|---:|---|"]
    for name, value, ok in targets:
        summary.append(f"| {name} | {value} | {'not measured' if ok is None else verdict(ok)} |")
    summary.append("")
    # The verdicts go first, after the machine and method.
    index = lines.index(JMH_HEADING)
    lines[index:index] = summary

    output.write_text("\n".join(lines))
    print(f"wrote {output}: {met} targets met, {missed} missed, {unmeasured} not measured")


if __name__ == "__main__":
    main()
