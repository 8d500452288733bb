#!/usr/bin/python3
"""The sample city, checked through openpyxl against the generator's own data
(tools/make_sample.py) as an independent oracle."""
import hashlib
import json
import os
import sys

import openpyxl

sys.path.insert(0, os.path.join(os.environ["CASE"], "..", "..", "..", "tools"))
import make_sample as S  # noqa: E402

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
wb = openpyxl.load_workbook(os.path.join(out, "summary_2026Q3.xlsx"))
assert wb.sheetnames == ["概要", "施策一覧", "KPI一覧", "マイルストーン", "業務量削減", "未提出", "入力エラー"], wb.sheetnames


def table(name):
    ws = wb[name]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return header, [dict(zip(header, r)) for r in rows[1:]]


# fixed points of the contract §4
h, measures = table("施策一覧")
assert "施策ID" in h and "状況" in h, h
kh, kpis = table("KPI一覧")
for col in ("KPI_ID", "状況", "実績値", "前回値", "進捗率", "コメント"):
    assert col in kh, (col, kh)
for p in ("2025Q4", "2026Q1", "2026Q2", "2026Q3"):
    assert p in kh, ("trend column", p, kh)
h, ms = table("マイルストーン")
assert "マイルストーンID" in h and "状況" in h, h
h, missing = table("未提出")
assert "課コード" in h and "状況" not in h, h

kpi = {r["KPI_ID"]: r for r in kpis}
# K42-1 was rejected in the master (目標値 = 基準値): not listed
assert "K42-1" not in kpi
assert len(kpi) == len(S.KPIS) - 1

# an independent computation of KPI statuses at 2026Q3 for the reported ones
def q(code):
    return int(code[:4]) * 4 + int(code[-1]) - 1

P = q("2026Q3")
periods = {"R6年度": q("2024Q4"), "R9年度末": q("2027Q4"), "R8年度末": q("2026Q4")}
rejected_at_p = {"K31-1", "K15-4", "K42-1"}  # conflict, bad number, rejected master
for kid, mid, name, unit, base, bp, target, tp in S.KPIS:
    if kid == "K42-1":
        continue
    row = kpi[kid]
    actual = S.ACTUALS[kid][3]
    if actual is None or kid in rejected_at_p:
        assert row["状況"] == "未報告", (kid, row["状況"])
        assert row["実績値"] is None
        prev = S.ACTUALS[kid][2]
        assert row["前回値"] == prev, (kid, row["前回値"], prev)
        continue
    progress = (actual - base) / (target - base)
    expected = min(1, max(0, (P - periods[bp]) / (periods[tp] - periods[bp])))
    if progress >= 1:
        want = "達成"
    elif progress >= 0.9 * expected - 1e-9:
        want = "順調"
    elif progress >= 0.7 * expected - 1e-9:
        want = "注意"
    else:
        want = "遅延"
    assert row["状況"] == want, (kid, row["状況"], want, progress, expected)
    assert abs(row["進捗率"] - progress) < 1e-9, (kid, row["進捗率"], progress)
    assert row["実績値"] == actual
    assert wb["KPI一覧"].cell(row=list(kpi).index(kid) + 2, column=kh.index("進捗率") + 1).number_format == "0.0%"
    # the trend columns hold the actuals of each period
    for i, p in enumerate(("2025Q4", "2026Q1", "2026Q2")):
        want = None if (kid, p) in {("K17-1", "2026Q2")} else S.ACTUALS[kid][i]  # 報告期間 "来期"
        assert row[p] == want, (kid, p, row[p])

assert kpi["K15-1"]["コメント"] == "電子決裁の対象を契約・支出まで拡大"

# milestones: overdue ones are 遅延 whatever was reported
m = {r["マイルストーンID"]: r for r in ms}
assert m["MS05-3"]["状況"] == "遅延", m["MS05-3"]   # due 2026Q2, its 2026Q3 row was rejected
assert m["MS21-1"]["状況"] == "完了"
assert m["MS17-1"]["状況"] == "中止"
assert m["MS41-1"]["状況"] == "遅延"                 # due 2026-09-30 (2026Q2), 進行中
assert m["MS05-4"]["状況"] == "進行中"

# 未提出: 道路課 sent nothing for 2026Q3
assert [r["課コード"] for r in missing] == ["040100"], missing

# the KGI: latest hours per (課, 取組) at or before 2026Q3, over divisions with a baseline
base = {d[2]: d[3] for d in S.DIVISIONS}
hours = 0
for div, ini, mid, hs in S.WORKLOAD:
    latest = [h for h in hs if h is not None][-1]
    if base[div]:
        hours += latest
baseline = sum(b for b in base.values() if b)
man = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
assert man["period"] == "2026Q3" and man["exit_status"] == 1
assert man["kgi"]["hours_saved"] == hours, (man["kgi"], hours)
assert man["kgi"]["baseline_hours"] == baseline
assert abs(man["kgi"]["rate"] - hours / baseline) < 1e-12
assert man["kgi"]["target"] == 0.3
assert sum(man["kpi_status"].values()) == len(S.KPIS) - 1
assert man["missing_submissions"] == ["040100"]
# every file listed with its real size and hash; every table's rows add up
for f in man["files"]:
    data = open(os.path.join(os.environ["OUTPUT"], f["path"]), "rb").read()
    assert len(data) == f["bytes"] and hashlib.sha256(data).hexdigest() == f["sha256"], f
assert {f["path"] for f in man["files"]} == {"2026Q3/errors_2026Q3.csv", "2026Q3/summary_2026Q3.xlsx"}
for t in man["inputs"]:
    assert t["rows"] == t["accepted"] + t["rejected"] + t["skipped"], t
    assert not t["path"].startswith("/"), t
kinds = {t["kind"] for t in man["inputs"]}
assert {"divisions", "measures", "kpis", "milestones", "kpi_actuals", "milestone_status", "workload", "unrecognised"} <= kinds, kinds
# the CP932 and UTF-8 files were detected as such
fmts = {t["path"]: t["format"] for t in man["inputs"]}
assert fmts["submissions/2026Q3/010100_総務課_KPI実績.csv"] == "CSV (CP932)"
assert fmts["submissions/2026Q3/010300_DX推進課_KPI実績.csv"] == "CSV (UTF-8 (BOM))"

# the 概要 sheet shows the KGI figure
ov = [r for r in wb["概要"].iter_rows(values_only=True)]
assert ov[1][0] == "令和8年度 第3四半期（2026年10月〜12月）", ov[1]
city = next(r for r in ov if r[0] == "市全体")
assert abs(city[3] - hours / baseline) < 1e-12, city
print("sample ok")
