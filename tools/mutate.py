#!/usr/bin/python3
"""Mutation check of the contract's rules (`make mutate`; never part of `make test`).

Each mutation below breaks one rule of contract §3 or one safety step of §5
by replacing an exact piece of the source. For each in turn, the current tree
(tracked and untracked files, not the ignored ones) is copied once to a
scratch folder, the mutation applied there (the real sources are never
edited), kaikaku, the unit tests, the test tools and the failure shim rebuilt
(`make -j2`, incremental), and the tests the mutation bears on run in order
until one fails:

    KILLED    some test failed (the one that did is named)
    SURVIVED  every test passed: the suite cannot see that rule broken
    STALE     the original text is not found exactly once (the table must
              follow the code)
    BROKEN    the mutated tree does not build (the mutation must be fixed)

Exit status 0 when every mutation is killed, 1 otherwise.

    tools/mutate.py                 every mutation, each with its tests
    tools/mutate.py NAME...         only these
    tools/mutate.py --list          the table (name, tests, rule), stale ones marked
    tools/mutate.py --full          `make check`'s suite for every mutation (slow)
    tools/mutate.py --no-baseline   skip the run of the tests on the unmutated tree
    tools/mutate.py --keep          leave the scratch folder (its path is printed)

The list and the test that kills each mutation: docs/RULES.md, "Mutation check".
"""

import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = "/usr/bin/python3"
TIMEOUT = 900

# The tests a mutation may need, cheapest first within each set.
MODEL = ["unit", "golden", "e2e"]
HISTORY = ["golden", "history", "e2e"]
PUBLISH = ["durability", "operations", "faults", "crash", "history"]
EXIT = ["e2e", "golden", "operations", "faults"]
FULL = ["unit", "e2e", "golden", "history", "readers", "scenarios", "roundtrip", "pdf", "operations",
        "faults", "limits", "memcheck", "crash", "durability", "parallel", "docs", "corpus_beside"]


def M(name, path, old, new, rule, tests):
    return {"name": name, "file": path, "old": old, "new": new, "rule": rule, "tests": tests}


COMPUTE = "src/model/compute.c"
MODELC = "src/model/model.c"
STATUS = "src/base/status.c"
MAIN = "src/main.c"
PUB = "src/publish/publish.c"
HIST = "src/history/history.c"

