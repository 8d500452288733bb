#!/usr/bin/python3
"""File names (issue 16 items 7 and 17): input names that are not UTF-8 (CP932, as
unzip leaves a Windows zip's names, and bytes valid in neither), and output names
from data: departments ΣΑ部 / σα部 (one name on a case-insensitive share), a division
with U+202E and U+200B in its name, a division name too long for a file name."""
import os
import sys

root = os.fsencode(sys.argv[1])


def w(rel, text, enc="utf-8"):
    path = os.path.join(root, rel if isinstance(rel, bytes) else rel.encode())
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode(enc))


long_name = "長い名前の課" * 12  # 216 bytes
w("masters/divisions.csv", "課コード,部,課,基準業務量\n"
  "D01,ΣΑ部,総務課,1000\n"
  f"D02,σα部,広報\u202e課\u200b,1000\n"
  f"D03,σα部,{long_name},1000\n")
w("masters/measures.csv", "施策ID,施策名,主担当課,柱\nM1,施策1,D01,市民サービス\nM2,施策2,D02,庁内効率化\n"
  "M3,施策3,D03,人材育成\n")
w("masters/kpis.csv", "KPI_ID,施策ID,指標名,単位,基準値,基準時点,目標値,目標時点\n"
  "K1,M1,指標1,件,0,2025Q3,100,2027Q3\nK2,M2,指標2,件,0,2025Q3,100,2027Q3\n"
  "K3,M3,指標3,件,0,2025Q3,100,2027Q3\n")
# a CP932 folder named as a quarter, holding a CP932-named file with a bad row
w("令和8年度第3四半期".encode("cp932") + b"/" + "総務課_実績.csv".encode("cp932"),
  "KPI_ID,実績値\nK1,50\nK9,1\n")
# a name valid in neither UTF-8 nor CP932
w(b"submissions/2026Q3/bad\xff\xfe.csv", "KPI_ID,実績値\nK2,40\nK3,abc\n")
