#!/usr/bin/python3
"""valgrind (memcheck) over a whole run of the sample city: no invalid read or
write, no use of uninitialised memory, no leak (definite, indirect or
possible). The release binary only: the ASan pass covers the rest."""

import os
import shutil
import subprocess
import sys
import tempfile

from harness import KAIKAKU, ROOT, check, finish, sanitized


def main():
    if sanitized():
        print("memcheck: skipped under AddressSanitizer (the release pass runs it)")
        return 0
    check(shutil.which("valgrind") is not None, "valgrind is not installed (tools/deps.sh test installs it)")
    if not shutil.which("valgrind"):
        return finish("memcheck")
    with tempfile.TemporaryDirectory(prefix="kaikaku-vg-") as tmp:
        log = os.path.join(tmp, "vg.log")
        p = subprocess.run(["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
                            "--errors-for-leak-kinds=definite,indirect,possible",
                            "--show-leak-kinds=definite,indirect,possible", "--log-file=" + log,
                            KAIKAKU, "run", "--input", os.path.join(ROOT, "input"), "--output",
                            os.path.join(tmp, "out"), "--quiet"],
                           capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8"), timeout=900)
        report = open(log, encoding="utf-8", errors="replace").read()
        check(p.returncode == 1, f"valgrind run: exit {p.returncode}\n{report[-3000:]}")
        check(report.strip() == "", f"valgrind says:\n{report[-3000:]}")
    return finish("memcheck")


if __name__ == "__main__":
    sys.exit(main())
