#!/usr/bin/python3
"""Every output is valid (JSON, UTF-8 CSV, XML), input names are shown decoded, and
output names are distinct on a case-insensitive share, free of invisible controls,
and keep their _<P>. Before: manifest.json and the errors CSV were not UTF-8, and the
department packs were ΣΑ部_2026Q3.pdf and σα部_2026Q3.pdf."""
import glob
import json
import os
import sys

import openpyxl

out = os.environ["OUTPUT"]
problems = []
p = os.path.join(out, "2026Q3")
try:
    m = json.loads(open(os.path.join(p, "manifest.json"), "rb").read().decode("utf-8"))
    paths = [i["path"] for i in m["inputs"]]
    for want in ("令和8年度第3四半期/総務課_実績.csv", "submissions/2026Q3/bad\\xFF\\xFE.csv"):
        if want not in paths:
            problems.append(f"manifest inputs lack {want!r}: {paths}")
except Exception as e:  # noqa: BLE001
    problems.append(f"manifest.json: {e}")
try:
    csv = open(os.path.join(p, "errors_2026Q3.csv"), "rb").read().decode("utf-8")
    for want in ("令和8年度第3四半期/総務課_実績.csv,,3,KPI_ID,K9", "submissions/2026Q3/bad\\xFF\\xFE.csv,,3,実績値,abc",
                 "[W_FILE_NAME]"):
        if want not in csv:
            problems.append(f"errors CSV lacks {want!r}")
except Exception as e:  # noqa: BLE001
    problems.append(f"errors CSV: {e}")
for path in glob.glob(os.path.join(p, "*.xlsx")) + glob.glob(os.path.join(p, "feedback", "*.xlsx")):
    try:
        openpyxl.load_workbook(path)
    except Exception as e:  # noqa: BLE001
        problems.append(f"{path}: {e}")
names = [os.path.relpath(f, p) for f in glob.glob(os.path.join(p, "**", "*"), recursive=True)]
lower = [n.casefold() for n in names]
if len(set(lower)) != len(lower):
    problems.append(f"names alike on a case-insensitive share: {sorted(names)}")
for n in names:
    if any(c in n for c in "\u202e\u200b"):
        problems.append(f"invisible control in {n!r}")
    if n.startswith(("feedback/", "departments/")) and not n.endswith(("_2026Q3.xlsx", "_2026Q3.pdf",
                                                                        "_2026Q3_2.pdf")):
        problems.append(f"{n!r} lost its _2026Q3")
    if len(os.path.basename(n).encode()) > 100:
        problems.append(f"{n!r} is over 100 bytes")
print("\n".join(problems))
sys.exit(1 if problems else 0)
