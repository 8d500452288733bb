#!/usr/bin/python3
"""tests/run_cases.py - the end-to-end cases and the readers' tests against
one or more builds, several at a time.

    tests/run_cases.py [-j N] NAME=KAIKAKU:TOOLS...

Each NAME=KAIKAKU:TOOLS is a pass: every test in TESTS runs with KAIKAKU set
to that binary and TOOLS to the folder of its test tools (make test gives the
release build and the ASan build). The tests of all passes share N lanes (a
job per CPU by default; every test is one process at a time, most of them a
single CPU's work), the longest first so that the lanes end together; each
test's output is printed whole when it ends, with its pass and its seconds.
Every test makes its own temporary folders, so any two can run side by side.
Fails (exit 1) when any test fails, and lists them at the end.
"""

import os
import subprocess
import sys
import tempfile
import threading
import time

PYTHON = os.environ.get("PYTHON", "/usr/bin/python3")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Every test, with its seconds on the 2-CPU machine (one at a time, the
# release pass; the ASan pass takes up to 3x where it runs the same cases, and
# skips what it cannot run): only the order of the lanes depends on them.
TESTS = {
    "tests/e2e.py": 20, "tests/golden.py": 2, "tests/history.py": 8, "tests/readers.py": 37,
    "tests/scenarios.py": 8, "tests/roundtrip.py": 7, "tests/xlsx_print.py": 14, "tests/reach.py": 2,
    "tests/progress.py": 1, "tests/pdf.py": 71, "tests/operations.py": 5, "tests/faults.py": 18,
    "tests/limits.py": 82, "tests/memcheck.py": 7, "tests/crash.py": 17, "tests/durability.py": 2,
    "tests/parallel.py": 12, "tests/floors.py": 1, "tests/docs.py": 11, "tests/public.py": 160,
    "tests/corpus_beside.py": 3, "tests/fuzz_smoke.py": 52,
}
# under ASan: (the seconds seen) what the pass runs there
ASAN = {"tests/e2e.py": 41, "tests/readers.py": 58, "tests/pdf.py": 54, "tests/parallel.py": 33,
        "tests/history.py": 23, "tests/scenarios.py": 15, "tests/operations.py": 15, "tests/crash.py": 16,
        "tests/public.py": 10, "tests/corpus_beside.py": 10}


def asan_options(given):
    """AddressSanitizer's settings for the cases: a quarantine of 32 MB
    instead of 256 and 10 frames kept for each allocation instead of 30.
    Freed blocks waiting in the quarantine are fresh pages to fault in, and a
    page fault costs about 14 us in the CI machine's VM: the 400-division run
    of tests/pdf.py took 12.9 s with the defaults, 7.8 with these. A
    use after free is still caught while the block is among the last 32 MB
    freed; leaks are still reported. Settings given in the environment win."""
    ours = "quarantine_size_mb=32:malloc_context_size=10"
    return f"{ours}:{given}" if given else ours


def main(argv):
    jobs = os.cpu_count() or 1
    passes = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "-j":
            jobs = int(args.pop(0))
        elif a.startswith("-j"):
            jobs = int(a[2:])
        elif "=" in a and ":" in a:
            name, rest = a.split("=", 1)
            kaikaku, tools = rest.split(":", 1)
            passes.append((name, kaikaku, tools))
        else:
            sys.exit(f"run_cases: {a}? usage: run_cases.py [-j N] NAME=KAIKAKU:TOOLS...")
    if not passes:
        sys.exit("run_cases: no pass given (NAME=KAIKAKU:TOOLS)")
    work = []
    for name, kaikaku, tools in passes:
        asan = "asan" in name
        for test, secs in TESTS.items():
            work.append((ASAN.get(test, 1) if asan else secs, name, kaikaku, tools, test))
    # longest first, and in a stable order for equal estimates
    work.sort(key=lambda w: (-w[0], w[1], w[4]))
    lock = threading.Lock()
    failed, times = [], []
    start = time.monotonic()

    def lane():
        while True:
            with lock:
                if not work:
                    return
                _, name, kaikaku, tools, test = work.pop(0)
            env = dict(os.environ, KAIKAKU=kaikaku, TOOLS=tools, PYTHON=PYTHON)
            if "asan" in name:
                env["ASAN_OPTIONS"] = asan_options(env.get("ASAN_OPTIONS"))
            t0 = time.monotonic()
            with tempfile.TemporaryFile() as out:
                p = subprocess.Popen([PYTHON, test], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
                # the test's CPU seconds, its children's included (what the
                # lanes share: the wall time depends on what ran beside it)
                _, status, ru = os.wait4(p.pid, 0)
                p.returncode = st = os.waitstatus_to_exitcode(status)
                out.seek(0)
                text = out.read().decode("utf-8", "replace")
            secs = time.monotonic() - t0
            cpu = ru.ru_utime + ru.ru_stime
            with lock:
                sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
                sys.stdout.write(f"  ({name}: {test}: {secs:.0f} s, {cpu:.0f} s of CPU"
                                 f"{'' if st == 0 else f', FAILED (exit {st})'})\n")
                sys.stdout.flush()
                times.append((secs, name, test, cpu))
                if st != 0:
                    failed.append(f"{name}: {test}")

    lanes = [threading.Thread(target=lane) for _ in range(max(1, jobs))]
    for t in lanes:
        t.start()
    for t in lanes:
        t.join()
    total = time.monotonic() - start
    busy = sum(t[0] for t in times)
    cpu = sum(t[3] for t in times)
    print(f"run_cases: {len(times)} tests in {total:.0f} s on {jobs} lanes ({busy:.0f} s of tests, "
          f"{cpu:.0f} s of CPU)")
    if failed:
        print("run_cases: FAILED: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