MUTATIONS = [
    # ---- contract §3: KPI status
    M("kpi-achieved", COMPUTE,
      "if (progress >= 1 - COMPUTE_EPS)\n\t\treturn ST_ACHIEVED;",
      "if (progress > 1 + COMPUTE_EPS)\n\t\treturn ST_ACHIEVED;",
      "§3 KPI: 達成 if progress ≥ 1 (mutant: only above 1)", MODEL),
    M("kpi-on-track-factor", COMPUTE,
      "if (progress >= on_track * expected - COMPUTE_EPS)",
      "if (progress >= at_risk * expected - COMPUTE_EPS)",
      "§3 KPI: 順調 from 0.9 × expected (mutant: from 0.7 ×)", MODEL),
    M("kpi-at-risk-factor", COMPUTE,
      "if (progress >= at_risk * expected - COMPUTE_EPS)",
      "if (progress >= 0.5 * expected - COMPUTE_EPS)",
      "§3 KPI: 注意 from 0.7 × expected (mutant: from 0.5 ×)", MODEL),
    M("kpi-factor-defaults", "src/base/settings.c",
      "s->on_track_factor = 0.9;\n\ts->at_risk_factor = 0.7;",
      "s->on_track_factor = 0.8;\n\ts->at_risk_factor = 0.6;",
      "§3 KPI: the factors' defaults 0.9 and 0.7 (mutant: 0.8 and 0.6)", MODEL),
    M("expected-no-upper-clamp", COMPUTE,
      "return e < 0 ? 0 : e > 1 ? 1 : e;",
      "return e < 0 ? 0 : e;",
      "§3 KPI: expected clamped to at most 1 (mutant: past the target period it grows)", MODEL),
    M("expected-no-lower-clamp", COMPUTE,
      "return e < 0 ? 0 : e > 1 ? 1 : e;",
      "return e > 1 ? 1 : e;",
      "§3 KPI: expected clamped to at least 0 (mutant: negative before the baseline period)", MODEL),
    M("kpi-actual-not-for-p", MODELC,
      "return i >= 0 && m->actuals[i].period == period ? &m->actuals[i] : NULL;",
      "return i >= 0 ? &m->actuals[i] : NULL;",
      "§3 KPI: no actual for P is 未報告 (mutant: an earlier actual counts for P)", MODEL),
    M("kpi-unreported-status", COMPUTE,
      "\t\t} else {\n\t\t\tkr->status = ST_NOT_REPORTED;",
      "\t\t} else {\n\t\t\tkr->status = ST_NOT_STARTED;",
      "§3 KPI: no actual for P is 未報告 (mutant: 未着手)", MODEL),
    # ---- milestones
    M("milestone-overdue-boundary", COMPUTE,
      "if (due < period)\n\t\treturn ST_DELAYED;",
      "if (due <= period)\n\t\treturn ST_DELAYED;",
      "§3 milestone: 遅延 when due before P (mutant: also when due at P)", MODEL),
    M("milestone-never-overdue", COMPUTE,
      "if (due < period)\n\t\treturn ST_DELAYED;",
      "if (due < period && 0)\n\t\treturn ST_DELAYED;",
      "§3 milestone: 遅延 when due before P (mutant: never overdue)", MODEL),
    M("milestone-done-not-kept", COMPUTE,
      "if (s == ST_DONE || s == ST_CANCELLED)\n\t\treturn s;",
      "if (s == ST_CANCELLED)\n\t\treturn s;",
      "§3 milestone: 完了 stays (mutant: a 完了 milestone past its due is 遅延)", MODEL),
    M("milestone-cancelled-not-kept", COMPUTE,
      "if (s == ST_DONE || s == ST_CANCELLED)\n\t\treturn s;",
      "if (s == ST_DONE)\n\t\treturn s;",
      "§3 milestone: 中止 stays (mutant: a 中止 milestone past its due is 遅延)", MODEL),
    M("milestone-report-after-p", MODELC,
      "LAST_AT_OR_BEFORE(m->reports, mi->first_report, mi->nreports, period, i);",
      "LAST_AT_OR_BEFORE(m->reports, mi->first_report, mi->nreports, period + 1, i);",
      "§3 rows after P are not used (mutant: a milestone report of P+1 counts)", MODEL),
    # ---- measures
    M("measure-best-of", COMPUTE,
      "if (worst == ST__COUNT || status_rank(kpis[i]) > status_rank(worst))",
      "if (worst == ST__COUNT || status_rank(kpis[i]) < status_rank(worst))",
      "§3 measure: the worst of its KPIs (mutant: the best)", MODEL),
    M("measure-order-at-risk", STATUS,
      "[ST_AT_RISK] = {\"注意\", \"at_risk\", 7, false},",
      "[ST_AT_RISK] = {\"注意\", \"at_risk\", 5, false},",
      "§3 measure order: 注意 > 未報告 > 未着手 (mutant: 注意 ranked with 未着手)", MODEL),
    M("measure-order-not-reported", STATUS,
      "[ST_NOT_REPORTED] = {\"未報告\", \"not_reported\", 6, false},",
      "[ST_NOT_REPORTED] = {\"未報告\", \"not_reported\", 3, false},",
      "§3 measure order: 未報告 > 未着手 > 進行中 (mutant: 未報告 below 進行中)", MODEL),
    M("measure-order-done", STATUS,
      "[ST_DONE] = {\"完了\", \"done\", 0, true},",
      "[ST_DONE] = {\"完了\", \"done\", 3, true},",
      "§3 measure order: 完了 the best (mutant: 完了 worse than 順調)", MODEL),
    M("measure-cancelled-counted", COMPUTE,
      "\t\tif (milestones[i] == ST_CANCELLED)\n\t\t\tcontinue;\n\t\topen++;\n"
      "\t\tif (worst == ST__COUNT || status_rank(milestones[i]) > status_rank(worst))\n"
      "\t\t\tworst = milestones[i];",
      "\t\tenum status s_ = milestones[i] == ST_CANCELLED ? ST_NOT_STARTED : milestones[i];\n"
      "\t\topen++;\n"
      "\t\tif (worst == ST__COUNT || status_rank(s_) > status_rank(worst))\n"
      "\t\t\tworst = s_;",
      "§3 measure: 中止 milestones are left out (mutant: counted as 未着手)", MODEL),
    M("measure-all-cancelled", COMPUTE,
      "return nkpis == 0 && nmilestones > 0 && open == 0 ? ST_CANCELLED : ST_NOT_REPORTED;",
      "return ST_NOT_REPORTED;",
      "§3 measure: no KPIs and only 中止 milestones is 中止 (mutant: 未報告)", MODEL),
    M("measure-empty", COMPUTE,
      "return nkpis == 0 && nmilestones > 0 && open == 0 ? ST_CANCELLED : ST_NOT_REPORTED;",
      "return nkpis == 0 && nmilestones > 0 && open == 0 ? ST_CANCELLED : ST_NOT_STARTED;",
      "§3 measure: nothing accepted is 未報告 (mutant: 未着手)", MODEL),
    # ---- 未提出
    M("missing-no-kpi-owners", COMPUTE,
      "for (size_t k = 0; k < m->nkpis; k++)\n\t\towes[m->measures[m->kpis[k].measure].lead] = true;",
      "for (size_t k = 0; k < m->nkpis && 0; k++)\n\t\towes[m->measures[m->kpis[k].measure].lead] = true;",
      "§3 未提出: a division owning a KPI (mutant: KPI owners left out)", MODEL),
    M("missing-no-milestone-owners", COMPUTE,
      "if (s != ST_DONE && s != ST_CANCELLED)\n\t\t\towes[",
      "if (s != ST_DONE && s != ST_CANCELLED && 0)\n\t\t\towes[",
      "§3 未提出: a division owning an open milestone (mutant: milestone owners left out)", MODEL),
    M("missing-closed-milestones", COMPUTE,
      "if (s != ST_DONE && s != ST_CANCELLED)\n\t\t\towes[",
      "if (1)\n\t\t\towes[",
      "§3 未提出: only open milestones (mutant: 完了/中止 milestones owe a report too)", MODEL),
    M("missing-wrong-period", COMPUTE,
      "if (owes[d] && !model_submitted(m, d, r->period))",
      "if (owes[d] && !model_submitted(m, d, r->period - 1))",
      "§3 未提出: no accepted row for P (mutant: for P−1)", MODEL),
    # ---- KGI
    M("kgi-without-baseline", COMPUTE,
      "if (dv->has_baseline) {\n\t\t\t\tdepts[dv->dept].hours_saved += w->hours;",
      "if (1) {\n\t\t\t\tdepts[dv->dept].hours_saved += w->hours;",
      "§3 KGI: hours of divisions with a baseline only (mutant: every division's hours)", MODEL),
    M("kgi-earliest-row", COMPUTE,
      "if (m->workloads[j].period <= q)\n\t\t\t\tpick = (long)j;",
      "if (m->workloads[j].period <= q && pick < 0)\n\t\t\t\tpick = (long)j;",
      "§3 KGI: the latest row per (課, 取組) (mutant: the earliest)", MODEL),
    M("kgi-row-after-p", COMPUTE,
      "if (m->workloads[j].period <= q)\n\t\t\t\tpick = (long)j;",
      "if (m->workloads[j].period <= q + 1)\n\t\t\t\tpick = (long)j;",
      "§3 rows after P are not used (mutant: a workload row of P+1 counts)", MODEL),
    # ---- the default period
    M("default-period-any", COMPUTE,
      "if (4 * dq >= d)\n\t\t\tfound = v[i].period;",
      "if (dq >= 1)\n\t\t\tfound = v[i].period;",
      "§3 P: the latest Q with 4 × D(Q) ≥ D (mutant: the latest Q with any row)", MODEL),
    M("default-period-strict", COMPUTE,
      "if (4 * dq >= d)\n\t\t\tfound = v[i].period;",
      "if (4 * dq > d)\n\t\t\tfound = v[i].period;",
      "§3 P: 4 × D(Q) ≥ D (mutant: > D)", MODEL),
    M("after-period-no-warning", MAIN,
      "\tparsed_warn_after_period(&p, period, &d);\n",
      "\n",
      "§3 rows after P: W_AFTER_PERIOD at each (mutant: no warning)", MODEL),
    # ---- P−1
    M("previous-is-p", MAIN,
      "\tcp.period = period - 1;\n\tcompute(&m, &cp, &prev);",
      "\tcp.period = period;\n\tcompute(&m, &cp, &prev);",
      "§3 前期状況: the status at P−1 (mutant: the status at P)", MODEL),
    # ---- restatements
    M("restated-first-run", HIST,
      "\"SELECT run_id, period FROM latest_runs ORDER BY period\"",
      "\"SELECT min(run_id), period FROM runs GROUP BY period ORDER BY period\"",
      "§3 restatements: against the last run for Q (mutant: the first)", HISTORY),
    M("restated-includes-p", HIST,
      "||\n\t\t    q >= period)\n\t\t\tcontinue;",
      "||\n\t\t    q > period)\n\t\t\tcontinue;",
      "§3 restatements: of periods Q < P only (mutant: P's own last run too)", HISTORY),
    # ---- contract §5: publishing
    M("publish-delete-then-rename", PUB,
      "\tif (exists) {\n\t\t/* one atomic step",
      "\tif (exists && (!fs_remove_tree(pb->target, err) || 1) && 0) {\n\t\t/* one atomic step",
      "§5 temporary folder renamed into place atomically (mutant: the old folder deleted first)", PUBLISH),
    M("publish-no-fsync-tree", PUB,
      "\tsynced = fs_fsync_tree(pb->tmp, pb->syncfd, err);\n",
      "\tsynced = true;\n",
      "§5 every file and folder fsynced before the rename (mutant: none)", PUBLISH),
    M("fs-syncfs-skipped", "src/base/fs.c",
      "\tif (one && syncfs(fd) != 0) {",
      "\tif (one && 0) {",
      "§5 every file and folder on the disk before the rename, by one syncfs (mutant: none, the fsyncs "
      "skipped all the same)", PUBLISH),
    M("fs-syncfs-each-file", "src/base/fs.c",
      "\treturn ok && (one || fsync_each(path, err));",
      "\treturn ok && (one || true);",
      "§5 each file and folder fsynced where syncfs is not enough (mutant: none)", PUBLISH),
    M("publish-no-fsync-outdir", PUB,
      "\tif (!fs_fsync_dir(pb->outdir, err))\n\t\treturn false;\n\t/* the previous",
      "\t/* the previous",
      "§5 the output folder fsynced after the rename (mutant: not)", PUBLISH),
    M("fallback-no-restore", PUB,
      "\t\tif (rename(sb_str(&old), pb->target) != 0)\n\t\t\tkk_fatal(",
      "\t\tif (0)\n\t\t\tkk_fatal(",
      "§5 without RENAME_EXCHANGE, a failed second rename puts the old folder back (mutant: it does not)",
      PUBLISH),
    M("orphans-deleted", PUB,
      "if (lstat(to, &st) != 0 && errno == ENOENT) {",
      "if (0) {",
      "§5 a run killed between the two renames: the next run restores output/<P> (mutant: deletes it)",
      PUBLISH),
    M("publish-no-lock", PUB,
      "if (flock(pb->lockfd, LOCK_EX | LOCK_NB) == 0)",
      "if (1)",
      "§5 the lock on the output folder (mutant: never taken)", ["parallel", "operations", "crash"]),
    M("exit-never-1", MAIN,
      "status = in.exit_status = bearing ? EXIT_REJECTED : 0;",
      "status = in.exit_status = 0;",
      "§5 exit 1 when input bearing on P was rejected (mutant: always 0)", EXIT),
    M("exit-always-1", MAIN,
      "status = in.exit_status = bearing ? EXIT_REJECTED : 0;",
      "status = in.exit_status = EXIT_REJECTED;",
      "§5 exit 0 when nothing was rejected (mutant: always 1)", EXIT),
    M("exit-old-rows-count", MAIN,
      "bearing = attribution_errors_bearing_on(&a, &d, period);",
      "bearing = diags_count(&d, SEV_ERROR);",
      "§5 rejected rows of quarters before P−1 do not set exit 1 (mutant: every error does)", EXIT),
    M("fail-exit-1", MAIN,
      "\tif (!write_ok) {\n\t\tdiags_print(&d, false);\n\t\tstatus = fail(sb_str(&err));",
      "\tif (!write_ok) {\n\t\tdiags_print(&d, false);\n\t\tstatus = (fail(sb_str(&err)), EXIT_REJECTED);",
      "§5 exit 2 when the outputs cannot be written (mutant: 1)", PUBLISH),
    M("fail-publishes-partial", MAIN,
      "\tfree(root_dir);\n\tif (!ok)\n\t\treturn false;",
      "\tfree(root_dir);\n\tif (!ok)\n\t\treturn publish_commit(pb, err) && false;",
      "§5 a failed run leaves the outputs untouched (mutant: what was written is published)",
      ["faults", "crash", "operations"]),
    # ---- history (contract §6, as §5's publication)
    M("history-after-rename", MAIN,
      "\tok = history_open(o->output, true, o->wait, &h, err) && history_record(h, run, err);\n"
      "\ttiming_lap(\"history\");\n\tprogress_stage(present_stage_words(\"publish\"), 0);\n"
      "\tif (!ok) {\n\t\thistory_close(h);\n\t\treturn false;\n\t}\n"
      "\tok = publish_commit(pb, err);",
      "\t{\n\t\tchar *published = xstrdup(pb->target);\n\n\t\tok = publish_commit(pb, err);\n"
      "\t\trun->published_dir = published;\n"
      "\t\tok = ok && history_open(o->output, true, o->wait, &h, err) && history_record(h, run, err);\n"
      "\t}",
      "§5/§6 the history committed before the folder's rename (mutant: after)",
      ["history", "durability", "crash", "faults"]),
    M("history-no-repair", HIST,
      "\tif (!repair(h, outdir, err))\n\t\tgoto fail;\n",
      "",
      "§5/§6 the repair of a run killed between its record and the rename (mutant: none)",
      ["history", "crash", "faults"]),
]


