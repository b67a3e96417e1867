#!/usr/bin/env bash
# Cold build of the default product, as a learner's first `make run` pays it: a fresh clone of the
# repository (no .build, no resolved packages) built with `swift build --product workshop`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# The working tree as git would clone it (tracked and new files, nothing ignored such as .build).
mkdir "$scratch/clone"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 tar cf -) | tar xf - -C "$scratch/clone"
cd "$scratch/clone"
start=$(date +%s.%N)
swift build --product workshop >"$scratch/build.log" 2>&1 || { tail -20 "$scratch/build.log"; exit 1; }
end=$(date +%s.%N)
printf 'cold build of the default product: %.1f s\n' "$(echo "$end - $start" | bc)"
