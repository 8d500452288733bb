#!/usr/bin/python3
"""End-to-end cases: tests/cases/<name>/, each one run of kaikaku.

A case folder holds:
  input/         the input folder (text files); copied to a temporary folder
  input_from     instead of input/: a folder relative to the repository (the sample)
  make_input.py  optional: writes more input files (xlsx, binary) into argv[1]
(KAIKAKU_E2E_RECORD=1 rewrites a case's errors.csv when it differs: for a
deliberate change of messages, reviewed with `git diff tests/cases`.)
  settings.xml   optional: passed as --settings
  before         optional: a command line run first (as args), e.g. to publish an
                 earlier period into the history; then between.py INPUT, if present,
                 changes the input before the run of args
  args           optional: the command line, one argument per line, with {input}
                 {output} {settings} {case} replaced (default: run --input {input}
                 --output {output})
  exit           the expected exit status
  errors.csv     optional: must equal output/<P>/errors_<P>.csv byte for byte
  stderr         optional: lines that must each appear in stderr
  stdout         optional: lines that must each appear in stdout
  check.py       optional: run with OUTPUT, INPUT, STDERR, STDOUT in the environment;
                 must exit 0 (reads xlsx with openpyxl, never kaikaku's reader)

Run by tests/run_cases.py with KAIKAKU set to the binary under test. Also
checks that every error code of `kaikaku codes` appears in some case's
expected errors.csv or stderr, so that every code has an end-to-end test.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KAIKAKU = os.path.abspath(os.environ.get("KAIKAKU", os.path.join(ROOT, "kaikaku")))
PYTHON = os.environ.get("PYTHON", "/usr/bin/python3")
CASES = os.path.join(ROOT, "tests", "cases")


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def run_case(name, tmp):
    case = os.path.join(CASES, name)
    work = os.path.join(tmp, name)
    inp = os.path.join(work, "input")
    out = os.path.join(work, "output")
    os.makedirs(work)
    if os.path.exists(os.path.join(case, "input_from")):
        src = os.path.join(ROOT, read(os.path.join(case, "input_from")).strip())
        shutil.copytree(src, inp, symlinks=True)
    elif os.path.isdir(os.path.join(case, "input")):
        shutil.copytree(os.path.join(case, "input"), inp, symlinks=True)
    else:
        os.makedirs(inp)
    if os.path.exists(os.path.join(case, "make_input.py")):
        subprocess.run([PYTHON, os.path.join(case, "make_input.py"), inp], check=True)
    settings = os.path.join(case, "settings.xml")
    if os.path.exists(os.path.join(case, "args")):
        args = [a for a in read(os.path.join(case, "args")).split("\n") if a != ""]
    else:
        args = ["run", "--input", "{input}", "--output", "{output}"]
        if os.path.exists(settings):
            args += ["--settings", "{settings}"]
    args = [a.format(input=inp, output=out, settings=settings, case=case) for a in args]
    env = dict(os.environ, LC_ALL="C.UTF-8")
    if os.path.exists(os.path.join(case, "before")):
        first = [a.format(input=inp, output=out, settings=settings, case=case)
                 for a in read(os.path.join(case, "before")).split("\n") if a != ""]
        b = subprocess.run([KAIKAKU] + first, cwd=work, capture_output=True, env=env, timeout=120)
        if b.returncode not in (0, 1):
            return [f"before: exit {b.returncode}: {b.stderr.decode('utf-8', 'replace')[-500:]}"], ""
        if os.path.exists(os.path.join(case, "between.py")):
            subprocess.run([PYTHON, os.path.join(case, "between.py"), inp], check=True)
    p = subprocess.run([KAIKAKU] + args, cwd=work, capture_output=True, env=env, timeout=120)
    stderr = p.stderr.decode("utf-8", "replace")
    stdout = p.stdout.decode("utf-8", "replace")
    problems = []
    want_exit = int(read(os.path.join(case, "exit")).strip())
    if p.returncode != want_exit:
        problems.append(f"exit status {p.returncode}, want {want_exit}")
    if "Sanitizer" in stderr or "runtime error:" in stderr:
        problems.append("sanitizer report:\n" + stderr[-3000:])
    want_csv = os.path.join(case, "errors.csv")
    if os.path.exists(want_csv):
        got = glob.glob(os.path.join(out, "*", "errors_*.csv"))
        if len(got) != 1:
            problems.append(f"{len(got)} errors CSV files written")
        elif read(got[0], "rb") != read(want_csv, "rb"):
            problems.append("errors CSV differs:\n" + diff(read(want_csv, "rb"), read(got[0], "rb")))
            if os.environ.get("KAIKAKU_E2E_RECORD") == "1":
                # after a deliberate change of messages: review `git diff tests/cases`
                shutil.copyfile(got[0], want_csv)
    for what, text in (("stderr", stderr), ("stdout", stdout)):
        f = os.path.join(case, what)
        if os.path.exists(f):
            for line in read(f).splitlines():
                if line and line not in text:
                    problems.append(f"{what} lacks: {line}\n--- {what} was:\n{text[-2000:]}")
    check = os.path.join(case, "check.py")
    if os.path.exists(check):
        c = subprocess.run([PYTHON, check], cwd=work, capture_output=True,
                           env=dict(env, OUTPUT=out, INPUT=inp, STDERR=stderr, STDOUT=stdout,
                                    CASE=case, KAIKAKU=KAIKAKU))
        if c.returncode != 0:
            problems.append("check.py failed:\n" + c.stdout.decode() + c.stderr.decode())
    return problems, stderr


def diff(want, got):
    import difflib
    w = want.decode("utf-8", "replace").splitlines()
    g = got.decode("utf-8", "replace").splitlines()
    return "\n".join(difflib.unified_diff(w, g, "want", "got", lineterm=""))[:4000]


def codes_in_tests():
    seen = set()
    for f in glob.glob(os.path.join(CASES, "*", "errors.csv")) + \
            glob.glob(os.path.join(CASES, "*", "stderr")):
        seen.update(re.findall(r"\[([EW]_[A-Z0-9_]+)\]", read(f)))
    return seen


def main():
    names = sorted(n for n in os.listdir(CASES) if os.path.isdir(os.path.join(CASES, n)))
    if len(sys.argv) > 1:
        names = [n for n in names if n in sys.argv[1:]]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kaikaku-e2e-") as tmp:
        for name in names:
            problems, _ = run_case(name, tmp)
            if problems:
                failed += 1
                print(f"FAIL {name}")
                for pr in problems:
                    print("  " + pr.replace("\n", "\n  "))
    codes = subprocess.run([KAIKAKU, "codes"], capture_output=True, check=True).stdout.decode()
    all_codes = {line.split("\t")[0] for line in codes.splitlines() if line}
    missing = sorted(all_codes - codes_in_tests())
    if len(sys.argv) == 1 and missing:
        failed += 1
        print("FAIL every error code has an end-to-end case; missing: " + ", ".join(missing))
    print(f"e2e: {len(names) - failed if failed <= len(names) else 0} of {len(names)} cases passed"
          + ("" if failed == 0 else f", {failed} failed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
