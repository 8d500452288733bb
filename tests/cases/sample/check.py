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
assert wb.sheetnames == ["概要", "施策一覧", "KPI一覧", "マイルストーン", "業務量削減", "未提出", "ロードマップ", "提出状況", "提出ファイル", "過去期の修正", "入力エラー"], wb.sheetnames


def table(name):
    ws = wb[name]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return header, [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r)]


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
# 保育課: its only 2026Q3 rows are the conflicting pair (both refused): 未提出
assert [r["課コード"] for r in missing] == ["030200", "040100"], missing

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
assert man["missing_submissions"] == ["030200", "040100"]
# every file listed with its real size and hash; every table's rows add up
for f in man["files"]:
    data = open(os.path.join(os.environ["OUTPUT"], f["path"]), "rb").read()
    assert len(data) == f["bytes"] and hashlib.sha256(data).hexdigest() == f["sha256"], f
feedback = {f"2026Q3/feedback/{d[0]}_{d[2]}_2026Q3.xlsx" for d in S.DIVISIONS}
departments = {f"2026Q3/departments/{d}_2026Q3.pdf" for d in {d[1] for d in S.DIVISIONS}}
public = {f"2026Q3/public/{f}" for f in ("index.html", "style.css", "pillar1.html", "pillar2.html", "pillar3.html",
                                         "dept1.html", "dept2.html", "dept3.html", "dept4.html")}
handout = {f"2026Q3/配布/{d[1]}/{d[2]}_フィードバックと2026Q4提出用.xlsx" for d in S.DIVISIONS} \
    | {f"2026Q3/配布/{d}/{d}_四半期レビュー_2026Q3.pdf" for d in {d[1] for d in S.DIVISIONS}} | {"2026Q3/配布/配布一覧.csv"}
assert {f["path"] for f in man["files"]} == {"2026Q3/errors_2026Q3.csv", "2026Q3/summary_2026Q3.xlsx",
                                             "2026Q3/review_2026Q3.pdf", "2026Q3/opendata/kaikaku_kpi_2026Q3.csv"} \
    | feedback | departments | public | handout, man["files"]
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

# ---- presentation (issue 3)
import zipfile
z = zipfile.ZipFile(os.path.join(out, "summary_2026Q3.xlsx"))
charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
assert len(charts) == 4, charts  # statuses per pillar and per department, KGI per department, trend
chart_xml = "".join(z.read(c).decode() for c in charts)
for title in ("柱別の施策の状況", "部別の施策の状況", "部別の業務量削減率（目標 30.0%）", "業務量削減率の推移"):
    assert title in chart_xml, title
# departments compared as bars, the trend as a line (issue 13)
assert chart_xml.count("<c:barChart>") == 3 and chart_xml.count("<c:lineChart>") == 1
# the stacked charts show (and their legends name) only the statuses the city's
# measures have: the sample has no 完了, 中止, 未着手 or 進行中 measure
stacked = [z.read(c).decode() for c in charts if "施策の状況" in z.read(c).decode()]
assert len(stacked) == 2 and all(x.count("<c:ser>") == 5 for x in stacked), [x.count("<c:ser>") for x in stacked]
colours = {}
for name in ("施策一覧", "KPI一覧", "マイルストーン", "業務量削減", "未提出", "提出状況", "提出ファイル", "入力エラー"):
    ws = wb[name]
    assert ws.freeze_panes == "A2", (name, ws.freeze_panes)
    assert len(ws.tables) == 1, (name, ws.tables)          # an Excel table, with its autofilter
    t = list(ws.tables.values())[0]
    assert t.ref.startswith("A1:"), (name, t.ref)
    ps = ws.page_setup
    assert ps.orientation == "landscape" and str(ps.paperSize) == "9", (name, ps.orientation, ps.paperSize)
    # one page wide where 8 points allow it, else 80% across then down with
    # the key columns repeated (issue 13; tests/xlsx_print.py prints them)
    if ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage:
        assert ps.fitToWidth in (None, 1) and ps.fitToHeight == 0, name  # 1 is the OOXML default
    else:
        assert int(ps.scale) == 80 and ps.pageOrder == "overThenDown" and ws.print_title_cols, (name, ps.scale, ws.print_title_cols)
    assert ws.print_title_rows in ("1:1", "$1:$1"), (name, ws.print_title_rows)
    assert "&P / &N" in ws.oddFooter.center.text, name
    assert "令和8年度 第3四半期" in ws.oddHeader.right.text, name
    header = [c.value for c in ws[1]]
    for c in ws.iter_rows(min_row=2):
        for cell in c:
            assert cell.data_type != "f", (name, cell.coordinate)
            col = header[cell.column - 1]
            if col in ("状況", "前期状況") and cell.value:
                colours.setdefault(cell.value, set()).add(cell.fill.fgColor.rgb)
            if col in ("進捗率", "期待進捗率") and cell.value is not None:
                assert cell.number_format == "0.0%", (name, col, cell.number_format)
            if col in ("KPI数", "行数", "採用", "バイト数") and cell.value is not None:
                assert cell.number_format == "#,##0", (name, col, cell.number_format)
