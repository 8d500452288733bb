#!/usr/bin/python3
import os
import sys

import openpyxl

root = sys.argv[1]
with open(os.path.join(root, "kpi_cp932.csv"), "wb") as f:
    f.write("KPI実績報告書 令和8年度第3四半期\r\n\r\nKPI_ID,実績値,報告期間,コメント\r\nK1,40,2026Q3,\r\nK2,多い,2026Q3,\r\nK3,,2026Q3,\r\n".encode("cp932"))
wb = openpyxl.Workbook()
wb.active.title = "メモ"
wb.active.append(["KPI_ID", "実績", "報告期間"])
wb.active.append(["K1", 4, "2026Q3"])
wb.save(os.path.join(root, "memo.xlsx"))
open(os.path.join(root, "broken.xlsx"), "wb").write(b"PK\x03\x04broken")
