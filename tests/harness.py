"""What the Python test scripts share: where kaikaku is, running it (with a
check that no sanitizer spoke), and collecting failures to report at the end."""
import hashlib
import os
import sqlite3
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KAIKAKU = os.path.abspath(os.environ.get("KAIKAKU", os.path.join(ROOT, "kaikaku")))
# the failure-injection shim (tests/shim/inject.c), built beside the test tools
SHIM = os.path.join(os.environ.get("TOOLS", os.path.join(ROOT, "build", "release", "tests")), "inject.so")
failures = []


def scratch(prefix, need_mb):
    """A temporary folder (tempfile.TemporaryDirectory) in memory, on
    /dev/shm, when it has need_mb MB free, else in the usual place: for the
    tests that make and remove a big city (tens of thousands of files), whose
    inodes, journal and writeback on the CI machine's ext4 cost more than the
    test itself (L: made in 4.1 s instead of 2.2, removed in 5.5 s instead of
    0.2). Not for what tests a file system's behaviour."""
    try:
        st = os.statvfs("/dev/shm")
        roomy = st.f_bavail * st.f_frsize >= need_mb << 20 and os.access("/dev/shm", os.W_OK)
    except OSError:
        roomy = False
    return tempfile.TemporaryDirectory(prefix=prefix, dir="/dev/shm" if roomy else None)


def sanitized():
    """Whether kaikaku is the ASan build (where LD_PRELOAD shims and valgrind cannot go)."""
    return "libasan" in subprocess.run(["ldd", KAIKAKU], capture_output=True, text=True).stdout


def leftovers(out):
    """The temporary folders a run left in the output folder out."""
    return [d for d in os.listdir(out) if d.startswith(".kaikaku-tmp")] if os.path.isdir(out) else []


def check(cond, msg):
    if not cond:
        failures.append(msg)


def run(*args, cwd=None, env=None, timeout=300, preexec_fn=None):
    """Runs kaikaku in the C.UTF-8 locale; returns (exit status, stderr)."""
    e = dict(os.environ, LC_ALL="C.UTF-8")
    e.update(env or {})
    p = subprocess.run([KAIKAKU, *args], cwd=cwd, capture_output=True, env=e, timeout=timeout,
                       preexec_fn=preexec_fn)
    err = p.stderr.decode("utf-8", "replace")
    check("Sanitizer" not in err and "runtime error" not in err, f"sanitizer report: {err[-2000:]}")
    return p.returncode, err


HISTORY = ("history.sqlite", "history.sqlite-journal")


def tree(path):
    """Every file under path (hidden ones too) with its SHA-256, but the history
    (tests/history.py checks it by its contents, which a killed run may leave
    in other bytes)."""
    out = {}
    for d, _, files in os.walk(path):
        for f in files:
            if f in HISTORY and d == path:
                continue
            p = os.path.join(d, f)
            out[os.path.relpath(p, path)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return out


def finish(name, note=""):
    """Prints the failures and the verdict; the exit status for sys.exit."""
    for f in failures:
        print("FAIL " + f)
    print(f"{name}: {'ok' if not failures else str(len(failures)) + ' failures'}{note}")
    return 1 if failures else 0


def history_agrees(out, period="2026Q3"):
    """The history's latest run for period is the published folder's, and the
    database is whole."""
    db = os.path.join(out, "history.sqlite")
    if not os.path.exists(db):
        return False
    c = sqlite3.connect(db)
    try:
        ok = c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        row = c.execute("SELECT manifest_sha256 FROM latest_runs WHERE period = ?", (period,)).fetchone()
    finally:
        c.close()
    man = hashlib.sha256(open(os.path.join(out, period, "manifest.json"), "rb").read()).hexdigest()
    return ok and row is not None and row[0] == man
