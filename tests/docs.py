#!/usr/bin/python3
"""The guides agree with the program, so that the two cannot drift apart:

- every error code of `kaikaku codes` (from src/base/diag.h) has its row in the
  submission guide (docs/提出の手引き.md) with the same severity, title and
  advice, and the guide names no code the program does not have; the
  operations guide names no unknown code either;
- every command and option of `kaikaku --help` is in the man page
  (man/kaikaku.1), the README and the operations guide's list, and the man
  page and the README name no option `--help` lacks; the exit statuses of
  `--help` are in the man page; the man page renders without warnings;
- the submission guide's column tables and the operations guide's list of
  master columns are the columns src/read/recognise.c reads, with the same
  aliases and the same required ones;
- every image and local link in the docs exists, and tools/screenshots.py
  makes every screenshot docs/images/ holds (into a temporary folder: the
  committed ones are refreshed by hand, LibreOffice's rendering may differ
  by a pixel between versions).
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

from harness import KAIKAKU, ROOT, check, finish, sanitized

DOCS = os.path.join(ROOT, "docs")
GUIDE = os.path.join(DOCS, "提出の手引き.md")
OPS = os.path.join(DOCS, "運用ガイド.md")
MAN = os.path.join(ROOT, "man", "kaikaku.1")
README = os.path.join(ROOT, "README.md")
SEVERITY = {"error": "エラー", "warning": "警告"}


def text(path):
    return open(path, encoding="utf-8").read()


def man_plain(src):
    """The man page's source with the roff escapes for - and break points gone."""
    return src.replace("\\-", "-").replace("\\:", "")


def options(s):
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", s))


def table_kinds():
    """{kind's Japanese name: (submission?, [(name, alias)] required, [...] optional)}
    as src/read/recognise.c defines them."""
    src = text(os.path.join(ROOT, "src", "read", "recognise.c"))
    cols = {m.group(1): (m.group(2), m.group(3)) for m in
            re.finditer(r'\[(COL_[A-Z_]+)\]\s*=\s*\{"([^"]+)",\s*"([a-z_]+)"\}', src)}
    flat = re.sub(r"\s+", " ", src)
    kinds = {}
    for m in re.finditer(r'\[KIND_[A-Z_]+\] = \{"[a-z_]+", "([^"]+)", (true|false), \{([^}]*)\}, \d+, '
                         r'\{([^}]*)\}, \d+\}', flat):
        req = [cols[c.strip()] for c in m.group(3).split(",") if c.strip()]
        opt = [cols[c.strip()] for c in m.group(4).split(",") if c.strip() not in ("", "0")]
        kinds[m.group(1)] = (m.group(2) == "true", req, opt)
    return kinds


def check_columns(guide, ops):
    kinds = table_kinds()
    check(len(kinds) == 7, f"src/read/recognise.c: {len(kinds)} table kinds read")
    for name, (submission, req, opt) in kinds.items():
        if submission:
            part = guide.split(f"### {name}\n", 1)
            check(len(part) == 2, f"提出の手引き: no section ### {name}")
            if len(part) < 2:
                continue
            body = part[1].split("\n#", 1)[0]
            rows = set(re.findall(r"^\| `([^`]+)` \| `([a-z_]+)` \| (必須)? ?\|", body, re.M))
            want = {(j, a, "必須") for j, a in req} | {(j, a, "") for j, a in opt}
            check(rows == want, f"提出の手引き ### {name}: columns {sorted(rows)}, the program reads {sorted(want)}")
        else:
            row = re.search(r"^\|[^|\n]*\| " + re.escape(name) + r": ([^|]*)\|", ops, re.M)
            check(row is not None, f"運用ガイド §6: no row for {name}")
            if row:
                listed = [c.strip() for c in row.group(1).split("・")]
                want = [j + "*" for j, _ in req] + [j for j, _ in opt]
                check(listed == want, f"運用ガイド §6 {name}: {listed}, the program reads {want}")