def log(msg):
    print(msg, flush=True)


def copy_tree(dst):
    """The tree as it is now: tracked and untracked files, not the ignored ones."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                         cwd=ROOT, capture_output=True, check=True).stdout
    for rel in out.decode("utf-8", "surrogateescape").split("\0"):
        if not rel:
            continue
        src = os.path.join(ROOT, rel)
        if not os.path.lexists(src):
            continue  # deleted in the work tree
        target = os.path.join(dst, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(src, target, follow_symlinks=False)


def targets(tree):
    units = sorted(glob.glob(os.path.join(tree, "tests/unit/test_*.c")))
    tools = sorted(glob.glob(os.path.join(tree, "tests/tools/*.c")))
    return (["kaikaku", "build/release/tests/inject.so"]
            + ["build/release/tests/" + os.path.basename(u)[:-2] for u in units]
            + ["build/release/tests/" + os.path.basename(t)[:-2] for t in tools])


def build(tree):
    # WERROR= : a mutant may leave a parameter unused; it must still build
    p = subprocess.run(["make", "-s", "-j2", "BUILD=build/release", "BIN=kaikaku", "WERROR="]
                       + targets(tree),
                       cwd=tree, capture_output=True, timeout=TIMEOUT)
    return p.returncode == 0, (p.stdout + p.stderr).decode("utf-8", "replace")


def env_for(tree):
    return dict(os.environ, KAIKAKU=os.path.join(tree, "kaikaku"),
                TOOLS=os.path.join(tree, "build/release/tests"), PYTHON=PYTHON, LC_ALL="C.UTF-8")


def run_test(tree, test):
    """(passed, the test's name (a unit test's binary), the tail of its output)."""
    env = env_for(tree)
    try:
        if test == "unit":
            for b in sorted(glob.glob(os.path.join(tree, "build/release/tests/test_*"))):
                if b.endswith(".d"):
                    continue
                p = subprocess.run([b], cwd=tree, capture_output=True, env=env, timeout=TIMEOUT)
                if p.returncode != 0:
                    return False, "unit/" + os.path.basename(b), \
                        (p.stdout + p.stderr).decode("utf-8", "replace")[-400:]
            return True, test, ""
        p = subprocess.run([PYTHON, os.path.join("tests", test + ".py")], cwd=tree,
                           capture_output=True, env=env, timeout=TIMEOUT)
        return p.returncode == 0, test, (p.stdout + p.stderr).decode("utf-8", "replace")[-400:]
    except subprocess.TimeoutExpired:
        return False, test, f"timed out after {TIMEOUT} s"


def replace_file(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    # make must see the change even within one timestamp tick
    t = time.time() + 1
    os.utime(path, (t, t))


def stale(mu, tree=ROOT):
    with open(os.path.join(tree, mu["file"]), encoding="utf-8") as f:
        return f.read().count(mu["old"]) != 1


def main():
    args = sys.argv[1:]
    opts = {a for a in args if a.startswith("--")}
    names = [a for a in args if not a.startswith("--")]
    unknown = opts - {"--list", "--full", "--no-baseline", "--keep", "--help"}
    if unknown or "--help" in opts:
        print(__doc__)
        return 2 if unknown else 0
    table = {mu["name"]: mu for mu in MUTATIONS}
    bad = [n for n in names if n not in table]
    if bad:
        print("unknown mutation: " + ", ".join(bad) + " (tools/mutate.py --list)", file=sys.stderr)
        return 2
    chosen = [table[n] for n in names] if names else MUTATIONS
    if "--list" in opts:
        for mu in chosen:
            mark = "  STALE" if stale(mu) else ""
            print(f"{mu['name']:30} {mu['file']:24} [{' '.join(mu['tests'])}]{mark}\n    {mu['rule']}")
        return 0
    full = "--full" in opts
    scratch = tempfile.mkdtemp(prefix="kk-mutate-")
    # (tests/operations.py runs kaikaku as another user too: the tree must be reachable)
    os.chmod(scratch, 0o755)
    tree = os.path.join(scratch, "tree")
    results = []
    try:
        copy_tree(tree)
        log(f"mutate: building the unmutated tree in {tree}")
        ok, out = build(tree)
        if not ok:
            log("mutate: the unmutated tree does not build:\n" + out[-2000:])
            return 2
        if "--no-baseline" not in opts:
            needed = FULL if full else sorted({t for mu in chosen for t in mu["tests"]},
                                              key=FULL.index)
            for t in needed:
                passed, _, out = run_test(tree, t)
                if not passed:
                    log(f"mutate: {t} fails on the unmutated tree; fix that first:\n{out}")
                    return 2
            log("mutate: the unmutated tree passes " + ", ".join(needed))
        for mu in chosen:
            path = os.path.join(tree, mu["file"])
            with open(path, encoding="utf-8") as f:
                original = f.read()
            n = original.count(mu["old"])
            if n != 1:
                results.append((mu, "STALE", f"original text found {n} times in {mu['file']}"))
                log(f"STALE     {mu['name']}: original text found {n} times in {mu['file']}")
                continue
            t0 = time.time()
            replace_file(path, original.replace(mu["old"], mu["new"]))
            try:
                ok, out = build(tree)
                if not ok:
                    results.append((mu, "BROKEN", out[-1500:]))
                    log(f"BROKEN    {mu['name']}: does not build\n{out[-1500:]}")
                    continue
                verdict, by = "SURVIVED", ""
                for t in (FULL if full else mu["tests"]):
                    passed, by, out = run_test(tree, t)
                    if not passed:
                        verdict = "KILLED"
                        break
                    by = ""
                results.append((mu, verdict, by))
                log(f"{verdict:9} {mu['name']}" + (f" by {by}" if by else "")
                    + f" ({time.time() - t0:.0f} s)")
            finally:
                replace_file(path, original)
        log("")
        log("mutate: %d killed, %d survived, %d stale, %d broken" % tuple(
            sum(1 for r in results if r[1] == v) for v in ("KILLED", "SURVIVED", "STALE", "BROKEN")))
        for mu, verdict, by in results:
            if verdict != "KILLED":
                log(f"  {verdict}: {mu['name']}: {mu['rule']}")
        return 0 if all(r[1] == "KILLED" for r in results) else 1
    finally:
        if "--keep" in opts:
            log(f"mutate: scratch tree kept in {tree}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def on_signal(signum, frame):
    raise SystemExit(128 + signum)  # through main's finally: the scratch folder is removed


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_signal)
    sys.exit(main())
