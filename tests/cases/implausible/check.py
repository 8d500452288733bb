#!/usr/bin/python3
"""Implausible hours (issue 16 item 1, item 3): 10^10 hours on a 1,000-hour
baseline, a phone number pasted into 削減時間, a baseline of 10^-300 (a rate
that overflows), a KPI actual of 10^15 − 1. The run ends quickly with small
outputs, every division over its baseline is named (W_IMPLAUSIBLE), and no
output holds inf or NaN: manifest.json is strict JSON, the workbooks open in
openpyxl, the pack passes qpdf and its charts have a bounded number of grid
lines."""
import json
import math
import os
import re
import subprocess
import sys

import openpyxl

out = os.path.join(os.environ["OUTPUT"], "2026Q3")
problems = []
stderr = os.environ["STDERR"]
named = [ln for ln in stderr.splitlines() if "[W_IMPLAUSIBLE]" in ln]
if not any("市民課" in ln and "電話番号を貼った" in ln for ln in named) or not any("窓口" in ln for ln in named):
    problems.append(f"市民課's rows not named: {named}")
if not any("人事課" in ln for ln in named):
    problems.append(f"人事課 (a rate that overflows) not named: {named}")
if any("総務課" in ln for ln in named if "電子決裁" not in ln):
    problems.append("a row named under the wrong division")


def strict(c):
    raise ValueError(f"not JSON: {c}")


try:
    m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"), parse_constant=strict)
    rates = [m["kgi"]["rate"]] + [t["kgi"]["rate"] for t in m["trend"]]
    if any(r is not None and not math.isfinite(r) for r in rates):
        problems.append(f"manifest rates {rates}")
except ValueError as e:
    problems.append(f"manifest.json: {e}")
for root, _, files in os.walk(out):
    for f in files:
        p = os.path.join(root, f)
        if os.path.getsize(p) > 2 << 20:
            problems.append(f"{f}: {os.path.getsize(p)} bytes")
        if f.endswith(".xlsx"):
            raw = subprocess.run(["unzip", "-p", p], capture_output=True).stdout
            if b"<v>INF" in raw.upper() or b"NAN</v>" in raw.upper():
                problems.append(f"{f}: inf or NaN in a cell")
            openpyxl.load_workbook(p)
        if f.endswith(".pdf"):
            q = subprocess.run(["qpdf", "--check", p], capture_output=True, text=True)
            if q.returncode != 0:
                problems.append(f"{f}: qpdf {q.stdout[-300:]}")
            text = subprocess.run(["pdftotext", "-layout", p, "-"], capture_output=True, text=True).stdout
            if "inf" in text.lower().split() or "nan" in text.lower().split() or "-nan" in text:
                problems.append(f"{f}: inf or nan in the text")
            if text.count("%") > 400:
                problems.append(f"{f}: {text.count('%')} percent labels (an unbounded axis)")
        if f.endswith(".html") or f.endswith(".csv") or f.endswith(".xml") or f.endswith(".json"):
            text = open(p, encoding="utf-8-sig").read()
            words = set(re.findall(r"[A-Za-z]+", text.lower()))
            if {"inf", "nan", "infinity"} & words:
                problems.append(f"{f}: inf or NaN")
            if text.count("<line") > 200:
                problems.append(f"{f}: {text.count('<line')} SVG lines (an unbounded axis)")
print("\n".join(problems))
sys.exit(1 if problems else 0)
