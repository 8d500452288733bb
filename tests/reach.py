#!/usr/bin/python3
"""Every record reaches who must act on it (issue 18): each row of the summary's
入力エラー sheet names its divisions in 課 and is on the 入力エラー sheet of
each of those divisions' feedback workbooks (and of no other), or is marked
as the PMO's (課 = PMO（課の作業なし）: a master row, a master file) and is on
none. For the sample and for an S city of tools/make_city.py."""
import collections
import os
import subprocess
import sys
import tempfile

import openpyxl

from harness import ROOT, check, finish, run

PYTHON = os.environ.get("PYTHON", "/usr/bin/python3")
PMO = "PMO（課の作業なし）"


def key(r, h):
    return (r[h.index("重要度")], r[h.index("ファイル")], r[h.index("シート")], r[h.index("行")], r[h.index("列")],
            r[h.index("コード")])


def reach(out, name):
    p = os.path.join(out, "2026Q3")
    summary = openpyxl.load_workbook(os.path.join(p, "summary_2026Q3.xlsx"), read_only=True)
    rows = list(summary["入力エラー"].iter_rows(values_only=True))
    h = list(rows[0])
    want = collections.Counter()  # (record, division name) pairs the summary promises
    pmo = 0
    for r in rows[1:]:
        if not r[0]:
            continue
        owners = (r[h.index("課")] or "").replace("（ファイル名から）", "")
        check(owners != "", f"{name}: a record with an empty 課: {r}")
        if owners == PMO:
            pmo += 1
            continue
        for d in owners.split("・"):
            want[(key(r, h), d)] += 1
    got = collections.Counter()
    for f in sorted(os.listdir(os.path.join(p, "feedback"))):
        division = f.split("_", 1)[1].rsplit("_", 1)[0]
        wb = openpyxl.load_workbook(os.path.join(p, "feedback", f), read_only=True)
        rs = list(wb["入力エラー"].iter_rows(values_only=True))
        fh = list(rs[0])
        for r in rs[1:]:
            if r[0]:
                got[(key(r, fh), division)] += 1
    check(want == got, f"{name}: records not where 課 says: missing {list((want - got).items())[:5]}, "
          f"extra {list((got - want).items())[:5]}")
    check(len(rows) - 1 > 0, f"{name}: no records to check")
    print(f"reach: {name}: {sum(want.values())} records to divisions, {pmo} to the PMO")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "sample")
        st, err = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--quiet")
        check(st == 1, f"sample: exit {st}: {err[-300:]}")
        reach(out, "sample")
        city = os.path.join(tmp, "city_S")
        subprocess.run([PYTHON, os.path.join(ROOT, "tools", "make_city.py"), city, "S"], check=True,
                       capture_output=True)
        out = os.path.join(tmp, "S")
        st, err = run("run", "--input", city, "--output", out, "--quiet")
        check(st in (0, 1), f"S: exit {st}: {err[-300:]}")
        reach(out, "S")
    return finish("reach")


if __name__ == "__main__":
    sys.exit(main())
