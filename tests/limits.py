#!/usr/bin/python3
"""Resource limits (issue 16, item 4): an M city (400 divisions) run under
`ulimit -v` and `ulimit -n` swept over the range where the run runs out.
Every run must end with exit status 0, 1 or 2 (never a signal: running out of
memory while exiting once recursed until SIGSEGV), leave no `.kaikaku-tmp-*`
folder behind (the out-of-memory exit removes it without allocating, and with
one file descriptor), and leave the previous outputs as they were.

The address-space sweep starts from the smallest limit a whole run needs
(found by bisection, so that the test follows the machine's libraries) and
goes down in 4 MiB steps. A limit so small that the dynamic loader itself
fails (exit 127 before kaikaku runs) is skipped. Not under AddressSanitizer,
which reserves terabytes of address space."""

import os
import resource
import subprocess
import sys

from harness import ROOT, check, finish, leftovers, run, sanitized, scratch, tree

PYTHON = os.environ.get("PYTHON", "/usr/bin/python3")
MIB = 1 << 20
STEP = 4 * MIB
SPAN = 40 * MIB


def limited(kind, value):
    def apply():
        resource.setrlimit(kind, (value, value))
    return apply


def main():
    if sanitized():
        print("limits: skipped under AddressSanitizer (the release pass runs them)")
        return 0
    with scratch("kaikaku-limits-", 512) as tmp:
        city = os.path.join(tmp, "city")
        subprocess.run([PYTHON, os.path.join(ROOT, "tools", "make_city.py"), city, "M"], check=True,
                       capture_output=True)
        out = os.path.join(tmp, "out")
        st, err = run("run", "--input", city, "--output", out, "--quiet", "--jobs", "1")
        check(st == 1, f"baseline: exit {st}: {err[-300:]}")
        # (the period folder: the output folder also holds feed.xml and the history)
        period = [d for d in os.listdir(out) if not d.startswith(".") and os.path.isdir(os.path.join(out, d))][0]
        before = tree(os.path.join(out, period))
        tried = []

        def attempt(kind, value, jobs="1"):
            """One run under the limit; None when the loader failed before kaikaku ran."""
            st, err = run("run", "--input", city, "--output", out, "--quiet", "--jobs", jobs,
                          preexec_fn=limited(kind, value))
            if st == 127 and "error while loading shared libraries" in err:
                return None
            name = {resource.RLIMIT_AS: "ulimit -v", resource.RLIMIT_NOFILE: "ulimit -n"}[kind]
            what = f"{name} {value // 1024 if kind == resource.RLIMIT_AS else value} --jobs {jobs}"
            tried.append(st)
            check(st in (0, 1, 2), f"{what}: exit {st}: {err[-300:]}")
            check(not leftovers(out), f"{what}: left behind {leftovers(out)}")
            check(os.path.isdir(os.path.join(out, period)) and tree(os.path.join(out, period)) == before,
                  f"{what}: the previous outputs changed")
            if st == 2:
                check("出力フォルダは変更していません" in err, f"{what}: message {err[-300:]}")
            for d in leftovers(out):  # keep going from a clean folder
                subprocess.run(["rm", "-rf", os.path.join(out, d)])
            return st

        # the smallest address space a whole run needs, to a step
        # (a whole run takes about 100 MiB here: the bracket starts near it,
        # fewer whole runs to bisect with, and widens when that is not enough)
        lo, hi = 48 * MIB, 192 * MIB
        if attempt(resource.RLIMIT_AS, hi) not in (0, 1):
            lo, hi = hi, 1024 * MIB
        while hi - lo > STEP:
            mid = (lo + hi) // 2
            st = attempt(resource.RLIMIT_AS, mid)
            if st in (0, 1):
                hi = mid
            else:
                lo = mid
        # (hi itself ran whole in the bisection)
        for value in range(hi - SPAN, hi, STEP):
            attempt(resource.RLIMIT_AS, value)
        # with a worker process: the main process, out of memory in a job of its own, stops the
        # worker before removing the folder it writes into
        for value in range(hi - SPAN, hi + 1, 2 * STEP):
            attempt(resource.RLIMIT_AS, value, jobs="2")
        # file descriptors: from the fewest the loader can work with to the
        # first that runs whole (8 here)
        for n in range(4, 9):
            attempt(resource.RLIMIT_NOFILE, n)
        for n in range(4, 8):
            attempt(resource.RLIMIT_NOFILE, n, jobs="2")
        check(2 in tried and 1 in tried, f"the sweep never failed or never succeeded: {sorted(set(tried))}")
    return finish("limits", f" ({len(tried)} runs)")


if __name__ == "__main__":
    sys.exit(main())
