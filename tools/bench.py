#!/usr/bin/python3
"""The benchmark behind `make bench`: kaikaku on the synthetic cities S, M and
L (tools/make_city.py, made once into build/bench/ and remade when the
generator changes), several runs each, reporting medians.

    bench.py [--kaikaku PATH] [--baseline PATH] [--dir DIR] [--sizes S,M,L]
             [--runs S=7,M=5,L=3] [--jobs N] [--floors PATH] [--json FILE]

For each size: the wall time and the peak RSS of the whole run and of each
stage (setup, read, compute, opendata, write, files, manifest, history,
publish: kaikaku's own KAIKAKU_TIMING lines), as medians over the runs, with
the slowest job of the write stage and the seconds its workers spent on each
kind of job (xlsx work, pdf work, public work: the "kaikaku: work:" lines),
and the ratio L / M. (A baseline of an earlier build prints xlsx, pdf and
public as stages of their own: those rows are shown for it as they are.) With
--baseline, another build (say, the session's start) runs beside it, run for
run in turn, and each median is also given as a ratio to the baseline's.
Then each stage's floor on the same data (tools/floors: reading, deflating
the same workbook and PDF bytes, inserting the same history rows, writing and
fsync'ing the same files, in one process) and the stage's ratio to it: for
the xlsx and pdf work, the workers' seconds to the floor's (for an earlier
build's xlsx and pdf stages, their wall time to the floor divided among the
workers). The peak RSS of a stage is the largest of the
main process's high-water mark in that stage and of the worker processes
that ended in it; the whole run's is the largest of those. Every run writes
into an empty output folder (removed before the clock starts). The machine
is shared and noisy: read the medians and the ratios, not one run; one
run of each size first warms the page cache and is not counted.

Targets (issue 17, on a 2-core machine at a quiet hour): S <= 0.12 s,
M <= 1.2 s, L <= 12 s, peak RSS <= 400 MB at L, and L <= 10.5 x M. They are printed with each figure; the exit
status is 0 either way (a benchmark is not a test), unless a run failed.
"""
import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAGES = ["setup", "read", "compute", "xlsx", "pdf", "opendata", "write", "xlsx work", "pdf work",
          "public work", "files", "public", "manifest", "history", "publish"]
TARGETS = {"S": 0.12, "M": 1.2, "L": 12.0}
RSS_TARGET_MB = 400
RATIO_TARGET = 10.5
# the rows with a floor (tools/floors): the floor's name, and whether the row
# is wall time of a stage the workers shared (an earlier build's xlsx, pdf)
FLOORED = {"read": ("read", False), "xlsx": ("xlsx", True), "pdf": ("pdf", True),
           "xlsx work": ("xlsx", False), "pdf work": ("pdf", False), "history": ("history", False),
           "publish": ("publish", False)}


def generator_hash():
    h = hashlib.sha256()
    for p in ("tools/make_city.py", "tests/lib/xlsxcraft.py"):
        h.update(open(os.path.join(ROOT, p), "rb").read())
    return h.hexdigest()[:16]


def city(base, size):
    """build/bench/<size>, made (again) when missing or the generator changed."""
    d = os.path.join(base, size)
    stamp = os.path.join(base, f"{size}.stamp")
    want = generator_hash()
    if os.path.isdir(d) and os.path.exists(stamp) and open(stamp).read().strip() == want:
        return d
    shutil.rmtree(d, ignore_errors=True)
    print(f"bench: making city {size} in {d} ...", flush=True)
    t = time.monotonic()
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "make_city.py"), d, size], check=True,
                   stdout=subprocess.DEVNULL)
    open(stamp, "w").write(want + "\n")
    print(f"bench: city {size} made in {time.monotonic() - t:.1f} s", flush=True)
    return d


def one_run(kaikaku, inp, out, jobs):
    shutil.rmtree(out, ignore_errors=True)
    args = [kaikaku, "run", "--input", inp, "--output", out, "--quiet"]
    if jobs:
        args += ["--jobs", str(jobs)]
    env = dict(os.environ, KAIKAKU_TIMING="1", LC_ALL="C.UTF-8")
    t = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"bench: kaikaku exited {code}:\n{err.decode('utf-8', 'replace')[-2000:]}")
    stages = {}
    for line in err.decode("utf-8", "replace").splitlines():
        if line.startswith("kaikaku: work: "):
            # kaikaku: work: KIND SECONDS s in N jobs  (longest job J: SECONDS s)
            f = line.split()
            stages[f[2] + " work"] = {"s": float(f[3]), "mb": None, "longest": float(f[-2])}
            continue
        if not line.startswith("kaikaku: timing: "):
            continue
        f = line.split()
        # kaikaku: timing: NAME SECONDS s MB MB [(longest job N: SECONDS s)]
        stages[f[2]] = {"s": float(f[3]), "mb": float(f[5]),
                        "longest": float(f[-2]) if "longest" in line else None}
    peak = max([ru.ru_maxrss / 1024] + [v["mb"] for v in stages.values() if v["mb"] is not None])
    return {"wall": wall, "peak_mb": peak, "stages": stages}


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def machine():
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"cpus": len(os.sched_getaffinity(0)), "cpu": cpu, "memory": mem,
            "kernel": platform.release(), "date": time.strftime("%Y-%m-%d")}


