#!/usr/bin/python3
"""The fuzz harnesses' smoke pass (`make fuzz-smoke`: built with clang,
ASan+UBSan and libFuzzer in build/fuzz; each harness over its seeds and the
past crashes of tests/fuzz/regressions/, then 3 seconds of new inputs), as one
of the cases, so that tests/run_cases.py runs it beside the others instead of
after them all. Once per `make test`: the release pass runs it, the ASan pass
(whose build it does not use) skips it."""

import os
import subprocess
import sys

from harness import ROOT, sanitized


def main():
    if sanitized():
        print("fuzz_smoke: skipped in the ASan pass (the release pass runs it, with its own build)")
        return 0
    # a make of its own: not the jobserver of the make that ran the suite
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    p = subprocess.run(["make", "--no-print-directory", "fuzz-smoke"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    # the harnesses' lines, not the compiler's
    print("\n".join(line for line in p.stdout.splitlines() if not line.startswith(("  CC", "  AR", "  LINK"))))
    if p.returncode != 0:
        print(f"fuzz_smoke: FAILED (make fuzz-smoke: exit {p.returncode})")
        return 1
    print("fuzz_smoke: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
