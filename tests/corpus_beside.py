#!/usr/bin/python3
"""Every file of the vendored corpus (tests/corpus: POI's and SheetJS's
workbooks with their XML bombs and fuzzer finds, csv-spectrum's CSVs, their
READMEs and licences) dropped beside the sample city's submissions: the run
ends, in bounded memory, and the city's results are exactly what they are
without them. Only the error list grows, with the corpus files' own records."""

import csv
import io
import json
import os
import resource
import shutil
import sys
import tempfile

import openpyxl

from harness import ROOT, check, finish, run

MEMORY_MIB = 1024


def values(path, sheet):
    wb = openpyxl.load_workbook(path, read_only=True)
    return [list(r) for r in wb[sheet].iter_rows(values_only=True)]


def errors_outside(path, prefix):
    rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8-sig").read())))
    return [r for r in rows if not r[1].startswith(prefix)]


def main():
    with tempfile.TemporaryDirectory(prefix="kaikaku-corpus-") as tmp:
        plain = os.path.join(tmp, "plain")
        shutil.copytree(os.path.join(ROOT, "input"), plain)
        crowded = os.path.join(tmp, "crowded")
        shutil.copytree(plain, crowded)
        dump = os.path.join(crowded, "submissions", "2026Q3", "corpus")
        shutil.copytree(os.path.join(ROOT, "tests", "corpus"), dump)
        nfiles = sum(len(f) for _, _, f in os.walk(dump))
        st1, _ = run("run", "--input", plain, "--output", os.path.join(tmp, "o1"), "--quiet")
        st2, err = run("run", "--input", crowded, "--output", os.path.join(tmp, "o2"), "--quiet", timeout=900)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the largest child so far
        check(st1 == 1 and st2 == 1, f"exits {st1} {st2}: {err[-500:]}")
        check(peak < MEMORY_MIB * 1024, f"peak memory {peak // 1024} MiB")
        a, b = os.path.join(tmp, "o1", "2026Q3"), os.path.join(tmp, "o2", "2026Q3")
        if not (os.path.isdir(a) and os.path.isdir(b)):
            return finish("corpus beside the sample")
        # every division's feedback and every department's pack: the same bytes
        for sub in ("feedback", "departments"):
            names = sorted(os.listdir(os.path.join(a, sub)))
            check(names == sorted(os.listdir(os.path.join(b, sub))), f"{sub}: other files")
            for n in names:
                check(open(os.path.join(a, sub, n), "rb").read() == open(os.path.join(b, sub, n), "rb").read(),
                      f"{sub}/{n} differs")
        # the figures
        ma = json.load(open(os.path.join(a, "manifest.json"), encoding="utf-8"))
        mb = json.load(open(os.path.join(b, "manifest.json"), encoding="utf-8"))
        for key in ("kgi", "kpi_status", "milestone_status", "measure_status", "counts", "missing_submissions",
                    "trend"):
            check(ma.get(key) == mb.get(key), f"manifest {key}: {ma.get(key)} vs {mb.get(key)}")
        listed = [t for t in mb["inputs"] if t["path"].startswith("submissions/2026Q3/corpus/")]
        check(len({t["path"] for t in listed}) == nfiles, f"{len(listed)} corpus entries for {nfiles} files")
        for sheet in ("施策一覧", "KPI一覧", "マイルストーン", "業務量削減", "未提出"):
            check(values(os.path.join(a, "summary_2026Q3.xlsx"), sheet)
                  == values(os.path.join(b, "summary_2026Q3.xlsx"), sheet), f"summary sheet {sheet} differs")
        # the errors: the city's own records unchanged, the corpus's added
        ea = errors_outside(os.path.join(a, "errors_2026Q3.csv"), "submissions/2026Q3/corpus/")
        eb = errors_outside(os.path.join(b, "errors_2026Q3.csv"), "submissions/2026Q3/corpus/")
        check(ea == eb, "the city's own error records changed")
        print(f"corpus beside the sample: {nfiles} files, peak {peak // 1024} MiB")
    return finish("corpus beside the sample")


if __name__ == "__main__":
    sys.exit(main())
