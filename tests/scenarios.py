#!/usr/bin/python3
"""Scenarios of more than one run, on the sample city (input/):

- a rerun gives byte-identical outputs, also from another working folder,
  with absolute or relative paths, and under other locales (ja_JP.UTF-8 and
  de_DE.UTF-8, compiled for the test) and time zones;
- a failed run (exit 2) leaves the previous outputs exactly as they were;
- what a killed run left behind (.kaikaku-tmp-*) is removed by the next run;
- a second run waits for the lock, then gives up with exit 2 and a message;
- the output folder inside the input folder is not read back as input;
- validate writes nothing.
"""

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile

from harness import ROOT, check, finish, run, tree

SAMPLE = os.path.join(ROOT, "input")




def main():
    with tempfile.TemporaryDirectory(prefix="kaikaku-scen-") as tmp:
        inp = os.path.join(tmp, "in")
        shutil.copytree(SAMPLE, inp)
        out = os.path.join(tmp, "out")

        # a first run, then reruns in other ways: the same bytes
        st, _ = run("run", "--input", inp, "--output", out, "--quiet")
        check(st == 1, f"sample run: exit {st}")
        first = tree(os.path.join(out, "2026Q3"))
        check({"errors_2026Q3.csv", "summary_2026Q3.xlsx", "manifest.json"} <= set(first)
              and sum(1 for f in first if f.startswith("feedback/")) == 10, f"files: {first}")
        elsewhere = os.path.join(tmp, "elsewhere")
        os.makedirs(elsewhere)
        run("run", "--input", os.path.relpath(inp, elsewhere), "--output", "o2", "--quiet", cwd=elsewhere)
        check(tree(os.path.join(elsewhere, "o2", "2026Q3")) == first, "relative paths from another folder change the bytes")
        # another locale: ja_JP.UTF-8 compiled into a private folder (no root needed),
        # and de_DE (a decimal comma) when its source is there too; another time zone
        locpath = os.path.join(tmp, "locales")
        os.makedirs(locpath)
        made = []
        for name, src in (("ja_JP.UTF-8", "ja_JP"), ("de_DE.UTF-8", "de_DE")):
            p = subprocess.run(["localedef", "-i", src, "-f", "UTF-8", os.path.join(locpath, name)],
                               capture_output=True, text=True)
            if os.path.isdir(os.path.join(locpath, name)):
                made.append(name)
        check("ja_JP.UTF-8" in made, "localedef could not make ja_JP.UTF-8 (tools/deps.sh test installs locales)")
        for i, name in enumerate(made):
            out_l = os.path.join(tmp, f"o3-{i}")
            run("run", "--input", inp, "--output", out_l, "--quiet",
                env={"LOCPATH": locpath, "LC_ALL": name, "LANG": name, "TZ": "Asia/Tokyo" if i == 0 else "America/New_York"})
            check(tree(os.path.join(out_l, "2026Q3")) == first, f"locale {name} / TZ changes the bytes")
        moved = os.path.join(tmp, "moved-input")
        shutil.copytree(inp, moved)
        run("run", "--input", moved, "--output", os.path.join(tmp, "o4"), "--quiet")
        check(tree(os.path.join(tmp, "o4", "2026Q3")) == first, "another input folder changes the bytes")

        # failed runs leave the previous outputs exactly as they were
        before = tree(out)
        bad = os.path.join(tmp, "bad.xml")
        open(bad, "w").write("<settings><kgi target='2'/></settings>")
        st, err = run("run", "--input", inp, "--output", out, "--settings", bad)
        check(st == 2 and "出力フォルダは変更していません" in err, f"broken settings: exit {st}: {err}")
        st, err = run("run", "--input", os.path.join(tmp, "nope"), "--output", out)
        check(st == 2, f"missing input: exit {st}")
        empty = os.path.join(tmp, "empty-in")
        os.makedirs(empty)
        st, err = run("run", "--input", empty, "--output", out)
        check(st == 2 and "見つかりません" in err, f"no masters: exit {st}: {err}")
        check(tree(out) == before, "a failed run changed the output folder")

        # leftovers of a killed run are removed by the next run
        left = os.path.join(out, ".kaikaku-tmp-2026Q3-abc123")
        os.makedirs(os.path.join(left, "feedback"))
        open(os.path.join(left, "summary_2026Q3.xlsx"), "wb").write(b"half written")
        st, _ = run("run", "--input", inp, "--output", out, "--quiet")
        check(st == 1 and not os.path.exists(left), "a killed run's temporary folder survived")
        check(tree(os.path.join(out, "2026Q3")) == first, "outputs after cleaning leftovers differ")

        # a second run waits for the lock, then refuses
        lock = open(os.path.join(out, ".kaikaku.lock"), "a")
        fcntl.flock(lock, fcntl.LOCK_EX)
        st, err = run("run", "--input", inp, "--output", out, "--wait", "0.5")
        check(st == 2 and "別の kaikaku が出力フォルダ" in err, f"locked: exit {st}: {err}")
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
        st, _ = run("run", "--input", inp, "--output", out, "--quiet")
        check(st == 1, f"after the lock: exit {st}")

        # the output folder inside the input folder is not input
        st1, err1 = run("run", "--input", inp, "--output", os.path.join(inp, "output"))
        st2, err2 = run("run", "--input", inp, "--output", os.path.join(inp, "output"))
        check(st1 == st2 == 1 and "W_OWN_OUTPUT" not in err2, f"output inside input: {err2[-500:]}")
        inner = tree(os.path.join(inp, "output", "2026Q3"))
        check(inner["errors_2026Q3.csv"] == first["errors_2026Q3.csv"], "output inside input changes the errors")
        shutil.rmtree(os.path.join(inp, "output"))

        # validate writes nothing
        vout = os.path.join(tmp, "validate-out")
        st, _ = run("validate", "--input", inp, "--output", vout)
        check(st == 1 and not os.path.exists(vout), "validate wrote something")
    # the set-up, not root and a package missing: one line with the apt-get to run
    cmd = ["/bin/sh", os.path.join(ROOT, "tools", "deps.sh"), "test"]
    env = dict(os.environ, KAIKAKU_DEPS_EXTRA="kaikaku-no-such-package")
    if os.geteuid() == 0:
        cmd = ["su", "-s", "/bin/sh", "nobody", "-c",
               "KAIKAKU_DEPS_EXTRA=kaikaku-no-such-package /bin/sh " + os.path.join(ROOT, "tools", "deps.sh") + " test"]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd="/")
    lines = p.stderr.splitlines()
    check(p.returncode == 1 and len(lines) == 1 and
          lines[0].endswith("run: sudo apt-get install kaikaku-no-such-package"),
          f"deps.sh as non-root: exit {p.returncode}: {p.stderr!r}")
    return finish("scenarios")


if __name__ == "__main__":
    sys.exit(main())
