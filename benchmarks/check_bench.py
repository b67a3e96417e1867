"""Benchmarks of `check` (issue 3), measured in one run so their ratios compare fairly.

1. check of an unchanged workspace (no compile) against a 10-scenario suite: median of 20 runs;
2. check after editing one learner file, against the floor: a bare `swiftc` compile of the same
   learner files (compile and link, as a library), and against `swift build` + `swift test` of an
   equivalent package; median of 7 edits each;
3. decide requests per second answered by a warm host.

Usage: check_bench.py BINARY REPOSITORY
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

binary, repo = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="check-bench-")
workspace = os.path.join(work, "ws")
env = dict(os.environ, WORKSHOP_CACHE=os.path.join(work, "cache"), NO_COLOR="1")
decide_file = os.path.join(workspace, "Sources/ConnectFour/Decide.swift")


def workshop(*args, check=True):
    result = subprocess.run([binary, "--workspace", workspace, *args], env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"workshop {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result


def timed(command, **kwargs):
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - started


def edit(counter):
    # A new comment each time: the fingerprint changes, so the file is compiled again.
    with open(decide_file, "a") as source:
        source.write(f"// edit {counter}\n")


# The deciding lesson, passing: lesson 1's reference and lesson 2's.
workshop("catch-up", "2")
# solutions/ holds overlays; the tool composes lesson 2's whole reference.
subprocess.run([binary, "reference", "2", "--to", os.path.join(work, "reference")], check=True, capture_output=True)
shutil.copy(os.path.join(work, "reference/Sources/ConnectFour/Decide.swift"), decide_file)
workshop("check", "2")

unchanged = [timed([binary, "--workspace", workspace, "check", "2"], env=env) for _ in range(20)]

learner_files = sorted(os.path.join(workspace, "Sources/ConnectFour", name)
                       for name in os.listdir(os.path.join(workspace, "Sources/ConnectFour")))
floor_out = os.path.join(work, "libConnectFour.so")
after_edit, floor = [], []
for counter in range(7):
    edit(counter)
    after_edit.append(timed([binary, "--workspace", workspace, "check", "2"], env=env))
    floor.append(timed(["swiftc", "-parse-as-library", "-swift-version", "5", "-Onone", "-module-name", "ConnectFour",
                        "-emit-library", "-o", floor_out, *learner_files]))

# An equivalent package: the learner's module plus one test target with the same ten scenarios' calls.
package = os.path.join(work, "pkg")
os.makedirs(os.path.join(package, "Sources/ConnectFour"))
os.makedirs(os.path.join(package, "Tests/ConnectFourTests"))
for path in learner_files:
    shutil.copy(path, os.path.join(package, "Sources/ConnectFour"))
with open(os.path.join(package, "Package.swift"), "w") as manifest:
    manifest.write('// swift-tools-version: 6.0\nimport PackageDescription\nlet package = Package(name: "ConnectFour", '
                   'targets: [.target(name: "ConnectFour", swiftSettings: [.swiftLanguageMode(.v5)]), '
                   '.testTarget(name: "ConnectFourTests", dependencies: ["ConnectFour"])])\n')
with open(os.path.join(package, "Tests/ConnectFourTests/DecideTests.swift"), "w") as tests:
    tests.write("import Testing\n@testable import ConnectFour\n")
    for index, (one, two) in enumerate([("alice", "bob"), ("bob", "alice"), ("", "bob"), ("alice", "  "), ("alice", "alice"),
                                        ("alice", "Alice"), ("", ""), ("carol", "dave"), ("x", "y"), ("p", "q")]):
        tests.write(f'@Test func scenario{index}() {{ _ = try? decide(.startGame(playerOne: "{one}", playerTwo: "{two}"), given: []) }}\n')
subprocess.run(["swift", "build", "--build-tests"], cwd=package, check=True, capture_output=True)
package_runs = []
package_decide = os.path.join(package, "Sources/ConnectFour/Decide.swift")
for counter in range(7):
    with open(package_decide, "a") as source:
        source.write(f"// edit {counter}\n")
    started = time.perf_counter()
    subprocess.run(["swift", "build", "--build-tests"], cwd=package, check=True, capture_output=True)
    subprocess.run(["swift", "test", "--skip-build"], cwd=package, check=True, capture_output=True)
    package_runs.append(time.perf_counter() - started)

# A warm host answering decide requests over its own descriptors, as the tool asks them.
hosts = [os.path.join(workspace, ".workshop/build", name) for name in os.listdir(os.path.join(workspace, ".workshop/build"))
         if name.startswith("host-") and ".partial" not in name]
host = max(hosts, key=os.path.getmtime)
request_read, request_write = os.pipe()
answer_read, answer_write = os.pipe()
# The shell puts the pipe ends on descriptors 3 and 4, where the host expects them.
process = subprocess.Popen(["sh", "-c", f'exec "$0" 3<&{request_read} 4>&{answer_write}', host],
                           pass_fds=(request_read, answer_write), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(request_read)
os.close(answer_write)
requests = os.fdopen(request_write, "w", buffering=1)
answers = os.fdopen(answer_read, "r")
count = 5000
payload = {"given": [], "command": {"startGame": {"playerOne": "alice", "playerTwo": "bob"}}}
started = time.perf_counter()
for number in range(1, count + 1):
    requests.write(json.dumps({"id": number, "driver": "decide", "input": payload}) + "\n")
    answer = json.loads(answers.readline())
    assert answer["id"] == number and "ok" in answer, answer
elapsed = time.perf_counter() - started
requests.close()
process.wait()

median = statistics.median
print(json.dumps({
    "unchanged_check_median_s": round(median(unchanged), 3),
    "edited_check_median_s": round(median(after_edit), 3),
    "bare_swiftc_median_s": round(median(floor), 3),
    "edited_over_floor": round(median(after_edit) / median(floor), 2),
    "swift_build_and_test_median_s": round(median(package_runs), 3),
    "decide_requests_per_s": round(count / elapsed),
}, indent=2))
shutil.rmtree(work)
