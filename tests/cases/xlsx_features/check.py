#!/usr/bin/python3
"""What the xlsx reader took from openpyxl-made and hand-made workbooks."""
import json
import os

import openpyxl

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
wb = openpyxl.load_workbook(os.path.join(out, "summary_2026Q3.xlsx"))


def table(name):
    rows = list(wb[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


k = {r["KPI_ID"]: r for r in table("KPI一覧")}
assert k["K1"]["実績値"] == 40, k["K1"]               # 報告期間 an Excel date: 2026-12-01 is 2026Q3
assert k["K1"]["コメント"] == '=HYPERLINK("http://example.com","押して")', k["K1"]
# submitted text stays text: no formula cell anywhere in the summary
for ws in wb.worksheets:
    for r in ws.iter_rows():
        for c in r:
            assert c.data_type != "f", (ws.title, c.coordinate, c.value)
assert k["K2"]["実績値"] == 77, k["K2"]               # the 1904 date system
assert k["K3"]["実績値"] == 45, k["K3"]               # a 0% formatted 0.45 is 45
ms = {r["マイルストーンID"]: r for r in table("マイルストーン")}
assert ms["MS1"]["状況"] == "完了" and ms["MS1"]["進捗率"] == 1, ms["MS1"]
w = {r["取組"]: r["削減時間"] for r in table("業務量削減")}
assert w == {"紙_x0030_の削減": 30, "印刷\nの削減": 25, "数式": 25}, w
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
assert m["kgi"]["hours_saved"] == 80, m["kgi"]
kinds = {(t["path"].rsplit("/", 1)[-1], t["sheet"]): t["kind"] for t in m["inputs"]}
assert kinds[("g_summary_copy.xlsx", None)] == "ignored", kinds
assert kinds[("d_truncated.xlsx", None)] == "error", kinds
assert kinds[("e_bomb.xlsx", None)] == "error", kinds
