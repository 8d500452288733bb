#!/usr/bin/python3
"""Hostile files under the default limits, each its own clear error, beside
good ones that are still used: zip bombs (one honest, one whose headers lie),
XML nested 100,000 deep, a 50 MB field, and odd names: a sheet named like a
path, a file name of 200 bytes, divisions whose names hold '/', '..' and a
line break (their feedback workbooks get safe, distinct names)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
import xlsxcraft  # noqa: E402
from xlsxcraft import inline, num, row, sheet_xml, write_xlsx  # noqa: E402

root = sys.argv[1]
masters = os.path.join(root, "masters")
q3 = os.path.join(root, "submissions", "2026Q3")
os.makedirs(masters)
os.makedirs(q3)


def w(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


w(masters, "課.csv", "課コード,部,課,基準業務量\r\nD01,総務部,総務/課,1000\r\nD02,総務部,..,2000\r\n"
  "D03,総務部,\"企画\r\n改行課\",3000\r\n")
w(masters, "施策.csv", "施策ID,施策名,主担当課,柱\r\nM1,施策1,D01,市民サービス\r\nM2,施策2,D02,人材育成\r\n"
  "M3,施策3,D03,庁内効率化\r\n")
w(masters, "KPI.csv", "KPI_ID,施策ID,指標名,単位,基準値,基準時点,目標値,目標時点\r\n"
  "K1,M1,指標1,%,0,2025Q3,100,2027Q3\r\nK2,M2,指標2,件,0,2025Q3,100,2027Q3\r\nK3,M3,指標3,件,0,2025Q3,100,2027Q3\r\n")
w(q3, "good.csv", "KPI_ID,実績値\r\nK1,40\r\n")
# a workbook whose sheet is named like a path, with a good row
write_xlsx(os.path.join(q3, "path_sheet.xlsx"), [("../../etc/passwd", sheet_xml(
    row(1, inline("A1", "KPI_ID"), inline("B1", "実績値")) + row(2, inline("A2", "K2"), num("B2", 50))))])
# a file name and a sheet name with line breaks, each with an unknown KPI:
# the records name them on one line of stderr and in a well-quoted CSV
w(q3, "改行\nあり.csv", "KPI_ID,実績値\r\nK8,1\r\n")
write_xlsx(os.path.join(q3, "sheet_break.xlsx"), [("改&#10;行", sheet_xml(
    row(1, inline("A1", "KPI_ID"), inline("B1", "実績値")) + row(2, inline("A2", "K9"), num("B2", 2))))])
# a 200-byte file name (66 kanji and .csv), with a good row
w(q3, "長" * 65 + "い.csv", "KPI_ID,実績値\r\nK3,30\r\n")
# zip bombs from 1 MB each: 1 GiB of well-formed XML, the same with headers
# that claim 4 KiB, 1 GiB of spaces (one huge text node) behind lying headers
# too, and 1 MiB of comments (libxml2's reader would keep them all in memory)
xlsxcraft.zip_bomb(os.path.join(q3, "bomb.xlsx"), 1024, filler=b"<x/>")
xlsxcraft.zip_bomb(os.path.join(q3, "bomb_lies.xlsx"), 1024, lie=True, filler=b"<x/>")
xlsxcraft.zip_bomb(os.path.join(q3, "bomb_spaces.xlsx"), 1024, lie=True)
xlsxcraft.zip_bomb(os.path.join(q3, "bomb_comments.xlsx"), 1, filler=b"<!---->")
# XML nested 100,000 deep inside a cell
deep = "<a>" * 100000 + "x" + "</a>" * 100000
write_xlsx(os.path.join(q3, "deep.xlsx"), [("深い", sheet_xml(
    row(1, inline("A1", "KPI_ID"), inline("B1", "実績値"))
    + f'<row r="2"><c r="A2" t="inlineStr"><is><t>{deep}</t></is></c></row>'))])
# a 50 MB field
with open(os.path.join(q3, "big_field.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("KPI_ID,実績値,コメント\r\nK1,41,\"" + "x" * (50 << 20) + "\"\r\n")
