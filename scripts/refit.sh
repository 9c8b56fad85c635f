#!/usr/bin/env bash
# The refit of the baseline on the current model, in one command (issue 20; calibration/README.md):
#   1. the history match     ./kosh history-match calibration/history-match.yaml --no-contrasts
#                            -> calibration/baseline-posterior.csv, docs/calibration.md (+ docs/calibration/)
#   2. the out-of-sample match ./kosh history-match calibration/history-match-oos.yaml
#                            -> docs/out-of-sample.md (+ docs/out-of-sample/); its wave 1 is the match's wave 1
#                               (same seed, points, replications, scale and calibration: copied, not rerun)
#   3. the sensitivity of the policy answers on the new posterior
#                            ./kosh history-match calibration/history-match.yaml --contrasts-only -> docs/sensitivity.md
# then prints the figures a reading needs (pooled coverage of the fitted and the held-out points, the out-of-sample
# check written before the run, the contrasts' emulator R²). It stops at the first error, saying which step failed;
# a step that writes no posterior (no draw confirmed by the model) is an error: steps 2-3 would read the old one.
#
# The hand-written readings of the three documents are kept by the generator and must be rewritten for the new run.
# Each document names the commit it was made on, with "-dirty" when tracked files other than its own outputs differ
# from it: step 1's outputs (the posterior, docs/calibration*) must be committed before step 2 writes its document,
# and step 2's before step 3 writes its own, or the later documents say "<commit>-dirty" (session 7 committed them by
# hand: 6387dbf, 03d0dba, 3b9be66). --commit does it: after each step, a commit of that step's outputs only (nothing
# else staged or changed is committed), its message naming the step, the commit run on and the step's figures.
#
# Usage: scripts/refit.sh [--threads T] [--out DIR] [--allow-dirty] [--commit]
#                         [--scale S] [--waves W] [--points N] [--cutoff C] [--draws N] [--max-draws N] [--sensitivity-points N]
#   --out DIR       where the runs go (default results/refit-<commit>); rerunning with the same DIR resumes every step
#                   (with --commit HEAD moves after step 1: resume with the --out of the first run)
#   --commit        commit each step's outputs before the next step runs: 1 calibration/baseline-posterior.csv,
#                   docs/calibration.md, docs/calibration/; 2 docs/out-of-sample.md (+ folder); 3 docs/sensitivity.md
#                   (+ folder). Not with --allow-dirty or a trial's overrides (their outputs are not the model's).
#                   The launcher is $KOSH (default ./kosh), so that the steps' control flow can be tried with a stub.
#   --allow-dirty   run although src/, pom.xml, calibration/ or scenarios/ differ from the commit (the documents
#                   then name a commit that is not what ran)
#   --scale ... --sensitivity-points: a TRIAL at other settings (written into temporary copies of the two files in
#                   calibration/, removed at the end). The documents and the posterior are rewritten all the same: try
#                   it in a scratch worktree (git worktree add --detach /tmp/refit-try HEAD), never commit its outputs.
#                   --points must stay at least the free parameters + 3 (the files' check says so); --cutoff 10 lets
#                   a tiny trial confirm draws so that steps 2-3 run (at a tiny scale none passes the cut-off of 3).
# Example trial (about 10 min on 2 loaded cores):
#   scripts/refit.sh --scale 0.005 --waves 1 --cutoff 10 --draws 10 --max-draws 20 --sensitivity-points 38
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
threads=""; out=""; dirty=0; docommit=0
kosh="${KOSH:-./kosh}"
declare -A over=()
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --allow-dirty) dirty=1; shift ;;
    --commit) docommit=1; shift ;;
    --scale|--waves|--points|--cutoff|--draws|--max-draws|--sensitivity-points)
      [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "refit: error: $1 needs a number, got '${2:-}'" >&2; exit 2; }
      over["${1#--}"]="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "refit: error: unknown option '$1' (see scripts/refit.sh --help)" >&2; exit 2 ;;
  esac
