#!/usr/bin/python3
"""The progress line (issue 17): on a terminal, without --quiet, one line on
stderr updated in place (\\r, the stage, done / total, the seconds) and erased
(\\r ESC[K) before each message; nothing of it when stderr is a pipe (cron, a
log), with --quiet, or in the --log file. The terminal is a pseudo-terminal
(Python's pty)."""
import os
import pty
import re
import select
import subprocess
import sys
import tempfile

from harness import KAIKAKU, ROOT, check, finish, run


def on_pty(args, env):
    """Runs kaikaku with stderr (and stdout) on a pseudo-terminal; its exit status and all it wrote."""
    master, slave = pty.openpty()
    p = subprocess.Popen([KAIKAKU, *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env,
                         close_fds=True)
    os.close(slave)
    out = b""
    while True:
        r, _, _ = select.select([master], [], [], 60)
        if not r:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return p.wait(timeout=120), out.decode("utf-8", "replace")


def main():
    env = dict(os.environ, LC_ALL="C.UTF-8")
    inp = os.path.join(ROOT, "input")
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "run.log")
        st, text = on_pty(["run", "--input", inp, "--output", os.path.join(tmp, "o1"), "--log", log], env)
        check(st == 1, f"on a terminal: exit {st}: {text[-300:]}")
        lines = re.findall(r"\rkaikaku: ([^\r\n\x1b]*?)\x1b\[K", text)
        stages = {re.sub(r" \d.*|（.*", "", x) for x in lines}
        for want in ("読み込み", "ブック・PDF・公開ページの作成", "履歴の記録", "出力の入れ替え"):
            check(want in stages, f"on a terminal: no progress line for {want}: {sorted(stages)}")
        check(any(re.match(r"読み込み \d+ / \d+（\d+\.\d 秒）", x) for x in lines),
              f"on a terminal: the reading line has no done / total and seconds: {lines[:3]}")
        # erased before each message: every message line starts clean
        for m in re.finditer(r"kaikaku: (エラー|警告|2026Q3: 入力)", text):
            before = text[max(0, m.start() - 4):m.start()]
            check(before.endswith("\r\x1b[K") or before.endswith("\n"),
                  f"on a terminal: a message not on a clean line: {text[max(0, m.start() - 60):m.start() + 20]!r}")
        last = text.rstrip("\r\n").splitlines()[-1]
        check("終了ステータス" in last and "\x1b" not in last.split("\r")[-1], f"on a terminal: the last line {last!r}")
        logged = open(log, encoding="utf-8").read()
        check("\r" not in logged and "\x1b" not in logged and "読み込み" not in logged,
              "the --log file has the progress line")
        # with --quiet on a terminal: nothing of it
        st, text = on_pty(["run", "--input", inp, "--output", os.path.join(tmp, "o2"), "--quiet"], env)
        check("\x1b[K" not in text and "\r" not in text.replace("\r\n", "\n"), f"--quiet: progress shown: {text[:200]!r}")
        # stderr a pipe (cron): nothing of it
        st, err = run("run", "--input", inp, "--output", os.path.join(tmp, "o3"))
        check("\x1b" not in err and "\r" not in err, f"a pipe: progress shown: {err[:200]!r}")
    return finish("progress")


if __name__ == "__main__":
    sys.exit(main())
