"""Similarity (issue 16, item 5): `workshop grade similarity` over N generated submissions of
lesson 5 (an in-memory event store), timed with /usr/bin/time -v for wall time and peak memory.

Each submission is a workspace at lesson 5: lessons 1-4 as their reference (set aside as given
code), and an InMemoryStore.swift derived from one of two honest solutions (Tests/Fixtures/similarity)
with its identifiers renamed, its functions shuffled and helpers of its own added, so every
submission differs; every tenth is a disguised copy of the one before it.

Usage: similarity_bench.py BINARY REPOSITORY COUNT...
"""
import atexit
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

binary, repo, counts = sys.argv[1], sys.argv[2], [int(c) for c in sys.argv[3:]] or [50, 100, 200]
# solutions/ holds overlays; the tool composes the whole reference of lessons 1 to 4.
composed = tempfile.mkdtemp(prefix="similarity-reference-")
atexit.register(shutil.rmtree, composed, True)
subprocess.run([binary, "reference", "playing-by-the-rules", "--to", composed], check=True, capture_output=True)
earlier = os.path.join(composed, "Sources/ConnectFour")
bases = [open(os.path.join(repo, f"Tests/Fixtures/similarity/{who}/InMemoryStore.swift")).read() for who in ("alice", "bob")]
words = ["alpha", "beta", "gamma", "delta", "omega", "kappa", "sigma", "tau", "rho", "zeta"]


def functions(text):
    """The class body split into its members (blank-line separated), for shuffling."""
    head, _, rest = text.partition("{\n")
    body, _, _ = rest.rpartition("}")
    return head + "{\n", [m for m in body.split("\n\n") if m.strip()], "}\n"


def variant(rng, number):
    head, members, tail = functions(rng.choice(bases))
    rng.shuffle(members)
    names = set(re.findall(r"\b(?:let|var|func) ([a-z][A-Za-z]*)", "".join(members))) - {"append", "read", "readAll", "currentRevision", "streams"}
    text = head + "\n\n".join(members) + "\n"
    for name in names:
        text = re.sub(rf"\b{name}\b", f"{name}{rng.choice(words).capitalize()}{number}", text)
    # Helpers of the learner's own: different shapes, so submissions are unalike beyond the store.
    for index in range(rng.randint(3, 8)):
        a, b = rng.sample(words, 2)
        shape = rng.randrange(3)
        if shape == 0:
            text += f"\n    func {a}{index}(_ xs: [Int]) -> Int {{\n        var total = {rng.randint(0, 9)}\n        for x in xs where x % {rng.randint(2, 7)} == 0 {{ total += x * {rng.randint(1, 5)} }}\n        return total\n    }}\n"
        elif shape == 1:
            text += f"\n    func {b}{index}(_ name: String) -> String? {{\n        guard !name.isEmpty else {{ return nil }}\n        let parts = name.split(separator: \"-\")\n        return parts.count > {rng.randint(1, 3)} ? String(parts[0]) : name.uppercased()\n    }}\n"
        else:
            text += f"\n    func {a}{b}{index}(_ flags: [Bool]) -> [Int] {{\n        flags.enumerated().filter {{ $0.element }}.map {{ $0.offset + {rng.randint(0, 9)} }}\n    }}\n"
    return text + tail


def make(folder, count):
    rng = random.Random(count)
    previous = None
    for number in range(count):
        target = os.path.join(folder, f"learner-{number:03d}", "Sources/ConnectFour")
        os.makedirs(target)
        for name in os.listdir(earlier):
            shutil.copy(os.path.join(earlier, name), target)
        if number % 10 == 9 and previous is not None:
            # A disguised copy of the one before: names changed, comments added.
            text = re.sub(r"\b(\w+)(\d+)\b", r"\1x\2", previous).replace("    func ", "    // changed\n    func ", 3)
        else:
            text = variant(rng, number)
        previous = text
        with open(os.path.join(target, "InMemoryStore.swift"), "w") as file:
            file.write(text)


def measure(count):
    work = tempfile.mkdtemp(prefix="similarity-bench-")
    try:
        make(os.path.join(work, "submissions"), count)
        result = subprocess.run(
            ["/usr/bin/time", "-v", binary, "grade", "similarity", os.path.join(work, "submissions"), "--lessons", "5",
             "--out", os.path.join(work, "out")], capture_output=True, text=True, env=dict(os.environ, WORKSHOP_CACHE=os.path.join(work, "cache")))
        if result.returncode != 0:
            sys.exit(result.stdout + result.stderr)
        wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", result.stderr).group(1)
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
        user = float(re.search(r"User time \(seconds\): (\S+)", result.stderr).group(1))
        rows = open(os.path.join(work, "out/similarity.csv")).read().splitlines()[1:]
        flagged = sum(1 for row in rows if float(row.split(",")[2]) >= 0.5)
        print(f"| {count} | {wall} | {user:.2f} s | {rss / 1024:.0f} MiB | {len(rows)} | {flagged} |", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


print("| submissions | wall | user CPU | peak RSS | pairs sharing code | pairs ≥ 0.5 |")
print("| --- | --- | --- | --- | --- | --- |")
for count in counts:
    measure(count)
