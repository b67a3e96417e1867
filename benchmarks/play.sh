#!/usr/bin/env bash
# Typed command to stream shown, warm host: 1,000 domain commands piped through script mode.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
python3 "$root/benchmarks/play_bench.py" "$root/.build/debug/workshop" "$root"
