#!/usr/bin/env python3
"""Measures how long `trustsite serve` takes to show an edit of one control file.

    bench/serve_latency.py [path/to/trustsite] [EDITS] [SITE_DIR]

Copies SITE_DIR (default: the example site, this repository) to a temporary directory, starts
`trustsite serve --port 0 --offline` on it, then EDITS times (default 20): writes the first
controls file again with a new marker in its first control's English title (atomically: a
temporary file renamed over it, as editors save), and polls the home page over HTTP until the
marker is served. The latency is the time from the rename to the first response that holds
the marker. Between edits it waits a varying 0.3 to 0.8 s, so edits fall at every phase of
serve's polling interval. Prints the median, best and worst latency: what an editor waits
for, polling and rebuild together. Standard library only; figures: docs/performance.md.
"""
import http.client
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", path)
        return connection.getresponse().read()
    finally:
        connection.close()


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "trustsite"))
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    source = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else ROOT)
    work = tempfile.mkdtemp(prefix="trustsite-serve-bench-")
    site = os.path.join(work, "site")
    os.makedirs(site)
    shutil.copy(os.path.join(source, "site.yaml"), site)
    for sub in ("content", "monitoring", "locales", "templates", "themes"):
        if os.path.isdir(os.path.join(source, sub)) and not (source == ROOT and sub in ("locales", "themes")):
            shutil.copytree(os.path.join(source, sub), os.path.join(site, sub))
    controls = os.path.join(site, "content", "controls")
    target = os.path.join(controls, sorted(f for f in os.listdir(controls) if f.endswith(".yaml"))[0])
    with open(target, encoding="utf-8") as f:
        pristine = f.read()
    title = re.compile(r'(title: \{en: "?)')
    # The first control's title: the first 'title: {en: ' after 'controls:'.
    start = pristine.index("controls:")
    match = title.search(pristine, start)
    if match is None:
        sys.exit(f"no 'title: {{en: ...' after 'controls:' in {target}")

    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    server = subprocess.Popen([binary, "serve", "--site", site, "--port", "0", "--offline"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    try:
        port = None
        for line in server.stderr:
            found = re.search(r"serving the preview at http://[^:]+:(\d+)/", line)
            if found:
                port = int(found.group(1))
                break
        if port is None:
            sys.exit("trustsite serve did not start")
        # Drain serve's messages so it never blocks on a full pipe.
        drain = subprocess.Popen(["cat"], stdin=server.stderr, stdout=subprocess.DEVNULL)

        rng = random.Random(15)
        latencies = []
        for i in range(edits):
            time.sleep(0.3 + 0.5 * rng.random())
            marker = f"PROBE{i}x{rng.randrange(10**6)}"
            text = pristine[:match.end()] + marker + " " + pristine[match.end():]
            staged = os.path.join(work, "staged.yaml")
            with open(staged, "w", encoding="utf-8") as f:
                f.write(text)
            started = time.perf_counter()
            os.replace(staged, target)
            deadline = started + 10
            while marker.encode() not in fetch(port, "/en/index.html"):
                if time.perf_counter() > deadline:
                    sys.exit(f"edit {i}: not served after 10 s")
            latencies.append((time.perf_counter() - started) * 1000)
        latencies.sort()
        print(f"serve: edit of {os.path.relpath(target, site)} visible at /en/ after "
              f"median {statistics.median(latencies):.0f} ms, best {latencies[0]:.0f} ms, "
              f"worst {latencies[-1]:.0f} ms ({edits} edits, {os.cpu_count()} CPUs)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
