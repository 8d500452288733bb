#!/usr/bin/python3
"""One mistyped period (2062Q3) does not move the report: 2026Q3 is published, and the
rows for 2062Q3 count as accepted in the manifest's inputs."""
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
    acc = {i["path"]: i.get("accepted") for i in m["inputs"]}
    if acc.get("submissions/actuals.csv") != 10 or acc.get("submissions/workload.csv") != 1:
        problems.append(f"inputs accepted {acc}")
    if m["warnings"] != 2:
        problems.append(f"warnings {m['warnings']}, want 2")
print("\n".join(problems))
sys.exit(1 if problems else 0)
