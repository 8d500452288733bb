#!/usr/bin/python3
"""The values as a spreadsheet holds them: 0.3 and 7 (not 0.30000000000000004 and
7.000000000000001, which conflicted with the CSV export), the rows with t="d" periods
and a no-break space accepted, 12.3 counted once."""
import glob
import json
import os
import sys

import openpyxl

out = os.environ["OUTPUT"]
wb = openpyxl.load_workbook(glob.glob(os.path.join(out, "*", "summary_*.xlsx"))[0])
ws = wb["KPI一覧"]
head = [c.value for c in ws[1]]
actual = {r[0]: r[head.index("実績値")] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
problems = []
if actual.get("K1") != 0.3:
    problems.append(f"K1 actual {actual.get('K1')!r}, want 0.3")
if actual.get("K3") != 7:
    problems.append(f"K3 actual {actual.get('K3')!r}, want 7")
ws = wb["業務量削減"]
head = [c.value for c in ws[1]]
hours = {r[head.index("取組")]: r[head.index("削減時間")] for r in ws.iter_rows(min_row=2, values_only=True)
         if r[head.index("取組")]}
want = {"15桁に丸める": 12.3, "ISO の日付": 25, "ISO の日付だけ": 5, "後ろに NBSP": 10}
if hours != want:
    problems.append(f"workload {hours!r}, want {want!r}")
m = json.load(open(glob.glob(os.path.join(out, "*", "manifest.json"))[0], encoding="utf-8"))
if m["kgi"]["hours_saved"] != 52.3:
    problems.append(f"hours_saved {m['kgi']['hours_saved']}, want 52.3")
if "E_CONFLICT" in os.environ["STDERR"] or "Excel のエラー値" in os.environ["STDERR"]:
    problems.append("a conflict or an Excel error value was reported")
print("\n".join(problems))
sys.exit(1 if problems else 0)
