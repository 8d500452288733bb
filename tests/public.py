#!/usr/bin/python3
"""The public outputs of the contract §6 (issue 15), read back with tools
other than kaikaku's:

- public/*.html parsed by html5lib in strict mode (a parse error fails) and
  the markup checked directly where axe cannot judge: lang="ja", landmarks,
  one h1 and no skipped heading level, a skip link to <main>, breadcrumbs,
  every SVG chart with role="img", <title> and <desc> and followed by its
  table, every table with a caption and scoped header cells, every status as
  word and mark, no script, no event handler, no external resource, no web
  font; what is never published (comments by default, file names, errors);
  a hostile measure name (<script>, &) shown as text.
- opendata/kaikaku_kpi_<P>.csv read with Python's csv and checked against
  the 総務省 table rules.
- feed.xml validated with `xmllint --relaxng tests/atom.rng` (RFC 4287),
  newest first, one entry per period folder, stable IDs.
- Reruns byte-identical; a failed run leaves the previous feed; a run killed
  between the folder swap and the feed's rename is finished by the next one.
- The browser: tests/browser/check.js opens every page of the sample and of
  an M city in Debian's headless Chromium (axe-core wcag2a/wcag2aa, no
  horizontal scroll at 320 px and 200% zoom, screenshots in build/public/).
  Skipped under AddressSanitizer (the outputs are the same bytes) and with
  KAIKAKU_NO_BROWSER=1.
"""
import csv
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ROOT, SHIM, check, finish, run, sanitized, scratch, tree  # noqa: E402

import html5lib  # noqa: E402  (Debian's python3-html5lib)

PYTHON = os.environ.get("PYTHON", "/usr/bin/python3")
NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
STATUS_WORDS = {"達成", "順調", "注意", "遅延", "未報告", "未着手", "進行中", "完了", "中止"}
HOSTILE = '<script>alert("x")</script> & 〈試験〉'


def parse(path):
    """The page as html5lib's tree; parse errors are failures."""
    p = html5lib.HTMLParser(strict=False, namespaceHTMLElements=True)
    doc = p.parse(open(path, "rb"), transport_encoding="utf-8")
    errs = [f"{pos}: {code} {data}" for pos, code, data in p.errors]
    check(not errs, f"{path}: HTML parse errors {errs[:5]}")
    return doc


def text_of(el):
    return "".join(el.itertext())


