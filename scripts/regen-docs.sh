#!/usr/bin/env bash
# The documents that read the baseline's posterior, regenerated on the committed calibration/baseline-posterior.csv
# in one command (after scripts/refit.sh; issue 20 item 6), with the settings of their last runs:
#   hindcast    ./kosh hindcast scenarios/baseline.yaml --reps 16 --scale 0.05 --seed 1
#                 --parameter-ensemble calibration/baseline-posterior.csv --doc docs/hindcast.md     (+ docs/hindcast/)
#   validation  ./kosh validation --replications 12 --scale 0.05 --seed 1 --parameter-ensemble
#                 calibration/baseline-posterior.csv --parameter-sets 6 --doc docs/validation.md scenarios/baseline.yaml
# then prints the figures a reading needs: the hindcast's MAPE per series against issue 20's limits (below 20% for
# students abroad, students in Kazakhstan, entrants and graduates; below 25% for graduate emigration), the directions
# issue 20 asks for (students abroad 2015-2018 in model years, UIS 2016-2019, and students in Russia 2024/2021, about
# 0.84) and graduate emigration's shape, and the validation checks that hold and those that fail (with model value and margin).
# It stops at the first error, saying which step failed. With --summary-only nothing runs: the figures of the last
# run in DIR (and the committed documents) are printed again.
#
# The hand-written readings (below the "hand-written below" marker of docs/validation.md and docs/hindcast.md) are
# kept by the generators and must be rewritten for the new run. Each document names the commit it was made on, "-dirty" when
# tracked files other than its own outputs differ: --commit commits each document (and its folder) as soon as it is
# written, so that the other (and a refit step running beside it) names a clean commit.
# After a refit also check ValidationPatternsTest (it runs at the defaults, not on the posterior, at scale 0.05, 4
# replications: its KNOWN_FAILING / BORDERLINE lists follow the defaults, the document the posterior).
#
# Usage: scripts/regen-docs.sh [--only hindcast|validation] [--threads T] [--out DIR] [--commit] [--allow-dirty]
#                              [--summary-only]
#   --out DIR       where the runs go (default results/regen-<commit>; the hindcast's folder is replaced on a rerun)
#   --commit        commit each document with its folder once written (not with --allow-dirty)
#   --allow-dirty   run although src/, pom.xml, calibration/ or scenarios/ differ from HEAD
#   The launcher is $KOSH (default ./kosh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
only=""; threads=""; out=""; docommit=0; dirty=0; summary=0
kosh="${KOSH:-./kosh}"
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="${2:-}"; shift 2 || { echo "regen-docs: error: --only needs hindcast or validation" >&2; exit 2; } ;;
    --threads) threads="${2:-}"; shift 2 || true ;;
    --out) out="${2:-}"; shift 2 || true ;;
    --commit) docommit=1; shift ;;
    --allow-dirty) dirty=1; shift ;;
    --summary-only) summary=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "regen-docs: error: unknown option '$1' (see scripts/regen-docs.sh --help)" >&2; exit 2 ;;
  esac
