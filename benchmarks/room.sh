#!/usr/bin/env bash
# The room (workshop room host): 60 learners each posting a progress event every 2 s for 5
# minutes; events per second held, post-to-live-feed latency, the server's memory, loss and doubles.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
exec python3 "$root/benchmarks/room_bench.py" "$root/.build/debug/workshop" "${1:-60}" "${2:-2}" "${3:-300}"
