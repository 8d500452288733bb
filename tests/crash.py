#!/usr/bin/python3
"""Killed runs and runs at the same time (issue 5).

- kill -9 at many points of a run (the shim's kill:N stops the process at its
  N-th output call: write, fwrite, fsync, rename or mkdir; one more is killed
  by the clock): the output folder then holds either the previous outputs or
  the new ones, whole, never a mix; the next run leaves exactly what a run
  never interrupted leaves, and nothing else;
- two runs started together on one output folder: both finish (one waits for
  the other's lock) and the result equals a lone run.

The shim needs the release binary; under AddressSanitizer only the clock's
kill and the concurrent runs are tried."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from harness import HISTORY, KAIKAKU, ROOT, SHIM, check, finish, history_agrees, leftovers, run, sanitized, tree

POINTS = 12


def outputs(out):
    """The period folder's files, but for the files of the output folder itself
    (feed.xml) that a run killed right after its swap leaves waiting in it for
    the next run to move into place (publish.h: PUBLISH_ROOT_DIR)."""
    p = os.path.join(out, "2026Q3")
    if not os.path.isdir(p):
        return None
    return {k: v for k, v in tree(p).items() if not k.startswith(".kaikaku-root/")}


def main():
    with tempfile.TemporaryDirectory(prefix="kaikaku-crash-") as tmp:
        inp = os.path.join(tmp, "in")
        shutil.copytree(os.path.join(ROOT, "input"), inp)
        # the previous night's input: one actual differs, so old and new outputs differ
        old = os.path.join(tmp, "old")
        shutil.copytree(inp, old)
        f = os.path.join(old, "submissions", "2026Q3", "010300_DX推進課_KPI実績.csv")
        data = open(f, encoding="utf-8-sig").read()
        open(f, "w", encoding="utf-8-sig").write(data.replace("K15-1,電子決裁率,78", "K15-1,電子決裁率,70"))
        ref = os.path.join(tmp, "ref")
        run("run", "--input", inp, "--output", ref, "--quiet")
        new = outputs(ref)
        run("run", "--input", old, "--output", os.path.join(tmp, "ref-old"), "--quiet")
        previous = outputs(os.path.join(tmp, "ref-old"))
        check(new and previous and new != previous, "the two nights' outputs should differ")

        if not sanitized():
            count = os.path.join(tmp, "count")
            run("run", "--input", inp, "--output", os.path.join(tmp, "counted"), "--quiet", "--jobs", "1",
                env={"LD_PRELOAD": SHIM, "KK_INJECT": "kill:0", "KK_INJECT_COUNT": count})
            total = int(open(count).read())
            step = (total - 1) / (POINTS - 1)
            for i in range(POINTS):
                n = 1 + round(i * step)
                out = os.path.join(tmp, f"k{n}")
                # a first night, killed: nothing published, or all of it
                st, _ = run("run", "--input", inp, "--output", out, "--quiet", "--jobs", "1",
                            env={"LD_PRELOAD": SHIM, "KK_INJECT": f"kill:{n}"})
                got = outputs(out)
                check(st == -signal.SIGKILL, f"kill:{n}/{total}: exit {st}")
                check(got in (None, new), f"kill:{n}/{total} on a first night: a partial output folder")
                # a night after a complete one, killed: the old outputs or the new, whole
                shutil.rmtree(out, ignore_errors=True)
                run("run", "--input", old, "--output", out, "--quiet")
                run("run", "--input", inp, "--output", out, "--quiet", "--jobs", "1",
                    env={"LD_PRELOAD": SHIM, "KK_INJECT": f"kill:{n}"})
                got = outputs(out)
                check(got in (previous, new), f"kill:{n}/{total}: the outputs are a mix of two nights")
                # the next run: exactly an uninterrupted run's outputs, and nothing else
                st, _ = run("run", "--input", inp, "--output", out, "--quiet")
                check(st == 1 and outputs(out) == new, f"kill:{n}/{total}: the rerun differs")
                check(not leftovers(out), f"kill:{n}/{total}: left behind {leftovers(out)}")
                check(history_agrees(out), f"kill:{n}/{total}: the history disagrees with the folder")
                check(sorted(set(os.listdir(out)) - set(HISTORY)) == [".kaikaku.lock", "2026Q3", "feed.xml"],
                      f"kill:{n}: {os.listdir(out)}")
                check(not os.path.exists(os.path.join(out, "2026Q3", ".kaikaku-root")),
                      f"kill:{n}: the feed left waiting after the rerun")
                shutil.rmtree(out, ignore_errors=True)

        # killed by the clock, in the middle of writing
        out = os.path.join(tmp, "clock")
        run("run", "--input", old, "--output", out, "--quiet")
        for delay in (0.15, 0.4, 0.8):
            p = subprocess.Popen([KAIKAKU, "run", "--input", inp, "--output", out, "--quiet"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 env=dict(os.environ, LC_ALL="C.UTF-8"))
            time.sleep(delay)
            p.send_signal(signal.SIGKILL)
            p.wait()
            check(outputs(out) in (previous, new), f"killed after {delay} s: a mix of two nights")
            run("run", "--input", old, "--output", out, "--quiet")
        st, _ = run("run", "--input", inp, "--output", out, "--quiet")
        check(st == 1 and outputs(out) == new and not leftovers(out), "after the clock's kills")
        check(history_agrees(out), "after the clock's kills: the history disagrees with the folder")

        # two runs started together on one output folder
        for attempt in range(3):
            out = os.path.join(tmp, f"together{attempt}")
            procs = [subprocess.Popen([KAIKAKU, "run", "--input", inp, "--output", out, "--quiet"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      env=dict(os.environ, LC_ALL="C.UTF-8")) for _ in range(2)]
            codes = [p.wait(timeout=300) for p in procs]
            errs = [p.stderr.read().decode("utf-8", "replace") for p in procs]
            check(codes == [1, 1], f"together: exits {codes}: {errs[0][-300:]} {errs[1][-300:]}")
            check(outputs(out) == new and not leftovers(out), "together: not what a lone run gives")
    return finish("crash")


if __name__ == "__main__":
    sys.exit(main())