done
[ -z "$threads" ] || [[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "refit: error: --threads needs a whole number >= 1, got '$threads'" >&2; exit 2; }
if [ "$docommit" = 1 ] && { [ "$dirty" = 1 ] || [ ${#over[@]} -gt 0 ]; }; then
  echo "refit: error: --commit commits the outputs of the model as committed: not with --allow-dirty or a trial's overrides" >&2; exit 2
fi

start=$SECONDS
step="preparing"
say() { printf 'refit %s (+%dm%02ds): %s\n' "$(date -u +%H:%M:%S)" $(( (SECONDS - start) / 60 )) $(( (SECONDS - start) % 60 )) "$*" >&2; }
tmpfiles=()
cleanup() { for f in "${tmpfiles[@]}"; do rm -f "$f"; done; }
trap cleanup EXIT
trap 'rc=$?; say "FAILED in step: $step (exit $rc); nothing after it ran"; exit $rc' ERR

. "$here/scripts/commit-outputs.sh"
commit="$(git rev-parse --short=12 HEAD)"
model_is_committed "$dirty" || commit="$commit-dirty"
out="${out:-results/refit-$commit}"
mkdir -p "$out"
tflag=(); [ -z "$threads" ] || tflag=(--threads "$threads")

# --commit: a commit of a step's outputs only, once the step that wrote them has finished
commit_step() { [ "$docommit" = 0 ] || commit_outputs "$@"; }

match=calibration/history-match.yaml
oos=calibration/history-match-oos.yaml
# A trial: temporary copies with the overrides, beside the originals (their relative paths hold)
inflow() {  # $1 file, $2 top-level key of a one-line {..} map, $3 its field, $4 the new value; fails when not found
  sed -i -E "s/^($2: *\{([^}]*[ ,])?)$3: *[0-9.]+/\1$3: $4/" "$1"
  grep -Eq "^$2: *\{([^}]*[ ,])?$3: $4[,} ]" "$1" || { echo "refit: error: cannot set $2.$3 in $1 (expected a line '$2: {..., $3: N, ...}')" >&2; exit 2; }
}
override() {  # $1 file, $2 its copy with the overrides
  local src="$1" dst="$2"
  cp "$src" "$dst"
  local k v
  for k in "${!over[@]}"; do
    v="${over[$k]}"
    case "$k" in
      scale|waves|points|cutoff)
        grep -q "^$k:" "$dst" || { [ "$k" = waves ] && continue; echo "$k: $v" >> "$dst"; continue; }
        sed -i -E "s/^$k: *[0-9.]+/$k: $v/" "$dst" ;;
      draws) inflow "$dst" posterior draws "$v" ;;
      max-draws) inflow "$dst" posterior maxDraws "$v" ;;
      sensitivity-points) grep -q '^sensitivity:' "$dst" || continue; inflow "$dst" sensitivity points "$v" ;;
    esac
  done
}
if [ ${#over[@]} -gt 0 ]; then
  for f in match oos; do
    copy="calibration/.refit-$(basename "${!f}")"; tmpfiles+=("$copy")
    override "${!f}" "$copy"; printf -v "$f" '%s' "$copy"
  done
  # the out-of-sample file keeps its one wave
  sed -i -E "s/^waves: *[0-9]+/waves: 1/" "$oos"
  say "TRIAL with overrides: $(for k in "${!over[@]}"; do printf '%s=%s ' "$k" "${over[$k]}"; done)(temporary $match, $oos)"
fi

# pooled coverage of the kept draws' re-runs (posterior/coverage.csv; columns found by name); the reports say the same
coverage() {  # $1 coverage.csv, $2 true (fitted) or false (held out)
  awk -F, -v want="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["fitted"] == want { n++; a += ($c["in_50"] == "true"); b += ($c["in_90"] == "true") }
    END { if (n) printf "%d points, %d (%.0f%%) inside the 50%% intervals, %d (%.0f%%) inside the 90%%\n", n, a, 100 * a / n, b, 100 * b / n;
          else print "no points" }' "$1"
}
step="0/3 checking both files (kosh history-match --check)"
say "step $step"
"$kosh" history-match "$match" --check
"$kosh" history-match "$oos" --check

step="1/3 history match ($match --no-contrasts, into $out/match)"
say "step $step"
before="$(sha256sum calibration/baseline-posterior.csv 2>/dev/null | cut -c1-64 || true)"
"$kosh" history-match "$match" --no-contrasts --out "$out/match" "${tflag[@]}"
[ -s "$out/match/posterior.csv" ] || { say "error: the match wrote no posterior ($out/match/report.md): no draw confirmed"; false; }
after="$(sha256sum calibration/baseline-posterior.csv | cut -c1-64)"
cmp -s "$out/match/posterior.csv" calibration/baseline-posterior.csv \
  || { say "error: calibration/baseline-posterior.csv is not the match's posterior"; false; }
say "posterior: $(( $(wc -l < "$out/match/posterior.csv") - 1 )) draws in calibration/baseline-posterior.csv$([ "$before" = "$after" ] && echo ' (unchanged: the same as before)')"
commit_step "Refit step 1/3 (scripts/refit.sh --commit): history match on $commit, $(( $(wc -l < "$out/match/posterior.csv") - 1 )) draws in calibration/baseline-posterior.csv

Fitted points over the kept draws' re-runs: $(coverage "$out/match/posterior/coverage.csv" true).
Generated: calibration/baseline-posterior.csv, docs/calibration.md, docs/calibration/ (the hand-written reading
is still the previous run's until rewritten). Runs in $out/match." \
  calibration/baseline-posterior.csv docs/calibration.md docs/calibration

step="2/3 out-of-sample match ($oos, into $out/oos)"
say "step $step"
val() { grep -E "^$2:" "$1" | head -1 | sed -E "s/^$2: *([^ #]*).*/\1/"; }
same=1
for k in calibration seed points replications scale; do
  [ "$(val "$match" "$k")" = "$(val "$oos" "$k")" ] || { same=0; say "wave 1 is run again: $k differs from the match's"; }
done
if [ "$same" = 1 ] && [ -s "$out/match/wave-1/runs.csv" ] && [ ! -e "$out/oos/wave-1/runs.csv" ]; then
  mkdir -p "$out/oos/wave-1"
  cp "$out/match/wave-1/design.csv" "$out/match/wave-1/runs.csv" "$out/oos/wave-1/"
  [ -e "$out/oos/.kosh-output" ] || echo "written by kosh history-match; Kosh writes into this folder again" > "$out/oos/.kosh-output"
  say "wave 1: design.csv and runs.csv copied from the match (same calibration, seed, points, replications, scale)"
fi
"$kosh" history-match "$oos" --out "$out/oos" "${tflag[@]}"
[ -s "$out/oos/posterior.csv" ] || { say "error: the out-of-sample match wrote no posterior ($out/oos/report.md)"; false; }
commit_step "Refit step 2/3 (scripts/refit.sh --commit): out-of-sample match on $commit

Held-out points over the kept draws' re-runs: $(coverage "$out/oos/posterior/coverage.csv" false).
$(grep -h 'Check written in the file before the run' "$out/oos/report.md" || true)
Generated: docs/out-of-sample.md (+ folder; the hand-written reading is still the previous run's). Runs in $out/oos." \
  docs/out-of-sample.md docs/out-of-sample

step="3/3 sensitivity of the policy answers ($match --contrasts-only on the new posterior, into $out/contrasts)"
say "step $step"
"$kosh" history-match "$match" --contrasts-only --out "$out/contrasts" "${tflag[@]}"
contrasts() {
  grep -h '^| [a-z0-9-]* | {' "$out/contrasts/contrasts/report.md" 2>/dev/null | sed 's/^| //; s/ |$//' \
    | awk -F' [|] ' '{ printf "contrast %s: mean effect %s; LOO ±2 / R² %s; hinges on %s\n", $1, $(NF-2), $(NF-1), $NF }' || true
}
commit_step "Refit step 3/3 (scripts/refit.sh --commit): sensitivity of the policy answers on the new posterior ($commit)

$(contrasts)
Generated: docs/sensitivity.md (+ folder; the hand-written reading is still the previous run's). Runs in $out/contrasts." \
  docs/sensitivity.md docs/sensitivity

step="summary"
say "done in $(( (SECONDS - start) / 60 )) min; runs in $out"
echo "match, fitted points:             $(coverage "$out/match/posterior/coverage.csv" true)"
echo "out-of-sample, held-out points:   $(coverage "$out/oos/posterior/coverage.csv" false)"
grep -h 'Check written in the file before the run' "$out/oos/report.md" || true
contrasts
echo "now: rewrite the hand-written readings of docs/calibration.md, docs/out-of-sample.md and docs/sensitivity.md; git status shows what changed"