def check_page(path, folder):
    raw = open(path, encoding="utf-8").read()
    name = os.path.basename(path)
    doc = parse(path)
    check(raw.startswith("<!DOCTYPE html>\n"), f"{name}: no HTML5 doctype")
    check(doc.get("lang") == "ja", f"{name}: lang is {doc.get('lang')}")
    body = doc.find(NS + "body")
    # no script, no event handler, no embedded or external resource
    for el in doc.iter():
        tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
        check(tag not in ("script", "iframe", "object", "embed", "img", "video", "audio", "base"),
              f"{name}: <{tag}>")
        for a, v in el.attrib.items():
            check(not a.lower().startswith("on"), f"{name}: event handler {a}")
            check(a != "src", f"{name}: src attribute on <{tag}>")
            check(not v.strip().lower().startswith("javascript:"), f"{name}: javascript: URL")
        if tag == "link":
            href = el.get("href")
            check("://" not in href and os.path.exists(os.path.join(folder, href))
                  or el.get("rel") == "alternate", f"{name}: link to {href}")
        if tag == "a":
            href = el.get("href", "")
            if href.startswith("#"):
                check(doc.find(f".//*[@id='{href[1:]}']") is not None, f"{name}: no target for {href}")
            elif "://" in href:
                # the only absolute link: the licence's text (a link, never a resource)
                check("public_data_license" in href, f"{name}: external link {href}")
            else:
                target, _, frag = href.partition("#")
                full = os.path.normpath(os.path.join(folder, target))
                check(os.path.exists(full), f"{name}: broken link {href}")
                if frag and os.path.exists(full):
                    check(f'id="{frag}"' in open(full, encoding="utf-8").read(),
                          f"{name}: no anchor for {href}")
    # landmarks, the skip link, breadcrumbs
    first_link = body.find(f".//{NS}a")
    check(first_link is not None and first_link.get("href") == "#main", f"{name}: no skip link first")
    mains = body.findall(f".//{NS}main")
    check(len(mains) == 1 and mains[0].get("id") == "main", f"{name}: main landmark")
    check(body.find(f"{NS}header") is not None and body.find(f"{NS}footer") is not None,
          f"{name}: header/footer landmarks")
    navs = [n for n in body.findall(f".//{NS}nav") if n.get("class") == "crumbs"]
    check(len(navs) == 1 and navs[0].get("aria-label") and navs[0].find(f".//*[@aria-current='page']") is not None,
          f"{name}: breadcrumbs")
    # headings: one h1, no level skipped
    levels = [int(el.tag[-1]) for el in body.iter() if isinstance(el.tag, str)
              and re.fullmatch(re.escape(NS) + "h[1-6]", el.tag)]
    check(levels[:1] == [1] and levels.count(1) == 1, f"{name}: h1 {levels[:3]}")
    check(all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"{name}: heading levels skip {levels}")
    # tables: a caption, header cells with scope, as many cells as headers
    for t in body.iter(NS + "table"):
        cap = t.find(NS + "caption")
        check(cap is not None and text_of(cap).strip(), f"{name}: table without caption")
        heads = t.findall(f"{NS}thead/{NS}tr/{NS}th")
        check(heads and all(h.get("scope") == "col" for h in heads), f"{name}: header cells")
        for tr in t.findall(f"{NS}tbody/{NS}tr"):
            cells = list(tr)
            check(len(cells) == len(heads), f"{name}: a row of {len(cells)} cells, {len(heads)} headers")
            check(cells[0].tag == NS + "th" and cells[0].get("scope") == "row", f"{name}: row header")
    # charts: role img, title and desc first, named by them, a table right after
    figures = list(body.iter(NS + "figure"))
    for fig in figures:
        svg = fig.find(SVG + "svg")
        check(svg is not None and svg.get("role") == "img", f"{name}: svg role")
        kids = list(svg)
        check(len(kids) >= 2 and kids[0].tag == SVG + "title" and kids[1].tag == SVG + "desc",
              f"{name}: svg title/desc first")
        ids = (svg.get("aria-labelledby") or "").split()
        check(ids == [kids[0].get("id"), kids[1].get("id")], f"{name}: svg aria-labelledby {ids}")
        check(re.search(r"\d+\.\d%", text_of(kids[1])), f"{name}: the desc holds no numbers")
        # every text of the chart dark enough on white
        for t in svg.iter(SVG + "text"):
            check(t.get("fill") in ("#1a1a1a", "#333333", "#9c0006"), f"{name}: chart text colour {t.get('fill')}")
    for sec in body.iter(NS + "section"):
        kids = [k for k in sec]
        for i, k in enumerate(kids):
            if k.tag == NS + "figure":
                nxt = kids[i + 1] if i + 1 < len(kids) else None
                check(nxt is not None and nxt.find(NS + "table") is not None,
                      f"{name}: a chart not followed by its table")
    # statuses: every badge holds a mark (hidden from screen readers) and a word
    badges = [el for el in body.iter(NS + "span") if "st" in (el.get("class") or "").split()]
    check(badges, f"{name}: no status badges")
    for b in badges:
        mark = b.find(NS + "span")
        word = text_of(b)[len(text_of(mark)):] if mark is not None else ""
        check(mark is not None and mark.get("aria-hidden") == "true" and word in STATUS_WORDS,
              f"{name}: badge {text_of(b)!r}")
    # what is never published
    check("submissions/" not in raw and ".xlsx" not in raw and "[E_" not in raw and "[W_" not in raw,
          f"{name}: a file name or an error")
    check("対応策" not in raw, f"{name}: 対応策")
    check("<script" not in raw.lower(), f"{name}: <script")
    return doc, raw


