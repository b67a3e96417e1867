"""Figures for the room; see BENCHMARKS.md for how to read them.

A room server (`workshop room host` on loopback, SQLite in a temporary folder) and LEARNERS
simulated learners, each a thread that joins, then every PERIOD seconds records one new progress
event and posts the last six it has (so five of each six are re-sends, as a forwarder does after
a lost answer). The instructor's live feed (`/api/live`, server-sent events) is read throughout.

- events/s held: new events the room stored per second of the run;
- post latency: from a learner starting its POST to the room's answer (p50, p99);
- learner to view: from the POST that carries a new event to that event's arrival on the
  instructor's live feed (the page asks for the room 150 ms after it; not included);
- memory: the server's VmRSS and VmHWM at the end;
- exactly once: every event id sent is in the room's store once, and nothing else is.
"""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

WORKSHOP, LEARNERS, PERIOD, SECONDS = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
folder = Path(tempfile.mkdtemp(prefix="workshop-room-bench-"))
env = {"PATH": os.environ["PATH"], "HOME": str(folder), "LANG": "C.UTF-8"}
host = subprocess.Popen(
    [WORKSHOP, "room", "host", "--folder", str(folder / "room"), "--host", "127.0.0.1", "--port", "0"],
    env=env, stdout=subprocess.PIPE, text=True)
_, _, url, code = host.stdout.readline().split()
token = host.stdout.readline().split("#token=")[1].split()[0]

lock = threading.Lock()
posted_at = {}  # event id -> when the POST carrying it first started
arrived_at = {}
post_latencies = []
sent_ids = set()
errors = []


def post(path, body):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read()


def feed():
    request = urllib.request.Request(url + "/api/live?token=" + token)
    with urllib.request.urlopen(request, timeout=SECONDS + 60) as stream:
        for raw in stream:
            line = raw.decode()
            if line.startswith("data: "):
                event = json.loads(line[6:])
                with lock:
                    arrived_at.setdefault(event["eventId"].lower(), time.time())


def learner(index, stop):
    me = str(uuid.uuid4())
    post("/room/join", {"code": code, "learner": me, "name": f"learner-{index}"})
    events = []
    time.sleep(PERIOD * index / LEARNERS)  # spread over the period, as a room is
    while time.time() < stop:
        event_id = str(uuid.uuid4())
        events.append({"id": event_id, "type": "HintShown", "body": {"lesson": "deciding", "tier": 1},
                       "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        started = time.time()
        with lock:
            posted_at[event_id] = started
        try:
            post("/room/events", {"code": code, "learner": me, "events": events[-6:]})
            with lock:
                post_latencies.append(time.time() - started)
                sent_ids.add(event_id)
        except Exception as error:  # a lost answer: the next post re-sends it
            with lock:
                errors.append(str(error))
        time.sleep(max(0, PERIOD - (time.time() - started)))


threading.Thread(target=feed, daemon=True).start()
time.sleep(0.5)
stop = time.time() + SECONDS
threads = [threading.Thread(target=learner, args=(i, stop)) for i in range(LEARNERS)]
begun = time.time()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.time() - begun
time.sleep(2)  # the feed's last events
status = Path(f"/proc/{host.pid}/status").read_text()
memory = {line.split(":")[0]: line.split(":")[1].strip() for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
host.terminate()
host.wait()

database = sqlite3.connect(folder / "room" / "room.sqlite")
stored = [row[0].lower() for row in database.execute("SELECT event_id FROM events WHERE type = 'HintShown'")]
with lock:
    latencies = sorted(post_latencies)
    views = sorted(arrived_at[i] - posted_at[i] for i in posted_at if i in arrived_at)
    sent = {i.lower() for i in sent_ids}


def percentile(values, p):
    return values[min(len(values) - 1, int(len(values) * p))] * 1000 if values else float("nan")


print(f"{LEARNERS} learners, an event every {PERIOD:g} s each, {SECONDS:g} s: {len(stored)} events stored, "
      f"{len(stored) / elapsed:.1f} events/s held")
print(f"post latency: p50 {percentile(latencies, 0.5):.0f} ms, p99 {percentile(latencies, 0.99):.0f} ms, "
      f"max {latencies[-1] * 1000:.0f} ms; failed posts {len(errors)}")
print(f"learner to live feed: p50 {percentile(views, 0.5):.0f} ms, p99 {percentile(views, 0.99):.0f} ms ({len(views)} events)")
print(f"server memory: {memory.get('VmRSS')} resident, peak {memory.get('VmHWM')}")
doubles = len(stored) - len(set(stored))
lost = len(sent - set(stored))
print(f"exactly once: {doubles} doubled, {lost} acknowledged but missing, {len(set(stored) - set(posted_at))} unknown")
