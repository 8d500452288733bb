#!/usr/bin/python3
"""Running unattended (issue 5): the log for cron and logrotate, a file-size
limit that makes writes fail, and `make install` into a prefix whose binary
finds its own templates from any folder."""

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

from harness import KAIKAKU, ROOT, check, finish, leftovers, run, tree

SAMPLE = os.path.join(ROOT, "input")
LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d \[\d+\] kaikaku: ")


def main():
    with tempfile.TemporaryDirectory(prefix="kaikaku-ops-") as tmp:
        inp = os.path.join(tmp, "in")
        shutil.copytree(SAMPLE, inp)
        out = os.path.join(tmp, "out")
        log = os.path.join(tmp, "log", "kaikaku.log")
        os.makedirs(os.path.dirname(log))

        # --log: every line stamped; --quiet silences stderr, never the log
        st, err = run("run", "--input", inp, "--output", out, "--quiet", "--log", log)
        check(st == 1, f"first run: exit {st}")
        lines = open(log, encoding="utf-8").read().splitlines()
        check(lines and all(LINE.match(x) for x in lines), f"log lines: {lines[:3]}")
        check("開始: kaikaku" in lines[0] and "--quiet" in lines[0], f"log start: {lines[:1]}")
        check(any("[E_BAD_NUMBER]" in x for x in lines), "log lacks the records")
        check(any("（終了ステータス 1）" in x for x in lines), "log lacks the summary")
        check("終了: 終了ステータス 1" in lines[-1], f"log end: {lines[-1:]}")
        first = tree(os.path.join(out, "2026Q3"))
        # a clean quiet run prints nothing, and still logs
        good = os.path.join(tmp, "good")
        shutil.copytree(os.path.join(ROOT, "tests", "cases", "quiet_clean", "input"), good)
        st, err = run("run", "--input", good, "--output", os.path.join(tmp, "good-out"), "--quiet", "--log", log)
        check(st == 0 and err == "", f"quiet clean run: exit {st}: {err!r}")
        after = open(log, encoding="utf-8").read().splitlines()
        check(len(after) > len(lines) + 2 and after[:len(lines)] == lines, "the second run did not append")
        check("終了: 終了ステータス 0" in after[-1], f"log end: {after[-1:]}")
        # logrotate moved the file away: the next run starts a new one
        os.rename(log, log + ".1")
        st, _ = run("validate", "--input", good, "--quiet", "--log", log)
        check(st == 0 and os.path.exists(log) and len(open(log).read().splitlines()) >= 2, "log not recreated")
        # a log that cannot be opened: exit 2 before anything is done
        st, err = run("run", "--input", inp, "--output", os.path.join(tmp, "never"),
                      "--log", os.path.join(tmp, "no-such-dir", "k.log"))
        check(st == 2 and "ログファイル" in err and not os.path.exists(os.path.join(tmp, "never")),
              f"bad log: exit {st}: {err}")
        # a name with a line break stays on one line in the log
        odd = os.path.join(tmp, "odd")
        shutil.copytree(good, odd)
        open(os.path.join(odd, "メモ\nx.csv"), "w", encoding="utf-8").write("メモ\n特になし\n")
        lines_before = len(open(log).read().splitlines())
        run("validate", "--input", odd, "--log", log)
        new = open(log, encoding="utf-8").read().splitlines()[lines_before:]
        check(new and all(LINE.match(x) for x in new) and any("メモ\\nx.csv" in x for x in new),
              f"a line break in a name: {new}")

        # many messages for one file (issue 16): on stderr and in the log, at most messages per-file
        # (default 20) lines per input file, then one line with the count of the rest; the errors
        # CSV keeps every one
        flood = os.path.join(tmp, "flood")
        shutil.copytree(good, flood)
        open(os.path.join(flood, "big.csv"), "w", encoding="utf-8").write(
            "KPI_ID,実績値,報告期間\n" + "".join(f"K1,約{i},2026Q3\n" for i in range(30)) + "K9,1,2026Q3\n")
        open(os.path.join(flood, "small.csv"), "w", encoding="utf-8").write(
            "KPI_ID,実績値,報告期間\n" + "".join(f"K1,約{i},2026Q3\n" for i in range(3)))
        flog = os.path.join(tmp, "flood.log")

        def flooded(settings, per_file):
            args = ["run", "--input", flood, "--output", os.path.join(tmp, "flood-out"), "--log", flog]
            st, err = run(*args, *(["--settings", settings] if settings else []))
            lines = err.splitlines()
            big = [x for x in lines if x.startswith("kaikaku: エラー: big.csv:")]
            small = [x for x in lines if x.startswith("kaikaku: エラー: small.csv:")]
            rest = [x for x in lines if x.startswith("kaikaku: 省略: ")]
            check(st == 1 and len(big) == per_file and len(small) == 3, f"per-file {per_file}: "
                  f"exit {st}, {len(big)} lines for big.csv, {len(small)} for small.csv")
            check(len(rest) == 1 and rest[0].startswith("kaikaku: 省略: big.csv: ")
                  and f"ほかに {31 - per_file} 件あります（エラー {31 - per_file} 件・警告 0 件）" in rest[0],
                  f"per-file {per_file}: the summary line: {rest}")
            logged = [x for x in open(flog, encoding="utf-8").read().splitlines() if "big.csv:" in x]
            check(len(logged) == per_file + 1, f"per-file {per_file}: {len(logged)} lines in the log")
            os.unlink(flog)
            csv = open(os.path.join(tmp, "flood-out", "2026Q3", "errors_2026Q3.csv"), encoding="utf-8-sig").read()
            check(csv.count("\nerror,big.csv,") == 31 and csv.count("\nerror,small.csv,") == 3,
                  f"per-file {per_file}: the errors CSV lacks some")

        flooded(None, 20)
        five = os.path.join(tmp, "five.xml")
        xml = open(os.path.join(ROOT, "templates", "settings.xml"), encoding="utf-8").read()
        open(five, "w", encoding="utf-8").write(xml.replace('<messages per-file="20"/>', '<messages per-file="5"/>'))
        check('<messages per-file="5"/>' in open(five, encoding="utf-8").read(), "no messages setting to change")
        flooded(five, 5)

        # a file-size limit (ulimit -f, like a full disk): exit 2, named, outputs untouched
        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (40 << 10, 40 << 10))
        st, err = run("run", "--input", inp, "--output", out, preexec_fn=small_files)
        check(st == 2 and "ファイルが大きすぎます" in err and "出力フォルダは変更していません" in err,
              f"ulimit -f: exit {st}: {err[-400:]}")
        check(tree(os.path.join(out, "2026Q3")) == first, "ulimit -f: the outputs changed")
        check(not leftovers(out), "ulimit -f: leftovers")

        # --wait takes a number of seconds from 0 to 86400: nan and inf are refused (issue 16)
        for bad in ("nan", "NaN", "inf", "-inf", "infinity", "-1", "86401"):
            never = os.path.join(tmp, "never-wait")
            st, err = run("run", "--input", inp, "--output", never, "--quiet", "--wait", bad)
            check(st == 2 and "--wait には" in err and not os.path.exists(never), f"--wait {bad}: exit {st}: {err}")

        # the lock file (issue 16): mode 0600, never through a symlink, only a regular file of the
        # running user; a refused lock is exit 2 with the reason, the outputs as they were
        lock = os.path.join(out, ".kaikaku.lock")
        os.chmod(lock, 0o666)  # as an older version left it
        st, _ = run("run", "--input", inp, "--output", out, "--quiet")
        check(st == 1 and os.stat(lock).st_mode & 0o777 == 0o600, f"lock mode {os.stat(lock).st_mode:o}")
        fresh = os.path.join(tmp, "fresh")
        run("run", "--input", inp, "--output", fresh, "--quiet")
        check(os.stat(os.path.join(fresh, ".kaikaku.lock")).st_mode & 0o777 == 0o600, "new lock not 0600")
        elsewhere_file = os.path.join(tmp, "planted", "created-by-root")
        os.makedirs(os.path.dirname(elsewhere_file))

        def refused(what, want):
            st, err = run("run", "--input", inp, "--output", out, "--quiet", "--wait", "1")
            check(st == 2 and "ロックファイル" in err and want in err and "出力フォルダは変更していません" in err,
                  f"lock {what}: exit {st}: {err[-300:]}")
            check(tree(os.path.join(out, "2026Q3")) == first and not leftovers(out), f"lock {what}: outputs changed")

        os.unlink(lock)
        os.symlink(elsewhere_file, lock)
        refused("symlink", "シンボリックリンク")
        check(not os.path.lexists(elsewhere_file), "a symlinked lock created its target")
        os.unlink(lock)
        os.mkdir(lock)
        refused("folder", "通常のファイルではない")
        os.rmdir(lock)
        os.mkfifo(lock, 0o600)
        refused("fifo", "通常のファイルではない")
        os.unlink(lock)
        if os.geteuid() == 0:
            open(lock, "w").close()
            os.chown(lock, 65534, 65534)  # nobody's
            refused("of another user", "は別のユーザー（nobody）のものなので使いません")
            # root owns the output folder and runs: give the files back to root, no one else to run as
            refused("of another user: the files given back to the folder's owner", f"sudo chown -R root: {out}")
            st, err = run("run", "--input", inp, "--output", out, "--quiet", "--wait", "1")
            check("sudo -u" not in err, f"a lock of another user, run by the folder's owner: {err[-300:]}")
            os.unlink(lock)
            # a folder of the service user (here nobody) run by root by hand: run as the folder's owner
            open(lock, "w").close()
            os.chmod(lock, 0o600)
            os.chown(lock, 65534, 65534)
            os.chown(out, 65534, 65534)
            refused("in a folder of another user", "フォルダの持ち主（nobody）で動かしてください（例: sudo -u nobody")
            os.chown(out, 0, 0)
            os.unlink(lock)
            # a lock left by root, and the service user's run (issue 18's walk-through: the message said
            # 作れません and nothing about running as the folder's user)
            open(lock, "w").close()
            os.chmod(lock, 0o600)
            for d in (tmp, out):
                os.chmod(d, 0o755)

            def as_nobody():
                os.setgid(65534)
                os.setuid(65534)

            st, err = run("run", "--input", inp, "--output", out, "--quiet", "--wait", "1", preexec_fn=as_nobody)
            check(st == 2 and "は別のユーザー（root）のものなので開けません" in err and "sudo -u root" in err
                  and "chown -R root:" in err, f"a root lock, a nobody run: exit {st}: {err[-400:]}")
            os.unlink(lock)
        st, _ = run("run", "--input", inp, "--output", out, "--quiet")
        check(st == 1 and tree(os.path.join(out, "2026Q3")) == first, "the run after the lock was removed")

        # make install: the binary, its templates, the docs and the examples
        prefix = os.path.join(tmp, "prefix")
        bin_rel = os.path.relpath(KAIKAKU, ROOT)
        p = subprocess.run(["make", "--no-print-directory", "-s", "-o", bin_rel, "install", "PREFIX=" + prefix,
                            "BIN=" + bin_rel], cwd=ROOT, capture_output=True, text=True)
        check(p.returncode == 0, f"make install: {p.stdout}{p.stderr}")
        for f in ("bin/kaikaku", "share/kaikaku/templates/settings.xml", "share/kaikaku/templates/review.xml",
                  "share/doc/kaikaku/README.md", "share/doc/kaikaku/RULES.md",
                  "share/doc/kaikaku/examples/kaikaku.service", "share/doc/kaikaku/examples/kaikaku.timer",
                  "share/doc/kaikaku/examples/kaikaku.cron", "share/doc/kaikaku/examples/kaikaku.logrotate",
                  "share/doc/kaikaku/運用ガイド.md", "share/doc/kaikaku/提出の手引き.md",
                  "share/doc/kaikaku/images/feedback-submission.png", "share/man/man1/kaikaku.1"):
            check(os.path.exists(os.path.join(prefix, f)), f"make install: no {f}")
        # the installed templates are the ones used: the city's name changed there shows on the cover
        st_xml = os.path.join(prefix, "share", "kaikaku", "templates", "settings.xml")
        xml = open(st_xml, encoding="utf-8").read()
        open(st_xml, "w", encoding="utf-8").write(re.sub(r"(<city[^>]*>)[^<]*</city>", r"\1試験市</city>", xml))
        elsewhere = os.path.join(tmp, "elsewhere")
        os.makedirs(elsewhere)
        env = {k: v for k, v in os.environ.items() if k != "KAIKAKU_TEMPLATES"}
        env["LC_ALL"] = "C.UTF-8"
        p = subprocess.run([os.path.join(prefix, "bin", "kaikaku"), "run", "--input", inp, "--output", "o",
                            "--quiet"], cwd=elsewhere, capture_output=True, env=env)
        check(p.returncode == 1, f"installed binary: exit {p.returncode}: {p.stderr[-300:]}")
        pdf = os.path.join(elsewhere, "o", "2026Q3", "review_2026Q3.pdf")
        txt = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True).stdout
        check("試験市" in txt, "installed binary: not its installed templates")
        # a settings file copied elsewhere (--settings) without a review.xml beside it keeps the installed
        # layout, not the built-in one: the installed review.xml retitled shows on the cover (issue 18)
        rv_xml = os.path.join(prefix, "share", "kaikaku", "templates", "review.xml")
        rv = open(rv_xml, encoding="utf-8").read()
        open(rv_xml, "w", encoding="utf-8").write(re.sub(r"<title>[^<]*</title>", "<title>試験の資料</title>", rv, count=1))
        own = os.path.join(tmp, "own-settings.xml")
        shutil.copy(st_xml, own)
        p = subprocess.run([os.path.join(prefix, "bin", "kaikaku"), "run", "--input", inp, "--output", "o2",
                            "--settings", own, "--quiet"], cwd=elsewhere, capture_output=True, env=env)
        txt = subprocess.run(["pdftotext", "-f", "1", "-l", "1", os.path.join(elsewhere, "o2", "2026Q3", "review_2026Q3.pdf"),
                              "-"], capture_output=True, text=True).stdout
        check(p.returncode == 1 and "試験の資料" in txt, f"--settings elsewhere: not the installed layout: {txt[:200]}")
        # make install again keeps the PMO's edited settings and layout, and puts the new ones beside them
        p = subprocess.run(["make", "--no-print-directory", "-s", "-o", bin_rel, "install", "PREFIX=" + prefix,
                            "BIN=" + bin_rel], cwd=ROOT, capture_output=True, text=True)
        check(p.returncode == 0 and "試験市" in open(st_xml, encoding="utf-8").read()
              and "試験の資料" in open(rv_xml, encoding="utf-8").read()
              and os.path.exists(st_xml + ".new") and os.path.exists(rv_xml + ".new")
              and "編集されているので残しました" in p.stdout, f"make install over edited settings: {p.stdout}{p.stderr}")
        p = subprocess.run(["make", "--no-print-directory", "-s", "uninstall", "PREFIX=" + prefix], cwd=ROOT,
                           capture_output=True, text=True)
        check(p.returncode == 0 and not os.path.exists(os.path.join(prefix, "bin", "kaikaku"))
              and not os.path.exists(os.path.join(prefix, "share", "kaikaku"))
              and not os.path.exists(os.path.join(prefix, "share", "man", "man1", "kaikaku.1")), "make uninstall")
        # the systemd units are valid (when systemd-analyze is there to say so)
        if shutil.which("systemd-analyze"):
            units = os.path.join(tmp, "units")
            os.makedirs(units)
            for u in ("kaikaku.service", "kaikaku.timer"):
                text = open(os.path.join(ROOT, "contrib", u), encoding="utf-8").read()
                open(os.path.join(units, u), "w", encoding="utf-8").write(
                    text.replace("/usr/local/bin/kaikaku", KAIKAKU))
            p = subprocess.run(["systemd-analyze", "verify", os.path.join(units, "kaikaku.service"),
                                os.path.join(units, "kaikaku.timer")], capture_output=True, text=True)
            check(p.returncode == 0 and "kaikaku" not in p.stderr, f"systemd units: {p.stderr}")
    return finish("operations")


if __name__ == "__main__":
    sys.exit(main())