# every status its own colour, the same everywhere
assert all(len(v) == 1 for v in colours.values()), colours
assert len({next(iter(v)) for v in colours.values()}) == len(colours), colours
assert {"達成", "順調", "注意", "遅延", "未報告", "完了", "中止", "進行中"} <= set(colours), colours
for name, col in (("施策一覧", "判定理由"), ("KPI一覧", "判定理由"), ("マイルストーン", "判定理由"),
                  ("施策一覧", "前期状況"), ("KPI一覧", "前期状況"), ("マイルストーン", "前期状況")):
    assert col in [c.value for c in wb[name][1]], (name, col)
kr = {r["KPI_ID"]: r for r in table("KPI一覧")[1]}
assert kr["K14-2"]["判定理由"] == "進捗率 50.0%、期待進捗 58.3% の 0.9 倍 = 52.5% に届かず、0.7 倍 = 40.8% 以上 → 注意", kr["K14-2"]["判定理由"]
assert kr["K15-4"]["判定理由"].startswith("2026Q3 の実績値は入力エラーで使えず"), kr["K15-4"]["判定理由"]
assert kr["K15-1"]["前期状況"] == "注意" and kr["K15-1"]["状況"] == "順調"
assert m["MS41-1"]["判定理由"].startswith("期限 2026Q2 を過ぎて未完了"), m["MS41-1"]["判定理由"]
# the submission grid (issue 13): one row per division, a column per quarter, ○ sent
# and all accepted, △ sent with rows refused, × nothing; the divisions to chase first
grid = table("提出状況")[1]
assert [r["課"] for r in grid[:2]] == ["道路課", "保育課"], [r["課"] for r in grid]
g = {r["課"]: r for r in grid}
assert g["道路課"]["R8年度Q3"] == "×" and g["道路課"]["R8年度Q2"] == "○" and g["道路課"]["今期"] == "未提出", g["道路課"]
assert g["保育課"]["R8年度Q3"] == "△" and g["保育課"]["今期の報告率"] == 0, g["保育課"]  # its conflict
assert g["財政課"]["R8年度Q2"] == "△", g["財政課"]  # 報告期間「来期」: sent, refused
assert g["人事課"]["R8年度Q3"] == "○" and g["人事課"]["今期の報告率"] == 1, g["人事課"]
assert g["総務課"]["R8年度Q3"] == "△" and abs(g["総務課"]["今期の報告率"] - 4 / 6) < 1e-9, g["総務課"]
# 都市計画課's K42-1 files (their KPI refused in the master, no 課 column): sent,
# refused, and theirs by the file's name (issue 18)
assert g["都市計画課"]["R8年度Q3"] == "△" and g["都市計画課"]["R7年度Q4"] == "△", g["都市計画課"]
errs_sheet = table("入力エラー")[1]
assert any(r["課"] == "都市計画課（ファイル名から）" and r["コード"] == "E_REF_REJECTED" for r in errs_sheet)
fbt = openpyxl.load_workbook(os.path.join(out, "feedback", "040200_都市計画課_2026Q3.xlsx"))
notes = [c for r in fbt["概要"].iter_rows(values_only=True) for c in r if isinstance(c, str)]
assert any("ファイル名（またはフォルダ名）からこの課の提出物と判断しました" in c for c in notes), notes
assert not any("エラー・警告はありません" in c for c in notes)
assert [c.value for c in wb["提出状況"][1]][3:] == ["R7年度Q4", "R8年度Q1", "R8年度Q2", "R8年度Q3", "今期の報告率", "今期"]
# the ledger: one row per input file, with its division, kinds, encoding and hash
led = table("提出ファイル")[1]
paths = [r["ファイル"] for r in led]
assert len(paths) == len(set(paths)) == len({t["path"] for t in man["inputs"]}), (len(paths), len({t["path"] for t in man["inputs"]}))
soumu = next(r for r in led if r["ファイル"] == "submissions/2026Q3/010100_総務課_KPI実績.csv")
assert soumu["課"] == "総務課" and soumu["表の種類"] == "KPI実績" and soumu["形式"] == "CSV (CP932)", soumu
assert soumu["行数"] == 2 and soumu["採用"] == 1 and soumu["不採用"] == 1 and soumu["エラー"] == 1, soumu
data = open(os.path.join(os.environ["INPUT"], soumu["ファイル"]), "rb").read()
assert soumu["SHA-256"] == hashlib.sha256(data).hexdigest()
master = next(r for r in led if r["ファイル"].startswith("masters/"))
assert master["表の種類"] == "課マスタ・施策マスタ・KPIマスタ・マイルストーン", master
err = table("入力エラー")[1]
assert next(r for r in err if r["値"] == "約22")["課"] == "DX推進課"
# a division without a baseline: its hours show everywhere (they only do not
# count in the rate): 都市計画課 reported 260 hours (issue 12)
import subprocess  # noqa: E402
pack = subprocess.run(["pdftotext", "-layout", os.path.join(out, "review_2026Q3.pdf"), "-"],
                      capture_output=True, text=True, check=True).stdout
