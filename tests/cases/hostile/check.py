#!/usr/bin/python3
"""The good rows beside the hostile files are used; odd names stay harmless."""
import json
import os

import openpyxl

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
wb = openpyxl.load_workbook(os.path.join(out, "summary_2026Q3.xlsx"), read_only=True)
rows = list(wb["KPI一覧"].iter_rows(values_only=True))
head = rows[0]
actual = {r[head.index("KPI_ID")]: r[head.index("実績値")] for r in rows[1:] if r[0]}
# K1 from good.csv (big_field.csv's 41 is refused with its file), K2 from the
# sheet named like a path, K3 from the file with a 200-byte name
assert actual == {"K1": 40, "K2": 50, "K3": 30}, actual
# one feedback workbook per division, safe names, inside feedback/
names = sorted(os.listdir(os.path.join(out, "feedback")))
assert len(names) == 3 and all("/" not in n and "\n" not in n and n.endswith("_2026Q3.xlsx") for n in names), names
assert len(set(names)) == 3
m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
long_name = "submissions/2026Q3/" + "長" * 65 + "い.csv"
assert any(t["path"] == long_name and t["accepted"] == 1 for t in m["inputs"]), m["inputs"]
assert all(f["path"].startswith("2026Q3/") and ".." not in f["path"].split("/") for f in m["files"]), m["files"]
# names with line breaks: quoted in the errors CSV, escaped on stderr
import csv  # noqa: E402
rows = list(csv.reader(open(os.path.join(out, "errors_2026Q3.csv"), encoding="utf-8-sig", newline="")))
assert any(r[1] == "submissions/2026Q3/改行\nあり.csv" and "[E_UNKNOWN_KPI]" in r[6] for r in rows), rows
assert any(r[2] == "改\n行" and "[E_UNKNOWN_KPI]" in r[6] for r in rows), rows
assert "改行\\nあり.csv:2:KPI_ID: [E_UNKNOWN_KPI]" in os.environ["STDERR"]
