#!/usr/bin/python3
"""Returned feedback workbooks edited by other writers (issue 16 item 16):
a: a clerk added a sheet in front and openpyxl kept the localSheetId of
   _kaikaku_input (now pointing at 概要): the submission sheet was skipped silently;
b: a clerk deleted a sheet, localSheetId now beyond the last sheet: skipped silently;
c: ExcelJS dropped the workbook-level _kaikaku and merged the sheet-level names into
   one name with a list of ranges: 概要 and KPI became W_UNRECOGNISED warnings;
d: a clerk added a sheet with a workload header to a marked workbook: skipped silently.
Every submission row must be read, and no warning given."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
from xlsxcraft import inline, num, row, sheet_xml, write_xlsx  # noqa: E402

root = sys.argv[1]
os.makedirs(os.path.join(root, "masters"))
q3 = os.path.join(root, "submissions", "2026Q3")
os.makedirs(q3)


def w(path, text):
    with open(os.path.join(root, path), "w", encoding="utf-8") as f:
        f.write(text)


w("masters/divisions.csv", "課コード,部,課,基準業務量\nD01,総務部,総務課,1000\nD02,総務部,人事課,1000\n")
w("masters/measures.csv", "施策ID,施策名,主担当課,柱\nM1,施策1,D01,市民サービス\nM2,施策2,D02,人材育成\n")
w("masters/kpis.csv", "KPI_ID,施策ID,指標名,単位,基準値,基準時点,目標値,目標時点\n"
  "K1,M1,指標1,件,0,2025Q3,100,2027Q3\nK2,M2,指標2,件,0,2025Q3,100,2027Q3\nK3,M1,指標3,件,0,2025Q3,100,2027Q3\n")
w("masters/milestones.csv", "マイルストーンID,施策ID,内容,期限\nMS1,M1,内容1,2026Q4\nMS2,M2,内容2,2026Q4\n")


def cells(r, *values):
    out = []
    for i, v in enumerate(values):
        ref = f"{'ABCDEFGH'[i]}{r}"
        if v is None:
            continue
        out.append(num(ref, v) if isinstance(v, (int, float)) else inline(ref, v))
    return row(r, *out)


def sheet(*rows):
    return sheet_xml("".join(cells(i + 1, *r) for i, r in enumerate(rows)))


OVERVIEW = sheet(["業務改革 四半期フィードバック（総務部 総務課）"], ["令和8年度 第3四半期（2026年10月〜12月）"],
                 ["課コード D01　印西市"], [], ["削減時間", "基準業務量", "業務量削減率"], [10, 1000, 0.01])
KPI_INFO = sheet(["KPI", "指標名", "実績値（今期）", "判定"], ["K1", "指標1", 50, "順調"])
NOTE = "次の四半期の提出です。黄色のセルに入力してください。"
KPI_SUB = sheet([NOTE], ["KPI_ID", "指標名", "実績値", "報告期間", "課"],
                ["K1", "指標1", 55, "2026Q3", "D01"], ["K3", "指標3", 20, "2026Q3", "D01"])
WL_SUB = sheet([NOTE], ["課", "取組", "削減時間", "報告期間"],
               ["D01", "取組A", 30, "2026Q3"], ["D01", "取組B", 20, "2026Q3"])
MS_SUB = sheet([NOTE], ["マイルストーンID", "内容", "状況", "報告期間", "課"], ["MS1", "内容1", "進行中", "2026Q3", "D01"])
EMPTY_KPI_SUB = sheet([NOTE], ["KPI_ID", "指標名", "実績値", "報告期間", "課"], ["K2", "指標2", None, "2026Q3", "D02"])
MARK = '<definedName name="_kaikaku">"feedback"</definedName>'


def local(sheet_name, idx):
    return f"<definedName name=\"_kaikaku_input\" localSheetId=\"{idx}\">'{sheet_name}'!$A$1</definedName>"


# a: written as [概要, 提出_KPI実績] (localSheetId 1), a sheet added in front
write_xlsx(os.path.join(q3, "a_added_sheet.xlsx"),
           [("メモ", sheet(["課内のメモ"])), ("概要", OVERVIEW), ("提出_KPI実績", KPI_SUB)],
           defined_names=MARK + local("提出_KPI実績", 1))
# b: written as [概要, KPI, 提出_業務量削減] (localSheetId 2), KPI deleted
write_xlsx(os.path.join(q3, "b_deleted_sheet.xlsx"), [("概要", OVERVIEW), ("提出_業務量削減", WL_SUB)],
           defined_names=MARK + local("提出_業務量削減", 2))
# c: ExcelJS: no _kaikaku, one global name listing the submission sheets
write_xlsx(os.path.join(q3, "c_exceljs.xlsx"),
           [("概要", OVERVIEW), ("KPI", KPI_INFO), ("提出_KPI実績", EMPTY_KPI_SUB), ("提出_マイルストーン状況", MS_SUB)],
           defined_names="<definedName name=\"_kaikaku_input\">'提出_KPI実績'!$A$1,'提出_マイルストーン状況'!$A$1"
                         "</definedName>")
# d: marked as written, and a sheet the clerk added with more workload rows
write_xlsx(os.path.join(q3, "d_added_submission.xlsx"),
           [("概要", OVERVIEW), ("提出_KPI実績", EMPTY_KPI_SUB),
            ("追加分", sheet(["課", "取組", "削減時間", "報告期間"], ["D02", "取組C", 5, "2026Q3"]))],
           defined_names=MARK + local("提出_KPI実績", 1))
