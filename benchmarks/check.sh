#!/usr/bin/env bash
# The figures of `check`: unchanged workspace, after an edit against the bare-compile floor and
# against swift build + swift test, and the warm host's decide throughput.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
python3 "$root/benchmarks/check_bench.py" "$root/.build/debug/workshop" "$root"
