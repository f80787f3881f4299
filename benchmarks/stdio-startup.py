#!/usr/bin/env python3
"""Start-up of the MCP face over stdio, as a desktop client sees it (issue 16, item 3).

Starts `java <options> -jar <jar> --sandbox --stdio` several times and measures, from process start, the time to
the answer of `initialize` and to the answer of the first `tools/list`. Once with the JVM options given, then with
an AppCDS archive of the classes a start loads (made on a first run with -XX:ArchiveClassesAtExit) added to them.

Usage: stdio-startup.py <jar> <output dir> <runs> [JVM options...]
Writes <output dir>/mcp-stdio-startup.json: one object per variant with the runs' times in milliseconds.
"""
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

INITIALIZE = (b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
              b'"capabilities":{},"clientInfo":{"name":"stdio-startup","version":"1"}}}\n')
TOOLS_LIST = b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n{"jsonrpc":"2.0","id":2,"method":"tools/list"}\n'


def start_once(jar, options):
    """Milliseconds to the initialize answer and to the tools/list answer."""
    started = time.monotonic()
    process = subprocess.Popen(["java", *options, "-jar", jar, "--sandbox", "--stdio"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        process.stdin.write(INITIALIZE)
        process.stdin.flush()
        if b'"id":1' not in process.stdout.readline():
            raise RuntimeError("no initialize answer")
        initialized = time.monotonic() - started
        process.stdin.write(TOOLS_LIST)
        process.stdin.flush()
        if b'"id":2' not in process.stdout.readline():
            raise RuntimeError("no tools/list answer")
        listed = time.monotonic() - started
        process.stdin.close()
        if process.wait(timeout=30) != 0:
            raise RuntimeError("exit status %d after stdin closed" % process.returncode)
        return round(initialized * 1000), round(listed * 1000)
    finally:
        if process.poll() is None:
            process.kill()


def main():
    jar, out, runs, options = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    archive = out / "mcp-stdio.jsa"
    archive.unlink(missing_ok=True)
    start_once(jar, [*options, "-XX:ArchiveClassesAtExit=" + str(archive)])
    results = []
    for name, variant in (("options", options), ("options + AppCDS", [*options, "-XX:SharedArchiveFile=" + str(archive)])):
        times = [start_once(jar, variant) for _ in range(runs)]
        results.append({
            "variant": name,
            "jvm_options": " ".join(variant),
            "initialize_ms": [t[0] for t in times],
            "tools_list_ms": [t[1] for t in times],
            "median_initialize_ms": statistics.median(t[0] for t in times),
            "median_tools_list_ms": statistics.median(t[1] for t in times),
        })
    (out / "mcp-stdio-startup.json").write_text("".join(json.dumps(r) + "\n" for r in results))
    for r in results:
        print("%s: initialize %d ms, tools/list %d ms (medians of %d)" % (
            r["variant"], r["median_initialize_ms"], r["median_tools_list_ms"], runs))


if __name__ == "__main__":
    main()
