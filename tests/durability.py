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


def traced_run(inp, out, log, env):
    p = subprocess.run(["strace", "-f", "-y", "-xx", "-o", log, "-e",
                        "trace=fsync,fdatasync,syncfs,rename,renameat,renameat2",
                        KAIKAKU, "run", "--input", inp, "--output", out, "--quiet", "--jobs", "2"],
                       capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8", **env), timeout=600)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def night(name, inp, out, tmp, env={}):
    """A run whose published files and folders must all be on the disk before
    the swap: each fsync'd (KAIKAKU_SYNC=files, as on a network share), or, on
    a local disk, the temporary folder's file system synced whole (syncfs)
    after the last file was written."""
    log = os.path.join(tmp, name + ".strace")
    st, err = traced_run(inp, out, log, env)
    check(st == 1, f"{name}: exit {st}: {err[-300:]}")
    target = os.path.join(out, "2026Q3")
    synced, swap, after, whole = set(), None, [], None
    for fn, args, ret in calls(log):
        if fn == "syncfs" and ret == 0 and swap is None:
            m = FD_PATH.match(args)
            whole = unescape(m.group(1)) if m else whole
        elif fn in ("fsync", "fdatasync") and ret == 0:
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
    if env.get("KAIKAKU_SYNC") == "files":
        check(whole is None, f"{name}: syncfs where each file was asked for")
    elif whole is not None:
        # (the files of the folder synced are all written by then: the
        # workers have ended and the main process writes nothing after it)
        check(whole == swap, f"{name}: syncfs of {whole}, not of the folder swapped in ({swap})")
        synced |= {swap}
        for d, dirs, files in os.walk(os.path.join(out, "2026Q3")):
            rel = os.path.relpath(d, os.path.join(out, "2026Q3"))
            synced |= {os.path.normpath(os.path.join(swap, rel, x)) for x in dirs + files}
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
        # and as on a share: no syncfs, an fsync of each file and folder
        out2 = os.path.join(tmp, "out_share")
        night("first night, file by file", inp, out2, tmp, {"KAIKAKU_SYNC": "files"})
        night("next night, file by file", inp, out2, tmp, {"KAIKAKU_SYNC": "files"})
    return finish("durability")


if __name__ == "__main__":
    sys.exit(main())
