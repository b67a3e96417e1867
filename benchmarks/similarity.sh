#!/usr/bin/env bash
# Similarity over N generated submissions (default 50, 100 and 200): wall time and peak memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
if [ $# -eq 0 ]; then set -- 50 100 200; fi
python3 "$root/benchmarks/similarity_bench.py" "$root/.build/debug/workshop" "$root" "$@"
