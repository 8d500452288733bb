#!/usr/bin/python3
"""File-level problems, each its own clear error, beside good files."""
import os
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
import xlsxcraft  # noqa: E402

root = sys.argv[1]
q3 = os.path.join(root, "submissions", "2026Q3")
os.makedirs(q3)


def w(name, data):
    with open(os.path.join(q3, name), "wb") as f:
        f.write(data)


# good: CP932 with CRLF, NEC/IBM characters in a comment, a quoted line break
# and a blank line before a bad row, so that row numbers are spreadsheet rows
w("01_cp932.csv", ("KPI_ID,実績値,コメント\r\nK1,40,\"～①㈱髙﨑ｱ\r\n2行目\"\r\n\r\nK3,x,\r\n").encode("cp932"))
w("02_empty.csv", b"")
w("03_bad_encoding.csv", "KPI_ID,実績値\r\nK1,40\r\n".encode("cp932") + b"K2,\x85\xff\r\n")
w("04_utf16.csv", "\ufeffKPI_ID,実績値\r\nK1,40\r\n".encode("utf-16-le"))
w("05_nul.csv", b"KPI_ID,\xe5\xae\x9f\xe7\xb8\xbe\xe5\x80\xa4\r\nK1,4\x000\r\n")
w("06_syntax.csv", "KPI_ID,実績値\r\nK1,40\r\nK2,\"5\r\n".encode("utf-8"))
w("07_old.xls", xlsxcraft.ole2(["Workbook"]))
w("08_locked.xlsx", xlsxcraft.ole2(["EncryptionInfo", "EncryptedPackage"]))
w("09_picture.csv", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
with zipfile.ZipFile(os.path.join(q3, "10_report.xlsx"), "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<document/>")
w("11_notes.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
w("12_memo.csv", "メモ\r\n今期は特になし\r\n".encode("utf-8"))
w("13_dupcol.csv", "KPI_ID,実績値,実績値\r\nK2,10,11\r\n".encode("utf-8"))
os.symlink("does-not-exist.csv", os.path.join(q3, "14_dangling.csv"))
w(".hidden.csv", b"\xff\xfe garbage")
w("~$lock.xlsx", b"\x00\x01")
os.makedirs(os.path.join(q3, ".git"))
w(os.path.join(".git", "x.csv"), b"\xff")
# an old workbook renamed to .csv: known by its content, not its name
w("16_renamed_xls.csv", xlsxcraft.ole2(["Workbook"]))
# an xlsx renamed to .dat: still read as a workbook
xlsxcraft.write_xlsx(os.path.join(q3, "17_renamed.dat"), [("KPI", xlsxcraft.sheet_xml(
    xlsxcraft.row(1, xlsxcraft.inline("A1", "KPI_ID"), xlsxcraft.inline("B1", "実績値"))
    + xlsxcraft.row(2, xlsxcraft.inline("A2", "K3"), xlsxcraft.num("B2", 30))))])
# a folder that links back to its parent: a loop, reported once, not followed
os.symlink("..", os.path.join(q3, "15_loop"))
