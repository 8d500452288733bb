#!/usr/bin/python3
"""Values of issue 16 (items 3, 13, 14, 15, 17): 15 significant digits, the 10^15
limit, a date cell in a number column, t="d" ISO dates, periods before FY1989,
a period followed by a no-break space."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from xlsxcraft import inline, num, row, sheet_xml, styles_with, write_xlsx  # noqa: E402

root = sys.argv[1]
q3 = os.path.join(root, "submissions", "2026Q3")
os.makedirs(q3)

# styles: 0 plain, 1 "0%", 2 "m/d" (a date), 3 built-in 14 (a date)
styles = styles_with({164: "m/d"}, [0, 9, 164, 14])


def dcell(ref, iso):
    return f'<c r="{ref}" t="d"><v>{iso}</v></c>'


# -- KPI actuals in xlsx; the same values in a CSV (Excel's own export of it)
rows = (row(1, inline("A1", "KPI_ID"), inline("B1", "実績値"), inline("C1", "報告期間"))
        + row(2, inline("A2", "K1"), num("B2", "0.30000000000000004"), inline("C2", "2026Q3"))
        + row(3, inline("A3", "K3"), num("B3", "0.07", style=1), inline("C3", "2026Q3"))
        # a date in a number column: 2027-01-02 shown as m/d is serial 46389
        + row(4, inline("A4", "K2"), num("B4", 46389, style=2), inline("C4", "2026Q3")))
write_xlsx(os.path.join(q3, "a_actuals.xlsx"), [("KPI実績", sheet_xml(rows))], styles=styles)
with open(os.path.join(q3, "b_actuals_export.csv"), "w", encoding="utf-8") as f:
    f.write("KPI_ID,実績値,報告期間\nK1,0.3,2026Q3\nK3,7,2026Q3\n")

# -- workload: the 10^15 limit, t="d" periods, dates before FY1989, a no-break space
nbsp = "2026Q3\u00a0"
rows = (row(1, inline("A1", "課"), inline("B1", "取組"), inline("C1", "削減時間"), inline("D1", "報告期間"))
        + row(2, inline("A2", "総務課"), inline("B2", "電話番号の貼り付け"), num("C2", "1000000000000000"),
              inline("D2", "2026Q3"))
        + row(3, inline("A3", "総務課"), inline("B3", "文字の大きな数"), inline("C3", "9,999,999,999,999,999"),
              inline("D3", "2026Q3"))
        + row(4, inline("A4", "総務課"), inline("B4", "ISO の日付"), num("C4", 25),
              dcell("D4", "2026-11-01T00:00:00.000Z"))
        + row(5, inline("A5", "総務課"), inline("B5", "ISO の日付だけ"), num("C5", 5), dcell("D5", "2026-10-15"))
        + row(6, inline("A6", "総務課"), inline("B6", "シリアル値1"), num("C6", 10), num("D6", 1, style=3))
        + row(7, inline("A7", "総務課"), inline("B7", "1900年"), num("C7", 10), inline("D7", "1900-01-01"))
        + row(8, inline("A8", "総務課"), inline("B8", "後ろに NBSP"), num("C8", 10), inline("D8", nbsp))
        + row(9, inline("A9", "総務課"), inline("B9", "15桁に丸める"), num("C9", "12.300000000000001"),
              inline("D9", "2026Q3"))
        + row(10, inline("A10", "総務課"), inline("B10", "日付でない d"), num("C10", 1), dcell("D10", "きのう")))
write_xlsx(os.path.join(q3, "c_workload.xlsx"), [("業務量", sheet_xml(rows))], styles=styles)
with open(os.path.join(q3, "d_workload_export.csv"), "w", encoding="utf-8") as f:
    f.write("課,取組,削減時間,報告期間\n総務課,15桁に丸める,12.3,2026Q3\n")
