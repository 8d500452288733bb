#!/usr/bin/python3
"""Worker processes (--jobs): the outputs do not depend on how many there are,
and a worker that fails fails the run cleanly.

- a synthetic city of 80 divisions (tools/make_city.py, with its faults) and
  the sample city give byte-identical output folders (the public pages and
  配布 included), feed.xml, and the same rows in the history with --jobs 1
  (all in one process, in order), with --jobs 1 taking the jobs last to first
  (KAIKAKU_JOB_ORDER=reverse: a process's documents do not depend on the ones
  it made before), 2, 3 and 7 (more workers than the machine has);
- through the failure shim (tests/shim/inject.c, KK_INJECT_WORKER=1: only a
  worker's calls fail), a worker killed by SIGKILL, a worker whose disk fills
  up and a worker that runs out of memory: exit 2, the reason in the last
  line, the previous outputs untouched, no temporary folder and no worker
  left running;
- --jobs with something other than 1 to 256 is a usage error.
"""

import os
import sys
import tempfile

from harness import ROOT, SHIM, check, finish, leftovers, run, sanitized, tree

sys.path.insert(0, os.path.join(ROOT, "tools"))
import make_city  # noqa: E402



def workers_left(out):
    """kaikaku processes still running whose command line names out."""
    left = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
        except OSError:
            continue
        if cmd and os.path.basename(cmd[0]) == b"kaikaku" and out.encode() in cmd:
            left.append(pid)
    return left


HISTORY_TABLES = ("runs", "published_kpi", "published_milestone", "published_measure", "published_workload",
                  "published_kgi", "input_rows", "restatements")


def history_rows(out):
    """What the history recorded, table by table, in a stable order (the run's own row included: its
    inputs' and manifest's hashes, its counts)."""
    import sqlite3
    c = sqlite3.connect(os.path.join(out, "history.sqlite"))
    try:
        return {t: sorted(map(repr, c.execute(f"SELECT * FROM {t}").fetchall())) for t in HISTORY_TABLES}
    finally:
        c.close()


def same_for_any_jobs(tmp, name, inp, period):
    outs = {}
    # "1r": one process taking the jobs last to first, so each document follows other ones than in "1"
    # (a process keeps libharu's document and font between its PDFs, issue 17)
    for jobs in (1, "1r", 2, 3, 7):
        out = os.path.join(tmp, f"{name}-j{jobs}")
        st, err = run("run", "--input", inp, "--output", out, "--jobs", str(jobs)[0], "--quiet",
                      env={"KAIKAKU_JOB_ORDER": "reverse"} if jobs == "1r" else None)
        check(st in (0, 1), f"{name} --jobs {jobs}: exit {st}: {err[-500:]}")
        outs[jobs] = tree(os.path.join(out, period))
        # the feed and the history too (issue 17): the same bytes and the same recorded rows
        outs[jobs]["feed.xml"] = open(os.path.join(out, "feed.xml"), "rb").read()
        for t, rows in history_rows(out).items():
            outs[jobs]["history:" + t] = rows
    check(len(outs[1]) > 10, f"{name}: only {len(outs[1])} files")
    check(len(outs[1]["history:published_kpi"]) > 5 and len(outs[1]["history:input_rows"]) > 10,
          f"{name}: the history recorded too little")
    for jobs, t in outs.items():
        diff = sorted(k for k in set(t) | set(outs[1]) if t.get(k) != outs[1].get(k))
        check(not diff, f"{name}: --jobs {jobs} differs from --jobs 1 in {diff[:5]}")
    return outs[1]


def main():
    with tempfile.TemporaryDirectory(prefix="kaikaku-par-") as tmp:
        city = os.path.join(tmp, "city")
        make_city.build(city, 80, ["2026Q2", "2026Q3"], 7)
        files = same_for_any_jobs(tmp, "city", city, "2026Q3")
        check(sum(f.startswith("departments/") for f in files) == 20
              and sum(f.startswith("feedback/") for f in files) == 80
              and sum(f.startswith("public/") for f in files) > 20
              and sum(f.startswith("配布/") for f in files) == 101, f"city files: {sorted(files)[:8]}")
        same_for_any_jobs(tmp, "sample", os.path.join(ROOT, "input"), "2026Q3")

        for bad in ("0", "257", "x", "2x", ""):
            st, err = run("run", "--input", city, "--output", os.path.join(tmp, "bad"), "--jobs", bad)
            check(st == 2 and "--jobs には 1〜256" in err and not os.path.exists(os.path.join(tmp, "bad")),
                  f"--jobs {bad!r}: exit {st}: {err}")

        if sanitized():
            print("parallel: worker failures skipped under AddressSanitizer (the release pass runs them)")
            return finish("parallel")
        check(os.path.exists(SHIM), f"no shim at {SHIM}")
        out = os.path.join(tmp, "out")
        st, _ = run("run", "--input", city, "--output", out, "--jobs", "2", "--quiet")
        before = tree(out)
        cases = (("kill:3", "シグナル 9"), ("write:5", "ディスクの空きがありません"),
                 ("malloc:40", "メモリが足りません"))
        for inject, reason in cases:
            st, err = run("run", "--input", city, "--output", out, "--jobs", "2", "--quiet",
                          env={"LD_PRELOAD": SHIM, "KK_INJECT": inject, "KK_INJECT_WORKER": "1"})
            last = [x for x in err.splitlines() if x.startswith("kaikaku: エラー: ") and "[E_" not in x]
            check(st == 2, f"worker {inject}: exit {st}: {err[-300:]}")
            check(last and reason in last[-1] and last[-1].endswith("出力フォルダは変更していません。")
                  and last[-1].count("出力フォルダは変更していません") == 1,
                  f"worker {inject}: message {last[-1:]}")
            check(tree(out) == before, f"worker {inject}: the previous outputs changed")
            left = leftovers(out)
            check(not left, f"worker {inject}: left behind {left}")
            check(not workers_left(out), f"worker {inject}: a worker still runs")
        # and the next run is whole again
        st, _ = run("run", "--input", city, "--output", out, "--jobs", "2", "--quiet")
        check(tree(out) == before, "after the failed runs: outputs differ")
    return finish("parallel")


if __name__ == "__main__":
    sys.exit(main())
