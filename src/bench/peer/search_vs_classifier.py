"""Scores `irw identify` against the labelled real measurements and sets it beside the shipped
classifier's verdicts from `irw evaluate --real` (real.csv). Benchmark only, not a product dependency.

usage: python3 search_vs_classifier.py identify.csv real.csv sample-data/measured sample-data/measured-minerals
"""
import csv
import re
import sys
from collections import defaultdict

identify, real, measured, minerals = sys.argv[1:5]


def parse_formula(f):
    out = defaultdict(float)
    for el, n in re.findall(r"([A-Z][a-z]?)([0-9.]*)", f.replace("(", " ").replace(")", " ")):
        out[el] += float(n) if n not in ("", ".") else 1.0
    total = sum(out.values())
    return {k: v / total for k, v in out.items() if v / total >= 0.02}


def same_compound(lib_formula, wanted):
    a, b = parse_formula(lib_formula), parse_formula(wanted)
    return set(a) == set(b) and all(abs(a[k] - b[k]) <= 0.05 for k in a)


# truth: file -> (folder, kind, [phase keys], [systems])
truth = {}
with open(f"{measured}/labels.csv") as fh:
    for r in csv.DictReader(fh):
        phases = [p.strip().split(" ")[0] for p in r["phases"].split("+")]
        systems = [s for s in r["crystal_systems"].split("+") if s]
        truth[r["file"]] = ("measured", "mixture" if len(phases) > 1 else "single", phases, systems)
with open(f"{minerals}/labels.csv") as fh:
    for r in csv.DictReader(fh):
        systems = [r["crystal_system"]] if r["crystal_system"] else []
        truth[r["file"]] = ("minerals", "single", [r["phase"].split(" ")[0]], systems)
# minerals AMCSD lacks (issue 13): a phase hit is impossible there
ABSENT = {"sanidine.xy", "albite.xy", "oligoclase.xy", "kaolinite.xy"}

rows = defaultdict(list)
with open(identify) as fh:
    for r in csv.DictReader(fh):
        rows[r["item"]].append(r)

verdict = {}
with open(real) as fh:
    for r in csv.DictReader(fh):
        verdict[r["file"]] = r


def hit(row, folder, phase):
    if folder == "measured":
        return same_compound(row["formula"], phase)
    return row["mineral"].lower() == phase.lower()


stats = defaultdict(lambda: [0, 0])
print(f"{'file':28} {'kind':8} {'truth':28} {'search top-1 (phase 1)':42} {'close':5} {'ph@1':4} {'ph@3':4} {'sys@1':5} {'sys@3':5} | classifier")
for f, (folder, kind, phases, systems) in truth.items():
    rs = rows.get(f, [])
    p1 = [r for r in rs if r["phase"] == "1"]
    top = p1[0] if p1 else None
    close = top is not None and top["close_match"] == "yes"
    label = "-" if top is None else f"{top['mineral'] or top['formula']} ({top['formula']}, {top['crystal_system']})"
    if kind == "single":
        ph1 = top is not None and hit(top, folder, phases[0])
        ph3 = any(hit(r, folder, phases[0]) for r in p1[:3])
    else:
        # a mixture: every known phase among the first 3 candidates of some phase; phase@1: each is some phase's top-1
        tops = [r for r in rs if r["rank"] == "1"]
        ph1 = all(any(hit(r, folder, p) for r in tops) for p in phases)
        ph3 = all(any(hit(r, folder, p) for r in rs if int(r["rank"]) <= 3) for p in phases)
    sys1 = bool(systems) and top is not None and top["crystal_system"] in systems
    sys3 = bool(systems) and any(r["crystal_system"] in systems for r in p1[:3])
    v = verdict.get(f, {})
    cls_right = v.get("raw_right", "")
    cls_text = f"{v.get('raw_verdict', '?')}:{v.get('raw_predicted', '')} {float(v.get('raw_probability', 'nan')):.2f} {cls_right}"
    print(f"{f:28} {kind:8} {'+'.join(systems) or '-':28} {label[:42]:42} {'yes' if close else 'no':5} "
          f"{'-' if f in ABSENT else ('Y' if ph1 else 'n'):4} {'-' if f in ABSENT else ('Y' if ph3 else 'n'):4} "
          f"{('Y' if sys1 else 'n') if systems else '-':5} {('Y' if sys3 else 'n') if systems else '-':5} | {cls_text}")
    if systems:
        key = kind
        stats[key + " sys@1"][0] += sys1
        stats[key + " sys@1"][1] += 1
        stats[key + " sys@3"][0] += sys3
        stats[key + " sys@3"][1] += 1
        stats[key + " classifier right"][0] += cls_right == "true"
        stats[key + " classifier right"][1] += 1
        stats[key + " classifier confident & right"][0] += cls_right == "true" and v.get("raw_verdict") not in ("uncertain", "refused")
        stats[key + " classifier confident & right"][1] += 1
        # search: a confident answer is a close match
        stats[key + " search close & system right"][0] += close and sys1
        stats[key + " search close & system right"][1] += 1
        stats[key + " search close & system wrong"][0] += close and not sys1
        stats[key + " search close & system wrong"][1] += 1
        if kind == "single" and v.get("raw_predicted"):
            stats["single: search and classifier agree"][1] += 1
            agree = top is not None and top["crystal_system"] == v["raw_predicted"]
            stats["single: search and classifier agree"][0] += agree
            if agree:
                stats["single: when they agree, right"][1] += 1
                stats["single: when they agree, right"][0] += sys1
            else:
                stats["single: when they disagree, search right"][1] += 1
                stats["single: when they disagree, search right"][0] += sys1
                stats["single: when they disagree, classifier right"][1] += 1
                stats["single: when they disagree, classifier right"][0] += cls_right == "true"
    if f not in ABSENT and phases[0] and (systems or folder == "measured"):
        stats[kind + " phase@1"][0] += ph1
        stats[kind + " phase@1"][1] += 1
        stats[kind + " phase@3"][0] += ph3
        stats[kind + " phase@3"][1] += 1
print()
for k in sorted(stats):
    a, n = stats[k]
    print(f"{k:45} {a:3d} / {n:3d}  ({100.0 * a / n:5.1f} %)" if n else f"{k:45} -")
