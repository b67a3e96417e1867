#!/usr/bin/env bash
# SQLite store figures against the bare sqlite3 client inserting the same rows the same way
# (one transaction per batch of 10, WAL, synchronous=FULL), and reading them back.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-100000}"
(cd "$root" && swift build -c release --product store-benchmark >/dev/null)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "tool:    $("$root/.build/release/store-benchmark" "$work/tool.sqlite" "$count")"
python3 - "$work" "$count" <<'PY'
import subprocess, sys, time
work, count = sys.argv[1], int(sys.argv[2])
db = f"{work}/floor.sqlite"
body = '{"moveMade":{"column":"D","player":"alice","row":1}}'
lines = ["PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;",
         "CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, revision INTEGER NOT NULL, "
         "event_id TEXT NOT NULL, type TEXT NOT NULL, data BLOB NOT NULL, metadata BLOB NOT NULL, causation_id TEXT, "
         "correlation_id TEXT, created_at REAL NOT NULL, UNIQUE (stream, revision), UNIQUE (stream, event_id));"]
for batch in range(count // 10):
    lines.append("BEGIN IMMEDIATE;")
    for index in range(10):
        revision = batch * 10 + index
        lines.append(f"INSERT INTO events (stream, revision, event_id, type, data, metadata, created_at) VALUES "
                     f"('game-1', {revision}, '{revision:032x}', 'MoveMade', '{body}', '{{}}', 0);")
    lines.append("COMMIT;")
script = "\n".join(lines) + "\n"
started = time.perf_counter()
subprocess.run(["sqlite3", db], input=script.encode(), check=True)
append = time.perf_counter() - started
started = time.perf_counter()
subprocess.run(["sqlite3", db, "SELECT * FROM events WHERE stream = 'game-1' ORDER BY revision;"], check=True, capture_output=True)
read = time.perf_counter() - started
print(f'sqlite3: {{"events": {count}, "append_s": {append:.3f}, "append_per_s": {int(count / append)}, "read_s": {read:.3f}}}')
PY
