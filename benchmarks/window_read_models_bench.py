"""Figures for the window's read models and time control; see BENCHMARKS.md for how to read them.

1. API latency of /api/read-models/NAME: the learner's projection (the reference of lesson 9, in
   the window's warm host) over stores of 400 and 4,000 coffee-shop events (100 and 1,000 orders,
   each placed, paid, prepared and served, written straight into the workspace's SQLite file),
   50 runs after 5 warm-ups; and /api/states/NAME?at=TIME for the same store.
2. Append to shown: headless Chromium on /read-models; `workshop pay-order` in another process
   20 times; for each, the time from the event's append (its created-at, stamped by the store
   inside the append) to the moment the queue panel holds that order (a MutationObserver's clock).
"""

import json
import os
import statistics
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import datetime
from pathlib import Path

WORKSHOP = sys.argv[1]
folder = Path(tempfile.mkdtemp(prefix="workshop-read-models-bench-"))
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


def get(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def fill(workspace, orders):
    """Each order placed, paid, prepared and served, as the shell's commands store them."""
    workshop("catch-up", "10", workspace=workspace)
    db = sqlite3.connect(folder / workspace / ".workshop" / "events.sqlite")
    now = time.time() - 3600
    rows = []
    for number in range(orders):
        order = f"o{number}"
        events = [
            ("OrderPlaced", {"orderPlaced": {"customerId": f"c{number % 50}", "items": ["latte"], "orderId": order, "total": 450}},
             "place-order"),
            ("OrderPaid", {"orderPaid": {"amount": 450, "orderId": order}}, "pay-order"),
            ("OrderPrepared", {"orderPrepared": {"barista": "bea", "orderId": order}}, "prepare-order"),
            ("OrderServed", {"orderServed": {"orderId": order}}, "serve-order"),
        ]
        for revision, (kind, data, command) in enumerate(events):
            rows.append((f"order-{order}", revision, str(uuid.uuid4()).upper(), kind, json.dumps(data).encode(),
                         json.dumps({"command": command}).encode(), None, str(uuid.uuid4()).upper(),
                         now + number + revision * 0.1))
    db.executemany("INSERT INTO events (stream, revision, event_id, type, data, metadata, causation_id, "
                   "correlation_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.close()
    return now


def api_latency():
    for orders in (100, 1000):
        workspace = f"orders-{orders}"
        start = fill(workspace, orders)
        process, address = open_window(workspace)
        try:
            print(f"API latency, {orders * 4} coffee-shop events (ms, 50 runs after 5 warm-ups)")
            at = datetime.utcfromtimestamp(start + orders // 2 + 0.5).strftime("%Y-%m-%dT%H:%M:%SZ")
            for name, path in [("read-models (list)", "api/read-models"), ("queue", "api/read-models/queue"),
                               ("loyalty (every customer)", "api/read-models/loyalty"),
                               ("loyalty?customer=c7", "api/read-models/loyalty?customer=c7"),
                               ("state of an order at a time", f"api/states/order-o{orders // 2}?at={at}")]:
                for _ in range(5):
                    get(address + path)
                times = [get(address + path) for _ in range(50)]
                print(f"  {name:28} median {statistics.median(times):7.1f}  p95 {percentile(times, 0.95):7.1f}")
        finally:
            process.terminate()
            process.wait()


def append_to_shown(samples=20):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    workshop("catch-up", "10")
    workshop("place-order", "warm", "ann", "latte")
    workshop("pay-order", "warm", "450")
    for number in range(1, samples + 1):
        workshop("place-order", f"o{number}", "ann", "latte")
    process, address = open_window("ws")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        browser.get(address + "read-models")
        deadline = time.time() + 180
        while "warm" not in browser.find_element("css selector", "section.read-model[data-name='queue']").text:
            assert time.time() < deadline, "the queue never showed"
            time.sleep(0.1)
        browser.execute_script("""
            window.shownAt = {};
            const panel = document.querySelector("section.read-model[data-name='queue']");
            new MutationObserver(() => { for (const item of panel.querySelectorAll('li'))
              if (!(item.textContent in window.shownAt)) window.shownAt[item.textContent] = Date.now(); })
              .observe(panel, {childList: true, subtree: true});""")
        for number in range(1, samples + 1):
            workshop("pay-order", f"o{number}", "450")
            time.sleep(0.3)
        time.sleep(1)
        shown = browser.execute_script("return window.shownAt;")
        latencies = []
        for number in range(1, samples + 1):
            paid = json.loads(urllib.request.urlopen(address + f"api/streams/order-o{number}").read())["events"][-1]
            stored = datetime.fromisoformat(paid["createdAt"].replace("Z", "+00:00")).timestamp()
            if f"o{number}" in shown:
                latencies.append(shown[f"o{number}"] - stored * 1000)
        print(f"append to read model shown in the browser ({len(latencies)} of {samples} payments, "
              f"{samples * 2 + 2}-{samples * 3 + 2} events in the store): "
              f"median {statistics.median(latencies):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
              f"max {max(latencies):.0f} ms")
    finally:
        browser.quit()
        process.terminate()
        process.wait()


api_latency()
append_to_shown()
