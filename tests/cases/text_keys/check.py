#!/usr/bin/python3
"""One key per 取組, one department: 100 + 50 hours, one 部 in the summary."""
import glob
import json
import os
import sys

import openpyxl

out = os.environ["OUTPUT"]
m = json.load(open(glob.glob(os.path.join(out, "*", "manifest.json"))[0], encoding="utf-8"))
problems = []
if m["kgi"]["hours_saved"] != 150:
    problems.append(f"hours_saved {m['kgi']['hours_saved']}, want 150 (100 counted once, and 50)")
wb = openpyxl.load_workbook(glob.glob(os.path.join(out, "*", "summary_*.xlsx"))[0])
ws = wb["業務量削減"]
head = [c.value for c in ws[1]]
rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[head.index("取組")]]
if len(rows) != 2:
    problems.append(f"{len(rows)} workload rows, want 2: {rows}")
depts = {r[head.index("部")] for r in rows}
if depts != {"総務\u2015部"}:
    problems.append(f"departments {depts}, want the one first spelled in the master")
print("\n".join(problems))
sys.exit(1 if problems else 0)
