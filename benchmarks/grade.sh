#!/usr/bin/env bash
# Grading throughput: 100 submissions of one lesson, --jobs 1 and 2, against the bare-compile floor.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
python3 "$root/benchmarks/grade_bench.py" "$root/.build/debug/workshop" "$root" "${1:-100}"
