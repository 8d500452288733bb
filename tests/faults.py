#!/usr/bin/python3
"""Failing system calls (issue 5), through the LD_PRELOAD shim
tests/shim/inject.c: a disk that fills up at the N-th write, the N-th fsync,
rename, mkdir or allocation failing; an unreadable input file and an
unwritable output folder (which root could otherwise write). For each kind, the calls of a clean run
are counted, then runs fail at N spread over them (every N when there are
few): each must end with exit 2, a message naming the reason, and the
previous outputs byte-identical, with nothing left behind.

Rename is tried twice: the second time on a file system without
RENAME_EXCHANGE (NFS, CIFS), where publish falls back to two plain renames
(issue 16); then a run killed between those two renames, whose previous
outputs the next run must put back.

The release binary only: AddressSanitizer refuses a preloaded allocator, and
the ASan pass runs everything else."""

import os
import shutil
import signal
import sys
import tempfile

from harness import ROOT, SHIM, check, finish, history_agrees, leftovers, run, sanitized, tree

REASON = {"write": "ディスクの空きがありません", "fsync": "入出力エラー", "rename": "入出力エラー",
          "mkdir": "ディスクの空きがありません", "malloc": "メモリが足りません"}
SPREAD = 14  # runs per kind when there are more calls than that
NO_EXCHANGE = {"KK_INJECT_NO_EXCHANGE": "1"}  # renameat2(RENAME_EXCHANGE) answers EINVAL, as on NFS
EACH_FILE = {"KAIKAKU_SYNC": "files"}  # an fsync of each published file, as on a network share


def tree_of(t, sub):
    """The part of a tree() under the folder sub, relative to it."""
    return {k[len(sub) + 1:]: v for k, v in t.items() if k.startswith(sub + "/")}


def points(total):
    if total <= SPREAD:
        return list(range(1, total + 1))
    step = (total - 1) / (SPREAD - 3)
    return sorted({1, 2, total} | {1 + round(i * step) for i in range(SPREAD - 2)})


