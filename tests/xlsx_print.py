#!/usr/bin/python3
"""The workbooks as a PMO officer sees and prints them (issue 13).

- On screen: the summary's 概要 opens with the briefing (総括) at the top
  left and the KGI's trend and the pillars' statuses beside it, inside a
  1366 × 768 screen at 100% (their anchors and the columns' widths, as Excel
  draws them: 7 px per character plus 5).
- On paper: every sheet of the summary and of a division's feedback workbook,
  printed by LibreOffice (with Carlito, Calibri's metrics, so that columns are
  as wide as in Excel), has no text under 8 points; 概要 prints one page wide
  with its charts; the list sheets are one page wide where that keeps 8
  points, otherwise at 80% across then down with their key columns repeated,
  and the header row repeated always.
"""
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

from harness import ROOT, check, finish, run, sanitized

SCREEN_W, SCREEN_H = 1366, 768
# what Excel leaves of the screen to the grid at 100%: the row headings and
# the scroll bar across; the ribbon, formula bar, column headings, sheet tabs
# and status bar down
GRID_W, GRID_H = SCREEN_W - 60, SCREEN_H - 290


def col_px(width):
    """A column's width in pixels as Excel draws it (stored widths carry 0.71)."""
    return math.floor((width - 0.71) * 7 + 5) if width else 64


def sizes(pdf):
    """The size in points of every text run in pdf, as drawn (Tf × the text
    matrix's and the graphics state's scale), per page."""
    with tempfile.TemporaryDirectory() as tmp:
        qdf = os.path.join(tmp, "q.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
        data = open(qdf, "rb").read().decode("latin1")
    pages = re.split(r"%% Page \d+\n", data)[1:] or [data]
    out = []
    num = r"-?[\d.]+"
    tok = re.compile(rf"({num}) ({num}) ({num}) ({num}) ({num}) ({num}) (cm|Tm)|/\S+ ({num}) Tf|\b(q|Q)\b|(Tj|TJ|')")
    for page in pages:
        found = []
        ctm = [1.0]
        stack = []
        tm = 1.0
        size = 0.0
        for m in tok.finditer(page):
            if m.group(7) == "cm":
                ctm[-1] *= math.hypot(float(m.group(1)), float(m.group(2)))
            elif m.group(7) == "Tm":
                tm = math.hypot(float(m.group(1)), float(m.group(2)))
            elif m.group(8):
                size = float(m.group(8))
            elif m.group(9) == "q":
                stack.append(ctm[-1])
                ctm.append(ctm[-1])
            elif m.group(9) == "Q":
                if len(ctm) > 1:
                    ctm.pop()
            elif m.group(10) and size:
                found.append(size * tm * ctm[-1])
        out.append(found)
    return out


def to_pdf(xlsx, outdir, profile):
    p = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", outdir, xlsx], capture_output=True, timeout=300)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(xlsx))[0] + ".pdf")
    check(p.returncode == 0 and os.path.exists(pdf), f"LibreOffice could not print {xlsx}: {p.stderr[-300:]}")
    return pdf if os.path.exists(pdf) else None


def page_text(pdf, page):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True).stdout


def anchors(xlsx, sheet_index=1):
    """The charts of the sheet's drawing: (from col, from row, to col, to row, to col offset px)."""
    z = zipfile.ZipFile(xlsx)
    d = z.read(f"xl/drawings/drawing{sheet_index}.xml").decode()
    out = []
    for m in re.finditer(r"<xdr:from>(.*?)</xdr:from><xdr:to>(.*?)</xdr:to>", d):
        f = dict(re.findall(r"<xdr:(col|row|colOff|rowOff)>(\d+)", m.group(1)))
        t = dict(re.findall(r"<xdr:(col|row|colOff|rowOff)>(\d+)", m.group(2)))
        out.append((int(f["col"]), int(f["row"]), int(t["col"]), int(t["row"]), int(t["colOff"]) / 9525))
    return out


