# Sourced by scripts/refit.sh and scripts/regen-docs.sh.
#
# model_is_committed ALLOW_DIRTY: returns 0 when src/, pom.xml, calibration/ and scenarios/ are as in HEAD (the model the
# documents will name). Otherwise, with ALLOW_DIRTY 1, warns and returns 1 (the caller marks its outputs); with 0, says
# what differs and exits 2. Uses the caller's say().
model_is_committed() {
  git diff --quiet HEAD -- src pom.xml calibration scenarios && return 0
  local commit; commit="$(git rev-parse --short=12 HEAD)"
  if [ "$1" = 1 ]; then
    say "warning: src/, pom.xml, calibration/ or scenarios/ differ from $commit (--allow-dirty)"
    return 1
  fi
  say "error: src/, pom.xml, calibration/ or scenarios/ differ from $commit; commit first (or --allow-dirty)"
  git diff --stat HEAD -- src pom.xml calibration scenarios >&2
  exit 2
}

# commit_outputs MESSAGE PATH... (--commit):
# commits the given generated outputs only (git commit --only: whatever else is staged or changed stays out), so that
# the next generated document does not name a "<commit>-dirty" model (a document's commit is "-dirty" when tracked
# files other than its own outputs differ from HEAD: kz.kosh.output.BuildInfo.gitCommit). A path that neither exists
# nor is tracked is skipped; nothing is committed when the outputs are unchanged. Waits up to a minute for another
# git command's index lock (the two scripts may commit in the same worktree at the same time).
commit_outputs() {
  local msg="$1" p lock paths=()
  shift
  for p in "$@"; do
    if [ -e "$p" ] || git ls-files --error-unmatch -- "$p" >/dev/null 2>&1; then paths+=("$p"); fi
  done
  if [ ${#paths[@]} -eq 0 ]; then echo "commit-outputs: nothing to commit ($*)" >&2; return 0; fi
  lock="$(git rev-parse --git-path index.lock)"
  for _ in $(seq 60); do [ -e "$lock" ] || break; sleep 1; done
  git add -A -- "${paths[@]}"
  if git diff --cached --quiet -- "${paths[@]}"; then
    echo "commit-outputs: outputs unchanged, nothing committed (${paths[*]})" >&2; return 0
  fi
  git commit -q -m "$msg" --only -- "${paths[@]}"
  echo "commit-outputs: committed $(git rev-parse --short HEAD): ${msg%%$'\n'*}" >&2
}
