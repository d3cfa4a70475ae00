#!/usr/bin/env bash
# CI's smoke run of the method comparison (issue 17): the packaged `irw compare --quick` must finish,
# and its report must name every method with a figure (accuracy, mean ± std over the seeds) on every
# set the method applies to, the soft-vs-hard-label table and one verdict per set. Prints the wall
# and CPU time and the load. Run after installer/smoke-test.sh, which builds the app image
# (IRW=path/to/irw runs another launcher, e.g. installer/irw.sh). The quick run's figures show that
# the pipeline works, not what a method reaches (src/site/markdown/experiments.md has the full run).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
fail() { echo "compare-smoke: FAILED: $*" >&2; exit 1; }

out=target/compare-quick
if [ "${1:-}" = --check ]; then
  # only the checks, on a report written before: compare-smoke.sh --check DIR
  out="${2:?--check needs the report folder}"
  wall=n/a user=n/a sys=n/a load_before=n/a
else
  irw="${IRW:-$here/target/installer/irw/bin/irw}"
  [ -x "$irw" ] || fail "no packaged app at $irw (installer/smoke-test.sh builds it)"
  rm -rf "$out" "$out.log"
  mkdir -p target
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  # The stick library of the bundled AMCSD structures: the test suite's cache (target/stick-cache)
  # when `mvn verify` ran first, else built here (20-40 s).
  TIMEFORMAT='%R %U %S'
  if ! { time "$irw" compare --quick --out "$out" --cache-dir target/stick-cache > "$out.log" 2>&1; } 2> "$out.time"; then
    tail -40 "$out.log" >&2
    fail "irw compare --quick exited with an error (log: $out.log)"
  fi
  read -r wall user sys < "$out.time"
fi
report="$out/report.md"
[ -s "$report" ] || fail "no $report"
grep -q PARTIAL "$report" && fail "$report is marked PARTIAL"

# Every method with an accuracy figure (NN.NN ± NN.NN) on each set it applies to: search-match on the
# 3 XRD sets, every other method on those and on the MNIST test digits.
methods=(
  "baseline (classifier on raw input)|4"
  "DWT denoising + classifier|4"
  "imitation refinement, targeted (hard labels)|4"
  "imitation refinement, targeted (Label Refinery soft labels)|4"
  "imitation refinement, non-targeted|4"
  "Label Refinery (final round)|4"
  "Modular Inverse Classification|4"
  "search-match (crystal system of the best match)|3"
)
figure='^[0-9]+\.[0-9]{2} ± ([0-9]+\.[0-9]{2}|n/a) \|'
for entry in "${methods[@]}"; do
  name="${entry%|*}"
  want="${entry##*|}"
  rows=0
  while IFS= read -r line; do
    rest="${line#"| $name | "}"
    [ "$rest" != "$line" ] && [[ $rest =~ $figure ]] && rows=$((rows + 1))
  done < "$report"
  [ "$rows" = "$want" ] || fail "'$name' has an accuracy figure on $rows sets, expected $want ($report)"
  echo "compare-smoke: ok: $name on $rows sets"
done
# soft against hard labels: one row per set with both accuracies and the paired difference
soft=0
softrow='^[0-9]+\.[0-9]{2} ± [^|]+\| [0-9]+\.[0-9]{2} ± [^|]+\| -?[0-9]+\.[0-9]{2} ± '
for set in "MNIST test" "simulated imperfect" "measured files" "measured minerals"; do
  while IFS= read -r line; do
    rest="${line#"| $set | "}"
    [ "$rest" != "$line" ] && [[ $rest =~ $softrow ]] && soft=$((soft + 1))
  done < "$report"
done
[ "$soft" = 4 ] || fail "the soft-vs-hard-label tables have $soft rows with figures, expected 4 ($report)"
grep -q '^## Verdict: which method wins where' "$report" || fail "no verdict section in $report"
verdicts=$(grep -cE '^- (digits|XRD), [^:]+: \*\*[^*]+\*\* [0-9.]+ %' "$report" || true)
[ "$verdicts" = 4 ] || fail "$verdicts verdict lines in $report, expected 4"
for f in runs.csv accuracy-mnist-test.csv accuracy-simulated-imperfect.csv accuracy-1.png; do
  [ -s "$out/$f" ] || fail "no $out/$f"
done
echo "compare-smoke: ok: soft-vs-hard tables, $verdicts verdicts, CSVs and plots in $out"
echo "compare-smoke: irw compare --quick: wall ${wall} s, CPU ${user} s user + ${sys} s system, load before ${load_before}, after $(cut -d' ' -f1-3 /proc/loadavg)"
