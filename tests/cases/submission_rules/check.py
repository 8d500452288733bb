#!/usr/bin/python3
"""Submission rules, read back through openpyxl: identical duplicates count
once (the first row's comment is kept), conflicts are used on neither side,
the period comes from the column or the folder, the latest workload row per
(課, 取組) at or before P counts."""
import json
import os

import openpyxl

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
wb = openpyxl.load_workbook(os.path.join(out, "summary_2026Q3.xlsx"))


def table(name):
    rows = list(wb[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


k = {r["KPI_ID"]: r for r in table("KPI一覧")}
assert k["K1"]["実績値"] == 40 and k["K1"]["コメント"] == "順調です" and k["K1"]["状況"] == "注意", k["K1"]
assert k["K2"]["実績値"] == 30 and k["K2"]["前回値"] == 20 and k["K2"]["前回報告期間"] == "2026Q2", k["K2"]
assert k["K2"]["状況"] == "遅延"
assert k["K3"]["実績値"] is None and k["K3"]["状況"] == "未報告", k["K3"]
ms = {r["マイルストーンID"]: r for r in table("マイルストーン")}
assert ms["MS1"]["状況"] == "進行中" and abs(ms["MS1"]["進捗率"] - 0.5) < 1e-12, ms["MS1"]
assert ms["MS2"]["状況"] == "未着手" and ms["MS2"]["報告状況"] is None, ms["MS2"]
assert table("未提出") == [], table("未提出")
w = {(r["課"], r["取組"]): r for r in table("業務量削減")}
assert w[("総務課", "電子決裁")]["削減時間"] == 20 and w[("総務課", "電子決裁")]["報告期間"] == "2026Q2"
assert w[("総務課", "ペーパーレス")]["削減時間"] == 30
assert w[("人事課", "研修")]["削減率に算入"].startswith("いいえ")
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
assert {k: m["kgi"][k] for k in ("hours_saved", "baseline_hours", "rate", "target")} == {
    "hours_saved": 50, "baseline_hours": 1000, "rate": 0.05, "target": 0.3}, m["kgi"]
t = {x["path"]: x for x in m["inputs"]}
s = t["submissions/2026Q3/soumu_kpi.csv"]
assert (s["rows"], s["accepted"], s["rejected"], s["skipped"]) == (6, 1, 3, 2), s
# a formula-looking value is guarded in the CSV, plain in the workbook
csvtext = open(os.path.join(out, "errors_2026Q3.csv"), encoding="utf-8-sig").read()
assert ",'=SUM(A1:A3),\"[E_BAD_NUMBER]" in csvtext, csvtext
err = [r for r in table("入力エラー") if r["ファイル"].endswith("zz_formula.csv")]
assert err[0]["値"] == "=SUM(A1:A3)", err
assert [x["period"] for x in m["trend"]] == ["2026Q2", "2026Q3"], m["trend"]
assert m["trend"][0]["kgi"]["hours_saved"] == 50
