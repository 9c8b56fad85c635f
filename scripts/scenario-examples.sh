#!/usr/bin/env bash
# Regenerates docs/scenario-examples.md, the scenario library's answers, with the code of this
# checkout: every scenario in scenarios/ against the baseline, paired replications (common random
# numbers) over the baseline's posterior (kosh compare's default), and, below the answers, a table
# of how each answer changed against the document being replaced (kosh compare --changes: every
# difference significant in either version, and graduate emigration and returns). A hand-written
# part below the "hand-written below" marker is kept; delete it first when the new table replaces it.
#   bash scripts/scenario-examples.sh                 # 4 replications at scale 0.05
#   REPS=6 SCALE=0.1 bash scripts/scenario-examples.sh
#   OUT=results/examples bash scripts/scenario-examples.sh   # keep the comparison (summary.csv, report)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${REPS:-4}
scale=${SCALE:-0.05}
files=(scenarios/baseline.yaml)
for f in scenarios/*.yaml; do
  [ "$f" = scenarios/baseline.yaml ] || files+=("$f")
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${OUT:-$tmp/compare}
nice ./kosh compare "${files[@]}" --reps "$reps" --scale "$scale" --doc docs/scenario-examples.md --changes \
  --out "$out" > "$tmp/stdout"
echo "docs/scenario-examples.md regenerated: ${#files[@]} scenarios, $reps replications at scale $scale"
