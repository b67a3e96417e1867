#!/usr/bin/env bash
# Regrading: N submissions (default 20), one changed, into the same --out, against a full grade.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
python3 "$root/benchmarks/regrade_bench.py" "$root/.build/debug/workshop" "$root" "${1:-20}"
