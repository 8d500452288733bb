#!/usr/bin/python3
"""Refreshes the screenshots in docs/images/ from a run on the sample city
(input/), so that the guides show the real outputs:

    tools/screenshots.py [--kaikaku PATH] [--out DIR]

- review-brief.png, review-roadmap.png, review-kgi.png, review-department.png:
  pages of the review pack (総括, the roadmap, the KGI page and the first
  department's page), as poppler renders them;
- summary-overview.png: the 概要 sheet of the PMO's workbook, and
  feedback-overview.png, feedback-submission.png: the 概要 and 提出_KPI実績
  sheets of a division's feedback workbook, printed by LibreOffice
  (libreoffice --headless --convert-to pdf, with the print set-up kaikaku
  writes), then rendered by poppler.

Pages are found by their text, not their number, so a change in the layout
moves nothing. Needs poppler-utils and libreoffice-calc (tools/deps.sh test).
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIVISION = "010300_DX推進課"


def pdfinfo(pdf, page=None):
    args = ["pdfinfo"] + (["-f", str(page), "-l", str(page)] if page else []) + [pdf]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()


def page_with(pdf, first_line_has):
    """The 1-based page whose first line of body text (after the running
    header) contains first_line_has."""
    n = int(next(x.split()[1] for x in pdfinfo(pdf) if x.startswith("Pages:")))
    for i in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", pdf, "-"],
                              capture_output=True, text=True, check=True).stdout
        body = [x.strip() for x in text.splitlines() if x.strip()][1:]
        if body and first_line_has in body[0]:
            return i
    sys.exit(f"screenshots: no page of {pdf} starts with {first_line_has!r}")


def render(pdf, page, out_png, dpi, keep=1.0):
    """Renders one page at dpi, keeping the top `keep` fraction of it."""
    args = ["pdftoppm", "-png", "-singlefile", "-r", str(dpi), "-f", str(page), "-l", str(page)]
    if keep < 1.0:
        # "Page    1 size: 841.89 x 595.276 pts (A4)"
        size = next(x for x in pdfinfo(pdf, page) if x.startswith("Page") and " size:" in x)
        w, h = (float(v) for v in size.split("size:")[1].split("pts")[0].split("x"))
        args += ["-x", "0", "-y", "0", "-W", str(round(w / 72 * dpi)), "-H", str(round(h / 72 * dpi * keep))]
    subprocess.run(args + [pdf, out_png[:-4]], check=True)
    print(f"screenshots: {os.path.relpath(out_png, ROOT)} (page {page} of {os.path.basename(pdf)})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kaikaku", default=os.path.join(ROOT, "kaikaku"))
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "images"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kaikaku-shots-") as tmp:
        out = os.path.join(tmp, "out")
        p = subprocess.run([a.kaikaku, "run", "--input", os.path.join(ROOT, "input"), "--output", out,
                            "--quiet"], capture_output=True, text=True)
        if p.returncode not in (0, 1):
            sys.exit(f"screenshots: kaikaku exited {p.returncode}: {p.stderr[-1000:]}")
        period = sorted(d for d in os.listdir(out)
                        if not d.startswith(".") and os.path.isdir(os.path.join(out, d)))[-1]
        res = os.path.join(out, period)
        review = os.path.join(res, f"review_{period}.pdf")
        render(review, page_with(review, "総括"), os.path.join(a.out, "review-brief.png"), 80)
        render(review, page_with(review, "ロードマップ"), os.path.join(a.out, "review-roadmap.png"), 80, keep=0.7)
        render(review, page_with(review, "概要 KGI 業務量削減率"), os.path.join(a.out, "review-kgi.png"), 80)
        first_dept = sorted(os.listdir(os.path.join(res, "departments")))[0].rsplit("_", 1)[0]
        render(review, page_with(review, first_dept), os.path.join(a.out, "review-department.png"), 80)
        # the workbooks as LibreOffice prints them (profile in tmp: no user's settings)
        books = [os.path.join(res, f"summary_{period}.xlsx"),
                 os.path.join(res, "feedback", f"{DIVISION}_{period}.xlsx")]
        profile = "file://" + os.path.join(tmp, "lo-profile")
        subprocess.run(["libreoffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, *books], check=True, capture_output=True, timeout=300)
        summary = os.path.join(tmp, f"summary_{period}.pdf")
        feedback = os.path.join(tmp, f"{DIVISION}_{period}.pdf")
        render(summary, page_with(summary, "抜本的な業務改革 四半期レビュー"), os.path.join(a.out, "summary-overview.png"),
               130, keep=0.76)
        render(feedback, page_with(feedback, "業務改革 四半期フィードバック"), os.path.join(a.out, "feedback-overview.png"),
               110, keep=0.62)
        render(feedback, page_with(feedback, "KPI 実績値を黄色のセルに入力"), os.path.join(a.out, "feedback-submission.png"),
               110, keep=0.3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
