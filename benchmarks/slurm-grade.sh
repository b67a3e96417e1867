#!/usr/bin/env bash
# Grading as a Slurm array job against one local run (issue 16): COUNT submissions of the deciding
# lesson (default 40), on a throwaway single-node cluster (scripts/test-slurm.sh): `sbatch --wait
# --array=1-2` of two shards with --jobs 1 each, then `grade merge`, against one local
# `grade --jobs 2`. Both use the same 2 cores, so the ratio is Slurm's and the merge's overhead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-40}"
(cd "$root" && swift build --product workshop >/dev/null)
binary="$root/.build/debug/workshop"
work="$(mktemp -d /tmp/slurm-grade-bench-XXXXXX)"
conf="$("$root/scripts/test-slurm.sh" start)"
trap '"$root/scripts/test-slurm.sh" stop "$(dirname "$conf")"; rm -rf "$work"' EXIT
export SLURM_CONF="$conf" WORKSHOP_CACHE="$work/cache" HOME="$work"
"$binary" --workspace "$work/ws" catch-up 3 >/dev/null
for number in $(seq -w 1 "$count"); do
  mkdir -p "$work/submissions/learner-$number"
  cp -r "$work/ws/Sources" "$work/submissions/learner-$number/"
  echo "// learner $number" >>"$work/submissions/learner-$number/Sources/ConnectFour/Decide.swift"
done
# Warm the kit, so both runs measure grading alone.
"$binary" grade "$work/submissions" --lessons 2 --shard "1/$count" --out "$work/warm" >/dev/null
now() { date +%s.%N; }
started=$(now)
"$binary" grade "$work/submissions" --lessons 2 --jobs 2 --out "$work/local" >/dev/null
local_s=$(echo "$(now) - $started" | bc)
cat >"$work/grade.sbatch" <<JOB
#!/bin/sh
#SBATCH --array=1-2
#SBATCH --output=$work/slurm-%A_%a.log
exec "$binary" grade "$work/submissions" --lessons 2 --jobs 1 --shard "\$SLURM_ARRAY_TASK_ID/2" --out "$work/shard-\$SLURM_ARRAY_TASK_ID"
JOB
started=$(now)
sbatch --wait --parsable "$work/grade.sbatch" >/dev/null
"$binary" grade merge "$work/shard-1" "$work/shard-2" --out "$work/merged" >/dev/null
slurm_s=$(echo "$(now) - $started" | bc)
same=$(diff <(sed 's/[0-9.]*$//' "$work/local/grades.csv") <(sed 's/[0-9.]*$//' "$work/merged/grades.csv") >/dev/null && echo true || echo false)
printf '{"submissions": %s, "local_jobs2_s": %.1f, "slurm_array_2x1_and_merge_s": %.1f, "ratio": %.2f, "same_gradebook": %s}\n' \
  "$count" "$local_s" "$slurm_s" "$(echo "$slurm_s / $local_s" | bc -l)" "$same"