def install_steps(ops):
    """運用ガイド §1, followed in a scratch root: the apt-get line is tools/deps.sh's list, the
    folders made by its install -d line are every folder the systemd unit and the cron line need,
    the man page's and the guide's cron lines call kaikaku by an absolute path (cron's PATH has
    no /usr/local/bin), and the timer runs at 2:30 Japan time whatever the server's zone (issue 18)."""
    import shlex
    import tempfile
    section = ops.split("## 1. インストール")[1].split("\n## 2.")[0]
    apt = re.search(r"apt-get install -y (gcc .+)", section)  # the build packages (step 1)
    deps = re.search(r'^pkgs="([^"$]+)"', text(os.path.join(ROOT, "tools", "deps.sh")), re.M)
    check(apt is not None and deps is not None and apt.group(1).split() == deps.group(1).split(),
          "運用ガイド §1: the apt-get line is not tools/deps.sh's list of build packages")
    made = list(re.finditer(r"sudo install -d (.+)", section))
    check(made, "運用ガイド §1: no install -d line for the folders")
    unit = text(os.path.join(ROOT, "contrib", "kaikaku.service"))
    need = []
    for key in ("WorkingDirectory", "ReadWritePaths"):
        for m in re.finditer(rf"^{key}=(.+)$", unit, re.M):
            need += m.group(1).split()
    cron = text(os.path.join(ROOT, "contrib", "kaikaku.cron"))
    line = next((x for x in cron.splitlines() if x.startswith("30 2")), "")
    need += [a for a in re.findall(r"cd (\S+)", line)]
    log = re.search(r"--log (\S+)", line)
    need += [os.path.dirname(log.group(1))] if log else []
    check(len(need) >= 4, f"the unit's and cron's folders: {need}")
    if made:
        with tempfile.TemporaryDirectory() as root:
            for line in made:
                args = shlex.split(line.group(1))
                # the owner is the service user of step 3; here, whoever runs the test
                keep, skip = [], False
                for a in args:
                    if skip:
                        skip = False
                    elif a in ("-o", "-g"):
                        skip = True
                    else:
                        keep.append(root + a if a.startswith("/") else a)
                p = subprocess.run(["install", "-d", *keep], capture_output=True, text=True)
                check(p.returncode == 0, f"運用ガイド §1 install -d: {p.stderr}")
            # the PMO's group can put files into input/ (the walk-through found 750 there)
            inp = os.path.join(root + "/srv/kaikaku/input")
            check(os.path.isdir(inp) and os.stat(inp).st_mode & 0o2070 == 0o2070,
                  "運用ガイド §1: input/ is not group-writable and setgid for the PMO")
            for d in need:
                check(os.path.isdir(root + d), f"運用ガイド §1: {d} (kaikaku.service / kaikaku.cron) is not made by the steps")
    man = text(MAN)
    for name, doc in (("man page", man), ("kaikaku.cron", cron), ("運用ガイド", ops)):
        for m in re.finditer(r"^\s*30 2 \* \* \* kaikaku .*", doc, re.M):
            check(re.search(r"&& /\S*/kaikaku run", m.group(0).replace("\\-", "-")) is not None,
                  f"{name}: the cron line calls kaikaku without an absolute path: {m.group(0)}")
    timer = text(os.path.join(ROOT, "contrib", "kaikaku.timer"))
    check(re.search(r"^OnCalendar=.*02:30:00 Asia/Tokyo$", timer, re.M) is not None,
          "kaikaku.timer: not 2:30 Asia/Tokyo")
    check("timedatectl set-timezone Asia/Tokyo" in section, "運用ガイド §1: the time zone step")


# ASCII words a message may hold besides codes, IDs, file names and values (issue 18)
ASCII_OK = {"CSV", "UTF", "Excel", "KPI", "KPI_ID", "ID", "PMO", "DTD", "DOCTYPE", "NUL", "xlsx", "xls", "zip",
            "limits", "Q", "submissions", "kaikaku", "PDF", "Unicode", "UTF-16", "UTF-8", "XML", "REF", "CFF",
            "OTF", "CRC", "LF", "CR", "BOM", "Shift_JIS", "CP932", "YYYY-MM-DD", "R8", "FY", "sheet", "xl",
            "worksheets", "sheet1", "xml"}


def message_style(codes_rows, errors_csv):
    """Every code's title and advice, and every message of the sample's errors CSV: no ASCII space
    after 。, no English words but the allowed terms (codes, IDs, file names and values excepted)."""
    import csv as _csv
    texts = [t for _, _, title, hint in codes_rows for t in (title, hint)]
    check(not [t for t in texts if "。 " in t], "codes: an ASCII space after 。")
    for t in texts:
        # periods (2026Q3) and encodings (UTF-16) are values, not words
        bare = re.sub(r"\d{4}Q\d|UTF-\d+", "", t)
        words = set(re.findall(r"[A-Za-z][A-Za-z_\-]*[A-Za-z0-9]|[A-Za-z]", bare)) - ASCII_OK
        check(not words, f"codes: English words {sorted(words)} in {t!r}")
    for row in _csv.DictReader(open(errors_csv, encoding="utf-8-sig", newline="")):
        check("。 " not in row["message"], f"errors CSV: an ASCII space after 。: {row['message']}")


