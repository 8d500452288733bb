#!/usr/bin/python3
import json
import os

import openpyxl
out = os.path.join(os.environ["OUTPUT"], "2026Q2")
assert sorted(set(os.listdir(os.environ["OUTPUT"])) - {".kaikaku.lock"}) == ["2026Q2", "feed.xml", "history.sqlite"], os.listdir(os.environ["OUTPUT"])
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
assert m["period"] == "2026Q2" and m["period_label"] == "令和8年度 第2四半期（2026年7月〜9月）", m["period"]
wb = openpyxl.load_workbook(os.path.join(out, "summary_2026Q2.xlsx"))
rows = list(wb["KPI一覧"].iter_rows(values_only=True))
k = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
assert k["K2"]["実績値"] == 20 and k["K1"]["実績値"] is None, k
assert "2026Q3" not in rows[0], rows[0]     # no trend column after the period
assert m["kgi"]["hours_saved"] == 50, m["kgi"]  # the 2026Q2 rows