assert "基準業務量なし（削減 260 時間は削減率に数えません）" in pack
# 保育課 sent its 2026Q3 actual twice with two values (E_CONFLICT): rows sent, none used
flat = pack.replace("\n", "").replace(" ", "")
assert "報告は届きましたが、エラーのため1行も使えず、未提出の扱いです" in flat, "保育課"
# a KPI without an actual for P shows the latest earlier one (§3): K31-1's 390 hours of 2026Q2
# (pdftotext -layout interleaves the cells' lines: the pieces of the cell)
assert "↓600→今期なし（前回" in flat and "390、R8年度Q2）→150時間" in flat, "K31-1"
# KPI rows: 基準値 → 実績値 → 目標値, the direction, the trend, the division's 対応策, and
# the behind item without one marked (K22-1, 保険年金課)
assert "↑20→55→80%" in flat and "↓45→0→0職場" in flat and "↑は増えるほど良い指標" in flat
assert "対応策:県に派遣枠の追加を要望中。" in flat
raw = subprocess.run(["pdftotext", os.path.join(out, "review_2026Q3.pdf"), "-"],
                     capture_output=True, text=True, check=True).stdout
assert "【対応策なし】オンライン申請の割合" in "".join(raw.split())
fb = openpyxl.load_workbook(os.path.join(out, "feedback", "040200_都市計画課_2026Q3.xlsx"))
cells = [c for row in fb["概要"].iter_rows(values_only=True) for c in row]
assert 260 in cells, cells
# the 部別 table: each department's measures by status add up to its measures
import re  # noqa: E402
rows = [r for r in (ln.split() for ln in pack.splitlines())
        if len(r) >= 9 and r[0] in ("総務部", "市民部", "健康子ども部", "都市建設部") and all(x.isdigit() for x in r[1:9])]
assert len(rows) == 4, rows
for r in rows:
    nums = [int(x) for x in r[1:9]]
    assert nums[1] == sum(nums[2:]), r
