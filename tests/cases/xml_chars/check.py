#!/usr/bin/python3
"""Every workbook is well-formed XML in every part (expat refuses what XML 1.0 forbids),
openpyxl opens it, kaikaku reads its own feedback workbooks back, manifest.json is JSON
and the errors CSV is UTF-8. Before: openpyxl refused the summary (Char 0xFFFF) and
every feedback workbook."""
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

out = os.environ["OUTPUT"]
problems = []
books = glob.glob(os.path.join(out, "*", "*.xlsx")) + glob.glob(os.path.join(out, "*", "feedback", "*.xlsx"))
if len(books) != 3:
    problems.append(f"{len(books)} workbooks, want 3")
for path in books:
    name = os.path.relpath(path, out)
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            if part.endswith((".xml", ".rels")):
                try:
                    ET.fromstring(z.read(part))
                except ET.ParseError as e:
                    problems.append(f"{name}: {part}: {e}")
    try:
        openpyxl.load_workbook(path)
    except Exception as e:  # noqa: BLE001
        problems.append(f"{name}: openpyxl: {e}")
for path in glob.glob(os.path.join(out, "*", "feedback", "*.xlsx")):
    p = subprocess.run([os.environ["KAIKAKU"], "inspect", path], capture_output=True)
    text = p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
    if "E_XLSX_BROKEN" in text or "提出_KPI実績" not in text:
        problems.append(f"kaikaku inspect {os.path.relpath(path, out)}:\n{text[:800]}")
json.load(open(glob.glob(os.path.join(out, "*", "manifest.json"))[0], encoding="utf-8"))
open(glob.glob(os.path.join(out, "*", "errors_*.csv"))[0], encoding="utf-8").read()
# the summary still shows the text, with U+FFFD where XML could not hold a character
wb = openpyxl.load_workbook(glob.glob(os.path.join(out, "*", "summary_*.xlsx"))[0])
ws = wb["業務量削減"]
head = [c.value for c in ws[1]]
got = [r[head.index("取組")] for r in ws.iter_rows(min_row=2, values_only=True) if r[head.index("取組")]]
if got != ["窓口\ufffd改善\ufffd"]:
    problems.append(f"initiatives {got!r}")
print("\n".join(problems))
sys.exit(1 if problems else 0)