def browser_load(out, n=6):
    """The public pages of the last run at out: how many, and the load time
    in headless Chromium (tests/browser/check.js with KK_LOAD_ONLY=1) of the
    index and the n largest; None when Chromium or the node modules are missing."""
    node_dir = os.path.join(ROOT, "tests", "browser")
    pubs = [os.path.join(out, d, "public") for d in sorted(os.listdir(out)) if os.path.isdir(os.path.join(out, d, "public"))]
    if not pubs or not shutil.which("node") or not os.path.isdir(os.path.join(node_dir, "node_modules")):
        return None
    pub = pubs[-1]
    files = [os.path.join(pub, f) for f in os.listdir(pub) if f.endswith(".html")]
    largest = sorted(files, key=os.path.getsize, reverse=True)[:n]
    pick = list(dict.fromkeys([os.path.join(pub, "index.html")] + largest))
    shots = os.path.join(out, ".browser")
    env = dict(os.environ, KK_LOAD_ONLY="1", KK_BROWSER_JOBS="1")
    subprocess.run(["node", os.path.join(node_dir, "check.js"), shots, *pick], capture_output=True,
                   env=env, timeout=600)
    try:
        rep = json.load(open(os.path.join(shots, "report.json"), encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {"pages": len(files), "largest_kb": os.path.getsize(largest[0]) / 1024,
            "load_ms": [p["load_ms"] for p in rep["pages"]]}


def summarise(rs):
    r = {"runs": len(rs), "wall": med([x["wall"] for x in rs]),
         "wall_min": min(x["wall"] for x in rs), "wall_max": max(x["wall"] for x in rs),
         "peak_mb": med([x["peak_mb"] for x in rs]), "stages": {}}
    for st in STAGES:
        r["stages"][st] = {k: med([x["stages"].get(st, {}).get(k) for x in rs])
                           for k in ("s", "mb", "longest")}
    return r


def floors(tool, inp, out):
    """tools/floors on the input and the last run's output: seconds per stage, or None."""
    if not tool or not os.access(tool, os.X_OK):
        return None
    j = os.path.join(os.path.dirname(out), "floors.json")
    p = subprocess.run([tool, inp, out, "--json", j], capture_output=True, text=True)
    if p.returncode != 0:
        print(f"bench: floors failed: {p.stderr.strip()}")
        return None
    f = json.load(open(j))
    os.unlink(j)
    f["text"] = p.stdout
    return f


def ratio(a, b):
    return a / b if a is not None and b else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kaikaku", default=os.path.join(ROOT, "kaikaku"))
    ap.add_argument("--baseline", help="another kaikaku build, run beside it for ratios")
    ap.add_argument("--dir", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--sizes", default="S,M,L")
    ap.add_argument("--runs", default="S=7,M=5,L=3")
    ap.add_argument("--jobs", type=int, default=0, help="kaikaku --jobs (default: its own, the CPUs)")
    ap.add_argument("--warmup", type=int, default=1, help="runs first, not counted (default 1)")
    ap.add_argument("--floors", default=os.path.join(ROOT, "build", "release", "tools", "floors"),
                    help="tools/floors, built by make bench ('' for none)")
    ap.add_argument("--json", help="also write the figures here")
    a = ap.parse_args()
    runs = dict((k, int(v)) for k, v in (x.split("=") for x in a.runs.split(",")))
    os.makedirs(a.dir, exist_ok=True)
    m = machine()
    workers = a.jobs or m["cpus"]
    print(f"bench: {m['cpus']} CPUs ({m['cpu']}), {m['memory']}, Linux {m['kernel']}, {m['date']}")
    if a.baseline:
        print(f"bench: baseline {a.baseline}, run in turn with {a.kaikaku}")
    results, base = {}, {}
    for size in a.sizes.split(","):
        inp = city(a.dir, size)
        out = os.path.join(a.dir, f"out-{size}")
        bout = os.path.join(a.dir, f"out-{size}-baseline")
        for _ in range(a.warmup):
            one_run(a.kaikaku, inp, out, a.jobs)
            if a.baseline:
                one_run(a.baseline, inp, bout, a.jobs)
        rs, bs = [], []
        for _ in range(runs.get(size, 3)):
            if a.baseline:
                bs.append(one_run(a.baseline, inp, bout, a.jobs))
            rs.append(one_run(a.kaikaku, inp, out, a.jobs))
        pages = browser_load(out) if size == "L" else None
        fl = floors(a.floors, inp, out)
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(bout, ignore_errors=True)
        r = summarise(rs)
        results[size] = r
        if bs:
            base[size] = summarise(bs)
            r["baseline"] = base[size]
        target = TARGETS.get(size)
        verdict = ""
        if target:
            ok = r["wall"] <= target and (size != "L" or r["peak_mb"] <= RSS_TARGET_MB)
            verdict = f"  target <= {target:g} s" + (f", <= {RSS_TARGET_MB} MB" if size == "L" else "") + \
                f": {'met' if ok else 'NOT MET'}"
        print(f"\n{size}: median of {r['runs']} runs: {r['wall']:.3f} s wall "
              f"(min {r['wall_min']:.3f}, max {r['wall_max']:.3f}), peak RSS {r['peak_mb']:.0f} MB{verdict}")
        if bs:
            b = base[size]
            print(f"  baseline: {b['wall']:.3f} s wall (min {b['wall_min']:.3f}, max {b['wall_max']:.3f}), "
                  f"peak RSS {b['peak_mb']:.0f} MB; this build / baseline: wall {r['wall'] / b['wall']:.2f}, "
                  f"peak {r['peak_mb'] / b['peak_mb']:.2f}")
        print(f"  {'stage':<11} {'wall s':>8} {'peak MB':>8} {'slowest':>8}" + (f" {'/ base':>7}" if bs else "") +
              (f" {'floor s':>8} {'/ floor':>8}" if fl else ""))
        for st in STAGES:
            s = r["stages"][st]
            if s["s"] is None:
                continue
            longest = f"{s['longest']:8.3f}" if s["longest"] is not None else " " * 8
            mb = f"{s['mb']:8.1f}" if s["mb"] is not None else " " * 8
            line = f"  {st:<11} {s['s']:8.3f} {mb} {longest}"
            if bs:
                rb = ratio(s["s"], base[size]["stages"][st]["s"])
                line += f" {rb:7.2f}" if rb else " " * 8
            if fl and st in FLOORED and FLOORED[st][0] in fl:
                name, shared = FLOORED[st]
                share = workers if shared else 1
                floor = fl[name] / share
                s["floor"] = floor
                s["to_floor"] = s["s"] / floor if floor else None
                line += f" {floor:8.3f} {s['to_floor']:8.2f}" + (f"  (floor {fl[name]:.3f} s / {share} workers)"
                                                                 if share > 1 else "")
            print(line)
        if fl:
            r["floors"] = {k: v for k, v in fl.items() if k != "text"}
            print("  floors (tools/floors, one process):")
            for line in fl["text"].splitlines():
                print("    " + line)
        pub = r["stages"]["public"]["s"]
        if pub is None and r["stages"]["public work"]["s"] is not None:
            # the pages' share of the workers' time
            pub = r["stages"]["public work"]["s"] / workers
        if pub is not None:
            r["public_share"] = pub / r["wall"]
            print(f"  public pages: {100 * pub / r['wall']:.1f}% of the run"
                  f" (target < 10%: {'met' if pub / r['wall'] < 0.1 else 'NOT MET'})")
        if pages:
            r["browser"] = pages
            print(f"  public pages in Chromium: {pages['pages']} pages, the largest {pages['largest_kb']:.0f} KB;"
                  f" the slowest of the {len(pages['load_ms'])} largest loads in {max(pages['load_ms'])} ms"
                  f" (target < 1000 ms: {'met' if max(pages['load_ms']) < 1000 else 'NOT MET'})")
    if "L" in results and "M" in results:
        lm = results["L"]["wall"] / results["M"]["wall"]
        results["L/M"] = lm
        print(f"\nL / M = {lm:.1f}  (target <= {RATIO_TARGET:g}: {'met' if lm <= RATIO_TARGET else 'NOT MET'})")
        if "L" in base and "M" in base:
            print(f"baseline L / M = {base['L']['wall'] / base['M']['wall']:.1f}")
    if a.json:
        json.dump({"machine": m, "results": results}, open(a.json, "w"), indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
