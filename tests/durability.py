#!/usr/bin/python3
"""Durability, observed (issue 16, "tests that could not fail"): kaikaku runs
under strace, and every file and folder it publishes must have been fsynced
(in the temporary folder) before the rename that puts the folder in place,
and the output folder itself fsynced after it, so that a power cut never
publishes a folder whose files are not on the disk. Tried on a first night
(a plain rename) and on the next (renameat2 with RENAME_EXCHANGE), with two
worker processes. Without this, removing the fsync of the output tree left
the whole suite green.

Needs strace (tools/deps.sh test); skipped when it is missing or cannot
trace (a container without ptrace)."""

import codecs
import os
import re
import shutil
import subprocess
import sys
import tempfile

from harness import KAIKAKU, ROOT, check, finish

SYSCALL = re.compile(r'^(?:\[pid +\d+\] |\d+ +)?(\w+)\((.*)\) += (-?\d+)')
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
FD_PATH = re.compile(r'^\d+<((?:[^>\\]|\\.)*)>')


def unescape(s):
    """strace's escaped bytes (-xx: every byte as \\xNN) back to text."""
    return codecs.escape_decode(s.encode("ascii"))[0].decode("utf-8", "surrogateescape")


def calls(log):
    """(name, args, result) of each completed call in an strace -f -y -xx log."""
    out = []
    for line in open(log, encoding="ascii", errors="replace"):
        m = SYSCALL.match(line.strip())
        if m:
            out.append((m.group(1), m.group(2), int(m.group(3))))
    return out


def traced_run(inp, out, log):
    p = subprocess.run(["strace", "-f", "-y", "-xx", "-o", log, "-e",
                        "trace=fsync,fdatasync,rename,renameat,renameat2",
                        KAIKAKU, "run", "--input", inp, "--output", out, "--quiet", "--jobs", "2"],
                       capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8"), timeout=600)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def night(name, inp, out, tmp):
    log = os.path.join(tmp, name + ".strace")
    st, err = traced_run(inp, out, log)
    check(st == 1, f"{name}: exit {st}: {err[-300:]}")
    target = os.path.join(out, "2026Q3")
    synced, swap, after = set(), None, []
    for fn, args, ret in calls(log):
        if fn in ("fsync", "fdatasync") and ret == 0:
            m = FD_PATH.match(args)
            if m and swap is None:
                synced.add(unescape(m.group(1)))
            elif m:
                after.append(unescape(m.group(1)))
        elif fn in ("rename", "renameat", "renameat2") and ret == 0 and swap is None:
            names = [unescape(x) for x in QUOTED.findall(args)]
            if len(names) == 2 and names[1] == target and os.path.basename(names[0]).startswith(".kaikaku-tmp-"):
                swap = names[0]
    check(swap is not None, f"{name}: no rename of a temporary folder onto {target} in the trace")
    if swap is None:
        return
    published = [swap]
    for d, dirs, files in os.walk(target):
        rel = os.path.relpath(d, target)
        for x in dirs + files:
            published.append(os.path.normpath(os.path.join(swap, rel, x)))
    missing = [os.path.relpath(p, swap) for p in published if p not in synced]
    check(len(published) > 10 and not missing,
          f"{name}: {len(missing)} of {len(published)} published files and folders not fsynced before the "
          f"rename: {missing[:5]}")
    check(os.path.abspath(out) in after, f"{name}: the output folder is not fsynced after the rename")


def main():
    if not shutil.which("strace"):
        print("durability: skipped (no strace; tools/deps.sh test installs it)")
        return 0
    probe = subprocess.run(["strace", "-o", "/dev/null", "true"], capture_output=True)
    if probe.returncode != 0:
        print("durability: skipped (strace cannot trace here: " + probe.stderr.decode()[:200] + ")")
        return 0
    with tempfile.TemporaryDirectory(prefix="kaikaku-durability-") as tmp:
        inp = os.path.join(ROOT, "input")
        out = os.path.join(tmp, "out")
        night("first night", inp, out, tmp)
        night("next night", inp, out, tmp)
    return finish("durability")


if __name__ == "__main__":
    sys.exit(main())
