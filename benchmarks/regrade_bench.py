"""Regrading (issue 16, item 6): N submissions of one lesson (deciding) graded into a fresh --out,
then one of them changed and graded again into the same --out, against a full grade (--fresh).

Usage: regrade_bench.py BINARY REPOSITORY [COUNT]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

binary, repo = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 20
work = tempfile.mkdtemp(prefix="regrade-bench-")
submissions = os.path.join(work, "submissions")
out = os.path.join(work, "out")
env = dict(os.environ, WORKSHOP_CACHE=os.path.join(work, "cache"))
# solutions/ holds overlays; the tool composes lesson 2's whole reference.
reference = os.path.join(work, "reference")
subprocess.run([binary, "reference", "2", "--to", reference], check=True, capture_output=True)
events = open(os.path.join(reference, "Sources/ConnectFour/Events.swift")).read()
decide = open(os.path.join(reference, "Sources/ConnectFour/Decide.swift")).read()
# A learner's own solution, not the reference verbatim (which earns no credit, --reference-code).
decide = decide.replace("guard playerOne != playerTwo", "guard playerTwo != playerOne")
for number in range(count):
    folder = os.path.join(submissions, f"learner-{number:03d}", "Sources/ConnectFour")
    os.makedirs(folder)
    for name, text in [("Events.swift", events), ("Decide.swift", decide)]:
        with open(os.path.join(folder, name), "w") as file:
            file.write(text + f"\n// learner {number}\n")

# Warm the kit cache, so every run measures grading alone.
subprocess.run([binary, "grade", submissions, "--lessons", "2", "--out", os.path.join(work, "warm"), "--shard", f"1/{count}"],
               env=env, check=True, capture_output=True)


def grade(*extra):
    started = time.perf_counter()
    result = subprocess.run([binary, "grade", submissions, "--lessons", "2", "--out", out, "--jobs", "2", *extra],
                            env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - started, result.stdout


full, _ = grade()
with open(os.path.join(submissions, "learner-007", "Sources/ConnectFour/Decide.swift"), "a") as file:
    file.write("// changed\n")
regrade, said = grade()
unchanged, said_unchanged = grade()
fresh, _ = grade("--fresh")
print(json.dumps({
    "submissions": count,
    "full_grade_s": round(full, 1), "full_grade_fresh_s": round(fresh, 1),
    "regrade_one_changed_s": round(regrade, 1), "regrade_nothing_changed_s": round(unchanged, 1),
    "full_over_regrade": round(fresh / regrade, 1),
    "regrade_said": [line for line in said.splitlines() if line.startswith("graded ")],
    "unchanged_said": [line for line in said_unchanged.splitlines() if line.startswith("graded ")],
    "sandboxed": shutil.which("bwrap") is not None,
}, indent=2))
shutil.rmtree(work)
