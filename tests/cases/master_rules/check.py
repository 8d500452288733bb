#!/usr/bin/python3
"""What survives the master rules, read back through openpyxl."""
import json
import os

import openpyxl

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
wb = openpyxl.load_workbook(os.path.join(out, "summary_2026Q3.xlsx"))
rows = list(wb["KPI一覧"].iter_rows(values_only=True))
h = rows[0]
kpis = {r[h.index("KPI_ID")]: dict(zip(h, r)) for r in rows[1:]}
assert sorted(kpis) == ["K1", "K7"], sorted(kpis)
# "10100" in 主担当課 is the division 010100 (Excel dropped the leading zero)
assert kpis["K7"]["課コード"] == "010100" and kpis["K7"]["施策ID"] == "M6", kpis["K7"]
assert kpis["K7"]["単位"] is None
assert kpis["K7"]["基準時点"] == "2023Q4" and kpis["K7"]["目標時点"] == "2027Q4", kpis["K7"]
rows = list(wb["施策一覧"].iter_rows(values_only=True))
assert [r[0] for r in rows[1:]] == ["M1", "M6"], rows
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
tables = {t["path"]: t for t in m["inputs"]}
assert tables["masters/divisions.csv"]["accepted"] == 3 and tables["masters/divisions.csv"]["rejected"] == 4
assert tables["masters/measures.csv"]["accepted"] == 2 and tables["masters/measures.csv"]["rejected"] == 6
assert m["counts"] == {"departments": 3, "divisions": 3, "measures": 2, "kpis": 2, "milestones": 1}, m["counts"]
