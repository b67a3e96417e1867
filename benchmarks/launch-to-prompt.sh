#!/usr/bin/env bash
# From launch to the first prompt, warm, with a 14-lesson pack: the shell opens on a pseudo-terminal
# (via `script`), the pack is loaded and validated, the workspace opened, and Ctrl-D sent as soon as
# the prompt shows. hyperfine reports the median of many runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$root/.build/release/workshop"
[ -x "$binary" ] || (cd "$root" && swift build -c release --product workshop >/dev/null)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/benchmarks/make_pack.py" "$work/lessons" 14
"$binary" --lessons "$work/lessons" --workspace "$work/ws" start 3 >/dev/null
if ! command -v hyperfine >/dev/null; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq && $sudo apt-get install -y -qq hyperfine >/dev/null
fi
# `script` gives the shell a real terminal; the input is one Ctrl-D, so it leaves at its first prompt.
hyperfine --warmup 3 --runs 30 --export-json "$work/launch.json" \
  "printf '\\004' | script -qec '$binary --lessons $work/lessons --workspace $work/ws' /dev/null" >/dev/null
python3 -c "
import json,sys
r=json.load(open('$work/launch.json'))['results'][0]
print(f\"launch to prompt (14 lessons, warm, release): median {r['median']*1000:.0f} ms, mean {r['mean']*1000:.0f} ms, min {r['min']*1000:.0f} ms over {len(r['times'])} runs\")
"
