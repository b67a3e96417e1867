"""Figures for the window; see BENCHMARKS.md for how to read them.

1. API latency: a store of 100,000 events, one stream of 10,000 of them; pages of that stream
   (first, middle, last, newest first) fetched over HTTP, 50 times each after 5 warm-ups.
2. Memory: the server's resident set (VmRSS, and its peak VmHWM) with those 100,000 events, after
   the listing, the all-stream pages and a correlation scan have read them.
3. Append to shown: headless Chromium on the all-stream in follow mode; `workshop start-game` is
   run 30 times; for each event, the time from its append (its created-at, stamped by the store
   inside the append) to the moment its row is in the page (a MutationObserver's clock).
"""

import json
from datetime import datetime
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

WORKSHOP = sys.argv[1]
folder = Path(tempfile.mkdtemp(prefix="workshop-window-bench-"))
env = {"PATH": os.environ["PATH"], "HOME": str(folder / "home"), "LANG": "C.UTF-8"}
(folder / "home").mkdir()


def workshop(*words, workspace="ws"):
    return subprocess.run([WORKSHOP, "--workspace", str(folder / workspace), *words], env=env,
                          capture_output=True, text=True, check=True).stdout


def open_window(workspace):
    process = subprocess.Popen([WORKSHOP, "--workspace", str(folder / workspace), "ui", "--port", "0"],
                               env=env, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    return process, line.split("window on your store: ")[1].split(" ")[0]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def fill(workspace, total=100_000, big=10_000):
    """Writes events straight into the workspace's SQLite store (the tool created its schema)."""
    workshop("streams", workspace=workspace)
    db = sqlite3.connect(folder / workspace / ".workshop" / "events.sqlite")
    now = time.time()
    revisions = {}
    rows = []
    for index in range(total):
        stream = "order-1" if index % (total // big) == 0 else f"game-{index % 997}"
        revision = revisions.get(stream, 0)
        revisions[stream] = revision + 1
        data = json.dumps({"moveMade": {"player": "alice", "column": "C", "index": index}})
        rows.append((stream, revision, str(uuid.uuid4()).upper(), "MoveMade", data.encode(), b'{"command":"move"}',
                     None, str(uuid.uuid4()).upper(), now))
    db.executemany("INSERT INTO events (stream, revision, event_id, type, data, metadata, causation_id, "
                   "correlation_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.close()
    return revisions["order-1"]


def get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def memory(pid):
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return {name: int(fields[name].split()[0]) // 1024 for name in ("VmRSS", "VmHWM")}


def api_and_memory():
    count = fill("big")
    process, address = open_window("big")
    try:
        idle = memory(process.pid)
        pages = {
            "first page (50)": "api/streams/order-1?limit=50",
            "middle page (50)": f"api/streams/order-1?from={count // 2}&limit=50",
            "last page (50)": f"api/streams/order-1?from={count - 50}&limit=50",
            "newest first (50)": "api/streams/order-1?direction=backwards&limit=50",
            "a page of 1000": "api/streams/order-1?from=5000&limit=1000",
        }
        print(f"API latency, stream of {count} events in a store of 100000 (ms, 50 runs after 5 warm-ups)")
        for name, path in pages.items():
            for _ in range(5):
                get(address + path)
            times = [get(address + path) for _ in range(50)]
            print(f"  {name:20} median {statistics.median(times):6.1f}  p95 {percentile(times, 0.95):6.1f}")
        listing = [get(address + "api/streams") for _ in range(5)]
        print(f"  {'streams listing':20} median {statistics.median(listing):6.1f}  (998 streams)")
        newest = [get(address + "api/all?direction=backwards&limit=50") for _ in range(5)]
        print(f"  {'all-stream newest':20} median {statistics.median(newest):6.1f}")
        some = json.loads(urllib.request.urlopen(address + "api/streams/order-1?limit=1").read())["events"][0]
        scan = [get(address + "api/correlations/" + some["correlationId"]) for _ in range(3)]
        print(f"  {'correlation scan':20} median {statistics.median(scan):6.1f}  (reads all 100000)")
        after = memory(process.pid)
        print(f"server memory, 100000 events: idle {idle['VmRSS']} MiB; after the reads above {after['VmRSS']} MiB "
              f"(peak {after['VmHWM']} MiB)")
    finally:
        process.terminate()
        process.wait()


def append_to_shown(samples=30):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    workshop("catch-up", "5")
    workshop("start-game", "0", "warm", "up")
    process, address = open_window("ws")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        browser.get(address + "all?follow=1")
        time.sleep(1)
        browser.execute_script("""
            window.shownAt = {};
            new MutationObserver((changes) => { for (const change of changes) for (const node of change.addedNodes)
              if (node.dataset && node.dataset.position) window.shownAt[node.dataset.position] = Date.now(); })
              .observe(document.getElementById('events'), {childList: true});""")
        for game in range(1, samples + 1):
            workshop("start-game", str(game), "ann", "bo")
            time.sleep(0.2)
        time.sleep(1)
        shown = browser.execute_script("return window.shownAt;")
        events = json.loads(urllib.request.urlopen(address + "api/all?limit=1000").read())["events"]
        latencies = []
        for event in events:
            if str(event["position"]) in shown:
                stored = datetime.fromisoformat(event["createdAt"].replace("Z", "+00:00")).timestamp()
                latencies.append(shown[str(event["position"])] - stored * 1000)
        print(f"append to shown in the browser ({len(latencies)} of {samples} events): "
              f"median {statistics.median(latencies):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
              f"max {max(latencies):.0f} ms")
    finally:
        browser.quit()
        process.terminate()
        process.wait()


api_and_memory()
append_to_shown()
