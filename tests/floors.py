#!/usr/bin/python3
"""tools/floors (issue 17: each stage's floor on the same data, run by `make
bench`) measures what it says on a run of the sample: every input file read,
every workbook and PDF of the period found once (配布/'s links not twice), every
row of the history inserted, every output file written again; its JSON agrees
with what the run wrote. It is not a timing test: only the counts are checked."""
import json
import os
import subprocess
import sys
import tempfile
import zipfile

from harness import ROOT, check, finish, run

TOOLS = os.environ.get("TOOLS", os.path.join(ROOT, "build", "release", "tests"))
FLOORS = os.path.join(os.path.dirname(TOOLS), "tools", "floors")


def distinct_files(top):
    seen, files = set(), []
    for d, _, names in os.walk(top):
        for n in sorted(names):
            st = os.lstat(os.path.join(d, n))
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                files.append(os.path.join(d, n))
    return files


def main():
    check(os.access(FLOORS, os.X_OK), f"{FLOORS} is not built")
    if not os.access(FLOORS, os.X_OK):
        return finish("floors")
    inp = os.path.join(ROOT, "input")
    with tempfile.TemporaryDirectory(prefix="kaikaku-floors-") as tmp:
        out = os.path.join(tmp, "out")
        st, err = run("run", "--input", inp, "--output", out, "--quiet")
        check(st in (0, 1), f"run: exit {st}: {err[-300:]}")
        j = os.path.join(tmp, "floors.json")
        p = subprocess.run([FLOORS, inp, out, "--json", j], capture_output=True, text=True, timeout=300)
        check(p.returncode == 0, f"floors: exit {p.returncode}: {p.stderr}")
        if p.returncode != 0:
            return finish("floors")
        f = json.load(open(j))
        lines = p.stdout.splitlines()
        check([l.split()[0] for l in lines] == ["read", "xlsx", "pdf", "history", "publish"],
              f"the stages printed: {lines}")
        for stage in ("read", "xlsx", "pdf", "history", "publish"):
            check(f[stage] > 0, f"{stage}: {f[stage]} s")
        inputs = [x for x in distinct_files(inp)]
        check(f["input_files"] == len(inputs), f"input files {f['input_files']} != {len(inputs)}")
        period = os.path.join(out, "2026Q3")
        outputs = distinct_files(period)
        check(f["output_files"] == len(outputs), f"output files {f['output_files']} != {len(outputs)}")
        xlsx = [x for x in outputs if x.endswith(".xlsx")]
        pdfs = [x for x in outputs if x.endswith(".pdf")]
        parts = sum(len(zipfile.ZipFile(x).namelist()) for x in xlsx)
        check(f"{len(xlsx)} workbooks, {parts} parts" in lines[1], f"xlsx: {lines[1]} (want {len(xlsx)}, {parts})")
        check(f"{len(pdfs)} PDFs" in lines[2], f"pdf: {lines[2]} (want {len(pdfs)})")
        import sqlite3
        c = sqlite3.connect(os.path.join(out, "history.sqlite"))
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                          "AND name NOT LIKE 'sqlite_%'")]
        rows = sum(c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
        c.close()
        check(f["history_rows"] == rows, f"history rows {f['history_rows']} != {rows}")
        check(not [d for d in os.listdir(out) if d.startswith(".floors")], "floors left its scratch folder")
    return finish("floors")


if __name__ == "__main__":
    sys.exit(main())