print("sample ok")
# the briefing figures in the workbooks are the pack's (issue 12): the same KGI
# sentence in the summary's 概要, the 総括 page and each feedback workbook's 概要
sentence = "R9年度末に30.0%の目標に対し、現在 4.7%（期待 20.0%）。残り5四半期で毎期 5.1 ポイントの削減が必要です（これまでは毎期 0.5 ポイント）。"
ov_cells = [c for r in wb["概要"].iter_rows(values_only=True) for c in r if c is not None]
assert sentence in ov_cells, ov_cells[:30]
assert "悪化 5 件・改善 19 件" in ov_cells and "注意・遅延 7 件、うち対応策なし 4 件" in ov_cells, ov_cells[:40]
assert "".join(sentence.split()) in "".join(raw.split()), "the pack's 総括 says the same"
fb3 = openpyxl.load_workbook(os.path.join(out, "feedback", "010300_DX推進課_2026Q3.xlsx"))
fb_cells = [c for r in fb3["概要"].iter_rows(values_only=True) for c in r if c is not None]
assert sentence in fb_cells and "注意・遅延 1 件、うち対応策なし 1 件" in fb_cells, fb_cells[:40]
# a measure whose only KPI was refused in its master says so and why (issue 12):
# M42's K42-1 has 目標値 = 基準値
why = "「K42-1」はマスタのシート「KPIマスタ」17行目がエラーのため使えません（目標値（12）が基準値（12）と同じです。）"
assert why in "".join(raw.split()), "M42 in the pack"
me = {r[0]: r for r in wb["施策一覧"].iter_rows(values_only=True)}
head = list(wb["施策一覧"].iter_rows(values_only=True))[0]
assert why in "".join(str(me["M42"][head.index("判定理由")]).split()), me["M42"]
# the lists put what needs attention first (worst status, then ID), the master
# order one sort away (マスタ順), and the KPIs' 対応策 beside their comments (issue 13)
kl = table("KPI一覧")[1]
ranks = {"遅延": 0, "注意": 1, "未報告": 2, "未着手": 3, "進行中": 4, "順調": 5, "達成": 6, "完了": 7}
assert [ranks[r["状況"]] for r in kl] == sorted(ranks[r["状況"]] for r in kl), [r["状況"] for r in kl]
assert kl[0]["KPI_ID"] == "K17-1" and kl[0]["対応策"].startswith("電子契約サービスを選定し直し"), kl[0]
assert sorted(r["マスタ順"] for r in kl) == list(range(1, len(kl) + 1))
assert next(r for r in kl if r["KPI_ID"] == "K22-1")["対応策"] == "（対応策なし）"
assert table("施策一覧")[1][0]["状況"] == "遅延" and table("マイルストーン")[1][0]["状況"] == "遅延"
# the submission deadline (contract §2: 15 days after the quarter, with its 曜日) and
# the PMO's contact on the feedback workbook and in the pack (issue 13)
fbc = [c for r in fb3["概要"].iter_rows(values_only=True) for c in r if isinstance(c, str)]
assert any("提出期限は 2027年4月15日（木）" in c for c in fbc), fbc
assert any(c.startswith("問い合わせ先: PMO") for c in fbc), fbc
assert "提出期限 2027年4月15日（木）" in fb3["提出_KPI実績"]["A1"].value
assert "次回（R8年度Q4分）の提出期限:2027年4月15日（木）" in "".join(raw.split())
assert "今期分の提出期限は2027年1月15日（金）" in "".join(raw.split())
# a division counted as 未提出 is told so first, and why (issue 13)
for code_name, why in (("030200_保育課", "エラーのため1行も使えませんでした"), ("040100_道路課", "報告が届いていません")):
    fbx = openpyxl.load_workbook(os.path.join(out, "feedback", f"{code_name}_2026Q3.xlsx"))
    notes = [c for r in fbx["概要"].iter_rows(values_only=True) for c in r if isinstance(c, str) and "未提出として数えています" in c]
    assert notes and why in notes[0], (code_name, notes)
assert not [c for c in fb_cells if isinstance(c, str) and "未提出として数えています" in c]
# the feedback's input sheets (issue 13): tabs coloured apart, the blank rule said
# per sheet, 基準値 and the direction beside each KPI's input cell
for sheet, blank in (("提出_KPI実績", "今期の実績はないものとして"), ("提出_マイルストーン状況", "前回の状況のまま"),
                     ("提出_業務量削減", "前回の削減時間がそのまま数えられます")):
    ws = fb3[sheet]
    assert ws.sheet_properties.tabColor is not None and ws.sheet_properties.tabColor.rgb.endswith("FFC000"), sheet
    assert blank in ws["A1"].value, (sheet, ws["A1"].value)
