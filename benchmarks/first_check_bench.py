"""The first check after `make run` (issue 10): `make run` builds the kit with `workshop prepare`,
so the learner's first check should cost what a check after an edit does (target: within 1.5x).

Measured in one run, so the ratios compare fairly on a shared machine:
1. `workshop prepare` on an empty kit cache (what `make run` adds, once per toolchain);
2. the first check of lesson 2 right after it (a fresh workspace: the host is compiled);
3. a warm check after an edit of one learner file: median of 7;
4. for comparison, a first check on an empty cache without prepare (it builds the kit itself).

Usage: first_check_bench.py BINARY REPOSITORY
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

binary, repo = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="first-check-bench-")


def workspace_env(name, cache):
    return os.path.join(work, name), dict(os.environ, WORKSHOP_CACHE=os.path.join(work, cache), NO_COLOR="1")


def timed(workspace, env, *args):
    started = time.perf_counter()
    result = subprocess.run([binary, "--workspace", workspace, *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if args[0] != "check" and result.returncode != 0:
        raise SystemExit(f"workshop {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def deciding(workspace, env):
    subprocess.run([binary, "--workspace", workspace, "catch-up", "2"], env=env, check=True, capture_output=True)
    # solutions/ holds overlays; the tool composes lesson 2's whole reference.
    reference = tempfile.mkdtemp(prefix="first-check-reference-")
    subprocess.run([binary, "reference", "2", "--to", reference], check=True, capture_output=True)
    shutil.copy(os.path.join(reference, "Sources/ConnectFour/Decide.swift"), os.path.join(workspace, "Sources/ConnectFour/Decide.swift"))
    shutil.rmtree(reference)


try:
    workspace, env = workspace_env("ws", "cache")
    deciding(workspace, env)
    prepare = timed(workspace, env, "prepare")
    first = timed(workspace, env, "check", "2")
    warm = []
    decide_file = os.path.join(workspace, "Sources/ConnectFour/Decide.swift")
    for counter in range(7):
        with open(decide_file, "a") as source:
            source.write(f"// edit {counter}\n")
        warm.append(timed(workspace, env, "check", "2"))
    bare_workspace, bare_env = workspace_env("ws-bare", "cache-bare")
    deciding(bare_workspace, bare_env)
    unprepared = timed(bare_workspace, bare_env, "check", "2")
    median = statistics.median(warm)
    print(f"prepare (once per toolchain, during make run): {prepare:.2f} s")
    print(f"first check after prepare: {first:.2f} s")
    print(f"warm check after an edit (median of 7): {median:.2f} s")
    print(f"first check / warm check: {first / median:.2f} (target <= 1.5)")
    print(f"first check without prepare: {unprepared:.2f} s ({unprepared / median:.2f} x warm)")
finally:
    shutil.rmtree(work, ignore_errors=True)
