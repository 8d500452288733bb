#!/usr/bin/python3
"""The history (output/history.sqlite, contract §6, src/history/): reruns,
versions, broken files, the repair of a run killed between its record and the
folder's rename, validate, and the documented views. The restatements
themselves: tests/cases/restated."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ROOT, check, finish, run, tree  # noqa: E402

SAMPLE = os.path.join(ROOT, "input")


def runs(db):
    c = sqlite3.connect(db)
    try:
        return c.execute("SELECT period, exit_status FROM runs ORDER BY run_id").fetchall()
    finally:
        c.close()


def last_run_of_q(tmp):
    """Restatements compare with the last run whose period was Q (contract §3), not
    an earlier one: 2026Q2 published, its input corrected (tests/cases/restated's
    between.py) and 2026Q2 published again, then 2026Q3 finds nothing restated;
    against the first run of 2026Q2 it would find three (tools/mutate.py
    restated-first-run)."""
    case = os.path.join(ROOT, "tests", "cases", "restated")
    inp = os.path.join(tmp, "lastq-input")
    out = os.path.join(tmp, "lastq-out")
    shutil.copytree(os.path.join(case, "input"), inp)
    st, err = run("run", "--input", inp, "--output", out, "--period", "2026Q2", "--quiet")
    check(st in (0, 1), f"last run of Q: first 2026Q2: {st} {err[-300:]}")
    subprocess.run([sys.executable, os.path.join(case, "between.py"), inp], check=True)
    st, err = run("run", "--input", inp, "--output", out, "--period", "2026Q2", "--quiet")
    check(st in (0, 1), f"last run of Q: second 2026Q2: {st} {err[-300:]}")
    st, err = run("run", "--input", inp, "--output", out, "--period", "2026Q3", "--quiet")
    check(st in (0, 1), f"last run of Q: 2026Q3: {st} {err[-300:]}")
    with open(os.path.join(out, "2026Q3", "manifest.json"), encoding="utf-8") as f:
        n = json.load(f)["restatements"]
    check(n == 0 and "W_RESTATED" not in err, f"last run of Q: {n} restatements against the corrected 2026Q2: {err[-500:]}")


def main():
    tmp = tempfile.mkdtemp(prefix="kk-history-")
    try:
        out = os.path.join(tmp, "out")
        db = os.path.join(out, "history.sqlite")
        st, err = run("run", "--input", SAMPLE, "--output", out, "--period", "2026Q2", "--quiet")
        check(st == 1, f"first run: {st} {err[-300:]}")
        st, err = run("run", "--input", SAMPLE, "--output", out, "--quiet")
        check(st == 1, f"second run: {st} {err[-300:]}")
        first = tree(out)
        # a rerun with the same input: the same published bytes, no new restatement
        st, err = run("run", "--input", SAMPLE, "--output", out, "--quiet")
        check(tree(out) == first, "a rerun changed the published outputs")
        check(runs(db) == [("2026Q2", 1), ("2026Q3", 1), ("2026Q3", 1)], f"runs: {runs(db)}")
        c = sqlite3.connect(db)
        check(c.execute("SELECT count(*) FROM restatements").fetchone()[0] == 0, "restatements of an unchanged input")
        check(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity")
        # the documented views answer
        trend = c.execute("SELECT 期間, 業務量削減率 FROM kgi_trend ORDER BY 期間").fetchall()
        check([t[0] for t in trend] == ["2026Q2", "2026Q3"] and all(t[1] > 0 for t in trend), f"kgi_trend {trend}")
        n = c.execute("SELECT count(*) FROM kpi_status WHERE 期間 = '2026Q3'").fetchone()[0]
        check(n == 16, f"kpi_status rows for 2026Q3: {n}")
        grid = c.execute("SELECT count(DISTINCT 課コード) FROM submission_grid").fetchone()[0]
        check(grid == 10, f"submission_grid divisions: {grid}")
        # rows read are kept for the latest run of each period only
        kept = c.execute("SELECT count(DISTINCT run_id) FROM input_rows").fetchone()[0]
        check(kept == 2, f"input rows kept for {kept} runs")
        # the ready queries of the operations guide (contrib/queries/), through the sqlite3 shell
        def query(name):
            p = subprocess.run(["sqlite3", "-separator", "|", db],
                               stdin=open(os.path.join(ROOT, "contrib", "queries", name), "rb"),
                               capture_output=True, text=True)
            check(p.returncode == 0 and not p.stderr, f"{name}: {p.stderr}")
            return [line.split("|") for line in p.stdout.splitlines()]
        got = query("kgi_trend.sql")
        check([r[0] for r in got] == ["2026Q2", "2026Q3"] and float(got[1][3]) == round(trend[1][1] * 100, 1),
              f"kgi_trend.sql {got}")
        got = query("division_submissions.sql")
        check([r[0] for r in got] == ["2025Q4", "2026Q1", "2026Q2", "2026Q3"], f"division_submissions.sql {got}")
        got = query("trace_figure.sql")
        check(len(got) == 4 and all(r[2].startswith("submissions/") and r[2].endswith("010100_総務課_KPI実績.csv")
                                    and r[4] == "2" for r in got), f"trace_figure.sql {got}")
        c.close()
        # delayed_twice.sql on a copy where one KPI was 遅延 in both quarters
        # and another only in the second
        shutil.copy(db, db + ".copy")
        c = sqlite3.connect(db + ".copy")
        first, second = [r[0] for r in c.execute("SELECT DISTINCT KPI_ID FROM kpi_status ORDER BY KPI_ID LIMIT 2")]
        c.execute("UPDATE published_kpi SET status = '順調' WHERE status = '遅延'")
        c.execute("UPDATE published_kpi SET status = '遅延' WHERE kpi_id = ?", (first,))
        c.execute("UPDATE published_kpi SET status = '遅延' WHERE kpi_id = ? AND run_id = "
                  "(SELECT max(run_id) FROM runs)", (second,))
        c.commit()
        c.close()
        db_real, db = db, db + ".copy"
        got = query("delayed_twice.sql")
        db = db_real
        os.unlink(db_real + ".copy")
        check(got == [[first, "2026Q2", "2026Q3"]], f"delayed_twice.sql {got}")
        c = sqlite3.connect(db)
        c.close()

        # validate reads the history and writes nothing
        before = tree(out)
        st, err = run("validate", "--input", SAMPLE, "--output", out, "--quiet")
        check(st == 1 and tree(out) == before and runs(db)[-1] == ("2026Q3", 1), f"validate: {st} {err[-300:]}")

        # a run recorded whose folder was never renamed into place (killed
        # between the two): the next run removes it
        c = sqlite3.connect(db)
        c.execute("INSERT INTO runs (period, exit_status, inputs_sha256, inputs, errors, warnings, manifest_sha256) "
                  "VALUES ('2026Q3', 1, 'x', 0, 0, 0, 'not-the-folder')")
        c.commit()
        c.close()
        st, err = run("run", "--input", SAMPLE, "--output", out, "--quiet")
        check(st == 1, f"after a stale record: {st} {err[-300:]}")
        c = sqlite3.connect(db)
        check(c.execute("SELECT count(*) FROM runs WHERE manifest_sha256 = 'not-the-folder'").fetchone()[0] == 0,
              "the stale record was not removed")
        c.close()

        # a history written by a newer kaikaku: refused, exit 2, outputs untouched
        newer = os.path.join(tmp, "newer")
        shutil.copytree(out, newer)
        c = sqlite3.connect(os.path.join(newer, "history.sqlite"))
        c.execute("PRAGMA user_version = 99")
        c.commit()
        c.close()
        before = tree(newer)
        st, err = run("run", "--input", SAMPLE, "--output", newer, "--quiet")
        check(st == 2 and "新しい版の kaikaku" in err and "history.sqlite" in err, f"newer: {st} {err[-300:]}")
        check(tree(newer) == before, "newer: outputs changed")
        st, err = run("validate", "--input", SAMPLE, "--output", newer, "--quiet")
        check(st == 2 and "新しい版の kaikaku" in err, f"validate, newer: {st} {err[-300:]}")

        # a corrupt file, and a database that is not kaikaku's: named, never replaced
        for name, make in (("corrupt", lambda p: open(p, "wb").write(b"SQLite format 3\0" + b"\xff" * 4000)),
                           ("garbage", lambda p: open(p, "wb").write(b"not a database at all\n" * 100)),
                           ("foreign", lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit())):
            o = os.path.join(tmp, name)
            os.makedirs(o)
            make(os.path.join(o, "history.sqlite"))
            data = open(os.path.join(o, "history.sqlite"), "rb").read()
            st, err = run("run", "--input", SAMPLE, "--output", o, "--quiet")
            check(st == 2 and "history.sqlite" in err, f"{name}: {st} {err[-300:]}")
            check(sorted(os.listdir(o)) in (["history.sqlite"], [".kaikaku.lock", "history.sqlite"]),
                  f"{name}: {os.listdir(o)}")
            check(open(os.path.join(o, "history.sqlite"), "rb").read() == data, f"{name}: the file was changed")

        # an empty file (as touch leaves it) is a new history
        o = os.path.join(tmp, "empty")
        os.makedirs(o)
        open(os.path.join(o, "history.sqlite"), "wb").close()
        st, err = run("run", "--input", SAMPLE, "--output", o, "--quiet")
        check(st == 1 and runs(os.path.join(o, "history.sqlite")) == [("2026Q3", 1)], f"empty: {st} {err[-300:]}")

        # closing a quarter (kaikaku close, contract §6)
        cl = os.path.join(tmp, "close")
        inp = os.path.join(tmp, "close-input")
        shutil.copytree(SAMPLE, inp)
        cdb = os.path.join(cl, "history.sqlite")
        st, err = run("close", "2026Q2", "--input", inp, "--output", cl, "--quiet")
        check(st == 2 and "まだ公表していない" in err, f"close unpublished: {st} {err[-300:]}")
        run("run", "--input", inp, "--output", cl, "--period", "2026Q2", "--quiet")
        import openpyxl
        def sheets(path):
            wb = openpyxl.load_workbook(path)
            return wb["概要"]["A1"].value, {n: list(wb[n].iter_rows(values_only=True)) for n in wb.sheetnames if n != "概要"}
        summary = os.path.join(cl, "2026Q2", "summary_2026Q2.xlsx")
        title1, data1 = sheets(summary)
        check(title1.endswith("【速報】"), f"title before close: {title1}")
        st, err = run("close", "2026Q2", "--input", inp, "--output", cl, "--quiet")
        check(st == 1, f"close: {st} {err[-300:]}")
        title2, data2 = sheets(summary)
        check(title2 == title1.replace("【速報】", "【確定】"), f"title after close: {title2}")
        check(data2 == data1, "close changed the data")
        cover = subprocess.run(["pdftotext", "-f", "1", "-l", "1", os.path.join(cl, "2026Q2", "review_2026Q2.pdf"), "-"],
                               capture_output=True, text=True).stdout
        check("【確定】" in cover and "【速報】" not in cover, f"cover after close: {cover}")
        closed = tree(cl)
        st, err = run("run", "--input", inp, "--output", cl, "--period", "2026Q2", "--quiet")
        check(st == 2 and "確定しています" in err and "--reopen" in err, f"run of a closed quarter: {st} {err[-300:]}")
        check(tree(cl) == closed, "a refused run changed the outputs")
        st, err = run("close", "2026Q2", "--input", inp, "--output", cl, "--quiet")
        check(st == 2 and "確定済み" in err, f"close twice: {st} {err[-300:]}")
        # restatements of a closed quarter compare with its closed values
        with open(os.path.join(inp, "submissions", "2026Q2", "010100_総務課_KPI実績.csv"), "rb") as f:
            orig = f.read()
        with open(os.path.join(inp, "submissions", "2026Q2", "010100_総務課_KPI実績.csv"), "wb") as f:
            f.write(orig.replace(b",49,", b",51,"))
        st, err = run("run", "--input", inp, "--output", cl, "--quiet")
        check("[W_RESTATED]" in err and "公表値 49 → 現在 51" in err, f"restated after close: {err[-500:]}")
        st, err = run("close", "2026Q3", "--input", inp, "--output", cl, "--quiet")
        check(st == 1, f"close 2026Q3: {st} {err[-300:]}")
        with open(os.path.join(inp, "submissions", "2026Q3", "010100_総務課_KPI実績.csv"), "ab") as f:
            f.write(b"\r\n")
        st, err = run("run", "--input", inp, "--output", cl, "--period", "2026Q3", "--reopen", "--quiet")
        check(st == 1 and "【速報】" in sheets(os.path.join(cl, "2026Q3", "summary_2026Q3.xlsx"))[0], f"reopen: {st} {err[-300:]}")
        c = sqlite3.connect(cdb)
        acts = c.execute("SELECT period, action FROM closures ORDER BY rowid").fetchall()
        check(acts == [("2026Q2", "close"), ("2026Q3", "close"), ("2026Q3", "reopen")], f"closures {acts}")
        c.close()
        # close with an input changed since the quarter was published: refused
        st, err = run("close", "2026Q3", "--input", inp, "--output", cl, "--quiet")
        check(st == 1, f"close after reopen: {st} {err[-300:]}")
        with open(os.path.join(inp, "submissions", "2026Q1", "010100_総務課_KPI実績.csv"), "ab") as f:
            f.write(b"\r\n")
        run("run", "--input", inp, "--output", cl, "--period", "2026Q1", "--quiet")
        with open(os.path.join(inp, "submissions", "2026Q1", "010100_総務課_KPI実績.csv"), "ab") as f:
            f.write(b"\r\n")
        st, err = run("close", "2026Q1", "--input", inp, "--output", cl, "--quiet")
        check(st == 2 and "変わっている" in err, f"close of a changed input: {st} {err[-300:]}")

        # migration: a version-1 history (as the first kaikaku with a history wrote
        # it) is taken forward, its runs kept
        mig = os.path.join(tmp, "migrate")
        os.makedirs(mig)
        c = sqlite3.connect(os.path.join(mig, "history.sqlite"))
        c.executescript(open(os.path.join(ROOT, "src", "history", "schema.sql"), encoding="utf-8").read())
        c.execute("PRAGMA application_id = 1802201137")
        c.execute("PRAGMA user_version = 1")
        c.execute("INSERT INTO runs (period, exit_status, inputs_sha256, inputs, errors, warnings, manifest_sha256) "
                  "VALUES ('2025Q4', 1, 'x', 1, 0, 0, 'gone')")
        c.commit()
        c.close()
        st, err = run("run", "--input", SAMPLE, "--output", mig, "--quiet")
        c = sqlite3.connect(os.path.join(mig, "history.sqlite"))
        check(st == 1 and c.execute("PRAGMA user_version").fetchone()[0] == 2 and
              c.execute("SELECT count(*) FROM closures").fetchone()[0] == 0, f"migration: {st} {err[-300:]}")
        # the version-1 run whose folder does not exist was repaired away, the new one kept
        check(c.execute("SELECT period FROM runs").fetchall() == [("2026Q3",)], "migration: runs")
        c.close()

        # a run into a fresh folder and a rerun give the same published bytes
        # (no history before P: restatements null)
        fresh = os.path.join(tmp, "fresh")
        run("run", "--input", SAMPLE, "--output", fresh, "--quiet")
        a = tree(fresh)
        run("run", "--input", SAMPLE, "--output", fresh, "--quiet")
        check(tree(fresh) == a, "fresh rerun differs")

        last_run_of_q(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("history")


if __name__ == "__main__":
    sys.exit(main())
