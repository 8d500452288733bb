#!/usr/bin/python3
"""2026Q2 published, then corrected: the 2026Q3 run lists exactly the three
restatements, in the errors CSV, the manifest and the history."""
import csv
import json
import os
import sqlite3

out = os.environ["OUTPUT"]
m = json.load(open(os.path.join(out, "2026Q3", "manifest.json"), encoding="utf-8"))
assert m["restatements"] == 3, m["restatements"]
rows = list(csv.DictReader(open(os.path.join(out, "2026Q3", "errors_2026Q3.csv"), encoding="utf-8-sig")))
r = sorted((x["file"], x["row"], x["column"], x["value"]) for x in rows if "[W_RESTATED]" in x["message"])
assert r == [("submissions/2026Q2/kpi.csv", "2", "実績値", "12"),
             ("submissions/2026Q2/late_workload.csv", "2", "削減時間", "50"),
             ("submissions/2026Q2/ms.csv", "2", "状況", "進行中 40%")], r
msg = [x["message"] for x in rows if "K1" in x["message"] and "W_RESTATED" in x["message"]][0]
assert "2026Q2 に公表した KPI「K1」の実績値が変わっています（公表値 10 → 現在 12）" in msg, msg
db = sqlite3.connect(os.path.join(out, "history.sqlite"))
assert db.execute("PRAGMA user_version").fetchone()[0] == 2
assert [r[0] for r in db.execute("SELECT period FROM runs ORDER BY run_id")] == ["2026Q2", "2026Q3"]
got = db.execute("SELECT 修正された期間, 種類, ID, 公表値, 現在の値 FROM restatement_list ORDER BY 種類").fetchall()
assert got == [("2026Q2", "kpi", "K1", "10", "12"), ("2026Q2", "milestone", "MS1", "進行中 30%", "進行中 40%"),
               ("2026Q2", "workload", "D02/研修の電子化", None, "50")], got
trend = db.execute("SELECT 期間, 削減時間 FROM kgi_trend ORDER BY 期間").fetchall()
assert trend == [("2026Q2", 100.0), ("2026Q3", 150.0)], trend
# every published figure traces back to its cell
cell = db.execute("SELECT file, row FROM input_rows i JOIN latest_runs r USING (run_id) "
                  "WHERE r.period = '2026Q3' AND i.kind = 'kpi_actual' AND i.item = 'K1' AND i.period = '2026Q3'").fetchall()
assert cell == [("submissions/2026Q3/kpi.csv", 2)], cell

# the summary workbook's 過去期の修正 sheet, the divisions' feedback, the pack's section
import subprocess  # noqa: E402

import openpyxl  # noqa: E402

res = os.path.join(out, "2026Q3")
wb = openpyxl.load_workbook(os.path.join(res, "summary_2026Q3.xlsx"))
rows = list(wb["過去期の修正"].iter_rows(values_only=True))
assert rows[0][:6] == ("修正された期間", "種類", "ID", "課", "公表した値", "現在の値"), rows[0]
assert sorted(r[:6] for r in rows[1:]) == [
    ("2026Q2", "KPI", "K1", "総務課", "10", "12"),
    ("2026Q2", "マイルストーン", "MS1", "総務課", "進行中 30%", "進行中 40%"),
    ("2026Q2", "業務量削減", "D02/研修の電子化", "人事課", "（なし）", "50")], rows
fb = {f.split("_")[0]: openpyxl.load_workbook(os.path.join(res, "feedback", f)) for f in os.listdir(os.path.join(res, "feedback"))}
d01 = list(fb["D01"]["過去期の修正"].iter_rows(values_only=True))
assert sorted(r[2] for r in d01[1:]) == ["K1", "MS1"], d01
d02 = list(fb["D02"]["過去期の修正"].iter_rows(values_only=True))
assert [r[2] for r in d02[1:]] == ["D02/研修の電子化"], d02
text = subprocess.run(["pdftotext", "-layout", os.path.join(res, "review_2026Q3.pdf"), "-"],
                      capture_output=True, text=True, check=True).stdout
assert "過去期の修正" in text and "10 → 12" in text and "なし → 50" in text, text[-2000:]
# the 2026Q2 run itself knew no earlier quarter: its workbook says so
wb2 = openpyxl.load_workbook(os.path.join(out, "2026Q2", "summary_2026Q2.xlsx"))
r2 = list(wb2["過去期の修正"].iter_rows(values_only=True))
assert len(r2) == 2 and "履歴がないため" in r2[1][0], r2
# the pack's 総括 gives the count and the largest (K1: 10 → 12 is +20%, the
# workload row had no published value, the milestone's status is no number)
brief = subprocess.run(["pdftotext", "-f", "2", "-l", "2", os.path.join(res, "review_2026Q3.pdf"), "-"],
                       capture_output=True, text=True, check=True).stdout
flat = "".join(brief.split())
assert "総括" in flat and "過去期の修正3件" in flat, flat
assert "最も大きいもの:2026Q2KPIK110→12（総務課）" in flat, flat
