#!/usr/bin/python3
"""Golden outputs: the sample city (input/) and the S city of tools/make_city.py
are run and every output file's SHA-256 is compared with tests/golden/*.sha256.

A change that alters an output on purpose re-records the hashes in the same
commit and says why in its message:

    tests/golden.py --record           # sample and S
    tests/golden.py --record --all     # sample, S and M (M is checked by --all only)
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import KAIKAKU, ROOT, check, finish, run, tree  # noqa: E402

GOLDEN = os.path.join(ROOT, "tests", "golden")
PYTHON = os.environ.get("PYTHON", "/usr/bin/python3")


def city(name, work):
    """The input folder of a city: the sample's own, or one made by make_city.py."""
    if name == "sample":
        return os.path.join(ROOT, "input")
    d = os.path.join(work, "city_" + name)
    subprocess.run([PYTHON, os.path.join(ROOT, "tools", "make_city.py"), d, name], check=True,
                   capture_output=True)
    return d


def hashes(name, work):
    out = os.path.join(work, "out_" + name)
    st, err = run("run", "--input", city(name, work), "--output", out, "--quiet")
    check(st in (0, 1), f"{name}: exit status {st}: {err[-500:]}")
    got = tree(out) if os.path.isdir(out) else {}
    got.pop(".kaikaku.lock", None)  # the lock, not an output
    return st, got


def load(name):
    path = os.path.join(GOLDEN, name + ".sha256")
    if not os.path.exists(path):
        return None
    want = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            h, rel = line.split("  ", 1)
            want[rel] = h
    return want


def main():
    record = "--record" in sys.argv
    names = ["sample", "S"] + (["M"] if "--all" in sys.argv else [])
    work = tempfile.mkdtemp(prefix="kk-golden-")
    try:
        for name in names:
            st, got = hashes(name, work)
            if record:
                os.makedirs(GOLDEN, exist_ok=True)
                with open(os.path.join(GOLDEN, name + ".sha256"), "w", encoding="utf-8") as f:
                    f.write(f"# kaikaku run --input <{name}> (exit status {st}): tests/golden.py --record\n")
                    for rel in sorted(got):
                        f.write(f"{got[rel]}  {rel}\n")
                continue
            want = load(name)
            check(want is not None, f"{name}: no recorded hashes in tests/golden/")
            if want is None:
                continue
            for rel in sorted(set(want) | set(got)):
                if rel not in got:
                    check(False, f"{name}: {rel} is no longer written")
                elif rel not in want:
                    check(False, f"{name}: {rel} is new (record it with tests/golden.py --record)")
                else:
                    check(got[rel] == want[rel], f"{name}: {rel} differs from the recorded output")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return finish("golden", f" ({', '.join(names)}{', recorded' if record else ''})")


if __name__ == "__main__":
    sys.exit(main())
