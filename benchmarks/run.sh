#!/usr/bin/env bash
# Runs every benchmark and prints its figures; BENCHMARKS.md records them with the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/cold-build.sh"
"$here/launch-to-prompt.sh"
"$here/check.sh"
"$here/first-check.sh"
"$here/grade.sh"
"$here/store.sh"
"$here/play.sh"
"$here/window.sh"
"$here/window-read-models.sh"
"$here/slurm-grade.sh"
"$here/similarity.sh"
"$here/room.sh"