def main():
    if sanitized():
        print("faults: skipped under AddressSanitizer (the release pass runs them)")
        return 0
    check(os.path.exists(SHIM), f"no shim at {SHIM}")
    with tempfile.TemporaryDirectory(prefix="kaikaku-faults-") as tmp:
        inp = os.path.join(tmp, "in")
        shutil.copytree(os.path.join(ROOT, "input"), inp)
        out = os.path.join(tmp, "out")
        st, _ = run("run", "--input", inp, "--output", out, "--quiet")
        check(st == 1, f"baseline: exit {st}")
        before = tree(out)
        # rename twice: the second time on a file system without RENAME_EXCHANGE (NFS, CIFS),
        # where publish falls back to two plain renames, and either may fail
        # fsync twice: one syncfs of the tree on this disk, and each file's fsync as on a share
        for kind, extra in (("write", {}), ("fsync", {}), ("fsync", EACH_FILE), ("rename", {}),
                            ("rename", NO_EXCHANGE), ("mkdir", {}), ("malloc", {})):
            # a clean run first: one that failed inside the history's commit
            # leaves a journal that the next run rolls back (more calls)
            run("run", "--input", inp, "--output", out, "--quiet")
            count = os.path.join(tmp, "count")
            st, err = run("run", "--input", inp, "--output", out, "--quiet", "--jobs", "1",
                          env={"LD_PRELOAD": SHIM, "KK_INJECT": f"{kind}:0", "KK_INJECT_COUNT": count, **extra})
            total = int(open(count).read()) if os.path.exists(count) else 0
            check(st == 1 and total > 0, f"{kind}: counting run: exit {st}, {total} calls")
            check(tree(out) == before, f"{kind}: a clean rerun changed the outputs")
            for n in points(total):
                st, err = run("run", "--input", inp, "--output", out, "--quiet", "--jobs", "1",
                              env={"LD_PRELOAD": SHIM, "KK_INJECT": f"{kind}:{n}", **extra})
                last = [x for x in err.splitlines() if x.startswith("kaikaku: エラー: ") and "[E_" not in x]
                what = f"{kind}:{n}/{total}{' without RENAME_EXCHANGE' if extra is NO_EXCHANGE else ''}" \
                    f"{' a file at a time' if extra is EACH_FILE else ''}"
                check(st == 2, f"{what}: exit {st}: {err[-300:]}")
                check(last and REASON[kind] in last[-1] and "出力フォルダは変更していません" in last[-1],
                      f"{what}: message {last[-1:]}")
                check(tree(out) == before, f"{what}: the previous outputs changed")
                left = leftovers(out)
                check(not left, f"{what}: left behind {left}")
                if left:  # the next run would clean it; do so to keep going
                    for d in left:
                        shutil.rmtree(os.path.join(out, d))
        # memory running out in several reading threads at once (issue 17's threads): exit 2 and
        # メモリが足りません on stderr and in the log every time (a second thread used to end the
        # process before the first had said why)
        count = os.path.join(tmp, "count-read")
        run("validate", "--input", inp, "--jobs", "4",
            env={"LD_PRELOAD": SHIM, "KK_INJECT": "malloc:0", "KK_INJECT_COUNT": count})
        total = int(open(count).read()) if os.path.exists(count) else 0
        check(total > 1000, f"threads: counting run: {total} allocations")
        for n in (total // 8, total // 4, total // 2):
            for rep in range(4):
                log = os.path.join(tmp, f"oom-{n}-{rep}.log")
                st, err = run("validate", "--input", inp, "--jobs", "4", "--log", log,
                              env={"LD_PRELOAD": SHIM, "KK_INJECT": f"malloc:{n}", "KK_INJECT_FROM": "1"})
                logged = open(log, encoding="utf-8").read() if os.path.exists(log) else ""
                check(st == 2 and "メモリが足りません" in err and "メモリが足りません" in logged,
                      f"threads out of memory from allocation {n}: exit {st}, stderr {err[-200:]!r}")
        # an unreadable submission: its own error, the rest of the city read
        st, err = run("run", "--input", inp, "--output", os.path.join(tmp, "deny"), "--quiet",
                      env={"LD_PRELOAD": SHIM, "KK_DENY": "2026Q3/010300_DX推進課_KPI実績.csv"})
        errs = open(os.path.join(tmp, "deny", "2026Q3", "errors_2026Q3.csv"), encoding="utf-8-sig").read()
        check(st == 1 and "submissions/2026Q3/010300_DX推進課_KPI実績.csv,,,,,[E_READ_FAILED] ファイルを読めません: 権限がありません"
              in errs, f"unreadable file: exit {st}")
        # an output folder that cannot be written: exit 2, said, the outputs as they were
        st, err = run("run", "--input", inp, "--output", out, "--quiet", env={"LD_PRELOAD": SHIM, "KK_DENY": out})
        check(st == 2 and "権限がありません" in err and tree(out) == before, f"unwritable output: exit {st}: {err}")
        # killed between the two renames of the fallback: output/2026Q3 is missing, the previous
        # outputs are in an old folder; the next run (here for another period) puts them back
        st, _ = run("run", "--input", inp, "--output", out, "--quiet", "--jobs", "1",
                    env={"LD_PRELOAD": SHIM, "KK_INJECT": "rename:2", "KK_INJECT_KILL": "1", **NO_EXCHANGE})
        check(st == -signal.SIGKILL and not os.path.exists(os.path.join(out, "2026Q3")) and leftovers(out),
              f"kill between the renames: exit {st}, {sorted(os.listdir(out))}")
        log = os.path.join(tmp, "restore.log")
        st, err = run("run", "--input", inp, "--output", out, "--quiet", "--period", "2026Q2", "--log", log)
        check(st in (0, 1) and tree(os.path.join(out, "2026Q3")) == tree_of(before, "2026Q3") and not leftovers(out),
              f"after a kill between the renames: exit {st}, {sorted(os.listdir(out))}: {err[-300:]}")
        check("を前の出力に戻しました" in open(log, encoding="utf-8").read(), "the restore is not logged")
        # the same with the old folder's name of earlier versions (no period in it)
        if os.path.isdir(os.path.join(out, "2026Q3")):
            os.rename(os.path.join(out, "2026Q3"), os.path.join(out, ".kaikaku-tmp-old-12345"))
            st, err = run("run", "--input", inp, "--output", out, "--quiet", "--period", "2026Q2")
            check(st in (0, 1) and tree(os.path.join(out, "2026Q3")) == tree_of(before, "2026Q3")
                  and not leftovers(out), f"an old folder of an earlier version: exit {st}, {sorted(os.listdir(out))}")
        shutil.rmtree(os.path.join(out, "2026Q2"), ignore_errors=True)
        # after all that, a clean run gives the same outputs again
        st, _ = run("run", "--input", inp, "--output", out, "--quiet")
        check(st == 1 and tree(out) == before, "a clean run after the faults differs")
        check(history_agrees(out), "after the faults, the history disagrees with the folder")
    return finish("faults")


if __name__ == "__main__":
    sys.exit(main())
