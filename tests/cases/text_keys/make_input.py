#!/usr/bin/python3
"""Text keys (issue 16 item 12, contract §2): the same 取組 sent as xlsx with 〜 (U+301C)
and as a CP932 CSV with ～ (U+FF5E) is one key; a division named with − (U+2212) in
its master is found as － (U+FF0D) from a CP932 CSV; 部 spelled with — and ― is one
department."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from xlsxcraft import inline, num, row, sheet_xml, write_xlsx  # noqa: E402

root = sys.argv[1]
os.makedirs(os.path.join(root, "masters"))
q3 = os.path.join(root, "submissions", "2026Q3")
os.makedirs(q3)


def w(path, text, enc="utf-8"):
    with open(os.path.join(root, path), "w", encoding=enc, newline="") as f:
        f.write(text)


w("masters/divisions.csv", "課コード,部,課,基準業務量\n"
  "D01,総務\u2015部,総務課,1000\n"
  "D02,総務\u2014部,DX\u2212推進課,1000\n")
w("masters/measures.csv", "施策ID,施策名,主担当課,柱\nM1,施策1,D01,市民サービス\nM2,施策2,D02,庁内効率化\n")
w("masters/kpis.csv", "KPI_ID,施策ID,指標名,単位,基準値,基準時点,目標値,目標時点\n"
  "K1,M1,指標1,件,0,2025Q3,100,2027Q3\nK2,M2,指標2,件,0,2025Q3,100,2027Q3\n")
w("submissions/2026Q3/kpi.csv", "KPI_ID,実績値\nK1,50\nK2,50\n")
rows = (row(1, inline("A1", "課"), inline("B1", "取組"), inline("C1", "削減時間"))
        + row(2, inline("A2", "総務課"), inline("B2", "窓口\u301C電子化"), num("C2", 100)))
write_xlsx(os.path.join(q3, "workload.xlsx"), [("業務量削減", sheet_xml(rows))])
# Excel's "CSV (コンマ区切り)" of the same row, and a row of the DX division by name
w("submissions/2026Q3/workload_cp932.csv",
  "課,取組,削減時間\r\n総務課,窓口\uFF5E電子化,100\r\nDX\uFF0D推進課,会議録の自動作成,50\r\n", "cp932")
