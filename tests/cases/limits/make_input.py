#!/usr/bin/python3
"""Files over each limit of settings.xml, beside a good one."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from xlsxcraft import inline, num, row, sheet_xml, write_xlsx  # noqa: E402

q3 = os.path.join(sys.argv[1], "submissions", "2026Q3")
os.makedirs(q3)


def w(name, text):
    with open(os.path.join(q3, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


w("good.csv", "KPI_ID,実績値\r\nK1,40\r\n")
w("big.csv", "KPI_ID,実績値\r\n" + "".join(f"K1,{i}\r\n" for i in range(800)))
w("many_cells.csv", "KPI_ID,実績値\r\n" + "".join(f"K1,{i}\r\n" for i in range(30)))
w("long_field.csv", "KPI_ID,実績値,コメント\r\nK2,5,\"" + "長" * 400 + "\"\r\n")
rows = row(1, inline("A1", "KPI_ID"), inline("B1", "実績値")) + "".join(
    row(i, inline(f"A{i}", "K3"), num(f"B{i}", i)) for i in range(2, 30))
write_xlsx(os.path.join(q3, "many_cells.xlsx"), [("KPI", sheet_xml(rows))])
rows = row(1, inline("A1", "KPI_ID"), inline("B1", "実績値"), inline("C1", "コメント")) + row(
    2, inline("A2", "K3"), num("B2", 1), inline("C2", "x" * 2000))
write_xlsx(os.path.join(q3, "long_field.xlsx"), [("KPI", sheet_xml(rows))])