done
case "$only" in ""|hindcast|validation) ;; *) echo "regen-docs: error: --only takes hindcast or validation, got '$only'" >&2; exit 2 ;; esac
[ -z "$threads" ] || [[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "regen-docs: error: --threads needs a whole number >= 1, got '$threads'" >&2; exit 2; }
[ "$docommit" = 0 ] || [ "$dirty" = 0 ] || { echo "regen-docs: error: --commit is not for a run with --allow-dirty" >&2; exit 2; }
[ -s calibration/baseline-posterior.csv ] || { echo "regen-docs: error: calibration/baseline-posterior.csv is missing: run scripts/refit.sh first" >&2; exit 2; }

start=$SECONDS
step="preparing"
say() { printf 'regen-docs %s (+%dm%02ds): %s\n' "$(date -u +%H:%M:%S)" $(( (SECONDS - start) / 60 )) $(( (SECONDS - start) % 60 )) "$*" >&2; }
trap 'rc=$?; say "FAILED in step: $step (exit $rc)"; exit $rc' ERR
. "$here/scripts/commit-outputs.sh"

commit="$(git rev-parse --short=12 HEAD)"
[ "$summary" = 1 ] || model_is_committed "$dirty" || true
out="${out:-results/regen-$commit}"
mkdir -p "$out"
tflag=(); [ -z "$threads" ] || tflag=(--threads "$threads")
posterior_sets=$(( $(wc -l < calibration/baseline-posterior.csv) - 1 ))
posterior_sha="$(sha256sum calibration/baseline-posterior.csv | cut -c1-12)"

if [ "$summary" = 0 ] && [ "$only" != validation ]; then
  step="hindcast (docs/hindcast.md, runs in $out/hindcast)"
  say "step $step: 16 replications at scale 0.05 over the posterior's $posterior_sets sets"
  "$kosh" hindcast scenarios/baseline.yaml --reps 16 --scale 0.05 --seed 1 \
    --parameter-ensemble calibration/baseline-posterior.csv --doc docs/hindcast.md --out "$out/hindcast" --overwrite "${tflag[@]}"
  [ "$docommit" = 0 ] || commit_outputs "docs/hindcast.md regenerated on the posterior $posterior_sha ($posterior_sets sets; scripts/regen-docs.sh --commit)

MAPE per series (docs/hindcast/hindcast-errors.csv): $(awk -F, 'NR > 1 { printf "%s%s %.1f%%", sep, $1, $2; sep = ", " }' docs/hindcast/hindcast-errors.csv).
Command: ./kosh hindcast scenarios/baseline.yaml --reps 16 --scale 0.05 --seed 1 --parameter-ensemble calibration/baseline-posterior.csv --doc docs/hindcast.md" \
    docs/hindcast.md docs/hindcast
fi

if [ "$summary" = 0 ] && [ "$only" != hindcast ]; then
  step="validation (docs/validation.md, runs in $out/validation)"
  say "step $step: 12 replications x 6 variants at scale 0.05, the posterior's first 6 sets"
  [ ! -e "$out/validation/validation.csv" ] || rm -f "$out/validation/validation.csv" "$out/validation/validation.md"
  "$kosh" validation --replications 12 --scale 0.05 --seed 1 --parameter-ensemble calibration/baseline-posterior.csv \
    --parameter-sets 6 --doc docs/validation.md --out "$out/validation" "${tflag[@]}" scenarios/baseline.yaml
  [ "$docommit" = 0 ] || commit_outputs "docs/validation.md regenerated on the posterior $posterior_sha ($posterior_sets sets, the first 6; scripts/regen-docs.sh --commit)

$(grep -m1 -o '[0-9]* of [0-9]* checks hold[^.]*' docs/validation.md | tr -d '*' || true). The hand-written reading is still the previous run's until rewritten.
Command: ./kosh validation --replications 12 --scale 0.05 --seed 1 --parameter-ensemble calibration/baseline-posterior.csv --parameter-sets 6 --doc docs/validation.md scenarios/baseline.yaml" \
    docs/validation.md
fi

step="summary"
echo "posterior: calibration/baseline-posterior.csv, $posterior_sets sets, SHA-256 $posterior_sha…"
if [ -s docs/hindcast/hindcast-errors.csv ]; then
  echo "hindcast MAPE (docs/hindcast/hindcast-errors.csv; $(grep -m1 -o 'model commit | `[0-9a-f]*[^`]*`' docs/hindcast.md | sed 's/.*`\(.*\)`/\1/' | cut -c1-12)):"
  awk -F, 'BEGIN { lim["students-abroad"] = 20; lim["students-in-kazakhstan"] = 20; lim["entrants-in-kazakhstan"] = 20;
                   lim["graduates-of-kazakhstani-universities"] = 20; lim["graduate-emigration"] = 25 }
    NR > 1 { v = ($1 in lim) ? sprintf("limit < %d%%: %s", lim[$1], ($2 < lim[$1]) ? "holds" : "FAILS") : "no limit"
             printf "  %-40s %6.1f%%  n %2d  %s\n", $1, $2, $3, v }' docs/hindcast/hindcast-errors.csv
fi
model_csv="$out/hindcast/hindcast-model.csv"
if [ -s "$model_csv" ]; then
  # ratios of the model means (hindcast-model.csv) against the observed ones (hindcast.csv, or the stated figure)
  ratio() {  # $1 series, $2 year, $3 base year, $4 observed ratio (text), $5 what issue 20 asks
    awk -F, -v s="$1" -v y="$2" -v b="$3" -v obs="$4" -v ask="$5" '
      NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
      $c["series"] == s && $c["year"] == y { a = $c["model_mean"] }
      $c["series"] == s && $c["year"] == b { d = $c["model_mean"] }
      END { if (a != "" && d != "" && d != 0) printf "  %-22s %d/%d  model %.3f  observed %s%s\n", s, y, b, a / d, obs, ask;
            else printf "  %-22s %d/%d  no model value\n", s, y, b }' "$model_csv"
  }
  echo "directions and shape (hindcast, 16 replications):"
  # UIS year Y is the model's end of Y-1 (the academic year ending in Y; c11bf69), as are the officials' July 2025 figure
  ratio students-abroad 2018 2015 "0.990 (UIS 2016 -> 2019: 90,213 -> 89,347)" "  pattern: 0.990 ± 5%"
  ratio students-in-russia 2024 2021 "about 0.84 (UIS 2022 71,368 -> about 60,000 in 2024/25)" "  issue 20: below 1"
  ratio graduate-emigration 2019 2015 "1.505" ""
  ratio graduate-emigration 2020 2019 "0.643" ""
  ratio graduate-emigration 2024 2019 "0.282" ""
fi
val_csv="$out/validation/validation.csv"
if [ -s "$val_csv" ]; then
  # the quoted statistic (4th column) may hold commas: replaced before splitting
  sed -E 's/"([^"]|"")*"/S/' "$val_csv" | awk -F, -v file="$val_csv" '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { n++; if ($c["holds"] == "true") { h++ } else { f = f sprintf("\n  fails: %-48s model %.4g [%.4g; %.4g], margin %.4g (%+.1f%%)", $c["id"], $c["mean"], $c["ci_low"], $c["ci_high"], $c["margin"], 100 * $c["margin_relative"]) } }
    END { printf "validation (%s): %d of %d checks hold%s\n", file, h, n, f }'
fi
say "done in $(( (SECONDS - start) / 60 )) min; runs in $out"
echo "now: rewrite the hand-written readings of docs/hindcast.md and docs/validation.md (and the figures quoted in README.md, docs/calibration.md, issue notes)"
