#!/usr/bin/env bash
# From launch to the first prompt, warm, with a 14-lesson pack: the shell opens on a pseudo-terminal,
# loads and validates the pack, opens the workspace and its store, and prints its prompt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${CONFIGURATION:-debug}"
(cd "$root" && swift build -c "$configuration" --product workshop >/dev/null)
binary="$root/.build/$configuration/workshop"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/benchmarks/make_pack.py" "$work/lessons" 14
"$binary" --pack "$work/lessons" --workspace "$work/ws" start 3 >/dev/null
printf '%s build, 14 lessons, ' "$configuration"
python3 "$root/benchmarks/launch_to_prompt.py" "$binary" "$work/lessons" "$work/ws" 30