def contrast(a, b):
    def lum(c):
        v = [int(c[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        v = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in v]
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_css(path):
    css = open(path, encoding="utf-8").read()
    check("url(" not in css and "@import" not in css and "@font-face" not in css,
          "style.css: an external resource or web font")
    check("@media print" in css, "style.css: no print stylesheet")
    check("Hiragino" in css and "Meiryo" in css, "style.css: no system Japanese fonts")
    for n, fill, text in re.findall(r"\.st-(\d)\{background:#([0-9A-F]{6});color:#([0-9A-F]{6})\}", css):
        check(contrast(fill, text) >= 4.5, f"style.css: status {n} contrast {contrast(fill, text):.2f}")
    check(len(re.findall(r"\.st-\d\{", css)) == 9, "style.css: a colour per status")


def check_csv(path, manifest):
    raw = open(path, "rb").read()
    check(not raw.startswith(b"\xef\xbb\xbf"), f"{path}: a BOM")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    head, body = rows[0], rows[1:]
    check(len(body) == manifest["counts"]["kpis"], f"csv: {len(body)} rows for {manifest['counts']['kpis']} KPIs")
    check(len(set(head)) == len(head), "csv: a column named twice")
    for need in ("地方公共団体コード", "地方公共団体名", "年度", "年度（和暦）", "KPI_ID", "単位", "基準値",
                 "実績値", "目標値", "進捗率（%）", "状況"):
        check(need in head, f"csv: no column {need}")
    numeric = ("年度", "四半期", "基準値", "目標値", "実績値", "前回実績値", "進捗率（%）", "期待進捗率（%）")
    dates = ("基準日", "基準値の時点", "目標期限", "前回実績値の時点")
    for r in body:
        check(len(r) == len(head), f"csv: a row of {len(r)} cells")
        d = dict(zip(head, r))
        check(d["地方公共団体コード"] == "122319" and d["地方公共団体名"] == "印西市", f"csv: city {r[:2]}")
        for c in numeric:
            v = d[c]
            check(v == "" or re.fullmatch(r"-?\d+(\.\d+)?", v), f"csv: {c} not a number: {v!r}")
        for c in dates:
            check(d[c] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", d[c]), f"csv: {c} not a date: {d[c]!r}")
        check(d["年度（和暦）"] == f"令和{int(d['年度']) - 2018}年度", f"csv: {d['年度']} vs {d['年度（和暦）']}")
        check(d["状況"] in STATUS_WORDS and d["施策の状況"] in STATUS_WORDS, f"csv: status {d['状況']}")
        check(not re.search(r"\d", d["単位"]) or d["単位"] == "", f"csv: a number in the unit {d['単位']!r}")
        for v in r:
            check("\n" not in v and "\r" not in v, "csv: a line break in a cell")
    # the KPIs of the manifest's counts, each once
    ids = [dict(zip(head, r))["KPI_ID"] for r in body]
    check(len(set(ids)) == len(ids), "csv: a KPI twice")
    return head, body


def check_feed(out, periods):
    path = os.path.join(out, "feed.xml")
    p = subprocess.run(["xmllint", "--noout", "--relaxng", os.path.join(ROOT, "tests", "atom.rng"), path],
                       capture_output=True, text=True)
    check(p.returncode == 0, f"feed.xml: not valid Atom: {p.stderr[-500:]}")
    raw = open(path, encoding="utf-8").read()
    ids = re.findall(r"<entry>\s*<id>([^<]+)</id>", raw)
    want = [f"tag:www.city.inzai.lg.jp,2024-04-01:kaikaku/{x}" for x in sorted(periods, reverse=True)]
    check(ids == want, f"feed.xml: entries {ids}, want {want}")
    check(all(f"{x}/public/index.html" in raw for x in periods), "feed.xml: an entry without its page")
    return raw


def hostile_input(tmp):
    """The sample with a measure and a KPI named with markup."""
    import openpyxl
    inp = os.path.join(tmp, "hostile_in")
    shutil.copytree(os.path.join(ROOT, "input"), inp)
    path = os.path.join(inp, "masters", "業務改革施策リスト.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["施策マスタ"]
    ws.cell(row=4, column=2).value = HOSTILE
    ws = wb["KPIマスタ"]
    ws.cell(row=4, column=3).value = "A&B <b>太字</b>"
    wb.save(path)
    return inp


def browser(pages, shots, shots_max=None):
    """tests/browser/check.js over pages; its report."""
    node_dir = os.path.join(ROOT, "tests", "browser")
    if not os.path.isdir(os.path.join(node_dir, "node_modules")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=node_dir, check=False,
                       capture_output=True)
    env = dict(os.environ)
    if shots_max is not None:
        env["KK_SHOTS_MAX"] = str(shots_max)
    p = subprocess.run(["node", os.path.join(node_dir, "check.js"), shots, *pages],
                       capture_output=True, text=True, timeout=1800, env=env)
    try:
        rep = json.load(open(os.path.join(shots, "report.json"), encoding="utf-8"))
    except (OSError, ValueError):
        check(False, f"browser: no report (exit {p.returncode}): {p.stderr[-800:]}")
        return None
    for f in rep["failures"]:
        check(False, "browser: " + f)
    return rep


def names(pages):
    """The pages' file names, or their kinds and counts when there are many."""
    files = [os.path.basename(p["page"]) for p in pages]
    if len(files) <= 15:
        return "・".join(files)
    kinds = {}
    for f in files:
        kinds.setdefault(re.sub(r"\d+", "N", f), []).append(f)
    return "・".join(f"{k} {len(v)} ページ" if len(v) > 1 else v[0] for k, v in kinds.items())


def statement(results):
    """The accessibility statement of docs/運用ガイド.md §11, filled in from this run."""
    import datetime
    axe = json.load(open(os.path.join(ROOT, "tests", "browser", "node_modules", "axe-core", "package.json")))
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    pages = [p for r in results.values() if r for p in r["pages"]]
    bad = sum(len(p["violations"]) for p in pages)
    over = sum(1 for p in pages if p["overflow_320px"] > 0 or p["overflow_200%"] > 0)
    lines = [
        "# 抜本的な業務改革の進捗状況ページのアクセシビリティ試験結果",
        "",
        "- 規格: JIS X 8341-3:2016　目標とする適合レベル: AA（WCAG 2.0 の AA と一致）",
        "- 対象: " + "、".join(f"{'サンプル' if k == 'sample' else 'M 規模の市'}の全 {len(r['pages'])} ページ（"
                             + names(r["pages"]) + "）" for k, r in results.items() if r),
        f"- 試験日: {datetime.date.today():%Y年%m月%d日}",
        f"- 試験の方法: axe-core {axe['version']}（wcag2a・wcag2aa の規則）を {chromium} のヘッドレスで実行。"
        "幅 320 px と 200% 拡大（640 px）で横スクロールがないことを確認。グラフの title・desc、表の見出しセル、"
        "見出しの順序、状況の文字と記号は tests/public.py が HTML を直接検査。",
        f"- 結果: axe-core の違反 {bad} 件、横スクロールのあるページ {over} 件。",
        "- 自動試験で判断できない項目（読み上げの順序、代替テキストの内容の適切さ）は、担当者がスクリーンリーダーで確認してください。",
        "",
    ]
    with open(os.path.join(ROOT, "build", "public", "アクセシビリティ試験結果.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    work = tempfile.mkdtemp(prefix="kk-public-")
    mtmp = None
    try:
        out = os.path.join(work, "out")
        st, err = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--quiet")
        check(st == 1, f"sample: exit {st}: {err[-300:]}")
        P = "2026Q3"
        pub = os.path.join(out, P, "public")
        manifest = json.load(open(os.path.join(out, P, "manifest.json"), encoding="utf-8"))
        listed = {f["path"] for f in manifest["files"]}
        for f in ("public/index.html", "public/style.css", "public/pillar1.html", "public/dept1.html",
                  f"opendata/kaikaku_kpi_{P}.csv"):
            check(f"{P}/{f}" in listed, f"manifest: {f} not listed")
        check(not any("feed.xml" in x or ".kaikaku-root" in x for x in listed), "manifest lists the feed")
        check(not os.path.exists(os.path.join(out, P, ".kaikaku-root")), "a .kaikaku-root left behind")
        pages = sorted(os.path.join(pub, f) for f in os.listdir(pub) if f.endswith(".html"))
        check(len(pages) == 8, f"pages: {pages}")
        for pg in pages:
            check_page(pg, pub)
        check_css(os.path.join(pub, "style.css"))
        index = open(os.path.join(pub, "index.html"), encoding="utf-8").read()
        # the KGI, its pace and every measure (on the index) and KPI (on the pillar pages)
        check("4.7%" in index and "20.0%" in index and "遅延" in index and "令和9年度末" in index,
              "index: the KGI and its pace")
        allpages = "".join(open(x, encoding="utf-8").read() for x in pages)
        csv_path = os.path.join(out, P, "opendata", f"kaikaku_kpi_{P}.csv")
        head, body = check_csv(csv_path, manifest)
        for r in body:
            d = dict(zip(head, r))
            check(html.escape(d["KPI名"], quote=False) in allpages, f"pages: no KPI {d['KPI_ID']}")
        # the open data linked with its format, size and licence
        size = os.path.getsize(csv_path)
        check(f'href="../opendata/kaikaku_kpi_{P}.csv"' in index and f"{size:,} バイト" in index
              and "CSV" in index and "PDL1.0" in index, "index: the CSV's link, size or licence")
        # comments are not published by default; one setting publishes them
        comment = "電子決裁の対象を契約・支出まで拡大"
        check(comment not in allpages, "a comment published by default")
        settings = os.path.join(work, "settings.xml")
        s = open(os.path.join(ROOT, "templates", "settings.xml"), encoding="utf-8").read()
        # and the page's words are settings: a heading and a note renamed
        # (a label with markup shows as text)
        s = s.replace('comments="no">', 'comments="yes">\n    <label id="trend">削減のあゆみ</label>'
                      '\n    <label id="data-note">CSV の説明 <b>&amp;</b></label>')
        open(settings, "w", encoding="utf-8").write(s)
        out_c = os.path.join(work, "out_comments")
        st, _ = run("run", "--input", os.path.join(ROOT, "input"), "--output", out_c, "--settings", settings,
                    "--quiet")
        got = "".join(open(os.path.join(out_c, P, "public", f), encoding="utf-8").read()
                      for f in os.listdir(os.path.join(out_c, P, "public")) if f.endswith(".html"))
        check(comment in got, "comments=\"yes\" does not publish the comments")
        check('<h2 id="trend">削減のあゆみ</h2>' in got and "削減率の推移</h2>" not in got,
              "the label trend does not rename its heading")
        # (an element in a label is XML: only its text is kept, and escaped)
        check("CSV の説明 &amp;</p>" in got and "<b>" not in got, "the label data-note is not escaped text")
        bad = os.path.join(work, "bad_label.xml")
        open(bad, "w", encoding="utf-8").write(s.replace('<label id="trend">', '<label id="trends">'))
        st, err = run("run", "--input", os.path.join(ROOT, "input"), "--output", os.path.join(work, "out_bad"),
                      "--settings", bad, "--quiet")
        check(st == 2 and "<label> の id「trends」はありません" in err and "使える id: skip" in err,
              f"an unknown label id: exit {st}: {err[-300:]}")
        for f in os.listdir(os.path.join(out_c, P, "public")):
            if f.endswith(".html"):
                check_page(os.path.join(out_c, P, "public", f), os.path.join(out_c, P, "public"))

        # a hostile name shows as text
        out_h = os.path.join(work, "out_hostile")
        st, err = run("run", "--input", hostile_input(work), "--output", out_h, "--quiet")
        check(st in (0, 1), f"hostile: exit {st}: {err[-300:]}")
        hp = os.path.join(out_h, P, "public")
        texts = ""
        for f in sorted(os.listdir(hp)):
            if f.endswith(".html"):
                doc, raw = check_page(os.path.join(hp, f), hp)
                texts += text_of(doc)
                check("<script" not in raw and "<b>" not in raw, f"hostile {f}: markup pasted")
        check(HOSTILE in texts and "A&B <b>太字</b>" in texts, "hostile: the names not shown as text")
        hrows = list(csv.reader(open(os.path.join(out_h, P, "opendata", f"kaikaku_kpi_{P}.csv"),
                                     encoding="utf-8", newline="")))
        check(any(HOSTILE in r for r in hrows), "hostile: the name not in the open data as it is")

        # the feed: valid Atom; a second period adds an entry, newest first
        check_feed(out, [P])
        st, _ = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--period", "2026Q2", "--quiet")
        check(st in (0, 1), f"2026Q2: exit {st}")
        feed2 = check_feed(out, [P, "2026Q2"])
        # reruns: the same bytes, in place and into a fresh folder (the pack and the
        # summary of P now know the history of 2026Q2, so they settle with one run)
        run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--quiet")
        before = tree(out)
        st, _ = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--quiet")
        check(tree(out) == before, "a rerun changed the outputs")
        fresh = os.path.join(work, "fresh")
        run("run", "--input", os.path.join(ROOT, "input"), "--output", fresh, "--quiet")
        got = tree(fresh)
        for k, v in got.items():
            if k.startswith((P + "/public/", P + "/opendata/")):
                check(before.get(k) == v, f"fresh run: {k} differs")
        # a failed run leaves the previous feed (and everything else)
        st, _ = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--period", "2026Q3",
                    "--settings", os.path.join(work, "missing.xml"), "--quiet")
        check(st == 2 and tree(out) == before, f"a failed run changed the outputs (exit {st})")
        if not sanitized() and os.path.exists(SHIM):
            # a failure while the outputs are written: the previous feed stays
            st, _ = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--period", "2026Q4",
                        "--quiet", "--jobs", "1", env={"LD_PRELOAD": SHIM, "KK_INJECT": "rename:1"})
            check(st == 2 and tree(out) == before, f"a failed new-period run changed the outputs (exit {st})")
            # killed between the swap and the feed's rename: the next run (even one
            # that fails later) finishes the move
            os.makedirs(os.path.join(out, P, ".kaikaku-root"))
            open(os.path.join(out, P, ".kaikaku-root", "feed.xml"), "w").write("marker")
            st, _ = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--quiet", "--jobs", "1",
                        env={"LD_PRELOAD": SHIM, "KK_INJECT": "write:1"})
            check(st == 2 and open(os.path.join(out, "feed.xml")).read() == "marker"
                  and not os.path.exists(os.path.join(out, P, ".kaikaku-root")),
                  f"the interrupted feed move was not finished (exit {st})")
            st, _ = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--quiet")
            check(open(os.path.join(out, "feed.xml"), encoding="utf-8").read() == feed2,
                  "the next run did not write the feed again")

        # the browser: the sample's pages and an M city's
        if sanitized() or os.environ.get("KAIKAKU_NO_BROWSER") == "1":
            print("public: browser test skipped" + (" under AddressSanitizer" if sanitized() else ""))
        else:
            mtmp = scratch("kk-public-M-", 512)
            city = os.path.join(mtmp.name, "city_M")
            subprocess.run([PYTHON, os.path.join(ROOT, "tools", "make_city.py"), city, "M"], check=True,
                           capture_output=True)
            out_m = os.path.join(mtmp.name, "out_M")
            st, err = run("run", "--input", city, "--output", out_m, "--quiet")
            check(st in (0, 1), f"M: exit {st}: {err[-300:]}")
            # every page of the M city (two at a time, tests/browser/check.js);
            # screenshots of the index, the pillars and the largest department
            d = os.path.join(out_m, P, "public")
            allm = sorted(f for f in os.listdir(d) if f.endswith(".html"))
            depts = sorted((f for f in allm if f.startswith("dept")), key=lambda f: -os.path.getsize(os.path.join(d, f)))
            first = ["index.html"] + [f for f in allm if f.startswith("pillar")] + depts[:1]
            mp = [os.path.join(d, f) for f in dict.fromkeys(first + allm)]
            check(len(mp) == len(allm) > 100, f"M: {len(mp)} of {len(allm)} pages to check")
            shots = os.path.join(ROOT, "build", "public", "screenshots")
            shutil.rmtree(shots, ignore_errors=True)
            rep = browser(pages, os.path.join(shots, "sample")) if pages else None
            rep_m = browser(mp, os.path.join(shots, "M"), len(first)) if mp else None
            results = {"sample": rep, "M": rep_m}
            with open(os.path.join(ROOT, "build", "public", "browser.json"), "w", encoding="utf-8") as f:
                json.dump(results, f, ensure_ascii=False, indent=1)
            statement(results)
            for name, r in results.items():
                pgs = (r or {}).get("pages", [])
                for pg in pgs:
                    check(pg["load_ms"] < 1000 or name == "M" and pg["load_ms"] < 3000,
                          f"browser: {pg['page']} took {pg['load_ms']} ms")
                if pgs:
                    print(f"public: {name}: {len(pgs)} pages in Chromium, the slowest loaded in "
                          f"{max(p['load_ms'] for p in pgs)} ms, at least {min(p['passes'] for p in pgs)} axe rules "
                          f"passed on each, {sum(len(p['violations']) for p in pgs)} violations")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if mtmp:
            mtmp.cleanup()
    return finish("public")


if __name__ == "__main__":
    sys.exit(main())
