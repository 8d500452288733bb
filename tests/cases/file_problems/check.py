#!/usr/bin/python3
"""CP932 text comes out right (～ ① ㈱ 髙 﨑 and half-width kana), and every
broken file is listed in the manifest without stopping the others."""
import json
import os

import openpyxl

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
wb = openpyxl.load_workbook(os.path.join(out, "summary_2026Q3.xlsx"))
rows = list(wb["KPI一覧"].iter_rows(values_only=True))
k = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
assert k["K1"]["実績値"] == 40, k["K1"]
assert k["K1"]["コメント"].replace("\r\n", "\n") == "～①㈱髙﨑ｱ\n2行目", repr(k["K1"]["コメント"])
assert k["K2"]["実績値"] == 10, k["K2"]   # the first of two 実績値 columns
assert k["K3"]["実績値"] == 30, k["K3"]   # from a workbook named .dat
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
kinds = {t["path"].rsplit("/", 1)[-1]: t["kind"] for t in m["inputs"]}
assert kinds["01_cp932.csv"] == "kpi_actuals"
for name in ("02_empty.csv", "03_bad_encoding.csv", "04_utf16.csv", "05_nul.csv", "06_syntax.csv",
             "07_old.xls", "08_locked.xlsx", "16_renamed_xls.csv", "09_picture.csv", "10_report.xlsx", "14_dangling.csv"):
    assert kinds[name] == "error", (name, kinds.get(name))
assert kinds["11_notes.pdf"] == "ignored"
assert kinds["12_memo.csv"] == "unrecognised"
assert kinds["17_renamed.dat"] == "kpi_actuals"
assert not any(n.startswith((".", "~$")) for n in kinds), kinds
fmt = {t["path"].rsplit("/", 1)[-1]: t["format"] for t in m["inputs"]}
assert fmt["01_cp932.csv"] == "CSV (CP932)", fmt
