#!/usr/bin/python3
"""Characters XML 1.0 forbids (issue 16 item 8): U+FFFE, U+FFFF and C0 controls in a
division's name, an initiative, a comment and a KPI's name, from a UTF-8 CSV and
through _xHHHH_ escapes of a workbook. Every output must stay readable."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from xlsxcraft import inline, num, row, sheet_xml, write_xlsx  # noqa: E402

root = sys.argv[1]
os.makedirs(os.path.join(root, "masters"))
q3 = os.path.join(root, "submissions", "2026Q3")
os.makedirs(q3)


def w(path, text):
    with open(os.path.join(root, path), "w", encoding="utf-8", newline="") as f:
        f.write(text)


w("masters/divisions.csv", "課コード,部,課,基準業務量\nD01,総務部,総務\ufffe課,1000\nD02,市民\uffff部,市民課,1000\n")
w("masters/measures.csv", "施策ID,施策名,主担当課,柱\nM1,施策\u0001一,D01,市民サービス\nM2,施策2,D02,庁内効率化\n")
w("masters/kpis.csv", "KPI_ID,施策ID,指標名,単位,基準値,基準時点,目標値,目標時点\n"
  "K1,M1,指標\ufffe\u000b1,件,0,2025Q3,100,2027Q3\nK2,M2,指標2,件,0,2025Q3,100,2027Q3\n")
w("submissions/2026Q3/kpi.csv", "KPI_ID,実績値,コメント\nK1,50,コメント\uffff\u0008です\nK2,x\ufffe,\n")
rows = (row(1, inline("A1", "課"), inline("B1", "取組"), inline("C1", "削減時間"), inline("D1", "コメント"))
        + row(2, inline("A2", "D01"), inline("B2", "窓口_xFFFE_改善_x0001_"), num("C2", 100),
              inline("D2", "注_xFFFF_記")))
write_xlsx(os.path.join(q3, "workload.xlsx"), [("業務量削減", sheet_xml(rows))])
