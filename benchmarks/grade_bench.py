"""Grading throughput (issue 6): 100 submissions of one lesson (deciding), graded with --jobs 1 and
--jobs 2, against the floor: a bare `swiftc` compile of the same sources, one after another.

Usage: grade_bench.py BINARY REPOSITORY [COUNT]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

binary, repo = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 100
work = tempfile.mkdtemp(prefix="grade-bench-")
submissions = os.path.join(work, "submissions")
env = dict(os.environ, WORKSHOP_CACHE=os.path.join(work, "cache"))
# solutions/ holds overlays; the tool composes lesson 2's whole reference.
reference = os.path.join(work, "reference")
subprocess.run([binary, "reference", "2", "--to", reference], check=True, capture_output=True)
events = open(os.path.join(reference, "Sources/ConnectFour/Events.swift")).read()
decide = open(os.path.join(reference, "Sources/ConnectFour/Decide.swift")).read()
# A learner's own solution, not the reference verbatim (which earns no credit, --reference-code).
decide = decide.replace("guard playerOne != playerTwo", "guard playerTwo != playerOne")
starter = open(os.path.join(repo, "lessons/deciding/starter/Sources/ConnectFour/Decide.swift")).read()
for number in range(count):
    folder = os.path.join(submissions, f"learner-{number:03d}", "Sources/ConnectFour")
    os.makedirs(folder)
    # Three in four pass; every fourth is the starter. Each differs by a comment, as real ones do.
    with open(os.path.join(folder, "Events.swift"), "w") as out:
        out.write(events + f"\n// learner {number}\n")
    with open(os.path.join(folder, "Decide.swift"), "w") as out:
        out.write((starter if number % 4 == 3 else decide) + f"\n// learner {number}\n")

# Warm the kit cache, so both runs measure grading alone.
subprocess.run([binary, "grade", submissions, "--lessons", "2", "--out", os.path.join(work, "warm"), "--shard", f"1/{count}"],
               env=env, check=True, capture_output=True)


def grade(jobs):
    started = time.perf_counter()
    subprocess.run([binary, "grade", submissions, "--lessons", "2", "--out", os.path.join(work, f"out-{jobs}"), "--jobs", str(jobs)],
                   env=env, check=True, capture_output=True)
    return time.perf_counter() - started


one = grade(1)
two = grade(2)
started = time.perf_counter()
for number in range(count):
    folder = os.path.join(submissions, f"learner-{number:03d}", "Sources/ConnectFour")
    subprocess.run(["swiftc", "-parse-as-library", "-swift-version", "5", "-Onone", "-module-name", "ConnectFour", "-emit-library",
                    "-o", os.path.join(work, "floor.so"), os.path.join(folder, "Events.swift"), os.path.join(folder, "Decide.swift")],
                   check=True, capture_output=True)
floor = time.perf_counter() - started
csv = open(os.path.join(work, "out-2", "grades.csv")).read().splitlines()
print(json.dumps({
    "submissions": count,
    "jobs1_s": round(one, 1), "jobs2_s": round(two, 1),
    "jobs2_per_minute": round(count / two * 60),
    "speedup_jobs2_over_jobs1": round(one / two, 2),
    "bare_compile_floor_s": round(floor, 1),
    "jobs1_over_floor": round(one / floor, 2), "jobs2_over_floor": round(two / floor, 2),
    "passing": sum(1 for line in csv[1:] if line.endswith(",pass")),
    "sandboxed": shutil.which("bwrap") is not None,
}, indent=2))
shutil.rmtree(work)