kh = [c.value for c in fb3["提出_KPI実績"][2]]
assert kh[3:6] == ["基準値", "良い向き", "目標値"], kh
k15 = next(r for r in fb3["提出_KPI実績"].iter_rows(min_row=3, values_only=True) if r[0] == "K15-1")
assert k15[3] == 35 and k15[4] == "↑ 増えるほど良い", k15
# the 対応策 cell of an item behind at P asks for one (issue 13): K15-2 is 注意
ws = fb3["提出_KPI実績"]
row = next(c.row for c in ws["A"] if c.value == "K15-2")
col = [c.value for c in ws[2]].index("対応策")
cell = ws.cell(row=row, column=col + 1).coordinate
asks = [dv for dv in ws.data_validations.dataValidation if dv.type == "textLength"]
assert [str(dv.sqref) for dv in asks] == [cell] and asks[0].promptTitle == "対応策を書いてください", asks
# new 取組 rows offer the division's 施策ID list (issue 13)
wl = fb3["提出_業務量削減"]
lists = [dv for dv in wl.data_validations.dataValidation if dv.type == "list"]
assert lists and lists[0].formula1 == '"M15,M18"', [(d.sqref, d.formula1) for d in lists]
assert [c.value for c in fb3["施策"]["A"]][1:] == ["M15", "M18"]
# the ロードマップ sheet (issue 13): a milestone's span from 開始 to 期限 filled with its
# status mark, a point at 期限 when it has no 開始, the column of P marked
rm = {r["マイルストーンID"]: r for r in table("ロードマップ")[1]}
assert rm["MS05-2"]["R7年度Q2"] == rm["MS05-2"]["R7年度Q4"] == "●" and rm["MS05-2"]["R7年度Q1"] is None, rm["MS05-2"]
assert rm["MS05-3"]["R7年度Q4"] == "×" and rm["MS05-3"]["状況"] == "遅延", rm["MS05-3"]
assert [k for k, v in rm["MS05-1"].items() if v == "●"] == ["R7年度Q1"], rm["MS05-1"]
assert "R8年度Q3（今期）" in rm["MS05-1"] and "R6年度Q1" in rm["MS05-1"] and "R10年度Q4" in rm["MS05-1"]
# 配布 (issue 18): one folder per department with exactly its pack and its
# divisions' workbooks (the same bytes as departments/ and feedback/), named
# for people, and 配布一覧.csv for a mail merge with each division's 連絡先
import csv as _csv  # noqa: E402
import hashlib  # noqa: E402
hand = os.path.join(out, "配布")
rows_h = list(_csv.DictReader(open(os.path.join(hand, "配布一覧.csv"), encoding="utf-8-sig", newline="")))
assert [k for k in rows_h[0]] == ["部", "課コード", "課", "ファイル", "内容", "連絡先"], rows_h[0]
assert len(rows_h) == 4 + 10, len(rows_h)
by = {r["課"]: r for r in rows_h if r["課"]}
assert by["総務課"]["ファイル"] == "総務部/総務課_フィードバックと2026Q4提出用.xlsx" and by["総務課"]["連絡先"].startswith("soumu@"), by["総務課"]
assert by["都市計画課"]["連絡先"] == "", by["都市計画課"]


def _sha(p):
    return hashlib.sha256(open(p, "rb").read()).hexdigest()


for r in rows_h:
    got = os.path.join(hand, r["ファイル"])
    assert os.path.exists(got), got
    src = (os.path.join(out, "departments", f"{r['部']}_2026Q3.pdf") if not r["課"]
           else os.path.join(out, "feedback", f"{r['課コード']}_{r['課']}_2026Q3.xlsx"))
    assert _sha(got) == _sha(src), (got, src)
assert sorted(os.listdir(hand)) == sorted(["配布一覧.csv", "総務部", "市民部", "健康子ども部", "都市建設部"]), os.listdir(hand)
assert sum(len(os.listdir(os.path.join(hand, d))) for d in os.listdir(hand) if d != "配布一覧.csv") == len(rows_h)
print("handout ok")
