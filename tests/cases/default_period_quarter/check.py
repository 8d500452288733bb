#!/usr/bin/python3
"""The default period's boundary (contract §3: the latest Q with 4 × D(Q) ≥ D): four
divisions report for 2026Q2 and one of them for 2026Q3, so 4 × 1 ≥ 4 and 2026Q3 is
the report period (with > in place of ≥ it would be 2026Q2); the three others are
未提出 for 2026Q3."""
import json
import os
import sys

out = os.environ["OUTPUT"]
problems = []
folders = sorted(n for n in os.listdir(out) if not n.startswith(".") and os.path.isdir(os.path.join(out, n)))
if folders != ["2026Q3"]:
    problems.append(f"output folders {folders}, want ['2026Q3']")
else:
    m = json.load(open(os.path.join(out, "2026Q3", "manifest.json"), encoding="utf-8"))
    if m["period"] != "2026Q3" or m["missing_submissions"] != ["D02", "D03", "D04"]:
        problems.append(f"manifest period {m['period']!r}, 未提出 {m['missing_submissions']}")
print("\n".join(problems))
sys.exit(1 if problems else 0)
