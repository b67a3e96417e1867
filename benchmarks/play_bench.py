"""Typed command to stream shown (issue 4): 1,000 `start-game` commands piped through script mode,
each running the learner's decide in the warm host, appending to SQLite and printing the stream.
The time per command is the gap between consecutive echoed prompts. Usage: play_bench.py BINARY REPO"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

binary, repo = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="play-bench-")
workspace = os.path.join(work, "ws")
env = dict(os.environ, WORKSHOP_CACHE=os.path.join(work, "cache"), NO_COLOR="1")
subprocess.run([binary, "--workspace", workspace, "catch-up", "2"], env=env, check=True, capture_output=True)
# solutions/ holds overlays; the tool composes lesson 2's whole reference.
subprocess.run([binary, "reference", "2", "--to", os.path.join(work, "reference")], check=True, capture_output=True)
shutil.copy(os.path.join(work, "reference/Sources/ConnectFour/Decide.swift"), os.path.join(workspace, "Sources/ConnectFour/Decide.swift"))
subprocess.run([binary, "--workspace", workspace, "start-game", "0", "warm", "up"], env=env, check=True, capture_output=True)
count = 1000
script = "".join(f"start-game {n} alice bob\n" for n in range(1, count + 1)) + "quit\n"
process = subprocess.Popen([binary, "--workspace", workspace], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
started = time.perf_counter()
process.stdin.write(script.encode())
process.stdin.close()
stamps = []
for line in process.stdout:
    if line.startswith(b"workshop> "):
        stamps.append(time.perf_counter())
process.wait()
total = time.perf_counter() - started
gaps = [b - a for a, b in zip(stamps, stamps[1:])]
print(f"{count} commands in {total:.2f} s · per command: median {statistics.median(gaps) * 1000:.1f} ms, "
      f"mean {statistics.mean(gaps) * 1000:.1f} ms, 95th percentile {sorted(gaps)[int(len(gaps) * 0.95)] * 1000:.1f} ms")
shutil.rmtree(work)
