#!/usr/bin/env bash
# Behaviour fingerprint: runs the baseline and every scenario in scenarios/ at a fixed seed and a
# small scale and prints the SHA-256 of flows.csv, stocks.csv and indicators.csv per scenario.
# A refactoring that must not change behaviour compares this output before and after:
#   scripts/checksums.sh > /tmp/before.txt; (change); scripts/checksums.sh | diff /tmp/before.txt -
# Options (environment): SCALE (default 0.05), SEED (1), THREADS (2), SCENARIOS (a glob, default
# scenarios/*.yaml), RENAMES (a CSV file of "name,other_name" lines: indicators.csv is hashed after
# replacing each name by the other, so that a renaming of indicators compares equal by content, e.g.
# RENAMES=scripts/indicator-renames-slice2.csv maps today's names back to those of commit 364256f).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${SCALE:-0.05}"; seed="${SEED:-1}"; threads="${THREADS:-2}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$here"
# build once (./kosh rebuilds when sources are newer), then run a copy of the jar, so that
# editing sources while the script runs changes nothing
./kosh --version >/dev/null
cp target/kosh.jar "$tmp/kosh.jar"
for f in ${SCENARIOS:-scenarios/*.yaml}; do
  name="$(basename "$f" .yaml)"
  java ${KOSH_JAVA_OPTS:-} -jar "$tmp/kosh.jar" run "$f" --seed "$seed" --scale "$scale" --threads "$threads" --out "$tmp/$name" >/dev/null 2>"$tmp/$name.log" \
    || { echo "checksums: $f failed:" >&2; tail -n 20 "$tmp/$name.log" >&2; exit 1; }
  for csv in flows.csv stocks.csv indicators.csv; do
    if [ "$csv" = indicators.csv ] && [ -n "${RENAMES:-}" ]; then
      sum="$(awk -F, 'NR==FNR { m[$1]=$2; next } FNR>1 && ($2 in m) { $2=m[$2] } 1' OFS=, "$RENAMES" "$tmp/$name/$csv" | sha256sum | cut -d' ' -f1)"
    else
      sum="$(sha256sum "$tmp/$name/$csv" | cut -d' ' -f1)"
    fi
    echo "$name $csv $sum"
  done
done
