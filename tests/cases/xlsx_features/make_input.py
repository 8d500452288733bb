#!/usr/bin/python3
"""Workbooks made by openpyxl and by hand, good and hostile."""
import datetime
import io
import os
import sys
import zipfile

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from xlsxcraft import inline, num, row, sheet_xml, styles_with, write_xlsx  # noqa: E402

root = sys.argv[1]
q3 = os.path.join(root, "submissions", "2026Q3")
os.makedirs(q3)

# -- a: made by openpyxl, a title row above the header
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "KPI実績"
ws.append(["KPI実績報告書 令和8年度第3四半期"])
ws.append([])
ws.append(["KPI_ID", "実績値", "報告期間", "コメント"])
ws.append(["K1", 40, datetime.date(2026, 12, 1), None])
ws["C4"].number_format = "yyyy/m/d"
ws["D4"].value = '=HYPERLINK("http://example.com","押して")'
ws["D4"].data_type = "s"  # text that looks like a formula
ws.append(["K2", "=10+20", "2026Q3", "数式のまま"])  # a formula never calculated
ws.append(["K3", 0.45, "2026Q3", "パーセント書式"])
ws["B6"].number_format = "0%"
ms = wb.create_sheet("マイルストーン状況")
ms.append(["マイルストーンID", "状況", "進捗率", "報告期間"])
ms.append(["MS1", "完了", 1.0, "R8年度Q3"])
ms["C2"].number_format = "0%"
wb.save(os.path.join(q3, "a_openpyxl.xlsx"))

# -- b: by hand: rich text and phonetic runs, _xHHHH_, cells without r,
# a lying dimension, an error cell, a boolean, a cached formula, XFD1048576
sst = ("<si><r><t>課</t></r></si>"
       "<si><r><rPr><b/></rPr><t>取</t></r><r><t>組</t></r></si>"
       "<si><t>削減時間</t><rPh sb=\"0\" eb=\"2\"><t>サクゲンジカン</t></rPh><phoneticPr fontId=\"1\"/></si>"
       "<si><t>報告期間</t></si>"
       "<si><t>紙_x005F_x0030_の削減</t></si>")
rows = (row(1, '<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>',
            '<c r="C1" t="s"><v>2</v></c>', '<c r="D1" t="s"><v>3</v></c>')
        + row(2, inline("A2", "総務課"), '<c r="B2" t="s"><v>4</v></c>', num("C2", 30), inline("D2", "2026Q3"))
        + '<row r="3"><c t="inlineStr"><is><t>総務課</t></is></c><c t="inlineStr"><is><t>印刷_x000D__x000A_の削減</t></is></c>'
          '<c><v>25</v></c><c t="inlineStr"><is><t>2026Q3</t></is></c></row>'
        + row(4, inline("A4", "総務課"), inline("B4", "参照切れ"), '<c r="C4" t="e"><v>#REF!</v></c>', inline("D4", "2026Q3"))
        + row(5, inline("A5", "総務課"), inline("B5", "真偽値"), '<c r="C5" t="b"><v>1</v></c>', inline("D5", "2026Q3"))
        + row(6, inline("A6", "総務課"), inline("B6", "数式"), '<c r="C6"><f>20+5</f><v>25</v></c>', inline("D6", "2026Q3"))
        + row(1048576, inline("XFD1048576", "最後のセル")))
write_xlsx(os.path.join(q3, "b_crafted.xlsx"), [("業務量", sheet_xml(rows, "A1:B2"))], shared_strings=sst)

# -- c: the 1904 date system: serial 44846 is 2026-10-11 (in 1900 it would be 2022)
rows = (row(1, inline("A1", "KPI_ID"), inline("B1", "実績値"), inline("C1", "報告期間"))
        + row(2, inline("A2", "K2"), num("B2", 77), num("C2", 44846, style=1)))
write_xlsx(os.path.join(q3, "c_1904.xlsx"), [("KPI", sheet_xml(rows))], styles=styles_with({}, [0, 14]),
           date1904=True)

# -- d: a truncated zip
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("xl/workbook.xml", "<workbook/>" * 200)
with open(os.path.join(q3, "d_truncated.xlsx"), "wb") as f:
    f.write(buf.getvalue()[:120])

# -- e: an XML bomb in a sheet (DOCTYPE with nested entities)
bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
write_xlsx(os.path.join(q3, "e_bomb.xlsx"), [("爆弾", bomb)])

# -- f: a sheet that inflates past the part limit (1 MiB in settings.xml)
big = sheet_xml(row(1, inline("A1", "KPI_ID"), inline("B1", "実績値")) + " " * (3 << 20))
write_xlsx(os.path.join(q3, "f_inflates.xlsx"), [("大きい", big)])

# -- g: kaikaku's own summary workbook dropped into the input
wb = openpyxl.Workbook()
wb.active.title = "KPI一覧"
wb.active.append(["KPI_ID", "実績値"])
wb.active.append(["K1", 99])
wb.defined_names.append(DefinedName("_kaikaku", attr_text='"summary"'))
wb.save(os.path.join(q3, "g_summary_copy.xlsx"))

# -- h: a CRC error in the sheet part
path = os.path.join(q3, "h_crc.xlsx")
rows = row(1, inline("A1", "KPI_ID"), inline("B1", "実績値")) + row(2, inline("A2", "K1"), num("B2", 41))
write_xlsx(path, [("壊れ", sheet_xml(rows))], compression=zipfile.ZIP_STORED)
data = bytearray(open(path, "rb").read())
i = data.index(b"<v>41</v>")
data[i + 3] = ord("9")  # stored data changed, CRC not
open(path, "wb").write(bytes(data))
