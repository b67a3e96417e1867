#!/usr/bin/env bash
# The window's read models (issue 14, item 6): API latency of a read model and of a state at a
# time over coffee-shop stores, and the time from an append to the read model shown in a browser.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
exec python3 "$root/benchmarks/window_read_models_bench.py" "$root/.build/debug/workshop"
