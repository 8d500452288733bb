#!/usr/bin/python3
"""Every submission row of the edited feedback workbooks was read."""
import glob
import json
import os
import sys

import openpyxl

out = os.environ["OUTPUT"]
problems = []
m = json.load(open(glob.glob(os.path.join(out, "*", "manifest.json"))[0], encoding="utf-8"))
if m["kgi"]["hours_saved"] != 55:
    problems.append(f"hours_saved {m['kgi']['hours_saved']}, want 55 (30 + 20 from b, 5 from d)")
# W_NO_ACTION only says that a behind KPI came without a 対応策: not about reading
errs = open(glob.glob(os.path.join(out, "*", "errors_*.csv"))[0], encoding="utf-8-sig").read()
others = [l for l in errs.splitlines()[1:] if "[W_NO_ACTION]" not in l]
if m["errors"] or others:
    problems.append(f"{m['errors']} errors, warnings {others}, want none")
wb = openpyxl.load_workbook(glob.glob(os.path.join(out, "*", "summary_*.xlsx"))[0])
ws = wb["KPI一覧"]
head = [c.value for c in ws[1]]
actual = {r[0]: r[head.index("実績値")] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
if actual.get("K1") != 55 or actual.get("K3") != 20:
    problems.append(f"actuals {actual}, want K1 55 and K3 20 from a")
ws = wb["マイルストーン"]
head = [c.value for c in ws[1]]
st = {r[0]: r[head.index("状況")] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
if st.get("MS1") != "進行中":
    problems.append(f"milestones {st}, want MS1 進行中 from c")
print("\n".join(problems))
sys.exit(1 if problems else 0)