def on_screen(xlsx):
    """概要 at 100%: the briefing at A, the first two charts inside the grid."""
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["概要"]
    widths = {}
    for k, d in ws.column_dimensions.items():
        for c in range(d.min, d.max + 1):
            widths[c - 1] = d.width

    def left(col):
        return sum(col_px(widths.get(c)) for c in range(col))

    def top(row):
        return sum((ws.row_dimensions[r + 1].height or 15) * 96 / 72 for r in range(row))

    cells = [(c.row, c.column, c.value) for r in ws.iter_rows() for c in r if c.value is not None]
    brief = next((r for r, c, v in cells if v and str(v).startswith("総括")), None)
    check(brief is not None and brief <= 5, f"概要: the briefing starts at row {brief}, not at the top")
    a = anchors(xlsx)
    check(len(a) == 4, f"概要: {len(a)} charts")
    for fc, fr, tc, tr, off in a[:2]:
        right = left(tc) + off
        check(right <= GRID_W, f"概要: a chart beside the briefing ends at {right:.0f} px, past a 1366 px screen")
        check(fc > 2, f"概要: a chart covers the briefing (column {fc})")
    # the trend chart starts where the briefing does: seen without scrolling
    check(top(a[0][1]) < GRID_H / 2, f"概要: the first chart starts {top(a[0][1]):.0f} px down")
    # the departments' charts below every table they draw from but the last
    last_table = max(r for r, c, v in cells if v == "部別の業務量削減率")
    check(all(fr >= last_table for _, fr, _, _, _ in a[2:]), "概要: the departments' charts overlap a table")


def print_setup(xlsx):
    """Each list sheet: one page wide, or 80% across then down with its key
    columns repeated; the header row repeated; landscape A4."""
    wb = openpyxl.load_workbook(xlsx)
    for ws in wb.worksheets:
        ps = ws.page_setup
        name = ws.title
        check(ps.orientation == "landscape" and str(ps.paperSize) == "9", f"{name}: not A4 landscape")
        fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
        if fit:
            check(ps.fitToWidth in (None, 1) and ps.fitToHeight == 0, f"{name}: fit to {ps.fitToWidth} × {ps.fitToHeight}")
        else:
            check(ps.scale is not None and int(ps.scale) >= 80, f"{name}: printed at {ps.scale}%")
            check(ps.pageOrder == "overThenDown", f"{name}: pages {ps.pageOrder}")
            check(bool(ws.print_title_cols), f"{name}: wider than a page and no key columns repeated")
        if name not in ("概要",):
            check(bool(ws.print_title_rows), f"{name}: the header row is not repeated")


def main():
    if sanitized():
        # it reads the outputs, which golden.py proves are the same bytes under the sanitizers
        print(f"xlsx_print: skipped under AddressSanitizer (the release pass runs it)")
        return 0
    if not shutil.which("soffice"):
        check(False, "LibreOffice (soffice) is not installed: tools/deps.sh test installs it")
        return finish("xlsx_print")
    fc = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True).stdout
    check("Carlito" in fc, f"Calibri is {fc.strip()}, not Carlito: install fonts-crosextra-carlito (tools/deps.sh test)")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        st, err = run("run", "--input", os.path.join(ROOT, "input"), "--output", out, "--quiet")
        check(st in (0, 1), f"the sample: exit {st}: {err[-500:]}")
        p = os.path.join(out, "2026Q3")
        summary = os.path.join(p, "summary_2026Q3.xlsx")
        feedback = os.path.join(p, "feedback", "010300_DX推進課_2026Q3.xlsx")
        on_screen(summary)
        print_setup(summary)
        print_setup(feedback)
        for book in (summary, feedback):
            pdf = to_pdf(book, tmp, os.path.join(tmp, "lo-profile"))
            if not pdf:
                continue
            per_page = sizes(pdf)
            small = [(i + 1, round(s, 2)) for i, page in enumerate(per_page) for s in page if s < 7.95]
            check(not small, f"{os.path.basename(book)}: text under 8 points as printed (page, size): {small[:10]}")
            check(sum(len(x) for x in per_page) > 100, f"{os.path.basename(book)}: no text found in the print")
            first = page_text(pdf, 1)
            if book == summary:
                for want in ("総括", "業務量削減率の推移", "柱別の施策の状況", "遅れている項目"):
                    check(want in first, f"summary: {want} not on the first printed page")
            else:
                check("総括" in first and "提出期限" in "".join(page_text(pdf, i) for i in (1, 2)),
                      "feedback: 総括 and the deadline on the first pages")
    return finish("xlsx_print")


if __name__ == "__main__":
    sys.exit(main())
