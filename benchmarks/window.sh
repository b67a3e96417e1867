#!/usr/bin/env bash
# The window (workshop ui): API latency over a 10,000-event stream, the server's memory with
# 100,000 events in the store, and the time from an append to the event shown in a real browser.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
exec python3 "$root/benchmarks/window_bench.py" "$root/.build/debug/workshop"
