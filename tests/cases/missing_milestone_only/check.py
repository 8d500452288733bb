#!/usr/bin/python3
"""未提出 counts open milestones too (contract §3): 人事課 (D02) owns no KPI, only
an open milestone, and sent nothing for 2026Q3, so it is 未提出; 企画課 (D03)
and 財政課 (D04) own only a milestone that is done or cancelled, and are not.
(Issue 16: dropping the open-milestone part of the rule left the suite green.)"""
import json
import os

import openpyxl

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
assert m["missing_submissions"] == ["D02"], m["missing_submissions"]
wb = openpyxl.load_workbook(os.path.join(out, "summary_2026Q3.xlsx"))
rows = list(wb["未提出"].iter_rows(values_only=True))
codes = [r[rows[0].index("課コード")] for r in rows[1:] if any(r)]
assert codes == ["D02"], rows