def main():
    if sanitized():
        # it reads the outputs, which golden.py proves are the same bytes under the sanitizers
        print(f"docs: skipped under AddressSanitizer (the release pass runs it)")
        return 0
    env = dict(os.environ, LC_ALL="C.UTF-8")
    codes = subprocess.run([KAIKAKU, "codes"], capture_output=True, text=True, env=env, check=True).stdout
    rows = [line.split("\t") for line in codes.splitlines() if line.strip()]
    check(len(rows) >= 40, f"kaikaku codes: only {len(rows)} codes")
    guide = text(GUIDE)
    table = {}
    for line in guide.splitlines():
        m = re.match(r"\|\s*`([EW]_[A-Z0-9_]+)`\s*\|(.*)", line)
        if m:
            check(m.group(1) not in table, f"提出の手引き: {m.group(1)} has two rows")
            table[m.group(1)] = [c.strip() for c in m.group(2).split("|")]
    known = {r[0] for r in rows}
    for code, sev, title, hint in rows:
        cells = table.get(code)
        check(cells is not None, f"提出の手引き: no row for {code}")
        if cells:
            check(cells[0] == SEVERITY[sev], f"提出の手引き: {code}: severity {cells[0]!r}, not {SEVERITY[sev]!r}")
            check(cells[1] == title, f"提出の手引き: {code}: title {cells[1]!r}, not {title!r}")
            check(hint in cells, f"提出の手引き: {code}: the advice is not the program's ({hint!r})")
    check_columns(guide, text(OPS))
    install_steps(text(OPS))
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([KAIKAKU, "run", "--input", os.path.join(ROOT, "input"), "--output", tmp, "--quiet"],
                       capture_output=True, env=env)
        message_style(rows, os.path.join(tmp, "2026Q3", "errors_2026Q3.csv"))
    for name, doc in (("提出の手引き", guide), ("運用ガイド", text(OPS)), ("RULES", text(os.path.join(DOCS, "RULES.md")))):
        stale = set(re.findall(r"\b[EW]_[A-Z][A-Z0-9_]+\b", doc)) - known
        check(not stale, f"{name}: codes the program does not have: {sorted(stale)}")

    helptext = subprocess.run([KAIKAKU, "--help"], capture_output=True, text=True, env=env, check=True).stdout
    opts = options(helptext)
    commands = re.findall(r"^  (\w+)\s{2,}", helptext.split("オプション:")[0], re.M)
    check({"--input", "--output", "--jobs", "--log", "--help"} <= opts and
          set(commands) >= {"run", "validate", "inspect", "codes"}, f"--help: {opts} {commands}")
    man = man_plain(text(MAN))
    ops_list = text(OPS).split("## 10. オプションの一覧")[-1]
    for o in sorted(opts):
        check(re.search(r"^\.(TP|B|BI|BR)\b.*" + re.escape(o) + r"\b", man, re.M) is not None,
              f"man page: no entry for {o}")
        check(o in text(README), f"README: {o} is not there")
        check(f"`{o}" in ops_list, f"運用ガイド §10: {o} is not in the list")
    check(options(man) <= opts, f"man page: options --help lacks: {sorted(options(man) - opts)}")
    check(options(text(README)) <= opts, f"README: options --help lacks: {sorted(options(text(README)) - opts)}")
    for c in commands:
        check(re.search(r"^\.B(I)? " + c + r"\b", man, re.M) is not None, f"man page: no entry for the command {c}")
    for st in re.findall(r"^  ([0-9])  ", helptext, re.M):
        check(re.search(r"^\.B " + st + "$", man, re.M) is not None, f"man page: no exit status {st}")
    p = subprocess.run(["man", "--warnings", "-l", MAN], capture_output=True, text=True,
                       env=dict(env, MANWIDTH="80", MANPAGER="cat", PAGER="cat"))
    check(p.returncode == 0 and "kaikaku" in p.stdout, f"man -l: exit {p.returncode}: {p.stderr[-300:]}")
    warnings = [x for x in p.stderr.splitlines() if "warning" in x and "break" not in x and "adjust" not in x]
    check(not warnings, f"man page warnings: {warnings[:5]}")

    for d in (DOCS, ROOT):
        for f in os.listdir(d):
            if not f.endswith(".md"):
                continue
            for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text(os.path.join(d, f))):
                if "://" in target:
                    continue
                check(os.path.exists(os.path.join(d, target)), f"{f}: links to {target}, which is not there")
    with tempfile.TemporaryDirectory(prefix="kaikaku-docs-") as tmp:
        p = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "screenshots.py"), "--kaikaku", KAIKAKU,
                            "--out", tmp], capture_output=True, text=True, env=env, timeout=600)
        check(p.returncode == 0, f"screenshots.py: exit {p.returncode}: {p.stderr[-500:]}")
        committed = sorted(f for f in os.listdir(os.path.join(DOCS, "images")) if f.endswith(".png"))
        check(sorted(os.listdir(tmp)) == committed, f"screenshots.py made {sorted(os.listdir(tmp))}, docs/images has {committed}")
        for f in os.listdir(tmp):
            head = open(os.path.join(tmp, f), "rb").read(24)
            w, h = struct.unpack(">II", head[16:24]) if head[:8] == b"\x89PNG\r\n\x1a\n" else (0, 0)
            check(w >= 400 and h >= 150, f"screenshots.py: {f} is {w}x{h}")
    return finish("docs", f": {len(rows)} codes, {len(opts)} options, {len(committed)} screenshots")


if __name__ == "__main__":
    sys.exit(main())
