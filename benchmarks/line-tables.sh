#!/usr/bin/env bash
# What line tables (-gline-tables-only, so a timeout's backtrace names the learner's file and line)
# cost an edited check's compile: the lesson 4 reference with its binding, compiled as `check`
# compiles it, alternately without and with the flag, RUNS times each. Needs a built kit
# (any `check` or `make test` builds it into WORKSHOP_CACHE or ~/.cache/workshop) and a built
# workshop (WORKSHOP, or .build/debug/workshop).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
cache="${WORKSHOP_CACHE:-$HOME/.cache/workshop}"
kit="$(ls -d "$cache"/kit-* | grep -v building | head -1)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# solutions/ holds overlays; the tool composes the lesson's whole reference.
"${WORKSHOP:-$root/.build/debug/workshop}" reference playing-by-the-rules --to "$scratch" >/dev/null
cd "$scratch"
for _ in $(seq "$runs"); do
  for flags in "" "-gline-tables-only"; do
    start=$(date +%s.%N)
    swiftc -wmo -parse-as-library -swift-version 5 -Onone $flags -use-ld=lld -module-name ConnectFour \
      -I "$kit" -L "$kit" -lLearnerHost -lEventSourcing -o host Sources/ConnectFour/*.swift \
      "$root/lessons/playing-by-the-rules/binding.swift"
    end=$(date +%s.%N)
    printf '%-20s %.2f s\n' "${flags:-no line tables}" "$(echo "$end - $start" | bc)"
  done
done
