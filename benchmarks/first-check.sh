#!/usr/bin/env bash
# The first check on a fresh machine right after `make run` (which runs `workshop prepare`),
# against a warm check after an edit, and against a first check without prepare.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build --product workshop >/dev/null)
python3 "$root/benchmarks/first_check_bench.py" "$root/.build/debug/workshop" "$root"
